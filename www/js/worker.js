// The analyses' Web Worker: its own, model-only instance of the wasm module (no charts here:
// they are drawn on the page) that answers "what don't we know?" for one scenario at a time,
// so the page never waits on a thousand model runs while the reader drags a slider.
//
// Messages in (from analysis-worker.js, the page's side of this protocol):
//   {type: 'module', module}   first: the page's compiled WebAssembly.Module (or null), so the
//                              wasm is not downloaded and compiled twice; without it (a request
//                              first, or null) the worker loads the module itself
//   {type: 'analyse', gen, key, scenario, seed, quickDraws, draws, map: {x, y, cells}}
// Messages out, each tagged with the request's gen and key (the page drops any whose gen is
// not its latest); `ms` is the time of the wasm call (0 when `cached`):
//   {type: 'ready'}                                               the module is loaded
//   {type: 'uncertainty', gen, key, result, final, ms, cached}    a quick pass (final: false), then the full one
//   {type: 'sensitivity', gen, key, result, ms, cached}
//   {type: 'map', gen, key, mapKey, result, ms, cached}
//   {type: 'error', gen, key, message}                            a refused scenario or a malformed request
//   {type: 'fatal', message}                                      the module could not load
//
// Cancelling: only the newest request is kept. Work runs in steps (quick pass, tornado, full
// Monte Carlo, map), and between steps the worker yields to its event loop; if a newer
// request has arrived by then, the rest of the old one is dropped. A step is never cut in
// half, so the longest wait for a new request is one step (tens of milliseconds). Results
// for a scenario already analysed come from a small cache instead of being computed again
// (a change of map axes, for instance, only recomputes the map).

import init, { uncertainty, sensitivity, regretMap } from '../pkg/layoff_whatif.js';

let latest = null; // the newest request not yet started
let lastArrival = -Infinity; // when the request before the newest one arrived (ms)

/**
 * While a slider is dragged a new state arrives every frame. Then only the quick steps (the
 * 100-draw pass and the tornado) follow each state; the heavy ones (the full Monte Carlo and
 * the map, tens of milliseconds each) wait until the state has stayed the newest for this
 * long, so a drag does not keep a second core busy with answers nobody will see. A single
 * change (a preset, a typed value) starts them at once.
 */
const SETTLE_MS = 150;
let running = false;
let ready = false;
const cache = { uncertainty: new Map(), sensitivity: new Map(), map: new Map() };
const CACHE_SIZE = 8;

function remember(table, key, value) {
  table.delete(key);
  table.set(key, value);
  while (table.size > CACHE_SIZE) table.delete(table.keys().next().value);
}

// A macrotask boundary that is not clamped like setTimeout: lets queued messages in.
const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();
function yieldToMessages() {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

function messageOf(error) {
  return String(error && error.message ? error.message : error).slice(0, 500);
}

/** Runs one task: from the cache, or timed. */
function step(job, task, cacheKey, compute) {
  const table = cache[task];
  if (table.has(cacheKey)) return { result: table.get(cacheKey), ms: 0, cached: true };
  const start = performance.now();
  const result = compute();
  const ms = performance.now() - start;
  remember(table, cacheKey, result);
  return { result, ms, cached: false };
}

/** The steps of one request, in the order the reader benefits from them. */
function plan(job) {
  const mapOptions = { x: job.map.x, y: job.map.y, cells: job.map.cells };
  const mapKey = `${job.key}|${mapOptions.x}|${mapOptions.y}|${mapOptions.cells}`;
  const seed = job.seed;
  const mc = (draws) => () => uncertainty({ scenario: job.scenario, draws, seed });
  const steps = [];
  const fullKey = `${job.key}|${job.draws}|${seed}`;
  // The quick pass only when the full result is not already known.
  if (job.quickDraws > 0 && job.quickDraws < job.draws && !cache.uncertainty.has(fullKey)) {
    steps.push(() => {
      const r = step(job, 'uncertainty', `${job.key}|${job.quickDraws}|${seed}`, mc(job.quickDraws));
      return { type: 'uncertainty', final: false, ...r };
    });
  }
  steps.push(() => ({ type: 'sensitivity', ...step(job, 'sensitivity', job.key, () => sensitivity({ scenario: job.scenario })) }));
  const heavy = (run) => Object.assign(run, { heavy: true });
  steps.push(heavy(() => ({ type: 'uncertainty', final: true, ...step(job, 'uncertainty', fullKey, mc(job.draws)) })));
  steps.push(heavy(() => ({ type: 'map', mapKey, ...step(job, 'map', mapKey, () => regretMap({ scenario: job.scenario, ...mapOptions })) })));
  return steps;
}

async function run() {
  running = true;
  try {
    while (latest) {
      const job = latest;
      latest = null;
      for (const next of plan(job)) {
        // Mid-drag, a heavy step waits for the state to settle (see SETTLE_MS).
        if (next.heavy && job.afterRecent) {
          const wait = job.arrived + SETTLE_MS - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        }
        // Let any newer request in first; if one came, this job is stale: drop the rest.
        await yieldToMessages();
        if (latest) break;
        let out;
        try {
          out = next();
        } catch (error) {
          self.postMessage({ type: 'error', gen: job.gen, key: job.key, message: messageOf(error) });
          break; // a refused scenario fails every task the same way
        }
        const { result, ms, cached, ...rest } = out;
        self.postMessage({ ...rest, gen: job.gen, key: job.key, result, ms, cached });
      }
    }
  } finally {
    running = false;
  }
}

function valid(job) {
  return (
    job &&
    typeof job === 'object' &&
    Number.isSafeInteger(job.gen) &&
    typeof job.key === 'string' &&
    job.scenario &&
    typeof job.scenario === 'object' &&
    Number.isSafeInteger(job.draws) &&
    Number.isSafeInteger(job.quickDraws) &&
    Number.isSafeInteger(job.seed) &&
    job.map &&
    typeof job.map === 'object'
  );
}

let loading = false;

/** Instantiates the wasm: from the page's compiled module when given one, else by itself. */
function load(module) {
  if (loading) return;
  loading = true;
  const compiled = typeof WebAssembly === 'object' && module instanceof WebAssembly.Module ? module : undefined;
  init(compiled ? { module_or_path: compiled } : undefined)
    .then(() => {
      ready = true;
      self.postMessage({ type: 'ready' });
      if (latest && !running) run();
    })
    .catch((error) => self.postMessage({ type: 'fatal', message: messageOf(error) }));
}

self.onmessage = (event) => {
  const job = event.data;
  if (job?.type === 'module') {
    load(job.module);
    return;
  }
  if (job?.type !== 'analyse') return;
  load(null);
  if (!valid(job)) {
    self.postMessage({ type: 'error', gen: job?.gen ?? -1, key: String(job?.key ?? ''), message: 'the analysis request is not valid' });
    return;
  }
  const now = performance.now();
  job.arrived = now;
  job.afterRecent = now - lastArrival < SETTLE_MS; // another state came just before: a drag
  lastArrival = now;
  latest = job; // replaces any request that has not started: old states never queue
  if (ready && !running) run();
};

