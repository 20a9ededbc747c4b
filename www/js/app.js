// The page: loader.js imports this module and calls start(), which loads the language file
// and the wasm model in parallel, builds the page from the model's own tables (parameters,
// presets, sources), then redraws in one requestAnimationFrame per burst of changes:
//
//   slider input  -> state.setParam (no model call) -> schedule()
//   frame         -> size canvases -> render() once (model + four charts) -> prose, numbers
//
// A state the model refuses (a cut after the end of the horizon) shows the reason next to the
// fields and leaves the last good result on screen. If the model cannot load, the page says
// so and offers a reload instead of staying blank.
//
// state.js holds the reader's scenario and every feature's own fields; features listen with
// `subscribe`. The analyses run in a Web Worker (analysis.js); charts stay on the page.

import * as i18n from './i18n.js';
import * as fmt from './format.js';
import * as store from './state.js';
import * as controls from './controls.js';
import * as charts from './charts.js';
import { renderRecord } from './record.js';
import * as prose from './prose.js';
import { configureSources, renderIntro, renderSourceList } from './sources.js';
import * as credits from './credits.js';
import * as glossary from './glossary.js';
import { showLoadError, watchFaults } from './fallback.js';
import * as permalink from './permalink.js';
import * as undoHistory from './history.js';
import * as embed from './embed.js';
import * as downloads from './downloads.js';
import * as tables from './tables.js';
import * as analysis from './analysis.js';
import * as compare from './compare.js';
import * as pageLang from './lang.js';
import * as teach from './teach.js';
import * as handout from './handout.js';
import { el, whenNear, yieldToBrowser } from './dom.js';

/** How long the result must stay put before the live region announces it. */
const ANNOUNCE_MS = 600;

let api = null;
let frameRequested = false;
let lastGood = null; // the last scenario the model accepted
const view = {};
/**
 * The page's first two frames are cut short (issue 15): the first draws only the savings
 * chart, the first screen's chart, and the prose; the second the other charts; the analyses'
 * worker starts in the task after it. Each is then a short task, and the reader sees the
 * first chart sooner. 'hero' -> 'rest' -> 'all' (every later frame draws everything).
 */
let startStage = 'hero';
/** The chart the first frame draws. */
const FIRST_CHART = 'savings';

function $(id) {
  return document.getElementById(id);
}

function schedule() {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(frame);
}

function draw(scenario, kinds) {
  // The pinned scenario A faintly behind, and the Monte Carlo fan when the worker has one.
  const pinned = compare.scenarioFor(store.getState());
  return api.render({
    scenario,
    charts: charts.targets(kinds),
    options: charts.options(),
    compare: pinned,
    band: analysis.bandToDraw(scenario),
  });
}

/** A fault (a wasm panic, a broken module): a notice over the last good result, with a reload. */
function showFault() {
  const reload = el('button', 'button button--quiet', i18n.t('errors.reload'));
  reload.type = 'button';
  reload.addEventListener('click', () => location.reload());
  view.invalid.replaceChildren(
    el('strong', '', `${i18n.t('errors.renderTitle')}. `),
    document.createTextNode(`${i18n.t('errors.renderBody')} `),
    reload,
  );
  view.invalid.hidden = false;
  document.body.classList.remove('is-loading'); // a fault on the first frame: no endless "Loading"
}

function frame() {
  frameRequested = false;
  const state = store.getState();
  const resized = charts.applySizes();
  controls.sync(state, view.lastMeta || {});
  view.lastMeta = null;
  const scenario = store.scenarioOf(state);
  // Only the first chart, if it is on the page (an embed may show other charts only).
  const stage = startStage === 'hero' && !charts.isShown(FIRST_CHART) ? 'all' : startStage;
  // After a refused scenario the next frame that draws draws everything.
  startStage = stage === 'hero' ? 'rest' : 'all';
  const kinds = { hero: [FIRST_CHART], rest: charts.KINDS.filter((kind) => kind !== FIRST_CHART) }[stage];
  let result;
  let descriptions;
  try {
    ({ result, descriptions } = draw(scenario, kinds));
  } catch (error) {
    startStage = 'all';
    // A refused scenario names its fields; anything else (a panic, a broken module) is a bug
    // the reader can only recover from by reloading, so the notice offers exactly that.
    const placed = Array.isArray(error?.errors) ? controls.showModelErrors(error.errors) : 0;
    view.invalid.hidden = false;
    if (placed) {
      view.invalid.textContent = i18n.t('page.invalidNotice');
    } else {
      showFault();
    }
    // Resizing cleared the canvases: draw the last good scenario again at the new size.
    if (resized && lastGood) {
      try {
        draw(lastGood);
      } catch {
        /* the last good scenario was accepted before; nothing more to do */
      }
    }
    return;
  }
  controls.clearModelErrors();
  view.invalid.hidden = true;
  lastGood = scenario;
  prose.renderProse(view.story, result);
  prose.renderNumbers(result);
  prose.renderAnswer(view.answer, result);
  const spoken = prose.renderReadout(view.readout, result);
  prose.renderWarnings(view.warnings, result);
  const preset = view.presets?.find((p) => p.name === result.preset);
  renderRecord(view.record, result, { monthOne: preset?.monthOne, changed: result.changed.length > 0 });
  if (view.announce) {
    // Debounced: arrow keys held down or a quick run of presets make one announcement, of
    // the result where the reader stopped, ANNOUNCE_MS after the last finished change.
    view.announce = false;
    clearTimeout(view.announceTimer);
    view.announceTimer = setTimeout(() => {
      view.announcer.textContent = spoken;
    }, ANNOUNCE_MS);
  }
  charts.describe(descriptions);
  document.body.classList.remove('is-loading');
  if (stage === 'hero') {
    // The first chart and the prose are on screen; the rest comes in the next frame.
    performance.mark('whatif:first-chart');
    schedule();
    return;
  }
  tables.update(result);
  compare.update(state, result);
  if (stage === 'rest') {
    // Unless a later frame has already handed the worker a newer scenario.
    setTimeout(() => lastGood === scenario && analysis.update(scenario, result), 0);
  } else {
    analysis.update(scenario, result);
  }
  if (!document.body.dataset.rendered) {
    if (!performance.getEntriesByName('whatif:first-chart').length) performance.mark('whatif:first-chart');
    performance.mark('whatif:first-render');
  }
  document.body.dataset.rendered = String(Number(document.body.dataset.rendered || 0) + 1);
}

