// What we don't know: the savings chart's fan, the uncertainty sentence under it, the tornado
// and the regret map. The numbers come from a Web Worker (worker.js) with its own copy of the
// model; the charts are drawn here on the page, from what the worker sent. The tornado and
// the map are drawn by the second wasm module (charts-module.js), which loads only when the
// section comes within a screen of the viewport: until then they wait, dimmed.
//
//   app frame (scenario accepted) -> update(scenario, result) -> post {gen, scenario, ...}
//   worker answer with gen == latest -> kept -> one paint per animation frame:
//        the savings chart again with its fan, the tornado, the map, the sentence
//   worker answer with an older gen -> dropped (counted in debug().dropped)
//
// Until the answer for the current state arrives, the savings chart keeps the last fan, faded
// and labelled as updating (only when it covers the same months), the tornado and the map
// are dimmed with "Updating…", and the sentence says the range is being worked out: never a
// number that belongs to another state.
//
// API: configure({api, paramTable, wasmModule}), build({heroEl, sectionEl}), update(scenario, result),
// bandFor(scenario) (the fan for render()'s or chartSvg()'s last argument), bandToDraw(scenario)
// (the same for the page's own savings chart, noting what it shows), debug() (counters and
// the last results, for the browser tests), SEED, DRAWS, QUICK_DRAWS.

import { t } from './i18n.js';
import * as fmt from './format.js';
import * as store from './state.js';
import * as charts from './charts.js';
import { loadChartsModule, chartsModule } from './charts-module.js';
import * as tools from './analysis-tools.js';
import * as permalink from './permalink.js';
import { el } from './dom.js';

export const SEED = 1;
export const DRAWS = 1000;
export const QUICK_DRAWS = 100;
const CELLS = 41;
const TOP = 10;
const NOT_AXES = new Set(['horizonMonths', 'layoffMonth', 'modelDepth']);

let api = null;
let compiledModule = null; // the page module's WebAssembly.Module, handed to the worker
let params = []; // the parameter table
let worker = null;
let workerProblem = null; // why the worker cannot help, or null
let chartsProblem = null; // why the second wasm module did not load, or null
let gen = 0;
let current = null; // {key, scenario, result}: the latest accepted scenario and its compute result
let requested = null; // {key, mapKey} of the latest request
const results = { uncertainty: null, sensitivity: null, map: null }; // {gen, key, result, ...}
let failed = null; // {key, message}: the worker refused the current scenario
const counts = { posted: 0, accepted: 0, dropped: 0, savingsPaints: 0, stalePaints: 0 };
const view = {};
/** The regret map's default view; another one lives in the state (`state.map`) and the link. */
export const DEFAULT_MAP = Object.freeze({ x: 'layoffShare', y: 'aiResolutionRate', metric: 'npv' });
const METRICS = ['npv', 'regret'];
const ui = { ...DEFAULT_MAP, showAll: false };
let paintRequested = false;
let dirty = { tornado: true, map: true, note: true };
let lastOptions = '';
let bandDrawn = ''; // which band the savings canvas shows: "key|draws|faded" or ''
// What the tornado and map canvases show, so that a new state only dims them (no redraw on
// every frame of a drag) until the worker's answer for it arrives.
const drawn = { tornado: '', map: '' };

/** A key that is the same for the same scenario whatever order its parameters were set in. */
function keyOf(scenario) {
  const p = scenario.params || {};
  return JSON.stringify([scenario.preset, Object.keys(p).sort().map((k) => [k, p[k]])]);
}

function mapKeyOf(key) {
  return `${key}|${ui.x}|${ui.y}|${CELLS}`;
}

function horizonOf(scenario) {
  const own = scenario.params?.horizonMonths;
  return Number(own ?? store.presetValue(scenario.preset, 'horizonMonths'));
}

/**
 * `wasmModule` is the page module's compiled WebAssembly.Module (or null): the worker is
 * handed it, so the wasm is downloaded and compiled once.
 */
export function configure({ api: wasm, paramTable, wasmModule = null }) {
  api = wasm;
  params = paramTable;
  compiledModule = wasmModule;
}

/** The parameters a map axis can take (a whole-number setting or the horizon cannot). */
function axisKeys() {
  return params.filter((spec) => !NOT_AXES.has(spec.key)).map((spec) => spec.key);
}

