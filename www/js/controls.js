// The reader's knobs, generated from the model's tables (params, presets): preset buttons, the
// model-level radios and one slider row per parameter, grouped as a reader thinks.
//
// A slider row: <input type="range" id="KEY"> (its data-value holds the exact parameter
// value, its aria-valuetext the value with units), a typed field in display units (percent,
// currency), a reset button, a "changed from the preset" mark, an evidence tag with sources,
// an inline error and a note when the parameter only matters at a higher model level.
//
// Wide ranges (customers 1,000 to 200 million) use a logarithmic slider so that both ends
// are reachable; the exact value is always shown and can be typed.
//
// Controls only write to state (state.js) and read it back in sync(); they never run the
// model. Typed values are checked with checkValue() before they reach the state, so an
// invalid entry shows its reason next to the field and the last good result stays.

import { t } from './i18n.js';
import * as fmt from './format.js';
import * as store from './state.js';
import { paramEvidence, evidenceTag, parseSource } from './sources.js';
import { el, clip } from './dom.js';

const GROUP_ORDER = ['cut', 'ai', 'customers', 'rehiring', 'erosion', 'augment', 'money'];
const OPEN_GROUPS = new Set(['cut', 'ai', 'customers']);
const POSITIONS = 1000;

const rows = new Map(); // key -> row record
const groupSummaries = new Map(); // group -> element showing the changed count
let specs = [];
let presetList = [];
let checkValue = null;
let presetButtons = [];
let presetAbout = null;
let depthInputs = [];
let lastDepth = null;

function tidy(x) {
  return Number(Number(x).toPrecision(12));
}

// ---- Slider scales ---------------------------------------------------------------------------

/** How slider positions map to values: linear, logarithmic, or log-like from zero. */
export function scaleOf(spec) {
  const { min, max, step } = spec;
  const snap = (v) => {
    const k = Math.round((v - min) / step);
    return Math.min(max, Math.max(min, tidy(min + k * step)));
  };
  if (min > 0 && max / min >= 100) {
    const span = Math.log(max / min);
    return {
      kind: 'log',
      toPos: (v) => Math.round((POSITIONS * Math.log(Math.max(v, min) / min)) / span),
      fromPos: (p) => snap(min * Math.exp((span * p) / POSITIONS)),
      snap,
    };
  }
  if (min === 0 && max / step >= 2000) {
    const offset = max / 1000;
    const span = Math.log1p(max / offset);
    return {
      kind: 'log0',
      toPos: (v) => Math.round((POSITIONS * Math.log1p(Math.max(v, 0) / offset)) / span),
      fromPos: (p) => snap(offset * Math.expm1((span * p) / POSITIONS)),
      snap,
    };
  }
  return { kind: 'linear', toPos: (v) => v, fromPos: (p) => snap(Number(p)), snap };
}

// ---- Building ------------------------------------------------------------------------------

function labelOf(spec) {
  return t(`params.${spec.key}.label`);
}

function helpOf(spec) {
  return t(`params.${spec.key}.help`);
}

