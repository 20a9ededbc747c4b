// A data-table view of each chart: a toggle in the chart's tool row opens an accessible
// <table> (caption, column headers with scope, one row per shown month) with the same numbers
// the chart draws, written in the page language by format.js.
//
// Short periods show every month; longer ones month 1, every 3rd (up to 72 months) or 6th
// month, and the last month, with a note saying so (the CSV download has every month). Each
// cell keeps the exact value in data-value.
//
// Which tables are open is part of the state (`state.tables`, a list of chart kinds), so a
// permalink reopens them; opening one is a view change, not an undo step.
//
// API: decorateCharts(), update(result), shownMonths(months), COLUMNS.

import { t } from './i18n.js';
import * as fmt from './format.js';
import * as store from './state.js';
import { KINDS } from './charts.js';
import { el } from './dom.js';

const money = (v) => fmt.moneyFull(v);
const people = (v) => fmt.number(v, 0);
const share = (v) => fmt.percent(v, 1);

/** The series each chart's table shows, in column order, with how to write them. */
export const COLUMNS = {
  savings: [
    ['cumulativeDelta', money],
    ['cumulativeDeltaVsAugment', money],
    ['monthlyDelta', money],
  ],
  headcount: [
    ['experienced', people],
    ['rookies', people],
    ['trainees', people],
    ['vacancies', people],
    ['baselineHeadcount', people],
    ['augmentHeadcount', people],
    ['aiAgentEquivalent', people],
  ],
  costs: [
    ['wages', money],
    ['severance', money],
    ['aiCost', money],
    ['hiringAndTraining', money],
    ['lostMargin', money],
    ['baselineSupportCost', money],
  ],
  quality: [
    ['badContactShare', share],
    ['perceivedBadContactShare', share],
    ['baselineBadContactShare', share],
    ['customers', people],
    ['baselineCustomers', people],
    ['aiContacts', people],
  ],
};

const panels = new Map(); // kind -> {button, box, wrap, note, lastKey}

/** The step between shown months for a period: 1, 3 or 6. */
export function stepFor(horizon) {
  if (horizon <= 36) return 1;
  if (horizon <= 72) return 3;
  return 6;
}

/** The indices of the months shown: all, or month 1, every step-th month and the last. */
export function shownMonths(months) {
  const step = stepFor(months.length);
  const indices = [];
  months.forEach((m, i) => {
    if (step === 1 || i === 0 || m % step === 0 || i === months.length - 1) indices.push(i);
  });
  return indices;
}

function openTables(state) {
  return Array.isArray(state.tables) ? state.tables : [];
}

function toggle(kind) {
  const state = store.getState();
  const open = openTables(state);
  const tables = open.includes(kind) ? open.filter((k) => k !== kind) : [...open, kind];
  store.setState({ tables: KINDS.filter((k) => tables.includes(k)) }, { record: false, source: 'tables' });
}

/** Adds the "data table" toggle and the (closed) table box to each chart panel. */
export function decorateCharts() {
  for (const kind of KINDS) {
    const figure = document.querySelector(`figure.chart--${kind}`);
    if (!figure) continue;
    let tools = figure.querySelector('.chart__tools');
    if (!tools) {
      tools = el('div', 'chart__tools');
      figure.querySelector('.chart__box')?.after(tools);
    }
    const button = el('button', 'button button--quiet chart__table-toggle', t('share.tables.show'));
    button.type = 'button';
    button.id = `table-toggle-${kind}`;
    button.dataset.kind = kind;
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', `table-${kind}`);
    button.addEventListener('click', () => toggle(kind));
    tools.prepend(button);

    const box = el('div', 'chart__table');
    box.id = `table-${kind}`;
    box.hidden = true;
    // The caption scrolls with a wide table, so the visible title sits above the scroll box;
    // screen readers get the caption (and not the same words twice).
    const title = el('p', 'chart__table-title', t('share.tables.caption', { title: t(`charts.${kind}.title`) }));
    title.setAttribute('aria-hidden', 'true');
    const wrap = el('div', 'table-wrap');
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-labelledby', `table-caption-${kind}`);
    const note = el('p', 'chart__table-note');
    box.append(title, wrap, note);
    tools.after(box);
    panels.set(kind, { button, box, wrap, note, lastKey: null });
  }
}

