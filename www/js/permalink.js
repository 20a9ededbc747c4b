// Permalinks: the whole page state in the URL fragment, short, versioned and exact.
//
//   #v=2&p=klarna-like&aiShare=0.5&layoffShare=0.25&d=3&t=savings,costs&pin=typical,aiShare:0.3
//
// - `v` is the version of the link and of the model it was made with (VERSION; CHANGELOG.md
//   lists what each model version changed). A link stores changes from a preset, so when the
//   model or a preset changes, an older link opens with its values and a notice saying, in
//   one sentence, that the model changed and what changed. `p` the preset (left out for the
//   default one),
//   then every parameter that differs from the preset under its own key, in table order,
//   then `d` the model level (left out when it is the preset's), then the registered fields.
// - Numbers are written shortest-exact (`shortNumber`): the shortest text that reads back as
//   the same double, so a link round-trips bit for bit.
// - Reading is lenient: the parameters go through the model's own `checkScenario`, which
//   keeps the valid part; everything ignored (unknown key, value out of range, not a number,
//   unknown version or preset, a broken piece) comes back as a translated sentence in
//   `problems` for the notice. Nothing from the URL is ever inserted as markup.
// - A fragment with no "=" in it (`#model`) is an in-page anchor, not a state.
//
// Other features add their own fields without touching this file:
//
//   register(name, {
//     encode(state) -> string | undefined,     // undefined: not written
//     decode(text, ctx) -> partial | Error,    // partial state to merge; an Error (or a throw)
//                                              // ignores the piece with error.message shown;
//                                              // ctx.warn(message) reports a part it ignored
//     absent(state) -> partial,                // optional: the state when the key is missing
//   })
//
// API: configure({paramTable, api}), register, encode(state) -> fragment text (no "#"),
// read(hash) -> {state, problems, isState}, peek(name, hash), shortNumber(x),
// linkUrl(state), showNotice(title, items), clearNotice(), copyText(text, {button, status}).

import { t, LANGUAGES } from './i18n.js';
import * as fmt from './format.js';
import * as store from './state.js';
import { KINDS } from './charts.js';
import { clip } from './dom.js';
import * as notice from './notice.js';

export const VERSION = 2;
/** Link versions made with an earlier model, and the notice that says what changed since. */
const OLDER_MODELS = { 1: 'share.link.olderModel1' };
/** The longest fragment read; a longer one is cut and the reader told. */
export const MAX_FRAGMENT_CHARS = 6000;
const MAX_PIECES = 250;
const DEFAULT_PRESET = 'typical';

const fields = []; // [{name, encode, decode, absent}] in registration (= writing) order
let specs = new Map(); // parameter key -> spec from the model's tables
let lowerKeys = new Map(); // lower-case key -> key, for "did you mean"
let api = null;

/** Gives the module the parameter table and the wasm API (for checkScenario). */
export function configure({ paramTable, api: wasm }) {
  specs = new Map(paramTable.map((s) => [s.key, s]));
  lowerKeys = new Map(paramTable.map((s) => [s.key.toLowerCase(), s.key]));
  api = wasm;
}

/** Adds a fragment field (see the top of this file). A later registration replaces an earlier one. */
export function register(name, field) {
  if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name) || name === 'v' || specs.has(name) || name === 'modelDepth') {
    throw new Error(`permalink: "${name}" cannot be a field name`);
  }
  if (typeof field?.encode !== 'function' || typeof field?.decode !== 'function') {
    throw new Error(`permalink: field "${name}" needs encode and decode`);
  }
  const at = fields.findIndex((f) => f.name === name);
  const entry = { name, ...field };
  if (at >= 0) fields[at] = entry;
  else fields.push(entry);
}

// ---- Numbers and text --------------------------------------------------------------------

/** The shortest decimal text that reads back as exactly `x` ("0.5", "2e8", "1e-7"). */
export function shortNumber(x) {
  if (Object.is(x, -0)) return '-0';
  const plain = String(x).replace('e+', 'e');
  const exp = x.toExponential().replace('e+', 'e');
  return exp.length < plain.length ? exp : plain;
}

