// The tool rows under the tornado and the regret map, as the four main charts have them: a
// data table with the numbers the chart draws (built only while open) and SVG and PNG
// downloads. The SVG comes from the model at the panel's size; the PNG from the canvas on
// screen.
//
// API: attach({kind, figure, canvas, title, data, svg}) where `data()` returns what the chart
// shows now ({result, count} for the tornado, {result, metric} for the map) or null, and
// `svg(data, width, height)` draws it as an SVG document; refresh(kind) after a
// repaint.

import { t } from './i18n.js';
import * as fmt from './format.js';
import * as store from './state.js';
import { fileName, save, reportError } from './downloads.js';
import { specOf } from './controls.js';
import { el } from './dom.js';
import * as credits from './credits.js';

const panels = new Map(); // kind -> {button, box, wrap, data, shown}

function header(text, scope = 'col') {
  const th = el('th', '', text);
  th.scope = scope;
  return th;
}

function cell(text, value) {
  const td = el('td', '', text);
  td.dataset.value = String(value);
  return td;
}

/** A parameter's value with its unit, in the page's words. */
function valueOf(key, value) {
  const spec = specOf(key);
  return spec ? fmt.valueText(spec, value) : fmt.number(value, 2);
}

function tornadoTable({ result, count }) {
  const table = el('table', 'data-table');
  table.dataset.kind = 'tornado';
  table.append(el('caption', 'sr-only', t('analysis.tornado.table.caption', { npv: fmt.moneyFull(result.npv) })));
  const head = el('tr');
  for (const key of ['parameter', 'low', 'high', 'npvAtLow', 'npvAtHigh', 'swing', 'switching']) {
    head.append(header(t(`analysis.tornado.table.${key}`)));
  }
  const body = el('tbody');
  for (const bar of result.bars.slice(0, count)) {
    const row = el('tr');
    row.append(header(t(`params.${bar.key}.label`), 'row'));
    row.append(
      cell(valueOf(bar.key, bar.low), bar.low),
      cell(valueOf(bar.key, bar.high), bar.high),
      cell(fmt.moneyFull(bar.npvAtLow), bar.npvAtLow),
      cell(fmt.moneyFull(bar.npvAtHigh), bar.npvAtHigh),
      cell(fmt.moneyFull(bar.swing), bar.swing),
      bar.switchingValue == null
        ? cell(t('analysis.tornado.table.noSwitch'), null)
        : cell(valueOf(bar.key, bar.switchingValue), bar.switchingValue),
    );
    body.append(row);
  }
  const thead = el('thead');
  thead.append(head);
  table.append(thead, body);
  return table;
}

function mapTable({ result, metric }) {
  const table = el('table', 'data-table data-table--map');
  table.dataset.kind = 'map';
  const what = t(metric === 'regret' ? 'analysis.map.metricRegret' : 'analysis.map.metricNpv');
  const xLabel = t(`params.${result.xKey}.label`);
  const yLabel = t(`params.${result.yKey}.label`);
  table.append(el('caption', 'sr-only', t('analysis.map.table.caption', { metric: what, x: xLabel, y: yLabel })));
  const head = el('tr');
  head.append(header(t('analysis.map.table.corner', { x: xLabel, y: yLabel })));
  for (const x of result.x) head.append(header(valueOf(result.xKey, x)));
  const body = el('tbody');
  // The top row of the chart first, as the map is read.
  for (let j = result.y.length - 1; j >= 0; j -= 1) {
    const row = el('tr');
    row.append(header(valueOf(result.yKey, result.y[j]), 'row'));
    for (let i = 0; i < result.x.length; i += 1) {
      if (metric === 'regret') {
        const month = result.regretMonth[j][i];
        row.append(cell(month == null ? t('analysis.map.table.never') : fmt.number(month), month));
      } else {
        const npv = result.npv[j][i];
        row.append(cell(fmt.moneyCompact(npv), npv));
      }
    }
    body.append(row);
  }
  const thead = el('thead');
  thead.append(head);
  table.append(thead, body);
  return table;
}