/** The sources' citations for the evidence popovers and the list under "How this works". */
async function loadSources() {
  try {
    const response = await fetch('./pkg/sources.json');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    configureSources(await response.json());
  } catch {
    configureSources([]); // the tags are still named; the list says it has no citations
  }
}

/**
 * The introduction and "How this works" (levels, words, changes, how to cite, the sources),
 * below the explorer: built when they come near the screen, or at once when a link into them
 * is followed (a term's "more", a source tag) or the address points into them. About 500
 * elements a first screen does not need (issue 15: under 1,500 on the first load).
 */
function buildLateSections() {
  view.lateBuilt = true;
  renderIntro($('intro'));
  buildHow();
  glossary.decorateHow();
  glossary.renderCite($('how-cite'));
  // Until the citations arrive (after the first chart) the list would say it has none.
  if (view.sourcesLoaded) renderSourceList($('sources'));
}

/** True when an in-page address (#term-npv, #source-C5, #how-cite) points into those sections. */
function pointsIntoLate(hash) {
  let id = '';
  try {
    id = decodeURIComponent(String(hash).slice(1));
  } catch {
    return false;
  }
  if (/^(term|source)-/.test(id)) return true; // entries that exist only once built
  return Boolean(id && document.getElementById(id)?.closest('#intro, #how'));
}

function buildLateOnDemand() {
  const buildNow = whenNear($('intro'), buildLateSections);
  // A link into those sections is followed after its click handlers: build them first.
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
      if (link && pointsIntoLate(link.getAttribute('href'))) buildNow();
    },
    true,
  );
  if (pointsIntoLate(location.hash)) {
    buildNow();
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }
}

function buildHow() {
  const levels = $('how-levels');
  const list = el('ol', 'how__levels');
  for (const text of i18n.raw('how.levels') || []) list.append(el('li', '', String(text)));
  levels.replaceChildren(list);
  const terms = $('how-terms');
  const termList = el('ul', 'how__terms');
  for (const text of i18n.raw('how.terms') || []) {
    const item = el('li');
    const [term, ...rest] = String(text).split(':');
    if (rest.length) item.append(el('strong', '', `${term}:`), document.createTextNode(rest.join(':')));
    else item.textContent = String(text);
    termList.append(item);
  }
  terms.replaceChildren(termList);
  // What changed in the model, newest first: old links point here (permalink.js). The
  // entries are the language files' words for CHANGELOG.md's versions.
  const changes = el('ul', 'how__changelog');
  for (const text of i18n.raw('how.changelog') || []) changes.append(el('li', '', String(text)));
  $('how-changelog').replaceChildren(changes);
}

/** The page module's wasm, fetched by the <link rel="preload"> in index.html. */
const PAGE_WASM = new URL('../pkg/layoff_whatif_bg.wasm', import.meta.url);

/**
 * Compiles the page module's wasm once, so the analyses' worker can be handed the same
 * compiled module instead of downloading and compiling it again. The single file carries the
 * wasm inline (its glue loads it; there is nothing to fetch): null there.
 */
async function compilePageWasm() {
  if (document.getElementById('inline-wasm-layoff_whatif')) return null;
  const response = await fetch(PAGE_WASM);
  if (!response.ok) throw new Error(`the model could not be downloaded (HTTP ${response.status})`);
  if (response.headers.get('Content-Type') === 'application/wasm') return WebAssembly.compileStreaming(response);
  // A host that serves .wasm with another type: slower, but it works.
  return WebAssembly.compile(await response.arrayBuffer());
}

let compiledWasm = null; // the page module's WebAssembly.Module, for the worker (or null)

async function loadModel() {
  const [module, compiled] = await Promise.all([import('../pkg/layoff_whatif.js'), compilePageWasm()]);
  await module.default(compiled ? { module_or_path: compiled } : undefined);
  compiledWasm = compiled;
  return module;
}

