// What we don't know: the savings chart's fan, the uncertainty sentence under it, the tornado
// and the regret map, painted on the page from what the worker sent (analysis-worker.js holds
// the protocol). Every chart is drawn by the page's one wasm module.
//
//   app frame (scenario accepted) -> update(scenario, result) -> worker.request(...)
//   a kept answer -> one paint per animation frame: the savings chart again with its fan, the
//   tornado, the map, the sentence
//
// Until the answer for the current state arrives, the savings chart keeps the last fan, faded
// and labelled as updating (only when it covers the same months), the tornado and the map
// are dimmed with "Updating…", and the sentence says the range is being worked out: never a
// number that belongs to another state. The tornado and the map are painted once the reader
// comes within a screen of them.
//
// The regret map's defaults, its allowed axes and colourings are the model's policy (the
// tables' `policy.map`); its view is `state.map` and, when not the default, `map=X,Y,METRIC`
// in the link.
//
// API: configure({api, paramTable, policy, wasmModule}), build({heroEl, sectionEl}),
// update(scenario, result), bandFor(scenario) (the fan for render()'s or chartSvg()'s `band`),
// bandToDraw(scenario) (the same for the page's own savings chart, noting what it shows),
// debug() (counters and the last results, for the browser tests).

import { t } from './i18n.js';
import * as fmt from './format.js';
import * as store from './state.js';
import * as charts from './charts.js';
import * as tools from './analysis-tools.js';
import * as permalink from './permalink.js';
import * as worker from './analysis-worker.js';
import { chartPanel, sizeCanvas } from './panel.js';
import { el, whenNear } from './dom.js';

const TOP = 10;

let api = null;
let params = []; // the parameter table
let mapPolicy = { x: 'layoffShare', y: 'aiResolutionRate', metric: 'npv', metrics: ['npv', 'regret'], axes: [], cells: 41 };
let current = null; // {key, scenario, result}: the latest accepted scenario and its compute result
const counts = { savingsPaints: 0, stalePaints: 0 };
const view = {};
const ui = { x: mapPolicy.x, y: mapPolicy.y, metric: mapPolicy.metric, showAll: false };
let paintRequested = false;
let dirty = { tornado: true, map: true, note: true };
let lastOptions = '';
let near = false; // the analyses section has come within a screen of the viewport
let bandDrawn = ''; // which band the savings canvas shows: "key|draws|faded" or ''
// What the tornado and map canvases show, so that a new state only dims them (no redraw on
// every frame of a drag) until the worker's answer for it arrives.
const drawn = { tornado: '', map: '' };

function mapGrid() {
  return { x: ui.x, y: ui.y, cells: mapPolicy.cells };
}

function horizonOf(scenario) {
  const own = scenario.params?.horizonMonths;
  return Number(own ?? store.presetValue(scenario.preset, 'horizonMonths'));
}

function isDefaultMap(m) {
  return m.x === mapPolicy.x && m.y === mapPolicy.y && m.metric === mapPolicy.metric;
}

/**
 * `wasmModule` is the page's compiled WebAssembly.Module (or null): the worker is handed it,
 * so the wasm is downloaded and compiled once. `policy.map` holds the map's defaults.
 */
export function configure({ api: wasm, paramTable, policy, wasmModule = null }) {
  api = wasm;
  params = paramTable;
  if (policy?.map) mapPolicy = policy.map;
  Object.assign(ui, { x: mapPolicy.x, y: mapPolicy.y, metric: mapPolicy.metric });
  worker.configure({
    module: wasmModule,
    onChange: (type) => {
      if (type === 'uncertainty') dirty.note = true;
      else if (type === 'sensitivity') dirty.tornado = true;
      else if (type === 'map') dirty.map = true;
      else dirty = { tornado: true, map: true, note: true };
      requestPaint();
    },
  });
}

// The map's view in the link: "map=X,Y,METRIC", written only when it is not the default.
permalink.register('map', {
  encode(s) {
    const m = s.map;
    return !m || isDefaultMap(m) ? undefined : `${m.x},${m.y},${m.metric}`;
  },
  decode(text) {
    const [x, y, metric = mapPolicy.metric, ...rest] = String(text).split(',');
    const axes = mapPolicy.axes;
    if (rest.length || !axes.includes(x) || !axes.includes(y) || x === y || !mapPolicy.metrics.includes(metric)) {
      return new Error(t('share.link.badMap', { metrics: mapPolicy.metrics.join(', ') }));
    }
    return { map: { x, y, metric } };
  },
  absent: () => ({ map: null }),
});

