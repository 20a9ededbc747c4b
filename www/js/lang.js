// Language and money: the EN | ID switch and the display currency (USD, IDR, EUR) with its
// editable exchange rate, both in the masthead, and the URL options behind them.
//
//   ?lang=id                  the page language (the permalink's `lang=` in the fragment wins)
//   #...&cur=IDR&rate=16500   the display currency and, when the reader changed it, the rate
//   ?cur=IDR&rate=16500       the same as a hand-written option when the fragment has none
//
// - A language switch is a navigation: the link is this page with ?lang= set and the same
//   scenario in the fragment, so the new page loads every word in the new language and Back
//   returns to the old one. Nothing is stored on the device: the choice lives in the URL.
// - The model always computes in US dollars. The currency and rate live in the state (so the
//   permalink keeps them); format.js turns dollars into the display currency for the prose,
//   the key numbers, the sliders, the typed fields (typed money is converted back to dollars)
//   and the charts (options.money).
// - The rate is an assumption with a date and a source; the reader may type another one. A
//   rate that is not a positive number within a sane range for the currency gets an inline
//   message and is not used (never clamped): the page keeps the last valid rate.
// - Unknown languages, currencies or rates in the URL give a notice, not an error.
//
// API: start({embedded}) after the state and the permalink have been read; current();
// CURRENCIES; rateLimits(code); readRate(text) -> {ok, value} | {ok: false, message}.

import { t, language, LANGUAGES, raw, chooseLanguage } from './i18n.js';
import * as fmt from './format.js';
import * as store from './state.js';
import * as controls from './controls.js';
import * as permalink from './permalink.js';
import { showOptionNotice, optionItem, show } from './notice.js';
import { el, clip } from './dom.js';

/**
 * Display currencies and their default rates per US dollar. The rates are rounded yearly
 * averages (the i18n key options.rateNote.CODE says which and from where): an assumption the
 * reader can change, not live data (the page fetches nothing from elsewhere).
 */
export const CURRENCIES = {
  USD: { rate: 1, min: 1, max: 1 },
  IDR: { rate: 16400, min: 1000, max: 100000 },
  EUR: { rate: 0.88, min: 0.1, max: 10 },
};
const CODES = Object.keys(CURRENCIES);

let applied = { currency: null, rate: null };
let view = null;

/** The allowed rate range of a currency (per US dollar). */
export function rateLimits(code) {
  const c = CURRENCIES[code] || CURRENCIES.USD;
  return { min: c.min, max: c.max };
}

function validRate(code, rate) {
  const { min, max } = rateLimits(code);
  return typeof rate === 'number' && Number.isFinite(rate) && rate >= min && rate <= max;
}

/** The currency and rate in use for a state: {currency, rate, custom}. */
export function current(state = store.getState()) {
  const fallback = CODES.includes(raw('money.currency')) ? raw('money.currency') : 'USD';
  const currency = CODES.includes(state.currency) ? state.currency : fallback;
  const custom = currency !== 'USD' && validRate(currency, state.rate);
  return { currency, rate: custom ? state.rate : CURRENCIES[currency].rate, custom };
}

function rateText(code, rate) {
  // Enough digits to show what was typed, grouped in the page language.
  const decimals = rate >= 1000 ? 2 : rate >= 1 ? 4 : 6;
  return fmt.number(rate, decimals);
}

/**
 * Reads a typed rate for a currency in the page language ("16.500" in Indonesian is sixteen
 * thousand five hundred), by the same grammar and with the same feedback as the parameters'
 * typed fields: the text as the page shows numbers (format.js), then the model's own number
 * check (the plain form: no hex, no Infinity). Returns {ok, value} or {ok: false, code, message}.
 * `shown`, when given, is the rate the box displays: its exact text is that rate.
 */
