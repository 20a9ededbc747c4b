// Downloads and the share bar.
//
// - Each chart panel gets "SVG" and "PNG" buttons: the SVG comes from the model's own
//   chartSvg() at the panel's size, the PNG from the canvas (drawn again at twice the size
//   when the screen is not already that sharp).
// - The share bar under the key numbers: Copy link, Embed, the monthly series as CSV
//   (seriesCsv()) and the scenario as JSON the command line reads with --scenario:
//   {"version": 1, "preset": "...", "params": {changed keys only}}.
// - Files are named layoff-whatif-PRESET[-custom]-WHAT.EXT and handed over with
//   <a download> and an object URL that is revoked afterwards.
//
// API: configure({api}), decorateCharts(), buildShare(container), scenarioJson(state),
// fileName(state, what, ext), save(blob, name), reportError(error).

import { t } from './i18n.js';
import * as store from './state.js';
import * as charts from './charts.js';
import * as permalink from './permalink.js';
import * as embed from './embed.js';
import { el } from './dom.js';
import * as credits from './credits.js';

let api = null;
let extras = null; // (state, scenario) -> {compare, band}: what app.js draws behind the charts

/**
 * `drawExtras(state, scenario) -> {compare, band}` gives what the page draws behind its charts
 * (the pinned scenario, the uncertainty fan), so a download shows what the reader sees.
 */
export function configure({ api: wasm, drawExtras }) {
  api = wasm;
  extras = typeof drawExtras === 'function' ? drawExtras : null;
}

/** The pinned scenario and the fan for the wasm calls, as the page draws them. */
function extrasOf(state, scenario) {
  if (extras) {
    const { compare = null, band = null } = extras(state, scenario) || {};
    return { compare, band };
  }
  return { compare: typeof store.compareOf === 'function' ? store.compareOf(state) : null, band: null };
}

/** "layoff-whatif-klarna-like-savings.svg"; "-custom" after the preset when values changed. */
export function fileName(state, what, ext) {
  const custom = store.changedKeys(state).length > 0 || state.depth !== store.presetValue(state.preset, 'modelDepth');
  const preset = String(state.preset).replace(/[^a-z0-9-]/gi, '') || 'scenario';
  return `layoff-whatif-${preset}${custom ? '-custom' : ''}-${what}.${ext}`;
}

/** Hands a blob to the browser as a download. */
export function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its own reference by now; the delay only spares slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

/** Says in the share bar (or a notice) why a download failed. */
export function reportError(error) {
  const status = document.getElementById('share-status');
  const message = t('share.downloads.failed', { message: String(error?.message || error).slice(0, 200) });
  if (status) status.textContent = message;
  else permalink.showNotice(message, [], { kind: 'downloads', audience: 'reader' });
}

/** The scenario file the CLI reads: changed keys only, from the model's own check. */
export function scenarioJson(state) {
  const checked = api.checkScenario(store.scenarioOf(state));
  const params = {};
  for (const key of checked.changed) params[key] = checked.params[key];
  return `${JSON.stringify({ version: 1, preset: checked.preset, params }, null, 2)}\n`;
}

function panelSize(kind) {
  const canvas = document.getElementById(`chart-${kind}`);
  const box = canvas?.parentElement?.getBoundingClientRect();
  const width = Math.min(4000, Math.max(100, Math.round(box?.width || 800)));
  const height = Math.min(4000, Math.max(100, Math.round(box?.height || 420)));
  return { canvas, width, height };
}

export async function downloadSvg(kind) {
  const state = store.getState();
  const { width, height } = panelSize(kind);
  const scenario = store.scenarioOf(state);
  const { compare, band } = extrasOf(state, scenario);
  const svg = api.chartSvg({ scenario, kind, options: { ...charts.options(), scale: 1 }, width, height, compare, band });
  // The file says what it is: title, scenario, source link, ids, model, licence (credits.js).
  const desc = document.getElementById(`chart-desc-${kind}`)?.textContent || '';
  const framed = credits.decorateSvg(svg, { title: t(`charts.${kind}.title`), desc, credits: credits.credits(state), width, height });
  save(new Blob([framed], { type: 'image/svg+xml' }), fileName(state, kind, 'svg'));
}