/** Takes the map's view from the state (a link, undo) when it differs from what is shown. */
function syncMapView(state) {
  const wanted = state.map || mapPolicy;
  if (wanted.x === ui.x && wanted.y === ui.y && wanted.metric === ui.metric) return false;
  ui.x = wanted.x;
  ui.y = wanted.y;
  ui.metric = wanted.metric;
  if (view.x) {
    view.x.show(ui.x);
    view.y.show(ui.y);
    for (const input of view.metricInputs) input.checked = input.value === ui.metric;
  }
  dirty.map = true;
  return true;
}

/** Records a map view the reader chose: a view change, not an undo step. */
function saveMapView() {
  const map = { x: ui.x, y: ui.y, metric: ui.metric };
  store.setState({ map: isDefaultMap(map) ? null : map }, { record: false, source: 'map' });
}

// ---- Hooks for app.js ------------------------------------------------------------------------

/**
 * The fan for render() or chartSvg(): this scenario's Monte Carlo result, or the last one
 * faded while this one is worked out (only when it covers the same months), or null.
 */
export function bandFor(scenario) {
  const u = worker.results.uncertainty;
  if (!u) return null;
  if (u.key === worker.keyOf(scenario)) return { uncertainty: u.result, faded: false };
  if (u.result.cumulativeDelta.length === horizonOf(scenario)) return { uncertainty: u.result, faded: true };
  return null;
}

/** bandFor() for drawing the page's own savings chart: also notes which band it shows. */
export function bandToDraw(scenario) {
  const band = bandFor(scenario);
  const u = worker.results.uncertainty;
  bandDrawn = band ? `${u.key}|${u.result.draws}|${band.faded}` : '';
  return band;
}