// Values keep ",", ":" and a few more readable characters; everything else is escaped.
function escapeValue(text) {
  return encodeURIComponent(text).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

/**
 * Reads text in the one number grammar of every input (the model's `readNumber`: a plain
 * decimal with an optional sign and exponent; docs/SECURITY.md). Returns {ok, value} or
 * {ok: false, code} with code "notANumber", "notFinite" or "tooLong".
 */
export function readPlainNumber(text) {
  try {
    return { ok: true, value: api.readNumber({ text: String(text) }) };
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) throw error;
    return { ok: false, code: error?.errors?.[0]?.code || 'notANumber' };
  }
}

// ---- Encoding ----------------------------------------------------------------------------

function presetDepth(preset) {
  return store.presetValue(preset, 'modelDepth');
}

/** The fragment for a state, without "#"; "" for the default state. */
export function encode(state) {
  const parts = [];
  for (const field of fields) {
    if (field.name === 'params') {
      for (const key of specs.keys()) {
        if (key === 'modelDepth') continue;
        if (!Object.prototype.hasOwnProperty.call(state.params, key)) continue;
        const value = state.params[key];
        if (typeof value !== 'number' || !Number.isFinite(value)) continue;
        parts.push(`${key}=${shortNumber(value)}`);
      }
      continue;
    }
    let text;
    try {
      text = field.encode(state);
    } catch {
      text = undefined; // a field that cannot write itself is left out of the link
    }
    if (typeof text === 'string' && text !== '') parts.push(`${field.name}=${escapeValue(text)}`);
  }
  return parts.length ? `v=${VERSION}&${parts.join('&')}` : '';
}

/** The full address of the explainer (no embed options) showing `state`. */
export function linkUrl(state, base = location.href) {
  const url = new URL(base);
  url.hash = '';
  for (const name of ['embed', 'charts', 'controls']) url.searchParams.delete(name);
  // The preset goes in the query too: a fragment never reaches a server, so only the query
  // lets a published copy serve the preset's own preview (scripts/dist.mjs). The fragment
  // still says everything; the query is read only when the fragment names no preset.
  if (typeof state.preset === 'string' && state.preset !== store.defaultPreset()) url.searchParams.set('preset', state.preset);
  else url.searchParams.delete('preset');
  const fragment = encode(state);
  return `${url.href.replace(/#$/, '').replace(/\?$/, '')}${fragment ? `#${fragment}` : ''}`;
}

// ---- Decoding ----------------------------------------------------------------------------

