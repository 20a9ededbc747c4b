// The public record against the model, under a company-like preset's caveat: every dated
// figure the company reported (src/record.rs), the model's value for it, the difference and a
// verdict, with the row's words from the language file. The model computes every number; this
// module only formats and lays them out.

import { t } from './i18n.js';
import * as fmt from './format.js';
import { el } from './dom.js';

/** How each measure's value is written, by the measure key the model sends. */
const FORMATS = {
  aiContacts: (v) => fmt.count(v),
  aiContactsPerWeek: (v) => fmt.count(v),
  cumulativeAiContacts: (v) => fmt.count(v),
  aiAgentEquivalent: (v) => fmt.count(v),
  supportHeadcount: (v) => fmt.count(v),
  peopleCut: (v) => fmt.count(v),
  peopleLaidOff: (v) => fmt.count(v),
  rehiredBy: (v) => fmt.count(v),
  customersBefore: (v) => fmt.count(v),
  aiShare: (v) => fmt.percent(v, 1),
  aiResolutionRate: (v) => fmt.percent(v, 1),
  costPerContactChange: (v) => fmt.percent(v, 1),
  humanCaseVolumeChange: (v) => fmt.percent(v, 1),
  aiBadVsHumans: (v) => t('record.ratio', { v: fmt.number(v, 2) }),
  badShareVsBefore: (v) => t('record.ratio', { v: fmt.number(v, 2) }),
  workPressure: (v) => t('record.ratio', { v: fmt.number(v, 2) }),
  supportCostSavedOverYear: (v) => t('record.perYear', { amount: fmt.moneyCompact(v) }),
  rehirePayPerHour: (v) => fmt.moneyFull(v, 2, 2),
  aiPricePerConversation: (v) => fmt.moneyFull(v, 2, 2),
  correctionMonth: (v) => t('numbers.eventMonth', { m: fmt.number(v) }),
};

function verdictOf(row) {
  if (row.met) return 'meets';
  if (row.check === 'explained') return 'explained';
  if (row.check === 'notComparable') return 'notComparable';
  return 'differs';
}

function differenceText(row) {
  if (row.difference == null) return '—';
  if (row.check === 'withinMonths') return t('record.months', { n: fmt.number(row.difference), count: Math.abs(row.difference) });
  const sign = row.difference > 0 ? '+' : '';
  return `${sign}${fmt.percent(row.difference, 0)}`;
}

/**
 * Fills `box` (a <details>) with the preset's calibration table, or hides it when the preset
 * has no record. `monthOne` is the preset's calendar month of model month 1.
 */
export function renderRecord(box, result, { monthOne, changed }) {
  const rows = result.calibration ?? [];
  if (!rows.length) {
    box.hidden = true;
    box.replaceChildren();
    delete box.dataset.key;
    return;
  }
  box.hidden = false;
  const summary = el('summary', 'record__summary', t('record.heading'));
  const intro = el('p', 'record__intro', t('record.intro', { month: monthOne ?? '—' }));
  const parts = [summary, intro];
  if (changed) parts.push(el('p', 'record__changed', t('record.changed')));
  const table = el('table', 'record__table');
  const head = el('tr');
  for (const key of ['date', 'reported', 'source', 'model', 'difference', 'verdict']) head.append(el('th', '', t(`record.${key}`)));
  head.querySelectorAll('th').forEach((th) => th.setAttribute('scope', 'col'));
  const thead = el('thead');
  thead.append(head);
  table.append(thead);
  const body = el('tbody');
  for (const row of rows) {
    const words = (part) => t(`record.rows.${row.key}.${part}`, {}, '');
    const tr = el('tr', `record__row record__row--${verdictOf(row)}`);
    tr.dataset.key = row.key;
    const what = el('td', 'record__what');
    what.append(el('strong', '', words('reported')), document.createTextNode(` ${words('metric')}`));
    const note = words('note');
    if (note) what.append(el('span', 'record__note', note));
    const model = row.model == null ? '—' : (FORMATS[row.measure] ?? ((v) => fmt.number(v, 2)))(row.model);
    tr.append(
      el('td', 'record__date', row.date),
      what,
      el('td', 'record__source', row.source),
      el('td', 'record__model', model),
      el('td', 'record__diff', differenceText(row)),
      el('td', 'record__verdict', t(`record.verdicts.${verdictOf(row)}`)),
    );
    body.append(tr);
  }
  table.append(body);
  const wrap = el('div', 'record__scroll');
  wrap.append(table);
  parts.push(wrap);
  const open = box.open;
  box.replaceChildren(...parts);
  box.open = open;
}