// The map's view in the link: "map=X,Y,METRIC", written only when it is not the default.
permalink.register('map', {
  encode(s) {
    const m = s.map;
    if (!m || (m.x === DEFAULT_MAP.x && m.y === DEFAULT_MAP.y && m.metric === DEFAULT_MAP.metric)) return undefined;
    return `${m.x},${m.y},${m.metric}`;
  },
  decode(text) {
    const [x, y, metric = DEFAULT_MAP.metric, ...rest] = String(text).split(',');
    const keys = axisKeys();
    if (rest.length || !keys.includes(x) || !keys.includes(y) || x === y || !METRICS.includes(metric)) {
      return new Error(t('share.link.badMap', { metrics: METRICS.join(', ') }));
    }
    return { map: { x, y, metric } };
  },
  absent: () => ({ map: null }),
});

/** Takes the map's view from the state (a link, undo) when it differs from what is shown. */
function syncMapView(state) {
  const wanted = state.map || DEFAULT_MAP;
  if (wanted.x === ui.x && wanted.y === ui.y && wanted.metric === ui.metric) return false;
  ui.x = wanted.x;
  ui.y = wanted.y;
  ui.metric = wanted.metric;
  if (view.x) {
    view.x.select.value = ui.x;
    view.y.select.value = ui.y;
    for (const input of view.metricInputs) input.checked = input.value === ui.metric;
  }
  dirty.map = true;
  return true;
}

/** Records a map view the reader chose: a view change, not an undo step. */
function saveMapView() {
  const map = { x: ui.x, y: ui.y, metric: ui.metric };
  const same = map.x === DEFAULT_MAP.x && map.y === DEFAULT_MAP.y && map.metric === DEFAULT_MAP.metric;
  store.setState({ map: same ? null : map }, { record: false, source: 'map' });
}

// ---- The worker ------------------------------------------------------------------------------

function startWorker() {
  if (worker || workerProblem) return;
  try {
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  } catch (error) {
    fail(error);
    return;
  }
  worker.onmessage = (event) => receive(event.data);
  worker.onerror = (event) => {
    event.preventDefault?.();
    fail(event.message || 'worker error');
  };
  worker.onmessageerror = () => fail('unreadable message');
  worker.postMessage({ type: 'module', module: compiledModule });
}

function fail(reason) {
  workerProblem = String(reason?.message || reason || 'unknown');
  worker?.terminate();
  worker = null;
  dirty = { tornado: true, map: true, note: true };
  requestPaint();
}

function post() {
  if (!current || !worker) return;
  gen += 1;
  requested = { key: current.key, mapKey: mapKeyOf(current.key) };
  counts.posted += 1;
  worker.postMessage({
    type: 'analyse',
    gen,
    key: current.key,
    scenario: current.scenario,
    seed: SEED,
    quickDraws: QUICK_DRAWS,
    draws: DRAWS,
    map: { x: ui.x, y: ui.y, cells: CELLS },
  });
}

/** What render() checks of a band: one row per month, finite, percentiles in order. */
function usableBand(result) {
  const rows = result?.cumulativeDelta;
  if (!Array.isArray(rows) || !Array.isArray(result.month) || rows.length !== result.month.length) return false;
  return rows.every((row) => Array.isArray(row) && row.length === 5 && row.every((v, i) => Number.isFinite(v) && (i === 0 || row[i - 1] <= v)));
}

function receive(message) {
  if (!message || typeof message !== 'object') return;
  if (message.type === 'fatal') {
    fail(message.message);
    return;
  }
  if (message.type === 'ready') return;
  if (message.gen !== gen) {
    counts.dropped += 1; // an answer for a state the reader has already left
    return;
  }
  counts.accepted += 1;
  if (message.type === 'error') {
    failed = { key: message.key, message: message.message };
    dirty = { tornado: true, map: true, note: true };
  } else if (message.type === 'uncertainty') {
    // A quick pass never replaces the full result for the same scenario; a band render()
    // would refuse is never kept, so it cannot take the page's charts down with it.
    const kept = results.uncertainty;
    if (!usableBand(message.result)) {
      failed = { key: message.key, message: 'the uncertainty band is not usable' };
    } else if (!(kept && kept.key === message.key && kept.final && !message.final)) {
      results.uncertainty = { gen: message.gen, key: message.key, result: message.result, final: message.final, ms: message.ms };
    }
    dirty.note = true;
  } else if (message.type === 'sensitivity') {
    results.sensitivity = { gen: message.gen, key: message.key, result: message.result, ms: message.ms };
    dirty.tornado = true;
  } else if (message.type === 'map') {
    results.map = { gen: message.gen, key: message.key, mapKey: message.mapKey, result: message.result, ms: message.ms };
    dirty.map = true;
  }
  requestPaint();
}