function buildRow(spec, onInteract) {
  const key = spec.key;
  const scale = scaleOf(spec);
  const row = el('div', 'control');
  row.dataset.key = key;
  row.id = `control-${key}`;

  const head = el('div', 'control__head');
  const label = el('label', 'control__label');
  label.htmlFor = key;
  label.id = `label-${key}`;
  const labelText = el('span', 'control__label-text', labelOf(spec));
  // One element: a dot drawn by style.css, its words heard by screen readers (text-indent).
  // Invisible, not removed, while the value is the preset's (style.css .is-none): its
  // arrival during a drag must not rewrap a long label and move the slider being dragged.
  const changed = el('span', 'control__changed is-none', ` (${t('control.changed')})`);
  label.append(labelText, changed);

  const valueBox = el('span', 'control__value');
  const typed = el('input', 'control__typed');
  typed.type = 'text';
  typed.inputMode = 'decimal';
  typed.autocomplete = 'off';
  typed.spellcheck = false;
  typed.id = `${key}-typed`;
  const unitText = fmt.isMoney(spec.unit) ? t(`units.${spec.unit}.short`) : fmt.shortUnit(spec);
  const unitName = fmt.isMoney(spec.unit)
    ? [fmt.currencyAffix().symbol, unitText].filter(Boolean).join(' ')
    : unitText || t(`units.${spec.unit}.spoken`, { v: '', count: 2 }).trim();
  typed.setAttribute('aria-label', t('control.typed', { label: labelOf(spec), unit: unitName || '—' }));
  typed.style.width = typedWidth(spec);
  if (fmt.isMoney(spec.unit)) {
    const { symbol, before } = fmt.currencyAffix();
    const cur = el('span', 'control__affix', symbol);
    cur.setAttribute('aria-hidden', 'true');
    if (before) valueBox.append(cur, typed);
    else valueBox.append(typed, cur);
  } else {
    valueBox.append(typed);
  }
  if (unitText) {
    const unit = el('span', 'control__unit', unitText);
    unit.setAttribute('aria-hidden', 'true');
    valueBox.append(unit);
  }
  head.append(label, valueBox);

  const body = el('div', 'control__body');
  const range = el('input', 'control__range');
  range.type = 'range';
  range.id = key;
  if (scale.kind === 'linear') {
    range.min = String(spec.min);
    range.max = String(spec.max);
    range.step = String(spec.step);
  } else {
    range.min = '0';
    range.max = String(POSITIONS);
    range.step = '1';
    range.dataset.scale = scale.kind;
  }
  range.dataset.min = String(spec.min);
  range.dataset.max = String(spec.max);
  const reset = el('button', 'control__reset');
  reset.type = 'button';
  reset.textContent = '↺'; // its aria-label, set with the value it resets to, is what is heard
  body.append(range, reset);

  const help = el('p', 'control__help');
  help.id = `help-${key}`;
  const evidence = paramEvidence(spec);
  help.append(el('span', 'control__help-text', `${helpOf(spec)} `), evidence);

  const depthNote = el('p', 'control__depth');
  depthNote.id = `depth-${key}`;
  depthNote.hidden = true;

  const error = el('p', 'control__error');
  error.id = `err-${key}`;
  error.setAttribute('role', 'alert');
  error.hidden = true;

  range.setAttribute('aria-describedby', `help-${key} depth-${key} err-${key}`);
  typed.setAttribute('aria-describedby', `err-${key} help-${key}`);

  row.append(head, body, help, depthNote, error);

  const record = { spec, scale, row, range, typed, reset, changed, error, depthNote, evidence, evidenceFor: undefined, shown: undefined, typedError: false };
  rows.set(key, record);

  // Dragging: store the value and let app.js schedule one frame; the drag's end is recorded.
  range.addEventListener('input', () => {
    const state = store.getState();
    const current = store.effectiveValue(state, key);
    let value = scale.fromPos(Number(range.value));
    if (scale.kind !== 'linear' && value === current) {
      // A log slider near its low end can move less than one step: move one step instead.
      const direction = Math.sign(Number(range.value) - scale.toPos(current));
      if (direction !== 0) value = scale.snap(current + direction * spec.step);
    }
    clearError(key);
    onInteract();
    store.setParam(key, value, { record: false, source: `range:${key}` });
  });
  range.addEventListener('change', () => {
    store.setState({}, { record: true, source: `range:${key}` });
  });
  range.addEventListener('pointerdown', () => startDrag(range));

  const commitTyped = () => {
    const text = typed.value;
    const result = readTyped(spec, text, store.effectiveValue(store.getState(), key));
    if (!result.ok) {
      showError(key, result.message, true);
      return;
    }
    clearError(key);
    onInteract();
    const state = store.getState();
    if (store.effectiveValue(state, key) === result.value) {
      record.shown = undefined; // rewrite the field in the page's format
      store.setState({}, { record: false, source: `typed:${key}` });
    } else {
      store.setParam(key, result.value, { record: true, source: `typed:${key}` });
    }
  };
  typed.addEventListener('change', commitTyped);
  typed.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commitTyped();
    } else if (event.key === 'Escape' && record.typedError) {
      clearError(key);
      record.shown = undefined;
      store.setState({}, { record: false, source: `typed:${key}` });
    }
  });

  reset.addEventListener('click', () => {
    clearError(key);
    onInteract();
    store.resetParam(key, { record: true, source: `reset:${key}` });
    range.focus();
  });

  return row;
}