/** After every frame the model accepted: asks the worker about a new state, repaints if needed. */
export function update(scenario, result) {
  syncMapView(store.getState());
  const key = worker.keyOf(scenario);
  const changed = !current || current.key !== key;
  current = { key, scenario, result };
  if (changed) dirty = { tornado: true, map: true, note: true };
  worker.request({ key, scenario, map: mapGrid() });
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

/** The worker's refusal of the current scenario, or its failure to start. */
function troubled() {
  const failed = worker.failure();
  return Boolean(worker.problem() || (failed && current && failed.key === current.key));
}

function paint() {
  paintRequested = false;
  if (!current || !view.note) return;
  const options = chartOptions();
  paintSavings(options);
  if (dirty.note) paintNote();
  // The tornado and the map are painted once the reader comes near them (until then they
  // say they are waiting); a hidden section (embed mode) when it shows.
  const shown = (node) => node && node.getClientRects().length > 0;
  if (dirty.tornado && shown(view.tornado)) dirty.tornado = near ? !paintTornado(options) : waiting(view.tornado);
  if (dirty.map && shown(view.map)) dirty.map = near ? !paintMap(options) : waiting(view.map);
  dirty.note = false;
}

/** Draws the savings chart again when the fan it shows is not the one it should show. */
function paintSavings(options) {
  const target = charts.targets().find((x) => x.kind === 'savings');
  if (!target || !target.canvas.width) return;
  const state = store.getState();
  const scenario = store.scenarioOf(state);
  if (worker.keyOf(scenario) !== current.key) return; // the app's next frame draws the new state
  const u = worker.results.uncertainty;
  const wanted = u && u.key === current.key ? `${u.key}|${u.result.draws}|false` : null;
  if (!wanted || wanted === bandDrawn) return;
  try {
    api.render({ scenario, charts: [target], options, compare: store.compareOf(state), band: bandToDraw(scenario) });
    counts.savingsPaints += 1;
  } catch {
    paintNote(true);
  }
}

function setStale(figure, stale) {
  figure.classList.toggle('is-stale', stale);
  figure.setAttribute('aria-busy', stale ? 'true' : 'false');
  const status = figure.querySelector('.analysis__status');
  status.textContent = stale ? t('analysis.updating') : worker.problem() ? t('analysis.unavailable') : '';
}

/** A chart not painted yet: busy while the worker can still answer. Stays dirty. */
function waiting(figure) {
  setStale(figure, !worker.problem());
  return true;
}

/** Paints the tornado; returns whether it is done. */
function paintTornado(options) {
  const r = worker.results.sensitivity;
  const figure = view.tornado;
  const bars = r ? r.result.bars.length : 0;
  const count = ui.showAll ? bars : Math.min(TOP, bars);
  view.tornadoToggle.hidden = bars <= TOP;
  view.tornadoToggle.textContent = ui.showAll ? t('analysis.tornado.showTop', { n: TOP }) : t('analysis.tornado.showAll', { n: bars });
  view.tornadoToggle.setAttribute('aria-expanded', String(ui.showAll));
  if (!r) {
    setStale(figure, !worker.problem());
    return true;
  }
  setStale(figure, r.key !== current.key);
  const width = view.tornadoBox.getBoundingClientRect().width;
  const signature = [r.gen, r.key, count, width, window.devicePixelRatio, lastOptions].join('|');
  if (signature === drawn.tornado) return true;
  const height = api.tornadoHeight({ bars: Math.max(1, count), options, width: Math.max(100, Math.round(width)) });
  view.tornadoBox.style.height = `${height}px`;
  sizeCanvas(view.tornadoCanvas, width, height);
  drawn.tornado = signature;
  if (r.key !== current.key) counts.stalePaints += 1;
  try {
    view.tornadoDesc.textContent = api.renderTornado({ sensitivity: r.result, canvas: view.tornadoCanvas, options, count });
    tools.refresh('tornado');
  } catch {
    view.tornadoDesc.textContent = '';
    paintNote(true);
  }
  return true;
}

/** Paints the regret map; returns whether it is done. */
function paintMap(options) {
  const r = worker.results.map;
  const figure = view.map;
  if (!r) {
    setStale(figure, !worker.problem());
    return true;
  }
  setStale(figure, r.mapKey !== worker.mapKeyOf(current.key, mapGrid()));
  const box = view.mapBox.getBoundingClientRect();
  const signature = [r.gen, r.mapKey, ui.metric, box.width, box.height, window.devicePixelRatio, lastOptions].join('|');
  if (signature === drawn.map) return true;
  sizeCanvas(view.mapCanvas, box.width, box.height);
  drawn.map = signature;
  try {
    view.mapDesc.textContent = api.renderRegretMap({ map: r.result, canvas: view.mapCanvas, options, metric: ui.metric });
    tools.refresh('map');
  } catch {
    view.mapDesc.textContent = '';
    paintNote(true);
  }
  return true;
}

/** The sentence under the savings chart; `broken` when a chart just refused what it got. */
function paintNote(broken = false) {
  const note = view.note;
  const s = current.result.summary;
  const p = current.result.params;
  note.classList.remove('is-pending');
  note.removeAttribute('aria-busy');
  if (broken || troubled()) {
    note.textContent = t('analysis.fan.error');
    note.dataset.state = 'error';
    return;
  }
  if (s.laidOff === 0 && p.aiShare === 0) {
    note.textContent = t('analysis.fan.nothing');
    note.dataset.state = 'nothing';
    return;
  }
  const u = worker.results.uncertainty;
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

/**
 * One axis of the map: a labelled <select> of the parameters the policy allows. It starts
 * with only its chosen parameter; the other forty-odd options (about 50 elements a list) are
 * added when the map comes near the screen or the list is opened (issue 15's element
 * budget). `show(key)` selects a parameter whether or not the list is complete.
 */
function axisSelect(id, labelKey, value) {
  const wrap = el('div', 'map-controls__axis');
  const label = el('label', 'map-controls__label', t(labelKey));
  label.htmlFor = id;
  const select = el('select', 'map-controls__select');
  select.id = id;
  const option = (key) => {
    const item = el('option', '', t(`params.${key}.label`));
    item.value = key;
    return item;
  };
  let complete = false;
  const fill = () => {
    if (complete) return;
    complete = true;
    const chosen = select.value;
    const groups = [];
    let group = null;
    for (const spec of params) {
      if (!mapPolicy.axes.includes(spec.key)) continue;
      if (spec.group !== group?.dataset.group) {
        group = el('optgroup');
        group.dataset.group = spec.group;
        group.label = t(`groups.${spec.group}.title`);
        groups.push(group);
      }
      group.append(option(spec.key));
    }
    select.replaceChildren(...groups);
    select.value = chosen;
  };
  const show = (key) => {
    if (!complete) select.replaceChildren(option(key));
    select.value = key;
  };
  show(value);
  // A mouse, a touch or the keyboard reaching the list completes it before it opens.
  for (const type of ['pointerdown', 'focus', 'keydown']) select.addEventListener(type, fill);
  wrap.append(label, select);
  return { wrap, select, fill, show };
}

function onAxisChange(which, other) {
  const value = view[which].select.value;
  if (value === ui[other]) {
    // The same parameter on both axes: swap them instead of refusing.
    ui[other] = ui[which];
    view[other].show(ui[other]);
  }
  ui[which] = value;
  dirty.map = true;
  saveMapView();
  if (current) {
    worker.request({ key: current.key, scenario: current.scenario, map: mapGrid() }, true);
    requestPaint();
  }
}

function metricChoice() {
  view.metricInputs = [];
  const metric = el('fieldset', 'map-controls__metric');
  metric.append(el('legend', 'map-controls__label', t('analysis.map.metric')));
  for (const value of mapPolicy.metrics) {
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
    const name = value === 'npv' ? 'analysis.map.metricNpv' : 'analysis.map.metricRegret';
    label.append(input, document.createTextNode(` ${t(name)}`));
    metric.append(label);
  }
  return metric;
}

function analysisPanel(kind) {
  const panel = chartPanel({ kind, title: t(`analysis.${kind}.title`), caption: t(`analysis.${kind}.caption`), variant: 'analysis' });
  panel.status = el('p', 'analysis__status');
  return panel;
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

  const tornado = analysisPanel('tornado');
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

  const map = analysisPanel('map');
  view.map = map.node;
  view.mapBox = map.box;
  view.mapCanvas = map.canvas;
  view.mapDesc = map.description;
  const controls = el('div', 'map-controls');
  view.x = axisSelect('map-x', 'analysis.map.x', ui.x);
  view.y = axisSelect('map-y', 'analysis.map.y', ui.y);
  view.x.select.addEventListener('change', () => onAxisChange('x', 'y'));
  view.y.select.addEventListener('change', () => onAxisChange('y', 'x'));
  controls.append(view.x.wrap, view.y.wrap, metricChoice());
  map.node.append(controls, map.box, map.status, map.description);
  whenNear(map.node, () => {
    view.x.fill();
    view.y.fill();
  });

  // Data tables and downloads, from what the charts show (nothing while they are updating).
  tools.attach({
    kind: 'tornado',
    figure: tornado.node,
    canvas: tornado.canvas,
    title: t('analysis.tornado.title'),
    data: () => {
      const r = worker.results.sensitivity;
      if (!r || !current || r.key !== current.key) return null;
      const count = ui.showAll ? r.result.bars.length : Math.min(TOP, r.result.bars.length);
      return { result: r.result, count, signature: `${r.gen}|${r.key}|${count}` };
    },
    svg: (d, width, height) => api.tornadoSvg({ sensitivity: d.result, options: { ...chartOptions(), scale: 1 }, width, height, count: d.count }),
  });
  tools.attach({
    kind: 'map',
    figure: map.node,
    canvas: map.canvas,
    title: t('analysis.map.title'),
    data: () => {
      const r = worker.results.map;
      if (!r || !current || r.mapKey !== worker.mapKeyOf(current.key, mapGrid())) return null;
      return { result: r.result, metric: ui.metric, signature: `${r.gen}|${r.mapKey}|${ui.metric}` };
    },
    svg: (d, width, height) => api.regretMapSvg({ map: d.result, options: { ...chartOptions(), scale: 1 }, width, height, metric: d.metric }),
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
  const approach = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      approach.disconnect();
      near = true;
      requestPaint();
    },
    { rootMargin: '100% 0px' },
  );
  approach.observe(sectionEl);
}

/** Counters and the latest results, for tests and the benchmark. */
export function debug() {
  const protocol = worker.stats();
  return {
    gen: protocol.gen,
    counts: { ...protocol.counts, ...counts },
    key: current?.key ?? null,
    requested: protocol.requested,
    uncertainty: worker.results.uncertainty,
    sensitivity: worker.results.sensitivity,
    map: worker.results.map,
    bandDrawn,
    near,
    workerProblem: protocol.workerProblem,
    ui: { ...ui },
  };
}
