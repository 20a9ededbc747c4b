// What every download says about itself (issue 16), so a chart pasted into a slide or a CSV
// opened a year later still tells where it came from: the title, the scenario in one line
// (case, level and changed values), "Source: Layoff What-If model, <link to this scenario>",
// the data sources' ids, the model version and its date, the licence (CC BY 4.0 for text and
// charts, as Our World in Data uses; the code stays MIT) and, for tables, the currency, the
// rate and each column's unit.
//
// API: MODEL (version and date), LICENCE, credits(state) -> {title?, scenario, source, link,
// sources, model, licence, currency}, csvWithHeader(csv, state), resultJson(result, state),
// decoratePng(canvas, lines, colours) -> canvas, decorateSvg(svg, lines, {title, desc, colours}).

import { t, language } from './i18n.js';
import * as store from './state.js';
import * as permalink from './permalink.js';
import * as fmt from './format.js';
import { specOf } from './controls.js';
import { parseSource } from './sources.js';
import { current as currentMoney } from './lang.js';

/**
 * The model's version and the date it took its current form: the newest entry of "What
 * changed in the model" (how.changelog[0], CHANGELOG.md). A test holds the two together.
 */
export const MODEL = Object.freeze({ version: 2, date: '2026-12-01' });

/** The content licence of the text and charts (the code is MIT, see LICENSE). */
export const LICENCE = 'CC BY 4.0';
export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';

let presets = [];

/** Gives the module the preset table (for each case's source ids). */
export function configure({ presetTable }) {
  presets = Array.isArray(presetTable) ? presetTable : [];
}