function rangeText(spec) {
  return { min: fmt.valueText(spec, spec.min), max: fmt.valueText(spec, spec.max) };
}

/**
 * Reads a typed value in display units; returns {ok, value} or {ok: false, code, message}.
 * The text is read as the page shows numbers (format.js parseLocaleNumber: grouping, decimal
 * separator, minus and unit sign of the page language, or the plain form); a text that could
 * mean two numbers is refused with a message, and the model's own check (checkValue) decides
 * the rest. `shownValue`, when given, is the value the field displays: its exact text, as
 * displayed, is that value (in Indonesian "5.080" shows 5080, though it also reads as 5.08).
 */
export function readTyped(spec, text, shownValue) {
  const { min, max } = rangeText(spec);
  const trimmed = String(text).trim();
  const quoted = clip(trimmed, 40);
  if (shownValue !== undefined && trimmed !== '' && trimmed === fmt.fieldText(spec, shownValue)) {
    return { ok: true, value: shownValue };
  }
  const read = fmt.readTypedNumber(trimmed, spec.unit);
  if (!read.ok) {
    const code = read.code;
    const vars = { text: quoted, min, max, ...fmt.ambiguityExamples() };
    return { ok: false, code, message: t(`errors.${code}`, vars, t('errors.generic')) };
  }
  const normal = read.plain;
  try {
    let value;
    if (fmt.displayFactor(spec.unit) === 1) {
      value = checkValue(spec.key, normal); // Rust reads the text: exponent limits apply
    } else {
      // Rust reads the text's form first (length and exponent limits: "1e-400" is refused, not
      // read as 0); the range is checked after the conversion from display units.
      try {
        checkValue(spec.key, normal);
      } catch (error) {
        const code = Array.isArray(error?.errors) ? error.errors[0]?.code : null;
        if (code !== 'outOfRange' && code !== 'notWhole') throw error;
      }
      const shown = Number(normal);
      value = checkValue(spec.key, Number.isFinite(shown) ? fmt.fromDisplay(spec.unit, shown) : shown);
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) throw error; // a panic, not a bad value: app.js shows it
    const first = Array.isArray(error?.errors) ? error.errors[0] : null;
    const code = first?.code || 'generic';
    const shownNumber = Number(normal);
    const value = Number.isFinite(shownNumber) ? fmt.valueText(spec, fmt.fromDisplay(spec.unit, shownNumber)) : quoted;
    const message = t(`errors.${code}`, { text: quoted, value, min, max }, t('errors.generic'));
    return { ok: false, code, message };
  }
}

/** Shows an inline message under a field; `typed` marks one about the typed text. */
export function showError(key, message, typed = false) {
  const record = rows.get(key);
  if (!record) return;
  record.error.textContent = message;
  record.error.hidden = false;
  record.row.classList.add('has-error');
  if (typed) {
    record.typedError = true;
    record.typed.setAttribute('aria-invalid', 'true');
  }
}

export function clearError(key) {
  const record = rows.get(key);
  if (!record) return;
  record.error.textContent = '';
  record.error.hidden = true;
  record.row.classList.remove('has-error');
  record.typedError = false;
  record.typed.removeAttribute('aria-invalid');
}

/** Clears the messages that came from the model (not the ones about typed text). */
export function clearModelErrors() {
  for (const [key, record] of rows) if (!record.typedError && !record.error.hidden) clearError(key);
}

