// What a reader sees when the model cannot run, and the page's last line of defence against
// faults:
//
//   fallbackItems(summary, params, fmt)  the default scenario's key numbers as [{label, value}]
//                                        (pure: scripts/dist.mjs calls it at build time, in
//                                        every language, for the <noscript> text and for
//                                        summary.json, which the page shows when wasm fails)
//   showFallback(container, i18n)        fills `container` with those numbers and the static
//                                        savings chart, both made at build time
//                                        (fallback/summary.json, fallback/savings*.svg)
//   loadErrorKind(error)                 'noWasm' | 'blocked' | 'load': which message fits
//   showLoadError(error, i18n, kind)     the load-error box (its message, a reload button)
//                                        and the fallback under it: the one way the page
//                                        says it cannot run, for the model (app.js) and for
//                                        the page's own scripts (loader.js, kind 'script')
//   watchFaults(onFault)                 calls onFault(error) for an uncaught WebAssembly
//                                        trap (a Rust panic) anywhere on the page
//
// The fallback files are our own build output, never reader data; they are still inserted as
// text and as an <img> (data: URL), never parsed as HTML.

const SUMMARY_URL = './fallback/summary.json';
const CHART_URL = './fallback/savings.svg';
const CHART_DARK_URL = './fallback/savings-dark.svg';

/**
 * The key numbers of a run as label/value pairs. `fmt` supplies `t(key, vars)` and the
 * formatters `money(usd)`, `count(n)`, `month(m)` (a month number or "never").
 */
export function fallbackItems(summary, params, fmt) {
  const { t } = fmt;
  const month = (m) => (m == null ? t('numbers.never') : fmt.month(m));
  return [
    { label: t('fallback.firstYear'), value: fmt.money(summary.firstYearDelta) },
    { label: t('fallback.peak'), value: t('fallback.atMonth', { amount: fmt.money(summary.peakSavings), m: month(summary.peakMonth) }) },
    { label: t('fallback.payback'), value: month(summary.paybackMonth) },
    { label: t('fallback.rehire'), value: month(summary.rehireStartMonth) },
    { label: t('fallback.regret'), value: month(summary.regretMonth) },
    {
      label: t('fallback.final', { horizon: fmt.count(params.horizonMonths) }),
      value: fmt.money(summary.finalCumulativeDelta),
    },
    { label: t('fallback.people'), value: t('numbers.peopleValue', { laidOff: fmt.count(summary.laidOff), rehired: fmt.count(summary.rehiredHires) }) },
    { label: t('fallback.customersLost'), value: fmt.count(summary.customersLost) },
  ];
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Which load-failure message fits an error from loading or starting the model. */
export function loadErrorKind(error) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') return 'noWasm';
  const text = String(error && error.message ? error.message : error);
  if (/Content Security Policy|wasm-eval|wasm-unsafe-eval|unsafe-eval/i.test(text)) return 'blocked';
  return 'load';
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/**
 * Shows the build-time numbers and chart of the default scenario in `container`, in the
 * page's language (`i18n` is the page's module, passed in so this module has no imports and
 * can run at build time; the numbers were written at build time by the model's formatter,
 * since the model is what could not load). Returns false if the files are missing (a
 * development tree where scripts/build-dist.sh has not run): the message above still stands.
 */
export async function showFallback(container, i18n, noteKey = 'fallback.note') {
  let data;
  let svg;
  const dark = Boolean(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  try {
    [data, svg] = await Promise.all([
      fetchOk(SUMMARY_URL).then((r) => r.json()),
      fetchOk(dark ? CHART_DARK_URL : CHART_URL).then((r) => r.text()),
    ]);
  } catch {
    return false;
  }
  const items = data?.items?.[i18n.language()] || data?.items?.en;
  if (!Array.isArray(items) || typeof svg !== 'string') return false;
  const t = i18n.t;
  const heading = el('h2', 'fallback__title', t('fallback.heading'));
  heading.id = 'fallback-heading';
  const list = el('dl', 'fallback__numbers');
  for (const item of items) {
    const row = el('div', 'fallback__item');
    row.append(el('dt', '', item.label), el('dd', '', item.value));
    list.append(row);
  }
  const figure = el('figure', 'fallback__chart');
  const img = el('img');
  img.alt = t('fallback.chartAlt');
  img.width = 800;
  img.height = 500;
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  figure.append(img, el('figcaption', '', t('charts.savings.caption')));
  container.setAttribute('aria-labelledby', 'fallback-heading');
  container.replaceChildren(heading, el('p', 'fallback__note', t(noteKey)), list, figure);
  container.hidden = false;
  return true;
}

/**
 * The load-error box's words when no language file could be loaded: then there is no file
 * to take a language's words from (and the fallback's files, from the same place, are most
 * likely missing too), so the page says this in English, the language of its static text.
 */
const ENGLISH_LOAD_ERROR = {
  title: 'The model could not be loaded',
  body: 'Your browser could not start the model behind this page. Reloading often helps.',
  reload: 'Reload the page',
};

/**
 * Shows the load-error box (#load-error) with the message of `kind` (`errors.<kind>Title`,
 * and `errors.<kind>Body` where the language files have one: the script kind's notice is one
 * line), a reload button and, when `error` is given, its text in small print; then the
 * build-time numbers and chart in #fallback, introduced by `fallback.<kind>Note` where there
 * is one (else `fallback.note`). The page's explorer is hidden (body.has-load-error), so the
 * model area is never left empty. `i18n` is the page's module, with a language loaded or not.
 */
export function showLoadError(error, i18n, kind = loadErrorKind(error)) {
  const box = document.getElementById('load-error');
  const translated = i18n.has(`errors.${kind}Title`);
  const title = translated ? i18n.t(`errors.${kind}Title`) : ENGLISH_LOAD_ERROR.title;
  const body = translated ? (i18n.has(`errors.${kind}Body`) ? i18n.t(`errors.${kind}Body`) : null) : ENGLISH_LOAD_ERROR.body;
  const reload = el('button', 'button button--primary', translated ? i18n.t('errors.reload') : ENGLISH_LOAD_ERROR.reload);
  reload.type = 'button';
  reload.addEventListener('click', () => location.reload());
  const parts = [el('h2', 'load-error__title', title)];
  if (body) parts.push(el('p', '', body));
  parts.push(reload);
  if (error != null) parts.push(el('p', 'load-error__detail', String(error && error.message ? error.message : error).slice(0, 300)));
  box.replaceChildren(...parts);
  box.hidden = false;
  box.dataset.kind = kind;
  document.body.classList.remove('is-loading');
  document.body.classList.add('has-load-error');
  const note = i18n.has(`fallback.${kind}Note`) ? `fallback.${kind}Note` : 'fallback.note';
  if (translated) showFallback(document.getElementById('fallback'), i18n, note).catch(() => {});
}

/**
 * Calls `onFault(error)` once for the first uncaught WebAssembly trap (a Rust panic aborts
 * with `unreachable`), whether it happened in a slider handler, a download or a promise.
 */
export function watchFaults(onFault) {
  let fired = false;
  const check = (error) => {
    if (fired || typeof WebAssembly !== 'object' || !(error instanceof WebAssembly.RuntimeError)) return;
    fired = true;
    onFault(error);
  };
  window.addEventListener('error', (event) => check(event.error));
  window.addEventListener('unhandledrejection', (event) => check(event.reason));
}