const TABLES = { tornado: tornadoTable, map: mapTable };

function setOpen(panel, open) {
  panel.box.hidden = !open;
  panel.button.setAttribute('aria-expanded', String(open));
  panel.button.textContent = t(open ? 'share.tables.hide' : 'share.tables.show');
  if (open) fill(panel);
}

function fill(panel) {
  const data = panel.data();
  if (!data) {
    panel.wrap.replaceChildren(el('p', 'chart__table-note', t('analysis.updating')));
    panel.shown = null;
    return;
  }
  if (panel.shown === data.signature) return;
  panel.shown = data.signature;
  panel.wrap.replaceChildren(TABLES[panel.kind](data));
}

async function downloadSvg(panel) {
  const data = panel.data();
  if (!data) throw new Error(t('analysis.updating'));
  const box = panel.canvas.getBoundingClientRect();
  const width = Math.min(4000, Math.max(100, Math.round(box.width || 800)));
  const height = Math.min(4000, Math.max(100, Math.round(box.height || 500)));
  const svg = panel.svg(data, width, height);
  // Titled and credited like the main charts' downloads (credits.js).
  const desc = panel.figure?.querySelector('figcaption, .sr-only')?.textContent || '';
  const framed = credits.decorateSvg(svg, { title: panel.title, desc, credits: credits.credits(store.getState()), width, height });
  save(new Blob([framed], { type: 'image/svg+xml' }), fileName(store.getState(), panel.kind, 'svg'));
}

async function downloadPng(panel) {
  if (!panel.data()) throw new Error(t('analysis.updating'));
  const ratio = panel.canvas.width / Math.max(1, panel.canvas.getBoundingClientRect().width || panel.canvas.width);
  const framed = credits.decoratePng(panel.canvas, { title: panel.title, credits: credits.credits(store.getState()), ratio });
  const blob = await new Promise((resolve, reject) =>
    framed.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas gave no image'))), 'image/png'),
  );
  save(blob, fileName(store.getState(), panel.kind, 'png'));
}

/** Adds the tool row (table toggle, SVG, PNG) under one analysis chart. */
export function attach({ kind, figure, canvas, title, data, svg }) {
  const tools = el('div', 'chart__tools');
  const button = el('button', 'button button--quiet chart__table-toggle', t('share.tables.show'));
  button.type = 'button';
  button.id = `table-toggle-${kind}`;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', `table-${kind}`);
  const group = el('span', 'chart__downloads');
  group.append(el('span', 'chart__tools-label', t('share.downloads.label')));
  const box = el('div', 'chart__table');
  box.id = `table-${kind}`;
  box.hidden = true;
  const wrap = el('div', 'table-wrap');
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', t('share.tables.caption', { title }));
  box.append(wrap);
  const panel = { kind, button, box, wrap, canvas, data, svg, shown: null, title, figure };
  button.addEventListener('click', () => setOpen(panel, box.hidden));
  for (const [ext, fn] of [['svg', downloadSvg], ['png', downloadPng]]) {
    const download = el('button', 'button button--quiet chart__download', ext.toUpperCase());
    download.type = 'button';
    download.dataset.download = ext;
    download.dataset.kind = kind;
    download.setAttribute('aria-label', t(`share.downloads.${ext}Label`, { title }));
    download.addEventListener('click', async () => {
      try {
        await fn(panel);
      } catch (error) {
        reportError(error);
      }
    });
    group.append(download);
  }
  tools.append(button, group);
  figure.append(tools, box);
  panels.set(kind, panel);
}

/** Refills an open table after its chart was drawn again. */
export function refresh(kind) {
  const panel = panels.get(kind);
  if (panel && !panel.box.hidden) fill(panel);
}