/** Shows errors from a failed render/compute next to their fields. Returns how many it placed. */
export function showModelErrors(errors) {
  let placed = 0;
  const state = store.getState();
  for (const e of errors || []) {
    let message;
    if (e.code === 'cutAfterHorizon') {
      message = t('errors.cutAfterHorizon', {
        layoffMonth: store.effectiveValue(state, 'layoffMonth'),
        horizon: store.effectiveValue(state, 'horizonMonths'),
      });
      for (const key of ['layoffMonth', 'horizonMonths']) {
        showError(key, message);
        placed += 1;
      }
      continue;
    }
    const record = e.key && rows.get(e.key);
    if (!record) continue;
    message = t(`errors.${e.code}`, { text: '', value: '', ...rangeText(record.spec) }, t('errors.generic'));
    showError(e.key, message);
    placed += 1;
  }
  return placed;
}

function buildPresets(container, onInteract) {
  const heading = el('h2', 'section-label', t('presets.heading'));
  heading.id = 'presets-heading';
  const buttons = el('div', 'presets__buttons');
  buttons.setAttribute('role', 'group');
  buttons.setAttribute('aria-labelledby', 'presets-heading');
  presetButtons = presetList.map((preset) => {
    const button = el('button', 'preset', t(`presets.${preset.name}.title`));
    button.type = 'button';
    button.dataset.preset = preset.name;
    button.title = t(`presets.${preset.name}.summary`);
    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', () => {
      for (const key of rows.keys()) clearError(key);
      onInteract();
      store.applyPreset(preset.name, { record: true, source: `preset:${preset.name}` });
    });
    buttons.append(button);
    return button;
  });
  presetAbout = el('div', 'presets__about');
  presetAbout.setAttribute('aria-live', 'polite');
  container.replaceChildren(heading, buttons, presetAbout);
}

/** The evidence tag of a parameter under a preset: the preset's own entry where it sets the value. */
function presetEvidence(spec, presetName) {
  const preset = presetList.find((p) => p.name === presetName);
  const entry = preset?.evidence?.[spec.key];
  if (!entry) return paramEvidence(spec);
  const { tags } = parseSource(entry.source);
  const title = t(`presets.${preset.name}.title`);
  return evidenceTag(entry.evidence, tags, { note: t('evidence.presetValue', { preset: title }) });
}

function renderPresetAbout(state) {
  const preset = presetList.find((p) => p.name === state.preset);
  if (!preset || presetAbout.dataset.preset === preset.name) return;
  presetAbout.dataset.preset = preset.name;
  const summary = el('p', 'presets__summary');
  summary.append(el('strong', '', `${t('presets.basedOn')}: `), document.createTextNode(t(`presets.${preset.name}.summary`)));
  const caveat = el('p', 'presets__caveat');
  caveat.append(el('strong', '', `${t('presets.caveat')}: `), document.createTextNode(`${t(`presets.${preset.name}.caveat`)} `));
  const { tags } = parseSource(preset.sources);
  if (tags.length) caveat.append(evidenceTag('sources', tags));
  presetAbout.replaceChildren(summary, caveat);
}

function buildDepth(container, onInteract) {
  const fieldset = el('fieldset', 'depth');
  fieldset.id = 'modelDepth';
  const legend = el('legend', 'section-label', t('depth.legend'));
  const options = el('div', 'depth__options');
  depthInputs = [1, 2, 3, 4].map((n) => {
    const label = el('label', 'depth__option');
    const input = el('input', 'depth__radio');
    input.type = 'radio';
    input.name = 'modelDepth';
    input.value = String(n);
    input.id = `modelDepth-${n}`;
    input.setAttribute('aria-describedby', `depth-adds-${n}`);
    input.addEventListener('change', () => {
      if (!input.checked) return;
      onInteract();
      store.setDepth(n, { record: true, source: 'depth' });
    });
    const text = el('span', 'depth__text');
    const title = el('span', 'depth__title');
    title.append(el('span', 'depth__n', String(n)), document.createTextNode(` ${t(`depth.${n}.title`)}`));
    const adds = el('span', 'depth__adds', t(`depth.${n}.adds`));
    adds.id = `depth-adds-${n}`;
    text.append(title, adds);
    label.append(input, text);
    options.append(label);
    return input;
  });
  fieldset.append(legend, options);
  container.replaceChildren(fieldset);
}

