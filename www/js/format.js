// Numbers for people: every number on the page (prose, key numbers, slider values, error
// messages, tables) is written by the model's own formatter (src/present, through the wasm
// NumberFormatter), the same code that writes the chart labels and the command line's text,
// so a number reads the same everywhere: three significant digits in compact form ("$2.02M",
// "559k"; "US$2,02 jt" in Indonesian). Nothing here formats a number itself.
//
// Units: the model works in base units (shares 0..1, USD). A unit's display factor turns
// them into what the reader sees and types (percent = share x 100; money = USD x rate).

import { language, t, raw } from './i18n.js';

let moneyCurrency = 'USD';
let moneyRate = 1;
let NumberFormatter = null; // the wasm class, once the module has loaded
let formatter = null;

/**
 * Gives the module the wasm module's NumberFormatter class; called once the model has
 * loaded, before anything is written.
 */
export function useModel(api) {
  NumberFormatter = api.NumberFormatter;
  formatter = null;
}

/** Sets the display currency and its rate per US dollar (from the language file). */
export function setMoney(currency, ratePerUsd) {
  moneyCurrency = currency || 'USD';
  moneyRate = Number.isFinite(ratePerUsd) && ratePerUsd > 0 ? ratePerUsd : 1;
  formatter = null;
}

/** The reader's number style as the model takes it (`NumberFormatter`, chart options). */
export function numberStyle() {
  return { locale: language(), currency: moneyCurrency, ratePerUsd: moneyRate };
}

function f() {
  if (!formatter) {
    if (!NumberFormatter) throw new Error('format.js: numbers are written before the model has loaded');
    formatter = new NumberFormatter(numberStyle());
  }
  return formatter;
}

/** Money in prose and key numbers: three significant digits, compact ("$12.1M", "−$560k"). */
export function moneyCompact(usd) {
  return f().money(usd);
}

/** Money with all digits, between `minDecimals` and `maxDecimals` after the point ("$5,080"). */
export function moneyFull(usd, minDecimals = 0, maxDecimals = 0) {
  return f().moneyFull(usd, minDecimals, Math.max(minDecimals, maxDecimals));
}

/** A share 0..1 as a percentage with up to `decimals` digits ("36%"). */
export function percent(share, decimals = 0) {
  return f().percent(share, decimals);
}

/** A plain number with grouping and up to `decimals` digits. */
export function number(value, decimals = 0) {
  return f().number(value, decimals);
}

/** A count of people or customers: whole below ten thousand, then compact ("559k"). */
export function count(value) {
  return f().count(value);
}

// ---- Units ---------------------------------------------------------------------------------

const PERCENT_UNITS = new Set(['share', 'sharePerYear', 'sharePerMonth']);
const MONEY_UNITS = new Set(['usd', 'usdPerMonth', 'usdPerConversation']);

/**
 * An amount for a file read by programs (the CSV in the reader's currency): rounded to
 * hundredths and written plainly (no grouping, "." as the decimal mark), as the model's own
 * columns are.
 */
export function machineCents(value) {
  return String(Math.round(value * 100) / 100);
}

/** True for money units: the currency symbol goes next to the typed field. */
export function isMoney(unit) {
  return MONEY_UNITS.has(unit);
}

/** The factor from base units to what the reader sees and types. */
export function displayFactor(unit) {
  if (PERCENT_UNITS.has(unit)) return 100;
  if (MONEY_UNITS.has(unit)) return moneyRate;
  return 1;
}

function tidy(x) {
  return Number(x.toPrecision(12));
}

/** Base value to display number (percent, display currency). */
export function toDisplay(unit, value) {
  return tidy(value * displayFactor(unit));
}

/** Display number back to the base value. */
export function fromDisplay(unit, shown) {
  return tidy(shown / displayFactor(unit));
}

/** Digits after the point that the parameter's step needs, in display units. */
export function stepDecimals(spec) {
  const step = spec.step * displayFactor(spec.unit);
  if (!(step > 0)) return 0;
  return Math.max(0, Math.min(6, Math.ceil(-Math.log10(step) - 1e-9)));
}

function decimalsFor(spec, value) {
  // Enough digits for the step, and for a typed value that is finer than the step.
  const shown = Math.abs(toDisplay(spec.unit, value));
  const needed = shown === 0 ? 0 : Math.max(0, 6 - Math.floor(Math.log10(shown)) - 1);
  const exact = Number(shown.toFixed(Math.min(6, needed)));
  let d = stepDecimals(spec);
  while (d < 6 && Math.abs(Number(shown.toFixed(d)) - exact) > 1e-9) d += 1;
  return d;
}

/** The number alone in display units, as shown in the typed field ("40", "5,080"). */
export function fieldText(spec, value) {
  const d = decimalsFor(spec, value);
  if (spec.unit === 'usdPerConversation') {
    // Prices per conversation read as cents: "1.00", "0.20".
    const shown = toDisplay(spec.unit, value);
    const text = number(shown, Math.max(2, d));
    const point = text.indexOf(f().decimal);
    return point >= 0 && text.length - point - 1 >= 2 ? text : f().numberFixed(shown, 2);
  }
  return number(toDisplay(spec.unit, value), d);
}

