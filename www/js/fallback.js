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
export async function showFallback(container, i18n) {
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
  container.replaceChildren(heading, el('p', 'fallback__note', t('fallback.note')), list, figure);
  container.hidden = false;
  return true;
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