/** A group's badge: how many of its values differ from the preset ("2 changed"). */
function changedCountText(n) {
  return t('groups.changedCount', { n, count: n });
}

function buildGroups(container, onInteract) {
  const byGroup = new Map(GROUP_ORDER.map((g) => [g, []]));
  for (const spec of specs) {
    if (spec.key === 'modelDepth') continue; // the level radios are its control
    if (!byGroup.has(spec.group)) byGroup.set(spec.group, []);
    byGroup.get(spec.group).push(spec);
  }
  const nodes = [];
  for (const [group, list] of byGroup) {
    if (!list.length) continue;
    const details = el('details', `group group--${group}`);
    details.open = OPEN_GROUPS.has(group);
    details.dataset.group = group;
    const summary = el('summary', 'group__summary');
    const title = el('span', 'group__title');
    title.append(el('span', 'group__name', t(`groups.${group}.title`, {}, group)), el('span', 'group__hint', t(`groups.${group}.hint`, {}, '')));
    // The "N changed" badge keeps its room while no value of the group is changed (it is
    // only invisible), so that its arrival during a drag never rewraps the group's hint
    // and moves the slider being dragged.
    const count = el('span', 'group__count is-none', changedCountText(1));
    summary.append(title, count);
    groupSummaries.set(group, count);
    details.append(summary);
    for (const spec of list) details.append(buildRow(spec, onInteract));
    nodes.push(details);
  }
  container.replaceChildren(...nodes);
}

/**
 * Builds every control. `api.checkValue` is the wasm function; `onInteract` is called
 * before each change (app.js uses it to note that the reader has started exploring).
 */
export function buildControls({ paramTable, presetTable, api, presetsEl, depthEl, groupsEl, resetAllEl, firstEl = null, firstKeys = [], onInteract = () => {} }) {
  specs = paramTable;
  firstPlace = firstEl ? { element: firstEl, keys: firstKeys } : null;
  presetList = presetTable;
  checkValue = (key, value) => api.checkValue({ key, value });
  buildPresets(presetsEl, onInteract);
  buildDepth(depthEl, onInteract);
  pendingGroups = () => buildGroups(groupsEl, onInteract);
  if (resetAllEl) {
    resetAllEl.textContent = t('control.resetAll');
    resetAllEl.addEventListener('click', () => {
      for (const key of rows.keys()) clearError(key);
      onInteract();
      store.setState({ params: {} }, { record: true, source: 'reset-all' });
    });
  }
}

/**
 * The width of a slider's number box: its longest value (the ends, and a step in from each,
 * which has the step's decimals, as "-0.99" beside "-1"), in bold digits, plus the box's
 * padding and border, so no value it can hold is cut off.
 */
function typedWidth(spec) {
  const values = [spec.min, spec.max, spec.min + spec.step, spec.max - spec.step];
  const widest = Math.max(3, ...values.map((v) => fmt.fieldText(spec, v).length));
  return `calc(${widest + 0.5}ch + 0.7rem + 2px)`;
}

let pendingGroups = null;
let firstPlace = null; // {element, keys}: where the first sliders go (the first screen)

// ---- A drag: the savings chart stays in view --------------------------------------------------

// How long the chart stays pinned after the finger lifts, so the reader sees where it ended.
const DRAG_LINGER_MS = 800;
// A chart at least this share of whose height is inside the viewport is in view: the reader
// is already watching a chart, and nothing is pinned.
const IN_VIEW_SHARE = 0.5;
let dragTimer = 0;
let unpin = null; // undoes the laptop's pin, while one is up
let release = null; // ends holdInPlace's watch, while a drag lasts

// On a phone the pinned strip shows the savings chart's title and chart, and this much of
// the section below them (CSS pixels) for its shadow; the rest of the section (its tools and
// the fan's sentence) is cut off, so the strip leaves the sliders most of the screen.
const STRIP_MARGIN_PX = 8;

