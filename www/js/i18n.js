// Every word the reader sees comes from one JSON file per language (www/i18n/<lang>.json),
// looked up by dotted key: t('prose.regret', {regret: 36}). Translators edit only that file.
//
// - Placeholders are {name}; values are inserted as text, never as markup.
// - A value that is an object with "one"/"other" (etc.) is a plural: the variant is chosen
//   with Intl.PluralRules from vars.count (or vars.n, vars.v when they are numbers).
// - A key missing from the chosen language falls back to English, then to the key itself,
//   so a half-translated file never breaks the page.
// - fillTemplate() builds DOM from a template, turning chosen placeholders into elements
//   (the highlighted numbers of the prose) without ever parsing HTML.

/** Languages that have a file in www/i18n/ (English, Bahasa Indonesia). */
export const LANGUAGES = ['en', 'id'];
const FALLBACK = 'en';

let current = null;
let fallback = null;
let lang = FALLBACK;
let plural = new Intl.PluralRules(FALLBACK);

/**
 * Picks the page language: the permalink's `lang=` in the fragment, else ?lang=, if
 * supported; else the browser's; else English. (lang.js reports an unsupported value.)
 */
export function chooseLanguage(search = location.search, preferred = navigator.languages || [], hash = location.hash) {
  for (const params of [new URLSearchParams(String(hash).replace(/^#/, '')), new URLSearchParams(search)]) {
    const asked = params.get('lang');
    if (asked && LANGUAGES.includes(asked)) return asked;
  }
  for (const tag of preferred) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return FALLBACK;
}

async function fetchTable(code) {
  const response = await fetch(`./i18n/${code}.json`);
  if (!response.ok) throw new Error(`i18n/${code}.json: HTTP ${response.status}`);
  return response.json();
}

/** Loads the language (and English as the fallback). Throws if English cannot be loaded. */
export async function loadLanguage(code) {
  const wanted = LANGUAGES.includes(code) ? code : FALLBACK;
  // Both files at once: a reader of another language should not wait for two round trips.
  const own = wanted === FALLBACK ? null : fetchTable(wanted).catch(() => null);
  fallback = await fetchTable(FALLBACK);
  current = (own && (await own)) || fallback;
  lang = current === fallback ? FALLBACK : wanted;
  plural = new Intl.PluralRules(lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = lookup(current, 'meta.dir') || 'ltr';
  return lang;
}

/** The active language code (BCP 47), for Intl formatters. */
export function language() {
  return lang;
}

function lookup(table, key) {
  let node = table;
  for (const part of key.split('.')) {
    if (node == null || typeof node !== 'object') return undefined;
    node = node[part];
  }
  return node;
}

/** The raw entry for a key (string, plural object, array or section), or undefined. */
export function raw(key) {
  const value = current ? lookup(current, key) : undefined;
  return value !== undefined ? value : fallback ? lookup(fallback, key) : undefined;
}

/** True where the key exists in the active language or in English. */
export function has(key) {
  return raw(key) !== undefined;
}

function pick(entry, vars) {
  if (entry && typeof entry === 'object' && !Array.isArray(entry) && 'other' in entry) {
    const count = [vars.count, vars.n, vars.v].find((x) => typeof x === 'number');
    const form = count === undefined ? 'other' : plural.select(count);
    return entry[form] ?? entry.other;
  }
  return entry;
}

function substitute(text, vars) {
  return text.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/**
 * The translated text for a key with {placeholders} filled. `vars.count` (or a numeric n/v)
 * selects the plural form; a display string for the same number may be passed separately.
 */
export function t(key, vars = {}, fallbackText) {
  const entry = pick(raw(key), vars);
  if (typeof entry !== 'string') return fallbackText !== undefined ? fallbackText : key;
  return substitute(entry, vars);
}

/**
 * Fills `element` with the template of `key`: text placeholders become text, and any
 * placeholder whose value is a DOM Node is inserted as that node. Returns the element.
 */
export function fillTemplate(element, key, vars = {}) {
  const entry = pick(raw(key), vars);
  const text = typeof entry === 'string' ? entry : key;
  element.replaceChildren(...templateNodes(text, vars));
  return element;
}

/** The DOM nodes of a template string with {placeholders} filled (text or Node values). */
export function templateNodes(text, vars) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(/\{(\w+)\}/g)) {
    const [whole, name] = match;
    if (!Object.prototype.hasOwnProperty.call(vars, name)) continue;
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    const value = vars[name];
    nodes.push(value instanceof Node ? value : document.createTextNode(String(value)));
    last = match.index + whole.length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

/**
 * Applies the static strings of the page: elements with data-i18n="key" get their text,
 * and data-i18n-attr="aria-label:key;title:key" sets attributes.
 */
export function applyStatic(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
  document.title = t('meta.title');
  const description = document.querySelector('meta[name="description"]');
  if (description) description.setAttribute('content', t('meta.description'));
}