async function main() {
  // Marks for scripts/bench-page.mjs and the browser's performance panel.
  performance.mark('whatif:start');
  document.body.classList.add('is-loading');
  const lang = i18n.chooseLanguage();
  const model = loadModel();
  model.catch(() => {}); // handled below, after the language file
  const strings = i18n.loadLanguage(lang);
  strings.catch(() => {}); // handled just below
  charts.warmUp();
  try {
    await strings;
  } catch (error) {
    showLoadError(error, i18n);
    return;
  }
  i18n.applyStatic();
  fmt.setMoney(i18n.raw('money.currency'), Number(i18n.raw('money.ratePerUsd')));
  // While the model is still downloading and compiling, do the first layout of the page's
  // static text, which would otherwise delay the first chart.
  document.body.getBoundingClientRect();
  performance.mark('whatif:strings');
  const [modelResult] = await Promise.allSettled([model]);
  if (modelResult.status === 'rejected') {
    showLoadError(modelResult.reason, i18n);
    return;
  }
  api = modelResult.value;
  fmt.useModel(api);
  performance.mark('whatif:loaded');

  let paramTable;
  let presetTable;
  let policy;
  try {
    ({ params: paramTable, presets: presetTable, policy } = api.tables());
  } catch (error) {
    showLoadError(error, i18n);
    return;
  }

  // The page is built in a few tasks (yieldToBrowser), none long enough to hold up a tap.
  await yieldToBrowser();
  store.configure(presetTable);
  credits.configure({ presetTable });
  view.presets = presetTable;
  // Share, embed, download: ?embed=1 layout, the fragment -> state, undo/redo and history.
  permalink.configure({ paramTable, api });
  downloads.configure({
    api,
    drawExtras: (state, scenario) => ({ compare: compare.scenarioFor(state), band: analysis.bandFor(scenario) }),
  });
  analysis.configure({ api, paramTable, policy, wasmModule: compiledWasm });
  compare.configure({ api });
  const embedded = embed.setup({ paramTable, policy });
  undoHistory.start({ embedded });
  // Language and currency (masthead), presentation mode, the tour and teacher links.
  pageLang.start({ embedded });
  teach.start({ paramTable, presetTable, embedded });
  buildLateOnDemand();
  performance.mark('whatif:configured');

  await yieldToBrowser();
  view.story = $('story');
  view.answer = $('answer');
  view.readout = $('readout');
  view.warnings = $('warnings');
  view.record = $('record');
  view.invalid = $('invalid-notice');
  view.announcer = $('announce');
  watchFaults(showFault); // a panic outside the frame (a typed value, a download, an analysis)
  prose.buildNumbers($('numbers'));
  glossary.decorateNumbers();
  charts.buildCharts($('chart-hero'), $('charts'), schedule);
  analysis.build({ heroEl: $('chart-hero'), sectionEl: $('analysis') });
  glossary.decorateFan();
  compare.build($('compare'));
  tables.decorateCharts();
  downloads.decorateCharts();
  embed.showCharts();
  if (!embedded) downloads.buildShare($('share'));
  controls.buildControls({
    paramTable,
    presetTable,
    api,
    presetsEl: $('presets'),
    depthEl: $('depth'),
    groupsEl: $('groups'),
    resetAllEl: $('reset-all'),
    firstEl: $('first-controls'),
    firstKeys: policy.firstSliders,
  });
  glossary.decorateDepth();
  performance.mark('whatif:built');
  await yieldToBrowser();
  // The page's first layout and the first chart, in one task of their own (about 25 ms on
  // a slow machine): drawn at once rather than at the next animation frame, which would add
  // up to a frame's wait to the first chart (issue 15).
  charts.applySizes();

  store.subscribe((state, previous, meta) => {
    view.lastMeta = meta;
    // Screen readers hear the result once a change is finished (a drag's end, a preset),
    // not on every frame of a drag.
    if (meta.record) view.announce = true;
    schedule();
  });
  window.matchMedia?.(`(resolution: ${window.devicePixelRatio}dppx)`)?.addEventListener?.('change', () => {
    charts.invalidateSizes();
    schedule();
  });
  frame(); // the first chart; it asks for the frame with the others
  // The sliders come right after the first chart has been painted (a timeout set in the
  // frame runs after that frame's paint); body[data-ready] tells tests the page is complete.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  controls.buildSliders();
  embed.placeControls();
  teach.afterControls();
  handout.configure({ api, paramTable, presetTable });
  schedule();
  // The citations come after the first chart: the build writes them from the model's source
  // table (layoff-whatif sources) so that they are not in the wasm.
  await loadSources();
  view.sourcesLoaded = true;
  if (view.lateBuilt) renderSourceList($('sources'));
  document.body.dataset.ready = '1';
}

/**
 * Starts the page. loader.js calls it once this module and everything it imports have
 * arrived; a module that comes after the loader has given up is never started, so the
 * fallback the reader is looking at stays put.
 */
export function start() {
  return main().catch((error) => showLoadError(error, i18n));
}
