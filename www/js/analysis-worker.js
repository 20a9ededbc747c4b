// The page's side of the analyses' worker protocol (worker.js has the other side): starts the
// worker with the page's compiled wasm, posts the newest scenario, keeps only answers for the
// newest request (a generation counter) and checks a band before it is kept, so a bad answer
// can never reach render(). It knows nothing of charts or words: analysis.js paints.
//
//   request({key, scenario, map}) -> {type: 'analyse', gen, ...} to the worker
//   answer with gen == latest     -> results.uncertainty | .sensitivity | .map, onChange(type)
//   answer with an older gen      -> dropped (counted)
//
// The watchdog: a worker that dies (an error event, an unreadable message, 'fatal') or stops
// answering (no message for WORKER_TIMEOUT_MS while the newest request has not had its last
// answer, the map) is terminated and started again once, with the compiled module and the
// newest request; if the second one fails too, problem() says why and the analyses say
// "unavailable" instead of "Updating…" for ever. Tests shorten the wait with
// window.__layoffWhatifTest = {workerTimeoutMs} set before the page loads (an init script;
// no address can set it).
//
// API: configure({module, onChange}), request(job), keyOf(scenario), mapKeyOf(key, map),
// results, failure(), problem(), stats(); SEED, DRAWS, QUICK_DRAWS.

export const SEED = 1;
export const DRAWS = 1000;
export const QUICK_DRAWS = 100;

/**
 * How long a worker with work outstanding may stay silent before it is taken for stuck. The
 * full Monte Carlo and the map take about 60 ms here and each step answers on its own; a busy
 * phone may be a hundred times slower, and a page in a background tab slower still. A worker
 * silent for this long is stuck (or its thread was lost), not slow.
 */
const WORKER_TIMEOUT_MS = 20_000;
/** Workers started again after one failed: one, then the analyses say they are unavailable. */
const RESTARTS = 1;

function timeLimit() {
  const asked = typeof window === 'object' ? window.__layoffWhatifTest?.workerTimeoutMs : undefined;
  return Number.isFinite(asked) && asked > 0 ? asked : WORKER_TIMEOUT_MS;
}

let compiledModule = null; // the page's WebAssembly.Module, handed to the worker
let onChange = () => {};
let worker = null;
let workerProblem = null; // why the worker cannot help, or null
let gen = 0;
let requested = null; // {key, mapKey} of the latest request
let failed = null; // {key, message}: the worker refused the current scenario
let lastJob = null; // the newest 'analyse' message posted, sent again to a restarted worker
let outstanding = false; // the newest request has not had its last answer
let watchdog = null; // the timer that takes a silent worker for stuck
let restarts = 0;
/** The newest answers, each {gen, key, result, ms, ...}. */
export const results = { uncertainty: null, sensitivity: null, map: null };
const counts = { posted: 0, accepted: 0, dropped: 0, restarts: 0 };

/** `module` is the page's compiled wasm (or null); `onChange(type)` hears every kept answer. */
export function configure({ module = null, onChange: listener }) {
  compiledModule = module;
  onChange = listener;
}

/** A key that is the same for the same scenario whatever order its parameters were set in. */
export function keyOf(scenario) {
  const p = scenario.params || {};
  return JSON.stringify([scenario.preset, Object.keys(p).sort().map((k) => [k, p[k]])]);
}

/** The key of a map: the scenario's and the grid's. */
export function mapKeyOf(key, map) {
  return `${key}|${map.x}|${map.y}|${map.cells}`;
}

function start() {
  if (worker || workerProblem) return;
  try {
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  } catch (error) {
    fail(error);
    return;
  }
  const current = worker;
  // A dead worker's late events must not fail its successor.
  worker.onmessage = (event) => current === worker && receive(event.data);
  worker.onerror = (event) => {
    event.preventDefault?.();
    if (current === worker) fail(event.message || 'worker error');
  };
  worker.onmessageerror = () => current === worker && fail('unreadable message');
  worker.postMessage({ type: 'module', module: compiledModule });
}

/** (Re)arms the watchdog while work is outstanding; any message from the worker re-arms it. */
function watch() {
  clearTimeout(watchdog);
  watchdog = outstanding && worker ? setTimeout(() => fail(`no answer in ${timeLimit()} ms`), timeLimit()) : null;
}

/** The worker died or stopped answering: start it again once, with the newest request; then stop. */
function fail(reason) {
  clearTimeout(watchdog);
  watchdog = null;
  worker?.terminate();
  worker = null;
  if (restarts >= RESTARTS) {
    stop(reason);
    return;
  }
  restarts += 1;
  counts.restarts += 1;
  start();
  if (worker && lastJob && outstanding) {
    worker.postMessage(lastJob);
    watch();
  }
}

function stop(reason) {
  workerProblem = String(reason?.message || reason || 'unknown');
  clearTimeout(watchdog);
  watchdog = null;
  outstanding = false;
  worker?.terminate();
  worker = null;
  onChange('fatal');
}

/**
 * Asks about `scenario` (keyed `key`) with the map grid `map` ({x, y, cells}), unless that is
 * what was asked last. `force` asks again anyway (the map's axes changed).
 */
export function request({ key, scenario, map }, force = false) {
  start();
  const mapKey = mapKeyOf(key, map);
  if (!worker || (!force && requested && requested.key === key && requested.mapKey === mapKey)) return;
  gen += 1;
  requested = { key, mapKey };
  counts.posted += 1;
  if (failed && failed.key !== key) failed = null;
  lastJob = { type: 'analyse', gen, key, scenario, seed: SEED, quickDraws: QUICK_DRAWS, draws: DRAWS, map };
  outstanding = true;
  worker.postMessage(lastJob);
  watch();
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
  // The worker is alive; the newest request is answered in full by its map or its refusal.
  if (message.gen === gen && (message.type === 'map' || message.type === 'error')) outstanding = false;
  watch();
  if (message.type === 'ready') return;
  if (message.gen !== gen) {
    counts.dropped += 1; // an answer for a state the reader has already left
    return;
  }
  counts.accepted += 1;
  const { gen: g, key, result, ms } = message;
  if (message.type === 'error') {
    failed = { key, message: message.message };
  } else if (message.type === 'uncertainty') {
    // A quick pass never replaces the full result for the same scenario; a band render()
    // would refuse is never kept, so it cannot take the page's charts down with it.
    const kept = results.uncertainty;
    if (!usableBand(result)) {
      failed = { key, message: 'the uncertainty band is not usable' };
    } else if (!(kept && kept.key === key && kept.final && !message.final)) {
      results.uncertainty = { gen: g, key, result, final: message.final, ms };
    }
  } else if (message.type === 'sensitivity') {
    results.sensitivity = { gen: g, key, result, ms };
  } else if (message.type === 'map') {
    results.map = { gen: g, key, mapKey: message.mapKey, result, ms };
  } else {
    return;
  }
  onChange(message.type);
}

/** The worker's refusal of a scenario ({key, message}), or null. */
export function failure() {
  return failed;
}

/** Why the worker cannot help at all, or null. */
export function problem() {
  return workerProblem;
}

/** The protocol's counters, for tests and the benchmark. */
export function stats() {
  return { gen, counts: { ...counts }, requested: requested ? { ...requested } : null, workerProblem, outstanding };
}
