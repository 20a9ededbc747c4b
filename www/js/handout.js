// The printed handout: one A4 page for a class, laid out by print.css. It is a separate
// section of the page, hidden on screen and built for the scenario of the moment right
// before printing (the browser's beforeprint event, and a switch to print media):
//
//   title, case and date, the permalink as text and as a QR code · the savings chart (drawn
//   by the model at three times its size, so it prints sharp at about 330 dpi) beside the key numbers · the story · every
//   assumption with its value, evidence and sources (changed ones marked) · questions for
//   discussion, all in the page language and display currency.
//
// Nothing here is inserted as markup: the charts are PNG images shown through <img>, the
// story and numbers are copies of the page's own nodes, everything else is text.
//
// It is built only when printed: about 400 elements and a chart drawn at three times its size
// that most readers never print, and that would count against the first load (issue 15).
//
// API: configure({api, paramTable, presetTable}), update() (builds it now).

import { t, raw, language } from './i18n.js';
import * as fmt from './format.js';
import * as store from './state.js';
import * as charts from './charts.js';
import * as permalink from './permalink.js';
import { parseSource, citationOf } from './sources.js';
import { qrSvg } from './qr.js';
import { current as currentMoney } from './lang.js';
import { el } from './dom.js';

/**
 * The chart on the handout and its size in CSS pixels (printed about 11 cm wide). A second
 * chart did not fit on one page with the Indonesian text and all the assumptions.
 */
export const HANDOUT_CHARTS = [{ kind: 'savings', width: 480, height: 225 }];

/** Device pixels per CSS pixel of the printed chart. */
const PRINT_SCALE = 3;

let api = null;
let specs = [];
let presets = [];
let root = null;

export function configure({ api: wasm, paramTable, presetTable }) {
  api = wasm;
  specs = paramTable.filter((s) => s.key !== 'modelDepth');
  presets = presetTable;
  // beforeprint comes with the print dialog, window.print() and a PDF export; the media
  // query also follows print emulation (tools, tests). Both build it synchronously.
  window.addEventListener('beforeprint', () => update());
  window.matchMedia?.('print')?.addEventListener?.('change', (event) => {
    if (event.matches) update();
  });
}

function chartImage(state, { kind, width, height }) {
  const figure = el('figure', `handout__chart handout__chart--${kind}`);
  figure.append(el('figcaption', 'handout__chart-title', t(`charts.${kind}.title`)));
  if (kind === 'quality' && state.depth < 2) {
    figure.append(el('p', 'handout__muted', t('charts.notModelled')));
    return figure;
  }
  try {
    // The page module's own renderer, at PRINT_SCALE times the size: synchronous, so the
    // handout is ready inside the browser's beforeprint event.
    const options = { ...charts.options(), scale: PRINT_SCALE, theme: 'light' };
    const compare = typeof store.compareOf === 'function' ? store.compareOf(state) : null;
    const canvas = document.createElement('canvas');
    canvas.width = width * PRINT_SCALE;
    canvas.height = height * PRINT_SCALE;
    api.render({ scenario: store.scenarioOf(state), charts: [{ kind, canvas }], options, compare });
    const img = el('img', 'handout__chart-img');
    img.alt = document.getElementById(`chart-desc-${kind}`)?.textContent || t(`charts.${kind}.title`);
    img.width = width;
    img.height = height;
    img.src = canvas.toDataURL('image/png');
    figure.append(img);
  } catch {
    // A scenario the model refuses: the page already says why; the handout shows no chart.
    figure.append(el('p', 'handout__muted', t('handout.noChart')));
  }
  return figure;
}

function copyOf(id) {
  const node = document.getElementById(id);
  const copy = node ? node.cloneNode(true) : el('div');
  copy.removeAttribute('id');
  for (const inner of copy.querySelectorAll('[id]')) inner.removeAttribute('id');
  return copy;
}

/** A label's own words, without the glossary's "?" button and its note (glossary.js). */
function labelText(label) {
  if (!label) return '';
  const copy = label.cloneNode(true);
  for (const tip of copy.querySelectorAll('.term')) tip.remove();
  return copy.textContent.trim();
}

function numbersList() {
  const list = el('dl', 'handout__numbers');
  for (const stat of document.querySelectorAll('#numbers .stat')) {
    const box = el('div', 'handout__stat');
    // Label and value only: the notes would not leave room for the assumptions.
    box.append(
      el('dt', '', labelText(stat.querySelector('.stat__label'))),
      el('dd', 'handout__stat-value', stat.querySelector('.stat__value')?.textContent || ''),
    );
    list.append(box);
  }
  return list;
}