/**
 * While a slider is dragged, <html> has `is-dragging`. On a narrow screen style.css then pins
 * the savings chart to the top, and the dragged slider is scrolled just below it, so the chart
 * never covers the control under the reader's finger. On a laptop, where the sliders stand in
 * a column beside the chart, a drag with no chart in view pins the savings chart to the top of
 * its own column (pinHero), so it never covers the sidebar. On every screen the dragged slider
 * then stays where it is until the drag ends (holdInPlace).
 */
function startDrag(range) {
  const root = document.documentElement;
  clearTimeout(dragTimer);
  const hero = document.getElementById('hero');
  // Measured before the strip is cut: the section's whole height, and where its chart ends.
  const heroRect = hero?.getBoundingClientRect();
  const chartBottom = hero?.querySelector('.chart__box')?.getBoundingClientRect().bottom;
  root.classList.add('is-dragging');
  if (hero && heroRect && getComputedStyle(hero).position === 'sticky') {
    // The first sliders stand above the chart on a phone: the strip never covers them.
    const below = hero.compareDocumentPosition(range) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (!root.style.getPropertyValue('--strip-height')) {
      const stripPx = (chartBottom ?? heroRect.bottom) + STRIP_MARGIN_PX - heroRect.top;
      root.style.setProperty('--strip-height', `${stripPx}px`);
      root.style.setProperty('--strip-rest', `${Math.max(0, heroRect.height - stripPx)}px`);
    }
    const covered = hero.getBoundingClientRect().bottom + STRIP_MARGIN_PX - range.getBoundingClientRect().top;
    if (below && covered > 0) window.scrollBy({ top: -covered, behavior: 'instant' });
  } else if (hero && !unpin && besideHero(range, hero) && !chartInView(range)) {
    unpin = pinHero(hero);
  }
  release?.();
  release = holdInPlace(range);
  const done = new AbortController();
  const end = () => {
    done.abort(); // whichever of the two came, neither listener stays
    clearTimeout(dragTimer);
    dragTimer = setTimeout(() => {
      root.classList.remove('is-dragging');
      // The strip's section takes its whole height again (which may have changed with the
      // value); holdInPlace, still watching for one more frame, keeps the slider in place.
      root.style.removeProperty('--strip-height');
      root.style.removeProperty('--strip-rest');
      unpin?.();
      unpin = null;
      const ending = release;
      release = null;
      requestAnimationFrame(() => requestAnimationFrame(() => ending?.()));
    }, DRAG_LINGER_MS);
  };
  window.addEventListener('pointerup', end, { signal: done.signal });
  window.addEventListener('pointercancel', end, { signal: done.signal });
}

/**
 * Keeps the dragged slider under the reader's pointer. A value can change the size of what
 * stands above the slider (the answer rewraps, a plausibility warning appears atop the
 * sidebar, the fan's sentence under the chart grows a line), and the browser's own scroll
 * anchoring does not always make up for it: it anchors on the first thing in view, often in
 * the other column or in the pinned chart. So every box before the slider in the page is
 * watched, and after a layout that moved the slider (and before it is painted), the page,
 * then the sidebar's own scroll, is scrolled by as much. A scroll of the reader's own sets
 * the new place to keep. Returns the function that ends the watch.
 */
function holdInPlace(range) {
  let keepTopPx = range.getBoundingClientRect().top;
  let correcting = false;
  const moved = () => range.getBoundingClientRect().top - keepTopPx;
  const observer = new ResizeObserver(() => {
    if (Math.abs(moved()) < 0.5) return;
    correcting = true;
    window.scrollBy({ top: moved(), behavior: 'instant' });
    const scroller = range.closest('aside');
    if (scroller && Math.abs(moved()) >= 0.5) scroller.scrollBy({ top: moved(), behavior: 'instant' });
  });
  for (let e = range; e && e !== document.body; e = e.parentElement) {
    for (let before = e.previousElementSibling; before; before = before.previousElementSibling) observer.observe(before);
  }
  const scrolled = new AbortController();
  document.addEventListener(
    'scroll',
    () => {
      // The scroll events of the corrections come before the next frame's; a later one is
      // the reader's (or the browser's anchoring, which leaves the slider where it was).
      if (correcting) correcting = false;
      else keepTopPx = range.getBoundingClientRect().top;
    },
    { capture: true, passive: true, signal: scrolled.signal },
  );
  return () => {
    observer.disconnect();
    scrolled.abort();
  };
}