/** "Model 2, 1 December 2026" in the page's language. */
export function modelLine() {
  const date = new Intl.DateTimeFormat(language(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${MODEL.date}T00:00:00Z`));
  return t('credits.model', { version: MODEL.version, date });
}

/** The scenario in one line: case, level, and each changed value with its unit. */
export function scenarioLine(state) {
  const preset = t(`presets.${state.preset}.title`, {}, state.preset);
  const level = t('depth.level', { n: state.depth });
  const changed = store.changedKeys(state).map((key) => {
    const spec = specOf(key);
    const label = t(`params.${key}.label`, {}, spec?.label || key);
    const value = spec ? fmt.valueText(spec, state.params[key]) : String(state.params[key]);
    return `${label} ${value}`;
  });
  const parts = [t('credits.case', { preset }), level];
  if (changed.length) parts.push(t('credits.changed', { list: changed.join('; ') }));
  return parts.join(' · ');
}

/** The source ids behind the scenario's case (the ids of the sources list). */
export function sourceIds(state) {
  const preset = presets.find((p) => p.name === state.preset);
  return parseSource(preset?.sources).tags;
}

/** Everything a download says about itself, in the page's language. */
export function credits(state = store.getState()) {
  const link = permalink.linkUrl(state);
  const { currency, rate } = currentMoney(state);
  const ids = sourceIds(state);
  return {
    scenario: scenarioLine(state),
    link,
    source: t('credits.source', { link }),
    sources: ids,
    sourcesLine: ids.length ? t('credits.sources', { ids: ids.join(' ') }) : t('credits.sourcesNone'),
    model: modelLine(),
    licence: t('credits.licence', { licence: LICENCE }),
    currency,
    rate,
  };
}

// ---- CSV and JSON ------------------------------------------------------------------------------

/** The unit of each column of seriesCsv(); money columns are converted to the reader's currency. */
export const COLUMN_UNITS = {
  month: 'month',
  cumulativeDelta: 'money',
  cumulativeDeltaVsAugment: 'money',
  augmentCumulativeDelta: 'money',
  monthlyDelta: 'money',
  headcount: 'people',
  experienced: 'people',
  rookies: 'people',
  trainees: 'people',
  vacancies: 'people',
  rehired: 'people',
  baselineHeadcount: 'people',
  augmentHeadcount: 'people',
  customers: 'customers',
  baselineCustomers: 'customers',
  augmentCustomers: 'customers',
  contacts: 'contacts',
  aiShare: 'share',
  badContactShare: 'share',
  perceivedBadContactShare: 'share',
  baselineBadContactShare: 'share',
  augmentBadContactShare: 'share',
  workPressure: 'ratio',
  unservedShare: 'share',
  qualityStandard: 'ratio',
  wages: 'money',
  severance: 'money',
  aiCost: 'money',
  hiringAndTraining: 'money',
  lostMargin: 'money',
  aiContacts: 'contacts',
  aiAgentEquivalent: 'agents',
  supportCost: 'money',
  baselineSupportCost: 'money',
  augmentSupportCost: 'money',
  // A company-like preset's reported figures, where the record has one for the month.
  reportedHeadcount: 'people',
  reportedAiAgentEquivalent: 'agents',
  reportedAiContacts: 'contacts',
};

/** A comment line safe for CSV readers: one line, starting with "# ". */
function comment(text) {
  return `# ${String(text).replace(/[\r\n]+/g, ' ')}`;
}

/**
 * The model's CSV (US dollars) with a commented header (scenario, permalink, model version,
 * currency and rate, licence, each column's unit) and money columns in the reader's currency.
 * A column without a known unit stops the download: a unit must never be guessed.
 */
export function csvWithHeader(csv, state = store.getState()) {
  const c = credits(state);
  const lines = String(csv).trimEnd().split('\n');
  const header = lines[0].split(',');
  const unknown = header.filter((name) => !(name in COLUMN_UNITS));
  if (unknown.length) throw new Error(t('credits.unknownColumn', { names: unknown.join(', ') }));
  const money = header.map((name) => COLUMN_UNITS[name] === 'money');
  const rows = lines.slice(1).map((line) =>
    line
      .split(',')
      .map((cell, i) => (money[i] && cell !== '' ? fmt.machineCents(Number(cell) * c.rate) : cell))
      .join(','),
  );
  const unitText = (unit) => (unit === 'money' ? t('credits.units.money', { currency: c.currency }) : t(`credits.units.${unit}`));
  const head = [
    comment(t('credits.csvTitle')),
    comment(`${t('credits.scenarioLabel')}: ${c.scenario}`),
    comment(`${t('credits.linkLabel')}: ${c.link}`),
    comment(c.model),
    comment(
      c.currency === 'USD'
        ? t('credits.currencyUsd')
        : t('credits.currency', { currency: c.currency, rate: String(c.rate) }),
    ),
    comment(c.sourcesLine),
    comment(c.licence),
    comment(`${t('credits.unitsLabel')}: ${header.map((name) => `${name} = ${unitText(COLUMN_UNITS[name])}`).join('; ')}`),
  ];
  return `${[...head, lines[0], ...rows].join('\n')}\n`;
}

/** The full result of compute() with the same metadata as the CSV (model units: US dollars). */
export function resultJson(result, state = store.getState()) {
  const c = credits(state);
  const meta = {
    title: t('credits.jsonTitle'),
    scenario: c.scenario,
    link: c.link,
    model: { version: MODEL.version, date: MODEL.date, text: c.model },
    currency: { values: 'USD', display: c.currency, ratePerUsd: c.rate, note: t('credits.jsonCurrency') },
    sources: c.sources,
    licence: { content: LICENCE, url: LICENCE_URL, code: 'MIT' },
    units: COLUMN_UNITS,
  };
  return `${JSON.stringify({ meta, result }, null, 2)}\n`;
}

// ---- Images ------------------------------------------------------------------------------------

/** The page's own colours, so a dark reader's chart keeps a matching frame. */
export function colours() {
  const css = getComputedStyle(document.documentElement);
  return { bg: css.getPropertyValue('--bg').trim() || '#ffffff', text: css.getPropertyValue('--text').trim() || '#1a1a1a', muted: css.getPropertyValue('--muted').trim() || '#555555' };
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif';

/**
 * A word wider than the line (a long link) in pieces that each fit, broken after the link's
 * own separators (& / # ? =) so that every character stays on the image.
 */
function pieces(word, width, measure) {
  if (measure(word) <= width) return [word];
  const parts = word.split(/(?<=[&/#?=])/);
  const out = [];
  let piece = '';
  for (const part of parts) {
    if (piece && measure(piece + part) > width) {
      out.push(piece);
      piece = part;
    } else piece += part;
  }
  if (piece) out.push(piece);
  return out;
}

/** Greedy wrap by a measuring function; a word wider than a line is broken by pieces(). */
function wrap(text, width, measure) {
  const lines = [];
  let line = '';
  const words = String(text)
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => pieces(w, width, measure));
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (!line || measure(next) <= width) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The header and footer lines of an image download: [{text, size, weight, colour}]. */
export function imageLines(title, c) {
  return {
    head: [
      { text: title, size: 18, weight: 700, tone: 'text' },
      { text: c.scenario, size: 12, weight: 400, tone: 'muted' },
    ],
    foot: [
      { text: c.source, size: 12, weight: 400, tone: 'text' },
      { text: `${c.sourcesLine} · ${c.model} · ${c.licence}`, size: 11, weight: 400, tone: 'muted' },
    ],
  };
}

function layout(lines, width, measureAt) {
  const pad = 16;
  const out = [];
  let y = pad;
  for (const line of lines) {
    for (const text of wrap(line.text, width - 2 * pad, (s) => measureAt(line, s))) {
      out.push({ ...line, text, y: y + line.size });
      y += Math.round(line.size * 1.4);
    }
  }
  return { rows: out, height: y + pad / 2 };
}

/**
 * The lines above a download's chart (title, scenario) and below it (source, ids, model,
 * licence), laid out for `width` CSS pixels with text measured in the page's font.
 */
function creditRows(title, c, width) {
  const probe = document.createElement('canvas').getContext('2d');
  const measure = (line, s) => {
    probe.font = `${line.weight} ${line.size}px ${FONT}`;
    return probe.measureText(s).width;
  };
  const { head, foot } = imageLines(title, c);
  return { top: layout(head, width, measure), bottom: layout(foot, width, measure) };
}

/**
 * A PNG canvas: the chart canvas with the title and scenario above and the source, ids, model
 * and licence below. `ratio` is the chart canvas's pixels per CSS pixel.
 */
export function decoratePng(chart, { title, credits: c, ratio, palette = colours() }) {
  const width = chart.width / ratio;
  const { top, bottom } = creditRows(title, c, width);
  const chartHeight = chart.height / ratio;
  const out = document.createElement('canvas');
  out.width = Math.round(width * ratio);
  out.height = Math.round((top.height + chartHeight + bottom.height) * ratio);
  const g = out.getContext('2d');
  g.scale(ratio, ratio);
  g.fillStyle = palette.bg;
  g.fillRect(0, 0, width, top.height + chartHeight + bottom.height);
  const draw = (rows, offset) => {
    for (const row of rows) {
      g.font = `${row.weight} ${row.size}px ${FONT}`;
      g.fillStyle = palette[row.tone];
      g.fillText(row.text, 16, offset + row.y);
    }
  };
  draw(top.rows, 0);
  g.drawImage(chart, 0, top.height, width, chartHeight);
  // A thin rule between the chart and its credits (as a news graphic's footer has).
  g.fillStyle = palette.muted;
  g.fillRect(16, top.height + chartHeight + 6, width - 32, 1);
  draw(bottom.rows, top.height + chartHeight);
  return out;
}

function escapeXml(text) {
  return String(text).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]);
}

/**
 * An SVG document: the chart's SVG nested under the title and scenario, the source, ids, model
 * and licence below, with <title> and <desc> (the chart's text alternative) for screen readers
 * and search. Text is measured with a canvas in the page's font; the file names system fonts.
 */
export function decorateSvg(svg, { title, desc, credits: c, width, height, palette = colours() }) {
  const { top, bottom } = creditRows(title, c, width);
  const total = Math.round(top.height + height + bottom.height);
  const text = (rows, offset) =>
    rows
      .map((r) => `<text x="16" y="${Math.round((offset + r.y) * 10) / 10}" font-family="${escapeXml(FONT)}" font-size="${r.size}" font-weight="${r.weight}" fill="${escapeXml(palette[r.tone])}">${escapeXml(r.text)}</text>`)
      .join('\n');
  const inner = String(svg)
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/^<svg\b/, `<svg x="0" y="${top.height}"`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" role="img" aria-labelledby="download-title download-desc">`,
    `<title id="download-title">${escapeXml(title)}</title>`,
    `<desc id="download-desc">${escapeXml(`${desc} ${c.scenario}. ${c.source}. ${c.sourcesLine}. ${c.model}. ${c.licence}.`)}</desc>`,
    `<metadata>${escapeXml(JSON.stringify({ link: c.link, sources: c.sources, model: MODEL, licence: LICENCE }))}</metadata>`,
    `<rect width="100%" height="100%" fill="${escapeXml(palette.bg)}"/>`,
    text(top.rows, 0),
    inner,
    `<rect x="16" y="${top.height + height + 6}" width="${width - 32}" height="1" fill="${escapeXml(palette.muted)}"/>`,
    text(bottom.rows, top.height + height),
    '</svg>',
    '',
  ].join('\n');
}