// ---- Hooks for app.js ------------------------------------------------------------------------

/**
 * The fan for render() or chartSvg(): this scenario's Monte Carlo result, or the last one
 * faded while this one is worked out (only when it covers the same months), or null.
 */
export function bandFor(scenario) {
  const u = results.uncertainty;
  if (!u) return null;
  if (u.key === keyOf(scenario)) return { uncertainty: u.result, faded: false };
  if (u.result.cumulativeDelta.length === horizonOf(scenario)) return { uncertainty: u.result, faded: true };
  return null;
}

/** bandFor() for drawing the page's own savings chart: also notes which band it shows. */
export function bandToDraw(scenario) {
  const band = bandFor(scenario);
  const u = results.uncertainty;
  bandDrawn = band ? `${u.key}|${u.result.draws}|${band.faded}` : '';
  return band;
}

/** After every frame the model accepted: asks the worker about a new state, repaints if needed. */
export function update(scenario, result) {
  syncMapView(store.getState());
  const key = keyOf(scenario);
  const changed = !current || current.key !== key;
  current = { key, scenario, result };
  if (changed) {
    failed = null;
    dirty = { tornado: true, map: true, note: true };
  }
  startWorker();
  if (!requested || requested.key !== key || requested.mapKey !== mapKeyOf(key)) post();
  const options = JSON.stringify(chartOptions());
  if (options !== lastOptions) {
    lastOptions = options;
    dirty.tornado = true;
    dirty.map = true;
  }
  if (changed || dirty.tornado || dirty.map || dirty.note) requestPaint();
}

// ---- Painting --------------------------------------------------------------------------------

function requestPaint() {
  if (paintRequested) return;
  paintRequested = true;
  requestAnimationFrame(paint);
}

/** Chart options plus every parameter's label in the page language. */
function chartOptions() {
  const options = charts.options();
  const text = { ...options.text };
  for (const spec of params) text[`param.${spec.key}`] = t(`params.${spec.key}.label`);
  return { ...options, text };
}