/** Whether `range` stands in a column beside the savings chart (the laptop's sidebar). */
function besideHero(range, hero) {
  const slider = range.getBoundingClientRect();
  const chart = hero.getBoundingClientRect();
  return chart.width > 0 && (slider.left >= chart.right || slider.right <= chart.left);
}

/** Whether a chart outside the dragged slider's column is in view (IN_VIEW_SHARE of it). */
function chartInView(range) {
  const column = range.closest('aside');
  for (const canvas of document.querySelectorAll('#model canvas')) {
    if (column?.contains(canvas)) continue;
    const r = canvas.getBoundingClientRect();
    const seen = Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
    if (r.height > 0 && seen >= r.height * IN_VIEW_SHARE) return true;
  }
  return false;
}

/**
 * Pins the savings chart's title and chart to the top of the viewport, in their own column,
 * by translating them (style.css, `.is-pinned`): a transform moves what the reader sees and
 * nothing else, so nothing in the page moves and the browser counts no layout shift (a
 * sticky chart would stop at the end of its own grid row, far above). They follow the
 * section they belong to, whose own box is never moved: a scroll during the drag, or the
 * answer above rewrapping with a new value, leaves them at the top. Returns the function
 * that puts them back.
 */
function pinHero(hero) {
  const title = hero.querySelector('.chart__title');
  const box = hero.querySelector('.chart__box');
  if (!title || !box) return null;
  // Where each stands below the section's top, CSS pixels, before it moves.
  const heroTopPx = hero.getBoundingClientRect().top;
  const titleRect = title.getBoundingClientRect();
  const titleOffsetPx = titleRect.top - heroTopPx;
  const boxOffsetPx = box.getBoundingClientRect().top - heroTopPx;
  const place = () => {
    const top = hero.getBoundingClientRect().top;
    hero.style.setProperty('--pin-title-y', `${-(top + titleOffsetPx)}px`);
    hero.style.setProperty('--pin-box-y', `${titleRect.height - (top + boxOffsetPx)}px`);
  };
  place();
  hero.classList.add('is-pinned');
  const scrolled = new AbortController();
  window.addEventListener('scroll', place, { passive: true, signal: scrolled.signal });
  // What stands above the section in the page may change size as the value changes; the
  // observer calls back after layout and before paint, so the chart never shows misplaced.
  const resized = new ResizeObserver(place);
  for (let e = hero.previousElementSibling; e; e = e.previousElementSibling) resized.observe(e);
  return () => {
    scrolled.abort();
    resized.disconnect();
    hero.classList.remove('is-pinned');
    hero.style.removeProperty('--pin-title-y');
    hero.style.removeProperty('--pin-box-y');
  };
}

/**
 * Builds the slider rows. app.js calls this right after the first chart is on screen: the
 * rows are most of the page's elements, and laying them out first would delay the chart.
 */
export function buildSliders() {
  if (!pendingGroups) return;
  pendingGroups();
  pendingGroups = null;
  // The sliders that change the story most stand on the first screen, beside the chart; the
  // rest stay in their groups. The rows are moved, not copied: one control per value.
  if (firstPlace) {
    for (const key of firstPlace.keys) {
      const row = rows.get(key)?.row;
      if (row) firstPlace.element.append(row);
    }
  }
  lastDepth = undefined; // the new rows still need their depth notes
}