/** Splits a fragment into [{key, value, piece}] and problems for pieces that cannot be read. */
function split(hash) {
  let text = String(hash || '').replace(/^#/, '');
  const problems = [];
  if (text.length > MAX_FRAGMENT_CHARS) {
    problems.push(t('share.link.fragmentTooLong', { n: fmt.number(MAX_FRAGMENT_CHARS) }));
    text = text.slice(0, MAX_FRAGMENT_CHARS);
  }
  const pieces = text.split('&').filter((p) => p !== '');
  if (pieces.length > MAX_PIECES) {
    problems.push(t('share.link.tooMany', { n: fmt.number(pieces.length), max: fmt.number(MAX_PIECES) }));
    pieces.length = MAX_PIECES;
  }
  const pairs = [];
  for (const raw of pieces) {
    let piece;
    try {
      piece = decodeURIComponent(raw);
    } catch {
      problems.push(item(raw, t('share.link.malformed')));
      continue;
    }
    const at = raw.indexOf('=');
    if (at < 0) {
      problems.push(item(piece, t('share.link.noValue')));
      continue;
    }
    try {
      pairs.push({ key: decodeURIComponent(raw.slice(0, at)), value: decodeURIComponent(raw.slice(at + 1)), piece });
    } catch {
      problems.push(item(raw, t('share.link.malformed')));
    }
  }
  return { pairs, problems };
}

function item(piece, reason) {
  return t('share.link.item', { piece: clip(piece, 60), reason });
}

/** The raw text of one field in a fragment, or undefined (for early use, e.g. the language). */
export function peek(name, hash = location.hash) {
  const { pairs } = split(hash);
  return pairs.find((p) => p.key === name)?.value;
}

function labelOf(key) {
  const spec = specs.get(key);
  return spec ? t(`params.${key}.label`) : key;
}

function presetTitle(name) {
  return t(`presets.${name}.title`, {}, name);
}

/** A sentence for one error of checkScenario, about a value given as `text`. */
export function errorReason(error, text, { layoffMonth, horizon } = {}) {
  const key = error.key;
  const spec = key ? specs.get(key) : undefined;
  const range = spec ? { min: fmt.valueText(spec, spec.min), max: fmt.valueText(spec, spec.max) } : { min: '', max: '' };
  const number = Number(text);
  const value = spec && text !== '' && Number.isFinite(number) ? fmt.valueText(spec, number) : clip(text, 40);
  const vars = { label: spec ? labelOf(key) : clip(key || '', 40), text: clip(text, 40), value, ...range };
  switch (error.code) {
    case 'unknownPreset':
      return t('share.link.unknownPreset', { name: clip(text, 40), fallback: presetTitle(DEFAULT_PRESET) });
    case 'unknownKey': {
      const guess = lowerKeys.get(String(key).toLowerCase());
      return guess ? t('share.link.unknownKeyGuess', { guess }) : t('share.link.unknownKey');
    }
    case 'cutAfterHorizon':
      return t('share.link.cutAfterHorizon', { layoffMonth, horizon });
    case 'tooManyEntries':
      return t('share.link.tooManyEntries');
    case 'notANumber':
    case 'outOfRange':
    case 'notWhole':
    case 'notFinite':
    case 'tooLong':
    case 'wrongType':
    case 'duplicate':
      return t(`share.link.${error.code}`, vars);
    default:
      return t('share.link.generic');
  }
}

function defaultDepth(preset) {
  return presetDepth(preset) ?? 4;
}

/**
 * Checks a scenario given as text values and returns {preset, params (overrides), depth,
 * errors}. Used for the main scenario and by fields that carry one (the pinned scenario).
 */
export function checkRaw(preset, params) {
  let checked;
  try {
    checked = api.checkScenario({ preset, params });
  } catch (error) {
    return {
      preset: DEFAULT_PRESET,
      params: {},
      depth: defaultDepth(DEFAULT_PRESET),
      errors: [{ key: null, code: 'generic', message: String(error?.message || error) }],
    };
  }
  const overrides = {};
  for (const key of checked.changed) if (key !== 'modelDepth') overrides[key] = checked.params[key];
  return { preset: checked.preset, params: overrides, depth: checked.params.modelDepth, errors: checked.errors, all: checked.params };
}

/**
 * Reads a fragment. Returns {isState, state, problems}: `isState` is false for an in-page
 * anchor (no "="), `state` the full partial state to apply (core fields and every registered
 * field, absent ones at their `absent` value), `problems` translated sentences.
 */
export function read(hash) {
  const text = String(hash || '').replace(/^#/, '');
  if (text !== '' && !text.includes('=')) return { isState: false, state: null, problems: [] };
  const { pairs, problems } = split(text);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const raw = { preset: undefined, params: {} };
  const pieceOf = new Map(); // parameter key (or "preset") -> the piece as written
  const seen = new Set();
  const partials = [];
  const present = new Set();

  const version = pairs.find((p) => p.key === 'v');
  if (version && OLDER_MODELS[version.value]) {
    problems.push(`${t(OLDER_MODELS[version.value])} ${t('share.link.changelogPointer')}`);
  } else if (version && version.value !== String(VERSION)) {
    problems.push(t('share.link.version', { v: clip(version.value, 12), current: VERSION }));
  }

  for (const { key, value, piece } of pairs) {
    if (key === 'v') continue;
    const paramKey = key === 'd' ? 'modelDepth' : key;
    if (key === 'd' || specs.has(key)) {
      if (Object.prototype.hasOwnProperty.call(raw.params, paramKey)) {
        problems.push(item(piece, t('share.link.duplicate', { label: labelOf(paramKey) })));
        continue;
      }
      raw.params[paramKey] = value;
      pieceOf.set(paramKey, piece);
      continue;
    }
    if (key === 'p') {
      if (raw.preset !== undefined) {
        problems.push(item(piece, t('share.link.duplicatePreset')));
        continue;
      }
      raw.preset = value;
      pieceOf.set('preset', piece);
      continue;
    }
    const field = byName.get(key);
    if (!field || field.name === 'params') {
      const guess = lowerKeys.get(key.toLowerCase());
      problems.push(item(piece, guess ? t('share.link.unknownKeyGuess', { guess }) : t('share.link.unknownKey')));
      continue;
    }
    if (seen.has(key)) {
      problems.push(item(piece, t('share.link.duplicateField')));
      continue;
    }
    seen.add(key);
    present.add(key);
    const warnings = [];
    const ctx = { warn: (message) => warnings.push(String(message)), checkRaw, errorReason };
    let result;
    try {
      result = field.decode(value, ctx);
    } catch (error) {
      result = error instanceof Error ? error : new Error(String(error));
    }
    for (const w of warnings) problems.push(item(piece, w));
    if (result instanceof Error) {
      problems.push(item(piece, result.message || t('share.link.generic')));
      present.delete(key);
      continue;
    }
    if (result && typeof result === 'object') partials.push(result);
  }

  const checked = checkRaw(raw.preset, raw.params);
  for (const error of checked.errors) {
    if (error.code === 'unknownPreset') {
      problems.push(item(pieceOf.get('preset') || `p=${raw.preset}`, errorReason(error, raw.preset ?? '')));
      continue;
    }
    if (error.code === 'cutAfterHorizon') {
      const months = {
        layoffMonth: fmt.number(Number(raw.params.layoffMonth ?? store.presetValue(checked.preset, 'layoffMonth'))),
        horizon: fmt.number(checked.all?.horizonMonths ?? 0),
      };
      const piece = pieceOf.get('layoffMonth') || pieceOf.get('horizonMonths') || '';
      const reason = errorReason(error, '', months);
      problems.push(piece ? item(piece, reason) : reason);
      continue;
    }
    const key = error.key;
    const piece = key && pieceOf.get(key);
    const reason = errorReason(error, key ? String(raw.params[key] ?? '') : '');
    problems.push(piece ? item(piece, reason) : reason);
  }

  const state = { preset: checked.preset, params: checked.params, depth: checked.depth };
  const current = store.getState();
  for (const field of fields) {
    if (field.name === 'params' || present.has(field.name) || typeof field.absent !== 'function') continue;
    try {
      Object.assign(state, field.absent(current));
    } catch {
      /* a field without a sensible absent value keeps the current one */
    }
  }
  for (const partial of partials) Object.assign(state, partial);
  return { isState: true, state, problems };
}

// ---- The core fields -----------------------------------------------------------------------

register('p', {
  encode: (s) => (s.preset && s.preset !== DEFAULT_PRESET ? s.preset : undefined),
  decode: () => undefined, // read together with the parameters (see read())
});
register('params', { encode: () => undefined, decode: () => undefined }); // the slot for parameter keys
register('d', {
  encode: (s) => (Number.isFinite(s.depth) && s.depth !== defaultDepth(s.preset) ? shortNumber(s.depth) : undefined),
  decode: () => undefined, // read as modelDepth together with the parameters
});

register('t', {
  encode: (s) => (Array.isArray(s.tables) && s.tables.length ? KINDS.filter((k) => s.tables.includes(k)).join(',') : undefined),
  decode(text, ctx) {
    const names = text.split(',').filter(Boolean).slice(0, 20);
    const tables = [];
    for (const name of names) {
      if (KINDS.includes(name)) {
        if (!tables.includes(name)) tables.push(name);
      } else {
        ctx.warn(t('share.link.unknownChart', { name: clip(name, 30), allowed: KINDS.join(', ') }));
      }
    }
    return { tables };
  },
  absent: () => ({ tables: [] }),
});

register('lang', {
  encode: (s) => (typeof s.lang === 'string' && s.lang !== 'en' ? s.lang : undefined),
  decode(text) {
    if (LANGUAGES.includes(text)) return { lang: text };
    return new Error(t('share.link.unknownLanguage', { allowed: LANGUAGES.join(', ') }));
  },
});

// The pinned A/B scenario (state.pinned = {preset, params, depth} or null, kept by the
// compare feature): "pin=PRESET,key:value,...,d:N". Written only when the state has one.
register('pin', {
  encode(s) {
    const pin = s.pinned;
    if (!pin || typeof pin !== 'object' || typeof pin.preset !== 'string') return undefined;
    const parts = [pin.preset];
    const params = pin.params && typeof pin.params === 'object' ? pin.params : {};
    for (const key of specs.keys()) {
      if (key === 'modelDepth') continue;
      const value = params[key];
      if (typeof value === 'number' && Number.isFinite(value)) parts.push(`${key}:${shortNumber(value)}`);
    }
    if (Number.isFinite(pin.depth) && pin.depth !== defaultDepth(pin.preset)) parts.push(`d:${shortNumber(pin.depth)}`);
    return parts.join(',');
  },
  decode(text, ctx) {
    const [preset, ...entries] = text.split(',');
    const params = {};
    for (const entry of entries.slice(0, 100)) {
      const at = entry.indexOf(':');
      const key = at < 0 ? entry : entry.slice(0, at);
      const name = key === 'd' ? 'modelDepth' : key;
      if (at < 0 || !specs.has(name)) {
        ctx.warn(t('share.link.pinEntry', { entry: clip(entry, 30) }));
        continue;
      }
      if (Object.prototype.hasOwnProperty.call(params, name)) continue;
      params[name] = entry.slice(at + 1);
    }
    const checked = checkRaw(preset || undefined, params);
    for (const error of checked.errors) {
      const given = error.code === 'unknownPreset' ? preset : String(params[error.key] ?? '');
      ctx.warn(t('share.link.pinPrefix', { reason: errorReason(error, given) }));
    }
    return { pinned: { preset: checked.preset, params: checked.params, depth: checked.depth } };
  },
  absent: (s) => ('pinned' in s ? { pinned: null } : {}),
});

// ---- The notice ----------------------------------------------------------------------------

/**
 * Shows a dismissible notice at the top of the page: a title and a list of sentences, all as
 * text, through notice.js (one mechanism for every notice). Replaces any earlier link notice.
 */
export function showNotice(title, items, { after, kind = 'link', audience = 'author' } = {}) {
  return notice.show(kind, { title, items, after, replace: true, audience });
}

export function clearNotice() {
  notice.clear('link');
}

/** Shows what a link could not use, if anything (the same sentences at load and on hashchange). */
export function noticeFor(problems) {
  if (!problems.length) return null;
  return showNotice(t('share.link.noticeTitle'), problems, { after: t('share.link.noticeAfter') });
}

// ---- Copying -----------------------------------------------------------------------------

/**
 * Copies text: the async clipboard when it works, otherwise a read-only field with the text
 * selected so the reader can press Ctrl+C. `status` gets a visible confirmation; `field` is
 * the read-only input used for the fallback. Returns true when the clipboard took it.
 */
export async function copyText(text, { status, field, copiedKey = 'share.copied' } = {}) {
  let copied = false;
  try {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      copied = true;
    }
  } catch {
    copied = false;
  }
  if (field) {
    field.value = text;
    field.hidden = copied;
    if (!copied) {
      field.focus();
      field.select();
    }
  }
  if (status) {
    status.textContent = copied ? t(copiedKey) : t('share.copyManual');
    status.classList.toggle('is-copied', copied);
  }
  return copied;
}