export async function downloadPng(kind) {
  const state = store.getState();
  const { canvas, width, height } = panelSize(kind);
  let source = canvas;
  let pixelRatio = canvas ? canvas.width / width : 2;
  if (!canvas || canvas.width < width * 2) {
    pixelRatio = 2;
    // Draw the same chart again at twice the size, off screen.
    const options = charts.options();
    const ratio = 2;
    source = document.createElement('canvas');
    source.width = width * ratio;
    source.height = height * ratio;
    const scale = (options.scale / (window.devicePixelRatio || 1)) * ratio;
    const scenario = store.scenarioOf(state);
    const { compare, band } = extrasOf(state, scenario);
    api.render({ scenario, charts: [{ kind, canvas: source }], options: { ...options, scale }, compare, band });
  }
  const framed = credits.decoratePng(source, { title: t(`charts.${kind}.title`), credits: credits.credits(state), ratio: pixelRatio });
  const blob = await new Promise((resolve, reject) =>
    framed.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas gave no image'))), 'image/png'),
  );
  save(blob, fileName(state, kind, 'png'));
}

export function downloadCsv() {
  const state = store.getState();
  const csv = credits.csvWithHeader(api.seriesCsv(store.scenarioOf(state)), state);
  save(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName(state, 'series', 'csv'));
}

/** The full result of the model run with the same metadata as the CSV. */
export function downloadResult() {
  const state = store.getState();
  const text = credits.resultJson(api.compute(store.scenarioOf(state)), state);
  save(new Blob([text], { type: 'application/json' }), fileName(state, 'result', 'json'));
}

export function downloadJson() {
  const state = store.getState();
  save(new Blob([scenarioJson(state)], { type: 'application/json' }), fileName(state, 'scenario', 'json'));
}

function guarded(fn) {
  return async () => {
    try {
      await fn();
    } catch (error) {
      reportError(error);
    }
  };
}

/** The tool row under each chart: the SVG and PNG buttons (tables.js adds its toggle first). */
export function decorateCharts() {
  for (const kind of charts.KINDS) {
    const figure = document.querySelector(`figure.chart--${kind}`);
    if (!figure) continue;
    let tools = figure.querySelector('.chart__tools');
    if (!tools) {
      tools = el('div', 'chart__tools');
      figure.querySelector('.chart__box')?.after(tools);
    }
    const title = t(`charts.${kind}.title`);
    const group = el('span', 'chart__downloads');
    group.append(el('span', 'chart__tools-label', t('share.downloads.label')));
    for (const [ext, fn] of [['svg', downloadSvg], ['png', downloadPng]]) {
      const button = el('button', 'button button--quiet chart__download', ext.toUpperCase());
      button.type = 'button';
      button.dataset.download = ext;
      button.dataset.kind = kind;
      button.setAttribute('aria-label', t(`share.downloads.${ext}Label`, { title }));
      button.addEventListener('click', guarded(() => fn(kind)));
      group.append(button);
    }
    tools.append(group);
  }
}

/** The share bar: Copy link (with its fallback field), Embed, CSV and JSON. */
export function buildShare(container) {
  if (!container) return;
  const heading = el('h2', 'section-label', t('share.heading'));
  heading.id = 'share-heading';
  container.setAttribute('aria-labelledby', 'share-heading');
  const row = el('div', 'share__row');

  const copy = el('button', 'button share__button', t('share.copyLink'));
  copy.type = 'button';
  copy.id = 'copy-link';
  const field = el('input', 'share__field');
  field.type = 'text';
  field.readOnly = true;
  field.id = 'share-link';
  field.hidden = true;
  field.setAttribute('aria-label', t('share.linkLabel'));
  const status = el('span', 'share__status');
  status.id = 'share-status';
  status.setAttribute('aria-live', 'polite');
  copy.addEventListener('click', () => permalink.copyText(permalink.linkUrl(store.getState()), { status, field }));

  const { button: embedButton, panel } = embed.buildEmbedPanel();

  const csv = el('button', 'button share__button', t('share.downloads.csv'));
  csv.type = 'button';
  csv.id = 'download-csv';
  csv.addEventListener('click', guarded(downloadCsv));
  const json = el('button', 'button share__button', t('share.downloads.json'));
  json.type = 'button';
  json.id = 'download-json';
  json.title = t('share.downloads.jsonTitle');
  json.addEventListener('click', guarded(downloadJson));

  const result = el('button', 'button share__button', t('credits.resultButton'));
  result.type = 'button';
  result.id = 'download-result';
  result.title = t('credits.resultTitle');
  result.addEventListener('click', guarded(downloadResult));

  row.append(copy, embedButton, csv, result, json, status);
  container.replaceChildren(heading, row, field, panel);
  // A changed state makes an earlier confirmation stale.
  store.subscribe((state, previous, meta) => {
    if (meta.source === 'tables') return;
    if (status.textContent) status.textContent = '';
    if (!field.hidden) field.value = permalink.linkUrl(state);
  });
}