function sizeCanvas(canvas, cssWidth, cssHeight) {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(100, Math.round(cssWidth * dpr));
  const h = Math.max(100, Math.round(cssHeight * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
    return true;
  }
  return false;
}

function paint() {
  paintRequested = false;
  if (!current || !view.note) return;
  const options = chartOptions();
  paintSavings(options);
  if (dirty.note) paintNote();
  // A hidden section (embed mode) is painted when it shows.
  const shown = (node) => node && node.getClientRects().length > 0;
  if (dirty.tornado && shown(view.tornado)) dirty.tornado = !paintTornado(options);
  if (dirty.map && shown(view.map)) dirty.map = !paintMap(options);
  dirty.note = false;
}

/** Draws the savings chart again when the fan it shows is not the one it should show. */
function paintSavings(options) {
  const target = charts.targets().find((x) => x.kind === 'savings');
  if (!target || !target.canvas.width) return;
  const state = store.getState();
  const scenario = store.scenarioOf(state);
  if (keyOf(scenario) !== current.key) return; // the app's next frame draws the new state
  const u = results.uncertainty;
  const wanted = u && u.key === current.key ? `${u.key}|${u.result.draws}|false` : null;
  if (!wanted || wanted === bandDrawn) return;
  try {
    api.render(scenario, [target], options, store.compareOf(state), bandToDraw(scenario));
    counts.savingsPaints += 1;
  } catch (error) {
    failed = { key: current.key, message: String(error?.message || error) };
    paintNote();
  }
}

function setStale(figure, stale) {
  const broken = workerProblem || chartsProblem;
  figure.classList.toggle('is-stale', stale);
  figure.setAttribute('aria-busy', stale ? 'true' : 'false');
  const status = figure.querySelector('.analysis__status');
  status.textContent = stale ? t('analysis.updating') : broken ? t('analysis.unavailable') : '';
}

/** Starts loading the second wasm module; the tornado and map paint once it is there. */
function needCharts() {
  if (chartsModule()) return;
  loadChartsModule().then(
    () => {
      chartsProblem = null;
      dirty.tornado = true;
      dirty.map = true;
      requestPaint();
    },
    (error) => {
      chartsProblem = String(error?.message || error);
      dirty.tornado = true;
      dirty.map = true;
      requestPaint();
    },
  );
}

/** Paints the tornado; false while the charts module is still to come. */
function paintTornado(options) {
  const chartsApi = chartsModule();
  const r = results.sensitivity;
  const figure = view.tornado;
  const bars = r ? r.result.bars.length : 0;
  const count = ui.showAll ? bars : Math.min(TOP, bars);
  view.tornadoToggle.hidden = bars <= TOP;
  view.tornadoToggle.textContent = ui.showAll ? t('analysis.tornado.showTop', { n: TOP }) : t('analysis.tornado.showAll', { n: bars });
  view.tornadoToggle.setAttribute('aria-expanded', String(ui.showAll));
  if (!r || !chartsApi) {
    setStale(figure, !workerProblem && !(r && chartsProblem));
    return !r || Boolean(chartsProblem);
  }
  setStale(figure, r.key !== current.key);
  const width = view.tornadoBox.getBoundingClientRect().width;
  const signature = [r.gen, r.key, count, width, window.devicePixelRatio, lastOptions].join('|');
  if (signature === drawn.tornado) return true;
  const height = chartsApi.tornadoHeight(Math.max(1, count), options, Math.max(100, Math.round(width)));
  view.tornadoBox.style.height = `${height}px`;
  sizeCanvas(view.tornadoCanvas, width, height);
  drawn.tornado = signature;
  if (r.key !== current.key) counts.stalePaints += 1;
  try {
    view.tornadoDesc.textContent = chartsApi.renderTornado(r.result, view.tornadoCanvas, options, count);
    tools.refresh('tornado');
  } catch (error) {
    view.tornadoDesc.textContent = '';
    failed = { key: current.key, message: String(error?.message || error) };
    paintNote();
  }
  return true;
}

/** Paints the regret map; false while the charts module is still to come. */
function paintMap(options) {
  const chartsApi = chartsModule();
  const r = results.map;
  const figure = view.map;
  if (!r || !chartsApi) {
    setStale(figure, !workerProblem && !(r && chartsProblem));
    return !r || Boolean(chartsProblem);
  }
  setStale(figure, r.mapKey !== mapKeyOf(current.key));
  const box = view.mapBox.getBoundingClientRect();
  const signature = [r.gen, r.mapKey, ui.metric, box.width, box.height, window.devicePixelRatio, lastOptions].join('|');
  if (signature === drawn.map) return true;
  sizeCanvas(view.mapCanvas, box.width, box.height);
  drawn.map = signature;
  try {
    view.mapDesc.textContent = chartsApi.renderRegretMap(r.result, view.mapCanvas, options, ui.metric);
    tools.refresh('map');
  } catch (error) {
    view.mapDesc.textContent = '';
    failed = { key: current.key, message: String(error?.message || error) };
    paintNote();
  }
  return true;
}

/** The sentence under the savings chart. */
function paintNote() {
  const note = view.note;
  const s = current.result.summary;
  const p = current.result.params;
  note.classList.remove('is-pending');
  note.removeAttribute('aria-busy');
  if (workerProblem || (failed && failed.key === current.key)) {
    note.textContent = t('analysis.fan.error');
    note.dataset.state = 'error';
    return;
  }
  if (s.laidOff === 0 && p.aiShare === 0) {
    note.textContent = t('analysis.fan.nothing');
    note.dataset.state = 'nothing';
    return;
  }
  const u = results.uncertainty;
  if (!u || u.key !== current.key) {
    // The last sentence stays, faded like the fan, so the page does not jump while a
    // slider moves; with none yet, say that it is being worked out.
    const shown = ['ready', 'quick', 'stale'].includes(note.dataset.state);
    if (!shown) note.textContent = t('analysis.fan.updating');
    note.classList.add('is-pending');
    note.dataset.state = shown ? 'stale' : 'pending';
    note.setAttribute('aria-busy', 'true');
    return;
  }
  const r = u.result;
  const vars = {
    draws: fmt.number(r.draws),
    count: r.draws,
    loses: fmt.percent(r.chanceNpvNegative),
    regretShare: fmt.percent(r.chanceRegret),
    period: t('analysis.fan.horizon', { n: fmt.number(p.horizonMonths), count: p.horizonMonths }),
  };
  let first;
  if (!r.regretMonth) {
    first = t('analysis.fan.noRegret', vars);
  } else {
    const early = Math.round(r.regretMonth[0]);
    const late = Math.round(r.regretMonth[4]);
    first =
      early === late
        ? t('analysis.fan.regretAt', { ...vars, month: fmt.number(early) })
        : t('analysis.fan.regret', { ...vars, early: fmt.number(early), late: fmt.number(late) });
  }
  const parts = [first, t('analysis.fan.depends')];
  if (!u.final) parts.push(t('analysis.fan.refining'));
  note.textContent = parts.join(' ');
  note.dataset.state = u.final ? 'ready' : 'quick';
}

// ---- The page --------------------------------------------------------------------------------

function figure(kind) {
  const node = el('figure', `chart analysis__figure analysis__figure--${kind}`);
  node.setAttribute('aria-labelledby', `chart-title-${kind}`);
  const title = el('h3', 'chart__title', t(`analysis.${kind}.title`));
  title.id = `chart-title-${kind}`;
  const caption = el('p', 'chart__caption', t(`analysis.${kind}.caption`));
  caption.id = `chart-caption-${kind}`;
  const box = el('div', `analysis__box analysis__box--${kind}`);
  const canvas = el('canvas', 'analysis__canvas');
  canvas.id = `chart-${kind}`;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', t(`analysis.${kind}.title`));
  canvas.setAttribute('aria-describedby', `chart-caption-${kind} chart-desc-${kind}`);
  box.append(canvas);
  const status = el('p', 'analysis__status');
  const description = el('p', 'sr-only');
  description.id = `chart-desc-${kind}`;
  node.append(title, caption);
  return { node, box, canvas, status, description };
}

function axisSelect(id, labelKey, value) {
  const wrap = el('div', 'map-controls__axis');
  const label = el('label', 'map-controls__label', t(labelKey));
  label.htmlFor = id;
  const select = el('select', 'map-controls__select');
  select.id = id;
  let group = null;
  let groupName = null;
  for (const spec of params) {
    if (NOT_AXES.has(spec.key)) continue;
    if (spec.group !== groupName) {
      groupName = spec.group;
      group = el('optgroup');
      group.label = t(`groups.${spec.group}.title`);
      select.append(group);
    }
    const option = el('option', '', t(`params.${spec.key}.label`));
    option.value = spec.key;
    group.append(option);
  }
  select.value = value;
  wrap.append(label, select);
  return { wrap, select };
}

function onAxisChange(which, other) {
  const value = view[which].select.value;
  if (value === ui[other]) {
    // The same parameter on both axes: swap them instead of refusing.
    ui[other] = ui[which];
    view[other].select.value = ui[other];
  }
  ui[which] = value;
  dirty.map = true;
  saveMapView();
  if (current) {
    post();
    requestPaint();
  }
}

/** Builds the sentence under the savings chart and the section with the tornado and the map. */
export function build({ heroEl, sectionEl }) {
  view.note = el('p', 'fan-note');
  view.note.id = 'uncertainty-note';
  view.note.dataset.state = 'pending';
  heroEl.after(view.note);
  if (!sectionEl) return;

  const heading = el('h2', 'section-label', t('analysis.heading'));
  heading.id = 'analysis-heading';
  sectionEl.setAttribute('aria-labelledby', heading.id);
  const intro = el('p', 'analysis__intro', t('analysis.intro'));

  const tornado = figure('tornado');
  view.tornado = tornado.node;
  view.tornadoBox = tornado.box;
  view.tornadoCanvas = tornado.canvas;
  view.tornadoDesc = tornado.description;
  view.tornadoToggle = el('button', 'button button--quiet analysis__toggle');
  view.tornadoToggle.type = 'button';
  view.tornadoToggle.id = 'tornado-all';
  view.tornadoToggle.hidden = true;
  view.tornadoToggle.setAttribute('aria-controls', 'chart-tornado');
  view.tornadoToggle.addEventListener('click', () => {
    ui.showAll = !ui.showAll;
    dirty.tornado = true;
    requestPaint();
  });
  tornado.node.append(tornado.box, tornado.status, view.tornadoToggle, tornado.description);

  const map = figure('map');
  view.map = map.node;
  view.mapBox = map.box;
  view.mapCanvas = map.canvas;
  view.mapDesc = map.description;
  const controls = el('div', 'map-controls');
  view.x = axisSelect('map-x', 'analysis.map.x', ui.x);
  view.y = axisSelect('map-y', 'analysis.map.y', ui.y);
  view.x.select.addEventListener('change', () => onAxisChange('x', 'y'));
  view.y.select.addEventListener('change', () => onAxisChange('y', 'x'));
  view.metricInputs = [];
  const metric = el('fieldset', 'map-controls__metric');
  metric.append(el('legend', 'map-controls__label', t('analysis.map.metric')));
  for (const [value, key] of [
    ['npv', 'analysis.map.metricNpv'],
    ['regret', 'analysis.map.metricRegret'],
  ]) {
    const label = el('label', 'map-controls__choice');
    const input = el('input');
    input.type = 'radio';
    input.name = 'map-metric';
    input.value = value;
    input.id = `map-metric-${value}`;
    input.checked = value === ui.metric;
    input.addEventListener('change', () => {
      if (!input.checked) return;
      ui.metric = value;
      dirty.map = true;
      saveMapView();
      requestPaint();
    });
    view.metricInputs.push(input);
    label.append(input, document.createTextNode(` ${t(key)}`));
    metric.append(label);
  }
  controls.append(view.x.wrap, view.y.wrap, metric);
  map.node.append(controls, map.box, map.status, map.description);

  // Data tables and downloads, from what the charts show (nothing while they are updating).
  tools.attach({
    kind: 'tornado',
    figure: tornado.node,
    canvas: tornado.canvas,
    title: t('analysis.tornado.title'),
    data: () => {
      const r = results.sensitivity;
      if (!r || !current || r.key !== current.key) return null;
      const count = ui.showAll ? r.result.bars.length : Math.min(TOP, r.result.bars.length);
      return { result: r.result, count, signature: `${r.gen}|${r.key}|${count}` };
    },
    svg: (chartsApi, d, width, height) => chartsApi.tornadoSvg(d.result, { ...chartOptions(), scale: 1 }, width, height, d.count),
  });
  tools.attach({
    kind: 'map',
    figure: map.node,
    canvas: map.canvas,
    title: t('analysis.map.title'),
    data: () => {
      const r = results.map;
      if (!r || !current || r.mapKey !== mapKeyOf(current.key)) return null;
      return { result: r.result, metric: ui.metric, signature: `${r.gen}|${r.mapKey}|${ui.metric}` };
    },
    svg: (chartsApi, d, width, height) => chartsApi.regretMapSvg(d.result, { ...chartOptions(), scale: 1 }, width, height, d.metric),
  });

  const panels = el('div', 'analysis__panels');
  panels.append(tornado.node, map.node);
  sectionEl.replaceChildren(heading, intro, panels);

  const observer = new ResizeObserver(() => {
    dirty.tornado = true;
    dirty.map = true;
    requestPaint();
  });
  observer.observe(tornado.box);
  observer.observe(map.box);
  // The charts module loads when the section comes within a screen of the viewport.
  const near = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      near.disconnect();
      needCharts();
    },
    { rootMargin: '100% 0px' },
  );
  near.observe(sectionEl);
}

/** Counters and the latest results, for tests and the benchmark. */
export function debug() {
  return {
    gen,
    counts: { ...counts },
    key: current?.key ?? null,
    requested: requested ? { ...requested } : null,
    uncertainty: results.uncertainty,
    sensitivity: results.sensitivity,
    map: results.map,
    bandDrawn,
    workerProblem,
    chartsProblem,
    chartsLoaded: Boolean(chartsModule()),
    ui: { ...ui },
  };
}