/**
 * The series plus, for a company-like preset, the reported figures as two sparse columns
 * (null but in the months the company reported), named like the series they stand beside.
 */
function withRecord(series, record) {
  const months = series.month.length;
  const sparse = (name) => {
    const column = new Array(months).fill(null);
    for (const point of record ?? []) if (point.series === name && point.month <= months) column[point.month - 1] = point.value;
    return column;
  };
  return {
    ...series,
    reportedHeadcount: sparse('headcount'),
    reportedAiAgentEquivalent: sparse('aiAgentEquivalent'),
    reportedAiContacts: sparse('aiContacts'),
  };
}

/** The reported figures' columns, for a chart that draws them, where the record has any. */
const REPORTED = {
  headcount: [['reportedHeadcount', people, 'headcount'], ['reportedAiAgentEquivalent', people, 'aiAgentEquivalent']],
  quality: [['reportedAiContacts', people, 'aiContacts']],
};

function buildTable(kind, series, record) {
  const reportedColumns = (REPORTED[kind] ?? []).filter(([, , name]) => (record ?? []).some((p) => p.series === name));
  const columns = [...COLUMNS[kind], ...reportedColumns];
  const table = el('table', 'data-table');
  table.dataset.kind = kind;
  const caption = el('caption', 'sr-only', t('share.tables.caption', { title: t(`charts.${kind}.title`) }));
  caption.id = `table-caption-${kind}`;
  const head = el('thead');
  const headRow = el('tr');
  const monthHead = el('th', '', t('share.tables.month'));
  monthHead.scope = 'col';
  headRow.append(monthHead);
  for (const [name] of columns) {
    const th = el('th', '', t(`share.tables.columns.${name}`));
    th.scope = 'col';
    th.dataset.series = name;
    headRow.append(th);
  }
  head.append(headRow);
  const body = el('tbody');
  // Months with a reported figure are always shown, whatever the step.
  const reported = new Set((record ?? []).map((p) => p.month - 1));
  const rows = [...new Set([...shownMonths(series.month), ...(reportedColumns.length ? reported : [])])].sort((a, b) => a - b);
  for (const i of rows) {
    const row = el('tr');
    const month = el('th', '', fmt.number(series.month[i]));
    month.scope = 'row';
    month.dataset.value = String(series.month[i]);
    row.append(month);
    for (const [name, write] of columns) {
      const value = series[name]?.[i];
      const cell = el('td', '', typeof value === 'number' ? write(value) : '—');
      cell.dataset.value = String(value);
      row.append(cell);
    }
    body.append(row);
  }
  table.append(caption, head, body);
  return table;
}

function noteFor(horizon) {
  const step = stepFor(horizon);
  if (step === 1) return t('share.tables.noteAll', { n: fmt.number(horizon), count: horizon });
  return t(`share.tables.noteEvery${step}`, { n: fmt.number(horizon), count: horizon });
}

/** Opens and closes the tables as the state says and fills the open ones from `result`. */
export function update(result) {
  const open = openTables(store.getState());
  for (const [kind, panel] of panels) {
    const isOpen = open.includes(kind);
    if (panel.box.hidden === isOpen) {
      panel.box.hidden = !isOpen;
      panel.button.setAttribute('aria-expanded', String(isOpen));
      panel.button.textContent = t(isOpen ? 'share.tables.hide' : 'share.tables.show');
    }
    if (!isOpen || !result) continue;
    if (panel.lastKey === result) continue;
    panel.lastKey = result;
    panel.wrap.replaceChildren(buildTable(kind, withRecord(result.series, result.record), result.record));
    panel.note.textContent = noteFor(result.series.month.length);
  }
}