function moneyText(spec, value) {
  const d = decimalsFor(spec, value);
  const min = spec.unit === 'usdPerConversation' ? 2 : 0;
  return moneyFull(value, Math.min(min, Math.max(d, min)), Math.max(d, min));
}

function valueNumberText(spec, value) {
  if (isMoney(spec.unit)) return moneyText(spec, value);
  return fieldText(spec, value);
}

function unitTemplate(spec, which) {
  const own = `params.${spec.key}.${which}`;
  return raw(own) !== undefined ? own : `units.${spec.unit}.${which}`;
}

/** The value with its unit, as shown next to a slider ("40%", "$5,080 a month"). */
export function valueText(spec, value) {
  return t(unitTemplate(spec, 'value'), { v: valueNumberText(spec, value), count: toDisplay(spec.unit, value) });
}

/** The value as a screen reader should say it ("40 percent", "$5,080 per month"). */
export function spokenText(spec, value) {
  return t(unitTemplate(spec, 'spoken'), { v: valueNumberText(spec, value), count: toDisplay(spec.unit, value) });
}

/** The short unit written after the typed field ("%", "a month"). */
export function shortUnit(spec) {
  return t(`units.${spec.unit}.short`);
}

/** The currency symbol and whether it goes before the number, for money fields. */
export function currencyAffix() {
  // Every language and currency the page offers writes the symbol first (src/present).
  return { symbol: f().currencySymbol, before: true };
}

// ---- Typed numbers --------------------------------------------------------------------------

/** The page language's group and decimal separators ("," and "." in English). */
export function separators() {
  return { group: f().group, decimal: f().decimal };
}

/** The signs a typed field of this unit may carry as shown: "%" or the currency symbol. */
export function unitSigns(unit) {
  if (PERCENT_UNITS.has(unit)) return ['%'];
  if (MONEY_UNITS.has(unit)) return [currencyAffix().symbol];
  return [];
}

const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// The plain form after its sign was taken off (the model checks the whole text again).
const PLAIN = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a typed number the way the page shows numbers in its language (docs/SECURITY.md, "one
 * input grammar"): the grouping as shown ("5,080"; "5.080" in Indonesian), the language's
 * decimal separator, the true minus sign, the unit sign ("$", "Rp", "%") before or after, and
 * white space around it; or the plain form the CLI and links take ("5080", "0.4", "1e3").
 * A text that reads as two different numbers ("1.500" in Indonesian: 1500 as shown, or 1.5 in
 * the plain form; "1,5" in English: 15 or 1.5) is refused rather than guessed.
 *
 * Pure: `group` and `decimal` are the separators, `signs` the unit signs (tests pass them).
 * Returns {ok: true, plain} with the number in the plain form, for the model's own check; or
 * {ok: false, code} with code "empty", "notANumber" or "ambiguous".
 */
export function parseLocaleNumber(text, { group = ',', decimal = '.', signs = [] } = {}) {
  let s = String(text).trim();
  if (s === '') return { ok: false, code: 'empty' };
  if (s.length > 200) return { ok: false, code: 'notANumber' };
  let sign = '';
  const takeSign = () => {
    const m = /^[+\-\u2212]/.exec(s);
    if (m && !sign) {
      sign = m[0] === '+' ? '' : '-';
      s = s.slice(1).trimStart();
      return true;
    }
    return false;
  };
  takeSign();
  const ordered = [...signs].filter(Boolean).sort((a, b) => b.length - a.length);
  for (const unit of ordered) {
    if (s.startsWith(unit)) {
      s = s.slice(unit.length).trimStart();
      takeSign();
      break;
    }
    if (s.endsWith(unit)) {
      s = s.slice(0, -unit.length).trimEnd();
      break;
    }
  }
  if (s === '' || /\s/.test(s)) return { ok: false, code: 'notANumber' };
  const G = escapeRe(group);
  const D = escapeRe(decimal);
  const local = new RegExp(`^(\\d{1,3}(${G}\\d{3})+|\\d*)(${D}\\d*)?$`);
  const localOk = local.test(s) && /\d/.test(s);
  const plainOk = PLAIN.test(s);
  const localPlain = localOk ? s.split(group).join('').replace(decimal, '.') : null;
  if (localOk && plainOk && Number(localPlain) !== Number(s)) return { ok: false, code: 'ambiguous' };
  if (plainOk) return { ok: true, plain: sign + s };
  if (localOk) return { ok: true, plain: sign + localPlain };
  // Digits on both sides of one group separator that is not a grouping as shown ("1,5" in
  // English): a decimal written the other way, or a grouping mistyped. Either way, ask.
  if (new RegExp(`^\\d+${G}\\d+$`).test(s)) return { ok: false, code: 'ambiguous' };
  return { ok: false, code: 'notANumber' };
}

/** `parseLocaleNumber` in the page language, with the unit signs of `unit` (if any). */
export function readTypedNumber(text, unit) {
  return parseLocaleNumber(text, { ...separators(), signs: unit ? unitSigns(unit) : [] });
}

/** Two ways to write 1500 and 1.5 in the page language, for the "ambiguous" message. */
export function ambiguityExamples() {
  return { thousands: number(1500), decimal: number(1.5, 1) };
}
