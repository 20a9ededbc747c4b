// Scenario A against scenario B: "Pin as A" keeps the current scenario in the state
// (state.pinned, via state.js pin()/unpin(), so it travels in the permalink and the undo
// history); moving the sliders makes B. Every chart draws A faintly behind B (render()'s
// `compare` argument), and a table gives A, B and B − A for the numbers that decide the story.
//
// API: configure({api}), build(container), scenarioFor(state) (the pinned scenario for
// render(), or null when there is none or the model refuses it), update(state, result).

import { t } from './i18n.js';
import * as fmt from './format.js';
import * as store from './state.js';
import { el } from './dom.js';

let api = null;
const view = {};
let cache = { key: null, result: null, error: null }; // A's model result, by pinned scenario

const ROWS = [
  { id: 'npv', label: 'compare.row.npv', kind: 'money', of: (s) => s.npv, better: 1 },
  { id: 'payback', label: 'compare.row.payback', kind: 'month', of: (s) => s.paybackMonth },
  { id: 'regret', label: 'compare.row.regret', kind: 'month', of: (s) => s.regretMonth },
  { id: 'rehireCost', label: 'compare.row.rehireCost', kind: 'money', of: (s) => s.rehireCost, better: -1 },
  { id: 'laidOff', label: 'compare.row.laidOff', kind: 'count', of: (s) => s.laidOff },
  { id: 'customersLost', label: 'compare.row.customersLost', kind: 'count', of: (s) => s.customersLost, better: -1 },
];

export function configure({ api: wasm }) {
  api = wasm;
}

/** A's model result (cached by the pinned scenario), or {error}. */
function resultOfPinned(state) {
  const scenario = store.compareOf(state);
  if (!scenario) return null;
  const key = JSON.stringify(scenario);
  if (cache.key !== key) {
    cache = { key, result: null, error: null };
    try {
      cache.result = api.compute(scenario);
    } catch (error) {
      cache.error = String(error?.message || error);
    }
  }
  return cache;
}

/** The pinned scenario to draw behind the current one, or null (none, or one the model refuses). */
export function scenarioFor(state) {
  const a = resultOfPinned(state);
  return a && a.result ? store.compareOf(state) : null;
}

export function build(container) {
  if (!container) return;
  const heading = el('h2', 'section-label', t('compare.heading'));
  heading.id = 'compare-heading';
  container.setAttribute('aria-labelledby', heading.id);
  view.hint = el('p', 'compare__hint', t('compare.hint'));
  view.status = el('p', 'compare__status');
  view.status.id = 'compare-status';
  view.pin = el('button', 'button compare__pin', t('compare.pin'));
  view.pin.type = 'button';
  view.pin.id = 'compare-pin';
  view.pin.addEventListener('click', () => store.pin());
  view.unpin = el('button', 'button button--quiet compare__unpin', t('compare.unpin'));
  view.unpin.type = 'button';
  view.unpin.id = 'compare-unpin';
  view.unpin.addEventListener('click', () => store.unpin());
  const actions = el('div', 'compare__actions');
  actions.append(view.pin, view.unpin);
  view.table = el('table', 'compare__table');
  view.table.id = 'compare-table';
  const caption = el('caption', 'sr-only', t('compare.caption'));
  const head = el('thead');
  const headRow = el('tr');
  for (const key of ['compare.col.measure', 'compare.col.a', 'compare.col.b', 'compare.col.diff']) {
    const th = el('th', '', t(key));
    th.scope = 'col';
    headRow.append(th);
  }
  head.append(headRow);
  view.body = el('tbody');
  view.cells = new Map();
  for (const row of ROWS) {
    const tr = el('tr');
    tr.dataset.row = row.id;
    const th = el('th', '', t(row.label));
    th.scope = 'row';
    const a = el('td', 'compare__a');
    const b = el('td', 'compare__b');
    const d = el('td', 'compare__diff');
    tr.append(th, a, b, d);
    view.body.append(tr);
    view.cells.set(row.id, { a, b, d });
  }
  view.table.append(caption, head, view.body);
  view.wrap = el('div', 'compare__table-wrap');
  view.wrap.append(view.table);
  container.replaceChildren(heading, view.hint, actions, view.status, view.wrap);
  update(store.getState(), null);
}

function show(kind, value) {
  if (value == null) return t('compare.never');
  if (kind === 'money') return fmt.moneyCompact(value);
  if (kind === 'month') return fmt.number(value);
  return fmt.count(value);
}

function difference(kind, a, b) {
  if (a == null || b == null) return '—';
  const d = b - a;
  if (Math.abs(d) < 0.5) return kind === 'money' ? fmt.moneyCompact(0) : fmt.number(0);
  const sign = d > 0 ? '+' : '';
  if (kind === 'money') return `${sign}${fmt.moneyCompact(d)}`;
  if (kind === 'month') return `${sign}${fmt.number(d)}`;
  return `${sign}${fmt.count(d)}`;
}

function presetTitle(name) {
  return t(`presets.${name}.title`, {}, name);
}

/** Shows the table (or the invitation to pin) for the current state and its result (B). */
export function update(state, result) {
  if (!view.table) return;
  const a = resultOfPinned(state);
  const pinned = Boolean(a);
  view.unpin.hidden = !pinned;
  view.pin.textContent = pinned ? t('compare.repin') : t('compare.pin');
  view.hint.hidden = pinned;
  if (!pinned) {
    view.wrap.hidden = true;
    view.status.textContent = '';
    delete view.status.dataset.state;
    return;
  }
  if (a.error) {
    view.wrap.hidden = true;
    view.status.textContent = t('compare.invalid');
    view.status.dataset.state = 'invalid';
    return;
  }
  const changed = Object.keys(state.pinned.params || {}).length;
  const title = presetTitle(state.pinned.preset);
  view.status.textContent = t('compare.pinned', {
    what: changed ? `${title}, ${t('compare.changed', { n: fmt.number(changed), count: changed })}` : title,
  });
  view.status.dataset.state = 'pinned';
  if (!result) return;
  view.wrap.hidden = false;
  const sa = a.result.summary;
  const sb = result.summary;
  for (const row of ROWS) {
    const cells = view.cells.get(row.id);
    const va = row.of(sa);
    const vb = row.of(sb);
    cells.a.textContent = show(row.kind, va);
    cells.b.textContent = show(row.kind, vb);
    cells.d.textContent = difference(row.kind, va, vb);
    const d = va == null || vb == null ? 0 : (vb - va) * (row.better || 0);
    cells.d.classList.toggle('is-good', d >= 0.5);
    cells.d.classList.toggle('is-bad', d <= -0.5);
  }
}