export function readRate(code, text, shown) {
  const { min, max } = rateLimits(code);
  const vars = { min: rateText(code, min), max: rateText(code, max), currency: code, current: rateText(code, current().rate) };
  const trimmed = String(text).trim();
  if (shown !== undefined && trimmed !== '' && trimmed === rateText(code, shown)) return { ok: true, value: shown };
  const read = fmt.parseLocaleNumber(trimmed, { ...fmt.separators(), signs: [code] });
  if (!read.ok) {
    const key = { empty: 'options.rateEmpty', ambiguous: 'options.rateAmbiguous' }[read.code] || 'options.rateNotNumber';
    return { ok: false, code: read.code, message: t(key, { text: clip(trimmed, 40), ...fmt.ambiguityExamples(), ...vars }) };
  }
  const plain = permalink.readPlainNumber(read.plain);
  if (!plain.ok) {
    return { ok: false, code: plain.code, message: t('options.rateNotNumber', { text: clip(trimmed, 40), ...vars }) };
  }
  const value = plain.value;
  if (!(value > 0) || value < min || value > max) {
    return { ok: false, code: 'outOfRange', message: t('options.rateOutOfRange', { value: rateText(code, value), ...vars }) };
  }
  return { ok: true, value };
}

/** A rate from the address, in the plain form only (as links take every number), or null. */
function linkRate(text) {
  const read = permalink.readPlainNumber(String(text));
  return read.ok && read.value > 0 ? read.value : null;
}

/**
 * The notice line for a state whose rate cannot be used with its currency (16400 euros per
 * dollar, any rate for the dollar), or null. The same line whether the rate came with the
 * page's address or later by a hand-edited fragment.
 */
function rateProblem(state) {
  if (state.rate === undefined) return null;
  const code = current(state).currency;
  if (code !== 'USD' && validRate(code, state.rate)) return null;
  const { min, max } = rateLimits(code);
  const reason =
    code === 'USD'
      ? t('options.rateForUsd')
      : t('options.rateIgnored', { value: rateText(code, state.rate), currency: code, min: rateText(code, min), max: rateText(code, max) });
  return optionItem('rate', String(state.rate), reason);
}

// ---- URL fields ----------------------------------------------------------------------------

permalink.register('cur', {
  encode: (s) => (CODES.includes(s.currency) && s.currency !== 'USD' ? s.currency : undefined),
  decode(text) {
    const code = String(text).toUpperCase();
    if (CODES.includes(code)) return { currency: code };
    return new Error(t('options.unknownCurrency', { value: clip(text, 40), allowed: CODES.join(', ') }));
  },
});

permalink.register('rate', {
  encode: (s) => (current(s).custom ? permalink.shortNumber(s.rate) : undefined),
  decode(text) {
    const value = linkRate(text);
    if (value !== null) return { rate: value };
    return new Error(t('options.badRate', { value: clip(text, 40) }));
  },
});

// ---- Applying ------------------------------------------------------------------------------

function apply(state) {
  const { currency, rate } = current(state);
  if (applied.currency === currency && applied.rate === rate) return;
  applied = { currency, rate };
  fmt.setMoney(currency, rate);
  controls.refreshMoney();
  if (view) syncView();
}

/** The address of this page in `code`: ?lang= set, the same scenario in the fragment. */
function languageUrl(code) {
  const url = new URL(location.href);
  url.searchParams.set('lang', code);
  const fragment = permalink.encode({ ...store.getState(), lang: code });
  url.hash = fragment;
  return url.href.replace(/#$/, '');
}

// ---- The switches ------------------------------------------------------------------------

function buildLanguageSwitch() {
  const nav = el('nav', 'lang-switch');
  nav.setAttribute('aria-label', t('options.language'));
  const list = el('ul', 'lang-switch__list');
  for (const code of LANGUAGES) {
    const item = el('li', 'lang-switch__item');
    const link = el('a', 'lang-switch__link', code.toUpperCase());
    link.lang = code;
    link.hreflang = code;
    link.dataset.lang = code;
    // Each language is named in itself, so a reader who cannot read this page finds theirs;
    // the accessible name starts with the visible code ("EN English").
    const name = t(`options.languageNames.${code}`);
    link.title = name;
    link.append(el('span', 'sr-only', ` ${name}`));
    if (code === language()) link.setAttribute('aria-current', 'true');
    const refresh = () => {
      link.href = languageUrl(code);
    };
    refresh();
    link.addEventListener('pointerenter', refresh);
    link.addEventListener('focus', refresh);
    link.addEventListener('click', (event) => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      if (code === language()) return;
      location.assign(languageUrl(code));
    });
    item.append(link);
    list.append(item);
  }
  nav.append(list);
  return nav;
}