/** Brings every control in line with the state. `meta.source` names the control that moved. */
export function sync(state, meta = {}) {
  const changed = new Set(store.changedKeys(state));
  const perGroup = new Map();
  const depthChanged = lastDepth !== state.depth;
  lastDepth = state.depth;

  for (const [key, r] of rows) {
    if (r.evidenceFor !== state.preset) {
      // A preset's value carries its own evidence, never the default's it replaced.
      r.evidenceFor = state.preset;
      const next = presetEvidence(r.spec, state.preset);
      r.evidence.replaceWith(next);
      r.evidence = next;
    }
    const value = store.effectiveValue(state, key);
    const presetValue = store.presetValue(state.preset, key);
    const isChanged = changed.has(key);
    if (r.shown !== value) {
      r.shown = value;
      if (meta.source !== `range:${key}`) r.range.value = String(r.scale.toPos(value));
      r.range.dataset.value = String(value);
      r.range.setAttribute('aria-valuetext', fmt.spokenText(r.spec, value));
      if (document.activeElement !== r.typed || meta.source === `typed:${key}`) {
        if (!r.typedError) r.typed.value = fmt.fieldText(r.spec, value);
      }
    } else if (!r.typedError && document.activeElement !== r.typed && r.typed.value !== fmt.fieldText(r.spec, value)) {
      r.typed.value = fmt.fieldText(r.spec, value);
    }
    if (r.row.classList.contains('is-changed') !== isChanged || r.reset.dataset.preset !== String(presetValue)) {
      r.row.classList.toggle('is-changed', isChanged);
      r.changed.classList.toggle('is-none', !isChanged);
      const presetText = presetValue === undefined ? '' : fmt.valueText(r.spec, presetValue);
      r.changed.title = t('control.changedTitle', { value: presetText });
      r.reset.disabled = !isChanged || r.row.classList.contains('is-locked'); // teach.js locks rows
      r.reset.dataset.preset = String(presetValue);
      r.reset.setAttribute('aria-label', t('control.reset', { label: labelOf(r.spec), value: presetText }));
      r.reset.title = t('control.reset', { label: labelOf(r.spec), value: presetText });
    }
    if (depthChanged) {
      const inactive = r.spec.depth > state.depth;
      r.row.classList.toggle('is-inactive', inactive);
      r.depthNote.hidden = !inactive;
      r.depthNote.textContent = inactive ? t('depth.usedFrom', { n: r.spec.depth }) : '';
    }
    if (isChanged) perGroup.set(r.spec.group, (perGroup.get(r.spec.group) || 0) + 1);
  }
  for (const [group, node] of groupSummaries) {
    const n = perGroup.get(group) || 0;
    node.classList.toggle('is-none', n === 0);
    const text = changedCountText(Math.max(n, 1)); // "1 changed" while invisible: its room
    if (node.textContent !== text) node.textContent = text;
  }
  for (const button of presetButtons) {
    button.setAttribute('aria-pressed', String(button.dataset.preset === state.preset));
  }
  for (const input of depthInputs) input.checked = Number(input.value) === state.depth;
  renderPresetAbout(state);
}

/** True when any typed field currently holds a refused value. */
export function hasTypedErrors() {
  for (const r of rows.values()) if (r.typedError) return true;
  return false;
}

/** The parameter spec of a key. */
export function specOf(key) {
  return rows.get(key)?.spec;
}

/**
 * After the display currency or rate changed (lang.js): money rows get their symbol, field
 * width and labels again, and the next sync() rewrites their values and spoken texts.
 */
export function refreshMoney() {
  const { symbol, before } = fmt.currencyAffix();
  for (const r of rows.values()) {
    if (!fmt.isMoney(r.spec.unit)) continue;
    // Rewritten even when focused: the reader changed the currency, not this field.
    if (!r.typedError && r.shown !== undefined) r.typed.value = fmt.fieldText(r.spec, r.shown);
    r.shown = undefined;
    r.reset.dataset.preset = ''; // the reset label names the preset's value in the new currency
    const affix = r.typed.parentElement.querySelector('.control__affix');
    if (affix) {
      affix.textContent = symbol;
      if (before) r.typed.before(affix);
      else r.typed.after(affix);
    }
    const unitText = t(`units.${r.spec.unit}.short`);
    r.typed.setAttribute('aria-label', t('control.typed', { label: labelOf(r.spec), unit: [symbol, unitText].filter(Boolean).join(' ') }));
    r.typed.style.width = typedWidth(r.spec);
  }
}
