// The page's one piece of state, kept as plain data so it can later go into the URL fragment
// (permalinks), an undo stack, an embed or presentation view, or a Web Worker message
// without a rewrite:
//
//   { preset: 'typical',            // the preset the scenario starts from
//     params: { layoffShare: 0.5 }, // overrides: only keys that differ from the preset
//     depth: 4,                     // the model level 1-4 (the modelDepth parameter)
//     pinned: null }                // scenario "A" to compare against: {preset, params, depth}
//
// Features may add top-level fields with setState (permalink.js writes them into the link):
// `tables` (tables.js: the charts whose data table is open, e.g. ['savings']).
//
// Nothing else lives here: slider positions, typed text and error messages are view state.
//
// API (everything a later feature needs):
//   getState()                      a frozen snapshot
//   defaultPreset()                 the preset a page with no link starts from
//   setState(partial, {record, source})
//                                   merges top-level fields (params replaces the overrides
//                                   object: use setParam/resetParam for one key); notifies
//                                   subscribers with meta = {record, source}. `record: true`
//                                   marks a step worth an undo entry or a URL update (a
//                                   finished drag, a preset, a reset); drag frames pass false.
//   subscribe(fn) -> unsubscribe    fn(state, previous, meta) after every change
//   setGuard(fn)                    fn(next, previous, source) -> the state to keep (lock.js)
//   setParam(key, value, opts), resetParam(key, opts), applyPreset(name, opts), setDepth(n, opts)
//   scenarioOf(state)               the {preset, params} object the wasm API takes
//   presetValue(name, key)          a preset's value for a key (after configure())
//   effectiveValue(state, key)      the value the model will use for a key
//   changedKeys(state)              keys whose value differs from the preset
//   pin(opts), unpin(opts)          pins the current scenario as A (a plain copy), or drops it
//   compareOf(state)                the pinned scenario as {preset, params} for the wasm API, or null
//
// State changes never touch the DOM or the model; app.js subscribes and redraws.

const subscribers = new Set();
let presets = new Map();
let defaultName = 'typical';
let state = Object.freeze({ preset: 'typical', params: Object.freeze({}), depth: 4, pinned: null });

/** Gives the module the preset table (from the model's tables) so it can tell what changed. */
export function configure(presetTable, defaultPreset = 'typical') {
  presets = new Map(presetTable.map((p) => [p.name, p.params]));
  const preset = presets.has(defaultPreset) ? defaultPreset : presetTable[0]?.name;
  defaultName = preset;
  const depth = presets.get(preset)?.modelDepth ?? 4;
  state = Object.freeze({ preset, params: Object.freeze({}), depth, pinned: null });
}

/** The preset a page with no link starts from. */
export function defaultPreset() {
  return defaultName;
}

export function getState() {
  return state;
}

export function subscribe(fn) {
  subscribers.add(fn);
  return () => subscribers.delete(fn);
}

/**
 * A guard sees every next state before it is kept and may return a corrected one (lock.js:
 * a teacher's locked values hold whatever path tries to change them). One guard at most.
 */
let guard = null;
export function setGuard(fn) {
  guard = typeof fn === 'function' ? fn : null;
}

export function setState(partial, { record = false, source = 'app' } = {}) {
  const previous = state;
  let next = { ...state, ...partial };
  next.params = Object.freeze({ ...(partial.params ?? state.params) });
  if (guard) next = { ...guard(next, previous, source) };
  next.params = Object.freeze({ ...next.params });
  state = Object.freeze(next);
  const meta = Object.freeze({ record, source });
  for (const fn of subscribers) fn(state, previous, meta);
}

export function presetValue(name, key) {
  return presets.get(name)?.[key];
}

/** Sets one parameter; a value equal to the preset's removes the override. */
export function setParam(key, value, opts = {}) {
  const params = { ...state.params };
  if (presetValue(state.preset, key) === value) delete params[key];
  else params[key] = value;
  setState({ params }, opts);
}

export function resetParam(key, opts = {}) {
  const params = { ...state.params };
  delete params[key];
  setState({ params }, opts);
}

/** Starts again from a preset: its values, no overrides; the model level is kept. */
export function applyPreset(name, opts = {}) {
  if (!presets.has(name)) return;
  setState({ preset: name, params: {} }, opts);
}

export function setDepth(depth, opts = {}) {
  setState({ depth }, opts);
}

export function effectiveValue(s, key) {
  if (key === 'modelDepth') return s.depth;
  if (Object.prototype.hasOwnProperty.call(s.params, key)) return s.params[key];
  return presetValue(s.preset, key);
}

export function changedKeys(s) {
  return Object.keys(s.params).filter((key) => s.params[key] !== presetValue(s.preset, key));
}

/** The scenario object the wasm functions take: {preset, params}. */
export function scenarioOf(s) {
  return { preset: s.preset, params: { ...s.params, modelDepth: s.depth } };
}

/** Pins the current scenario as "A": a frozen plain copy of {preset, params, depth}. */
export function pin(opts = { record: true, source: 'compare' }) {
  const pinned = Object.freeze({ preset: state.preset, params: Object.freeze({ ...state.params }), depth: state.depth });
  setState({ pinned }, opts);
}

/** Drops the pinned scenario. */
export function unpin(opts = { record: true, source: 'compare' }) {
  setState({ pinned: null }, opts);
}

/** The pinned scenario as the {preset, params} object the wasm functions take, or null. */
export function compareOf(s) {
  const p = s.pinned;
  if (!p || typeof p !== 'object' || typeof p.preset !== 'string') return null;
  const params = { ...(p.params || {}) };
  if (Number.isFinite(p.depth)) params.modelDepth = p.depth;
  return { preset: p.preset, params };
}