function buildCurrency() {
  const box = el('div', 'currency');
  const row = el('div', 'currency__row');
  const label = el('label', 'currency__label', t('options.currency'));
  label.htmlFor = 'currency-select';
  const select = el('select', 'currency__select');
  select.id = 'currency-select';
  for (const code of CODES) {
    const option = el('option', '', `${code} · ${t(`options.currencyNames.${code}`)}`);
    option.value = code;
    select.append(option);
  }
  select.addEventListener('change', () => {
    const code = select.value;
    if (!CODES.includes(code)) return;
    clearRateError();
    store.setState({ currency: code, rate: undefined }, { record: false, source: 'currency' });
  });

  const rate = el('span', 'currency__rate');
  const rateLabel = el('label', 'currency__rate-label');
  rateLabel.htmlFor = 'rate-input';
  const input = el('input', 'currency__rate-input');
  input.id = 'rate-input';
  input.type = 'text';
  input.inputMode = 'decimal';
  input.autocomplete = 'off';
  input.spellcheck = false;
  const unit = el('span', 'currency__rate-unit');
  unit.setAttribute('aria-hidden', 'true');
  rate.append(rateLabel, input, unit);
  row.append(label, select, rate);

  const note = el('p', 'currency__note');
  note.id = 'rate-note';
  const error = el('p', 'currency__error');
  error.id = 'rate-error';
  error.setAttribute('role', 'alert');
  error.hidden = true;
  input.setAttribute('aria-describedby', 'rate-error rate-note');

  const commit = () => {
    const code = current().currency;
    const result = readRate(code, input.value, current().rate);
    if (!result.ok) {
      error.textContent = result.message;
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    clearRateError();
    const value = result.value === CURRENCIES[code].rate ? undefined : result.value;
    store.setState({ rate: value }, { record: false, source: 'currency' });
    input.value = rateText(code, current().rate);
  };
  input.addEventListener('change', commit);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && !error.hidden) {
      clearRateError();
      input.value = rateText(current().currency, current().rate);
    }
  });
  box.append(row, note, error);
  view = { select, rate, rateLabel, input, unit, note, error };
  return box;
}

function clearRateError() {
  if (!view) return;
  view.error.hidden = true;
  view.error.textContent = '';
  view.input.removeAttribute('aria-invalid');
}

function syncView() {
  const { currency, rate, custom } = current();
  view.select.value = currency;
  const isUsd = currency === 'USD';
  view.rate.hidden = isUsd;
  view.note.hidden = isUsd;
  if (isUsd) {
    clearRateError();
    return;
  }
  view.rateLabel.textContent = t('options.rateLabel', { currency });
  view.unit.textContent = currency;
  view.input.setAttribute('aria-label', t('options.rateAria', { currency }));
  if (document.activeElement !== view.input && view.error.hidden) view.input.value = rateText(currency, rate);
  const vars = { rate: rateText(currency, CURRENCIES[currency].rate), source: t(`options.rateSource.${currency}`) };
  view.note.textContent = custom ? t('options.rateCustom', vars) : t('options.rateDefault', vars);
}

/** The toolbar in the masthead: language links and the currency. */
function buildToolbar() {
  const masthead = document.querySelector('.masthead__inner') || document.body;
  let bar = document.getElementById('page-options');
  if (!bar) {
    bar = el('div', 'page-options');
    bar.id = 'page-options';
    masthead.prepend(bar);
  }
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', t('options.toolbar'));
  bar.replaceChildren(buildLanguageSwitch(), buildCurrency());
  return bar;
}