function paramTables(state) {
  const changed = new Set(store.changedKeys(state));
  const rows = specs.map((spec) => {
    const value = store.effectiveValue(state, spec.key);
    const tr = el('tr', changed.has(spec.key) ? 'is-changed' : spec.depth > state.depth ? 'is-inactive' : '');
    const name = el('th', 'handout__param');
    name.scope = 'row';
    if (changed.has(spec.key)) name.append(el('span', 'handout__mark', '● '));
    name.append(document.createTextNode(t(`params.${spec.key}.label`)));
    const shown = el('td', 'handout__value', value === undefined ? '—' : fmt.valueText(spec, value));
    const { tags } = parseSource(spec.source);
    const evidence = t(`handout.evidenceShort.${spec.evidence}`, {}, spec.evidence);
    const source = el('td', 'handout__source', tags.length ? `${evidence} · ${tags.join(' ')}` : evidence);
    tr.append(name, shown, source);
    return tr;
  });
  const half = Math.ceil(rows.length / 2);
  const tables = [rows.slice(0, half), rows.slice(half)].map((part) => {
    const table = el('table', 'handout__table');
    const head = el('tr');
    for (const key of ['handout.paramCol', 'handout.valueCol', 'handout.sourceCol']) {
      const th = el('th', '', t(key));
      th.scope = 'col';
      head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    tbody.append(...part);
    table.append(thead, tbody);
    return table;
  });
  const wrap = el('div', 'handout__tables');
  wrap.append(...tables);
  return wrap;
}

/** At most `n` characters, cut at a word, with an ellipsis when cut. */
function shorten(text, n) {
  if (text.length <= n) return text;
  const cut = text.slice(0, n);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), n / 2)).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * The sources the table's codes refer to (issue 16: a code without its list is no source),
 * each with its citation's first part (who, what, when); the page's list has the rest.
 */
function sourceList() {
  const ids = [...new Set(specs.flatMap((spec) => parseSource(spec.source).tags))];
  const list = el('dl', 'handout__sources');
  for (const id of ids) {
    const citation = citationOf(id);
    const short = citation ? shorten(citation.split(/:\s|\s\(/)[0].replace(/[.,;]\s*$/, ''), 60) : t('evidence.noCitation');
    const row = el('div', 'handout__source-row');
    row.append(el('dt', '', id), el('dd', '', short));
    list.append(row);
  }
  return list;
}

function caseLine(state) {
  const preset = presets.find((p) => p.name === state.preset);
  const title = t(`presets.${state.preset}.title`, {}, preset?.title || state.preset);
  const level = `${t('depth.level', { n: state.depth })}: ${t(`depth.${state.depth}.title`).replace(/^\+\s*/, '')}`;
  const changed = store.changedKeys(state).length;
  const parts = [t('handout.case', { preset: title }), level];
  if (changed) parts.push(t('handout.changedCount', { n: changed, count: changed }));
  const { currency } = currentMoney();
  parts.push(currency === 'USD' ? t('handout.moneyUsd') : t('handout.money', { currency, money: fmt.moneyFull(1, 0, 4) }));
  return parts.join(' · ');
}

/** Builds the handout for the current state now. */
export function update() {
  if (!api) return;
  const state = store.getState();
  if (!root) {
    root = el('section', 'handout');
    root.id = 'handout';
    root.setAttribute('aria-labelledby', 'handout-title');
    document.body.append(root);
  }
  const link = permalink.linkUrl(state);

  const header = el('header', 'handout__header');
  const heading = el('div', 'handout__heading');
  // An h2: the page keeps one h1 (the handout is only printed, but it lives in the same DOM).
  const title = el('h2', 'handout__title', t('page.headline'));
  title.id = 'handout-title';
  const date = new Intl.DateTimeFormat(language(), { dateStyle: 'long' }).format(new Date());
  heading.append(
    el('p', 'handout__kicker', `${t('handout.kicker')} · ${date}`),
    title,
    el('p', 'handout__case', caseLine(state)),
    el('p', 'handout__legend', t('handout.legend', { preset: t(`presets.${state.preset}.title`, {}, state.preset) })),
  );

  const chartRow = el('div', 'handout__charts');
  for (const chart of HANDOUT_CHARTS) chartRow.append(chartImage(state, chart));
  const numbers = el('section', 'handout__key');
  numbers.append(el('h2', 'handout__h', t('numbers.heading')), numbersList());
  chartRow.append(numbers);

  const story = el('section', 'handout__story');
  story.append(el('h2', 'handout__h', t('prose.heading')));
  const storyText = copyOf('story');
  storyText.className = 'handout__story-text';
  story.append(storyText);

  const params = el('section', 'handout__params');
  params.append(el('h2', 'handout__h', t('handout.params')));
  params.append(paramTables(state));
  const sources = el('section', 'handout__source-list');
  sources.append(el('h2', 'handout__h', t('handout.sourcesHeading')), sourceList());

  const questions = el('section', 'handout__questions');
  questions.append(el('h2', 'handout__h', t('handout.questionsHeading')));
  const list = el('ol', 'handout__question-list');
  for (const q of raw('handout.questions') || []) list.append(el('li', '', String(q)));
  questions.append(list);

  const share = el('div', 'handout__link');
  const code = el('div', 'handout__qr');
  try {
    code.append(qrSvg(link, { label: t('handout.qrLabel') }));
  } catch {
    code.append(el('p', 'handout__muted', t('handout.qrTooLong')));
  }
  // The address as text under the title (one or two lines), its QR code beside the title.
  const text = el('p', 'handout__url');
  text.append(el('strong', 'handout__url-label', `${t('handout.link')}: `), el('span', 'handout__url-text', link));
  heading.append(text);
  share.append(code);
  header.append(heading, share);

  const footer = el('p', 'handout__footer', t('handout.footer'));
  root.replaceChildren(header, chartRow, story, questions, params, sources, footer);
  root.dataset.link = link;
  root.dataset.lang = language();
}