// ---- Start ---------------------------------------------------------------------------------

/** Problems with the language and currency options of the address, as sentences. */
function checkAddress() {
  const problems = [];
  const query = new URLSearchParams(location.search);
  // The fragment's lang= is read, and reported, with the rest of the fragment (permalink.js),
  // so that it gives the same notice at load and after a hand-edited fragment.
  for (const value of [query.get('lang')]) {
    if (value != null && !LANGUAGES.includes(value)) {
      const reason = t('options.unknownLanguage', {
        value: clip(value, 40),
        name: t(`options.languageNames.${language()}`),
        allowed: LANGUAGES.join(', '),
      });
      problems.push(optionItem('lang', value, reason));
    }
  }
  // theme= is an embed's option (embed.js checks it there); on the full page an author who
  // tries one is told what decides the colours.
  if (query.has('theme') && query.get('embed') !== '1') problems.push(optionItem('theme', query.get('theme'), t('options.unknownTheme')));
  return problems;
}

/**
 * Reads the currency options (the fragment was already read into the state; ?cur= and
 * ?rate= apply when it has none), builds the toolbar unless embedded, and keeps format.js in
 * line with the state from now on.
 */
export function start({ embedded = false } = {}) {
  const problems = checkAddress();
  const state = store.getState();
  const query = new URLSearchParams(location.search);
  const patch = {};
  if (state.currency === undefined && query.has('cur')) {
    const code = String(query.get('cur')).toUpperCase();
    if (CODES.includes(code)) patch.currency = code;
    else problems.push(optionItem('cur', query.get('cur'), t('options.unknownCurrency', { value: clip(query.get('cur'), 40), allowed: CODES.join(', ') })));
  }
  if (state.rate === undefined && query.has('rate')) {
    const value = linkRate(query.get('rate'));
    if (value !== null) patch.rate = value;
    else problems.push(optionItem('rate', query.get('rate'), t('options.badRate', { value: clip(query.get('rate'), 40) })));
  }
  // A rate that does not fit the currency (e.g. 16400 euros per dollar) is ignored, not clamped.
  const ignored = rateProblem({ ...state, ...patch });
  if (ignored) {
    problems.push(ignored);
    patch.rate = undefined;
  }
  if (LANGUAGES.includes(query.get('lang')) || LANGUAGES.includes(permalink.peek('lang'))) patch.lang = language();
  if (Object.keys(patch).length) store.setState(patch, { record: false, source: 'options' });

  if (!embedded) buildToolbar();
  applied = { currency: null, rate: null };
  apply(store.getState());
  if (view) syncView();
  // The language this address asked for; if the page still came up in another one, its file
  // could not be loaded, and asking again would only reload forever. The reader is told.
  const askedAtLoad = chooseLanguage();
  if (askedAtLoad !== language()) {
    show('language', {
      title: t('options.languageNoticeTitle'),
      items: [t('options.languageFailed', { name: t(`options.languageNames.${askedAtLoad}`), fallback: t(`options.languageNames.${language()}`) })],
      audience: 'reader',
    });
  }
  store.subscribe((next, previous, meta) => {
    apply(next);
    // A rate that came by a hand-edited fragment or Back gets the notice it gets at load.
    if (meta.source === 'history' && (next.rate !== previous.rate || next.currency !== previous.currency)) {
      const problem = rateProblem(next);
      if (problem) showOptionNotice([problem]);
    }
    // A language set by a step (Back, a hand-edited fragment) loads the page in that language.
    if (typeof next.lang === 'string' && LANGUAGES.includes(next.lang) && next.lang !== language() && next.lang !== askedAtLoad) {
      location.replace(languageUrl(next.lang));
    }
  });
  if (problems.length) showOptionNotice(problems);
}
