// The live words: the story above the charts, the key numbers, the short result line in the
// controls, and the text alternatives of the charts. Every number comes from one model
// result (summary and series), written with format.js, so the prose, the key numbers and the
// charts agree. Each situation has its own template in the language file (no payback, no
// regret, no rehiring, nothing changed, level 1 without quality), so no sentence is bent
// around a number it does not fit.

import { t, fillTemplate } from './i18n.js';
import * as fmt from './format.js';
import { el } from './dom.js';

const EPS_USD = 0.5;
const EPS_SHARE = 0.005;

/** A highlighted number in the prose. */
function num(text, tone) {
  const node = el('strong', tone ? `num num--${tone}` : 'num', text);
  return node;
}

function phrase(key, vars) {
  return fillTemplate(el('span', 'phrase'), key, vars);
}

function sentence(key, vars = {}) {
  const span = el('span', 'sentence');
  fillTemplate(span, key, vars);
  span.append(document.createTextNode(' '));
  return span;
}

/** "4 years" or "30 months". */
export function periodText(horizon) {
  return horizon % 12 === 0
    ? t('prose.period.years', { n: fmt.number(horizon / 12), count: horizon / 12 })
    : t('prose.period.months', { n: fmt.number(horizon), count: horizon });
}

function augmentFinal(s) {
  // Augment minus baseline at the end = (scenario - baseline) - (scenario - augment).
  return s.finalCumulativeDelta - s.finalCumulativeDeltaVsAugment;
}

/**
 * Whether the story, the headline and the key numbers tell the "AI helps agents" path against
 * keeping everyone without AI: the model's policy (`augmentStory`), which the savings chart
 * follows too.
 */
export function tellsAugmentStory(result) {
  return result.augmentStory === true;
}

function comparisonPhrase(amount, base) {
  if (Math.abs(amount) < EPS_USD) return phrase(`prose.even${base}`, {});
  const key = amount > 0 ? `prose.ahead${base}` : `prose.behind${base}`;
  return phrase(key, { amount: num(fmt.moneyCompact(Math.abs(amount)), amount > 0 ? 'good' : 'bad') });
}

/** Renders the story for one result into `container` (a <div> of paragraphs). */
export function renderProse(container, result) {
  const s = result.summary;
  const p = result.params;
  const series = result.series;
  const horizon = p.horizonMonths;
  const depth = p.modelDepth;
  const period = periodText(horizon);
  const isCut = s.laidOff > 0;
  const usesAi = p.aiShare > 0;
  const paragraphs = [];

  if (!isCut && !usesAi) {
    const aug = augmentFinal(s);
    const first = el('p');
    const second = el('p', 'story__bottom');
    if (result.preset === 'augment') {
      // The augment preset is about the alternative path, so the story is told from there.
      first.append(sentence('prose.augmentPath', { gain: num(fmt.percent(p.augmentProductivityGain)) }));
      if (aug >= EPS_USD) {
        second.append(sentence('prose.augmentResult', { period, augment: num(fmt.moneyCompact(aug), 'good'), npv: num(fmt.moneyCompact(s.augmentNpv), 'good') }));
      } else if (aug <= -EPS_USD) {
        second.append(sentence('prose.augmentResultBehind', { period, augment: num(fmt.moneyCompact(-aug), 'bad') }));
      }
    } else {
      first.append(sentence('prose.statusQuo'));
      if (aug >= EPS_USD) second.append(sentence('prose.statusQuoAugment', { period, augment: num(fmt.moneyCompact(aug), 'good') }));
      else if (aug <= -EPS_USD) second.append(sentence('prose.statusQuoAugmentBehind', { period, augment: num(fmt.moneyCompact(-aug), 'bad') }));
    }
    container.replaceChildren(...[first, second].filter((x) => x.childNodes.length));
    return;
  }

  // 1. The cut and the money.
  const one = el('p');
  const openVars = {
    laidOff: num(fmt.count(s.laidOff)),
    before: num(fmt.count(p.headcountBefore)),
    aiShare: num(fmt.percent(p.aiShare)),
  };
  const openKey = isCut && usesAi ? 'prose.openCutAi' : isCut ? 'prose.openCutOnly' : 'prose.openAiOnly';
  const open = phrase(openKey, openVars);
  // The first-year figure runs to twelve months after the cut month (or the horizon).
  const fy = s.firstYearDelta;
  const suffix = isCut ? '' : 'ByMonth';
  const month = num(fmt.number(Math.min(p.layoffMonth + 12, horizon)));
  if (fy >= EPS_USD) one.append(sentence(`prose.firstYearSaves${suffix}`, { open, month, amount: num(fmt.moneyCompact(fy), 'good') }));
  else if (fy <= -EPS_USD) one.append(sentence(`prose.firstYearCosts${suffix}`, { open, month, amount: num(fmt.moneyCompact(-fy), 'bad') }));
  else one.append(sentence(`prose.firstYearEven${suffix}`, { open, month }));

  if (s.paybackMonth != null) {
    const key = s.peakMonth === horizon ? 'prose.paybackRising' : 'prose.paybackPeak';
    one.append(
      sentence(key, {
        payback: num(fmt.number(s.paybackMonth)),
        peak: num(fmt.moneyCompact(s.peakSavings), 'good'),
        peakMonth: num(fmt.number(s.peakMonth)),
      }),
    );
  } else {
    one.append(sentence('prose.noPayback', { horizon: num(fmt.number(horizon)) }));
  }
  paragraphs.push(one);

  // 2. Service, customers, rehiring, regret.
  const two = el('p');
  if (depth < 2) {
    two.append(sentence('prose.depthOne'));
  } else {
    const before = series.baselineBadContactShare[0];
    const peak = s.peakBadContactShare;
    if (peak - before > EPS_SHARE) {
      two.append(
        sentence('prose.qualityWorse', {
          before: num(fmt.percent(before)),
          peak: num(fmt.percent(peak), 'bad'),
          delay: t('units.months.value', { v: fmt.number(p.perceptionDelayMonths, 1), count: p.perceptionDelayMonths }),
        }),
      );
    } else {
      two.append(sentence('prose.qualityHolds', { before: num(fmt.percent(before)) }));
    }
    if (s.customersLost >= 0.5) {
      two.append(sentence('prose.customersLost', { horizon: num(fmt.number(horizon)), customers: num(fmt.count(s.customersLost), 'bad') }));
    } else if (s.customersLost <= -0.5) {
      two.append(sentence('prose.customersGained', { horizon: num(fmt.number(horizon)), customers: num(fmt.count(-s.customersLost), 'good') }));
    }
    if (isCut) {
      if (depth < 3) {
        two.append(sentence('prose.noRehireDepth'));
      } else if (s.rehireStartMonth != null) {
        const cheaper = s.rehireCost < 0;
        const pay = p.rehirePayFactor;
        const key = cheaper
          ? 'prose.rehireCheaper'
          : pay > 1
            ? 'prose.rehireHigherPay'
            : pay < 1
              ? 'prose.rehireLowerPay'
              : 'prose.rehireSamePay';
        two.append(
          sentence(key, {
            month: num(fmt.number(s.rehireStartMonth)),
            people: num(fmt.count(s.rehiredHires)),
            cost: num(fmt.moneyCompact(Math.abs(s.rehireCost)), cheaper ? 'good' : 'bad'),
          }),
        );
      } else {
        two.append(sentence('prose.noRehire', { horizon: num(fmt.number(horizon)) }));
      }
    }
  }
  if (s.regretMonth != null) {
    two.append(sentence('prose.regret', { regret: num(fmt.number(s.regretMonth), 'bad') }));
  } else if (s.paybackMonth != null) {
    two.append(sentence('prose.noRegretAfterPayback', { horizon: num(fmt.number(horizon)) }));
  }
  paragraphs.push(two);

  // 3. The bottom line.
  const three = el('p', 'story__bottom');
  three.append(
    sentence('prose.bottomLine', {
      period,
      vsBaseline: comparisonPhrase(s.finalCumulativeDelta, 'Baseline'),
      vsAugment: comparisonPhrase(s.finalCumulativeDeltaVsAugment, 'Augment'),
    }),
  );
  const rate = fmt.percent(p.discountRatePerYear, 1);
  if (Math.abs(s.npv) < EPS_USD) three.append(sentence('prose.npvZero', { rate }));
  else if (s.npv > 0) three.append(sentence('prose.npvPositive', { rate, npv: num(fmt.moneyCompact(s.npv), 'good') }));
  else three.append(sentence('prose.npvNegative', { rate, npv: num(fmt.moneyCompact(-s.npv), 'bad') }));
  paragraphs.push(three);

  container.replaceChildren(...paragraphs);
}

// ---- Key numbers ---------------------------------------------------------------------------

const CARDS = [
  { id: 'npv', label: 'numbers.npv' },
  { id: 'npvAugment', label: 'numbers.npvAugment' },
  { id: 'events', label: 'numbers.events' },
  { id: 'breakEven', label: 'numbers.breakEven' },
  { id: 'customersLost', label: 'numbers.customersLost' },
  { id: 'people', label: 'numbers.people' },
];
const cardNodes = new Map();

/** Builds the key-number cards once. */
export function buildNumbers(container) {
  const list = el('dl', 'numbers__list');
  for (const card of CARDS) {
    const box = el('div', `stat stat--${card.id}`);
    const dt = el('dt', 'stat__label', t(card.label));
    const dd = el('dd', 'stat__value');
    const note = el('dd', 'stat__note');
    box.append(dt, dd, note);
    list.append(box);
    cardNodes.set(card.id, { box, value: dd, note });
  }
  container.replaceChildren(list);
}

function signed(usd) {
  if (Math.abs(usd) < EPS_USD) return fmt.moneyCompact(0);
  return usd > 0 ? `+${fmt.moneyCompact(usd)}` : fmt.moneyCompact(usd);
}

function tone(node, value) {
  node.classList.toggle('is-good', value >= EPS_USD);
  node.classList.toggle('is-bad', value <= -EPS_USD);
}

function monthOrNever(m) {
  return m == null ? t('numbers.never') : fmt.number(m);
}

/** Updates the key numbers from a result. */
export function renderNumbers(result) {
  const s = result.summary;
  const p = result.params;
  const set = (id, value, note) => {
    const card = cardNodes.get(id);
    card.value.textContent = value;
    card.note.textContent = note;
    return card;
  };
  if (tellsAugmentStory(result)) {
    // The augment preset is the "AI helps agents" path: its figures, against keeping everyone.
    tone(set('npv', signed(s.augmentNpv), t('numbers.augmentPathNote', { rate: fmt.percent(p.discountRatePerYear, 1) })).value, s.augmentNpv);
    tone(set('npvAugment', '—', t('numbers.augmentItselfNote')).value, 0);
  } else {
    tone(set('npv', signed(s.npv), t('numbers.npvNote', { rate: fmt.percent(p.discountRatePerYear, 1) })).value, s.npv);
    tone(set('npvAugment', signed(s.npvVsAugment), t('numbers.npvAugmentNote')).value, s.npvVsAugment);
  }
  const events = cardNodes.get('events');
  events.value.textContent = [s.paybackMonth, s.peakMonth, s.regretMonth].map(monthOrNever).join(' · ');
  events.note.textContent = t('numbers.eventsNote');
  if (s.breakEvenExtraChurn > 1) {
    // Beyond all customers a year, a percentage would read as a fact it is not.
    set('breakEven', t('numbers.breakEvenAll'), t('numbers.breakEvenAllNote'));
  } else if (s.breakEvenExtraChurn > 0) {
    set('breakEven', t('numbers.breakEvenValue', { v: fmt.percent(s.breakEvenExtraChurn, 1) }), t('numbers.breakEvenNote'));
  } else {
    set('breakEven', t('numbers.breakEvenNone'), t('numbers.breakEvenNoneNote'));
  }
  set('customersLost', p.modelDepth < 2 ? '—' : fmt.count(s.customersLost), t('numbers.customersLostNote', { horizon: fmt.number(p.horizonMonths) }));
  set('people', t('numbers.peopleValue', { laidOff: fmt.count(s.laidOff), rehired: fmt.count(s.rehiredHires) }), t('numbers.peopleNote'));
}

/** Limits the model's plausibility warnings name (src/plausibility.rs). */
const WARNING_LIMITS = { contactsPerAgentHigh: 3000, contactsPerAgentLow: 5 };

/**
 * The model's plausibility warnings (valid inputs that describe no real team, or figures that
 * must not be read as facts) as a list beside the result; empty when there are none.
 */
export function renderWarnings(container, result) {
  const warnings = result.warnings ?? [];
  if (!warnings.length) {
    container.replaceChildren();
    container.hidden = true;
    return;
  }
  const list = el('ul', 'warnings__list');
  for (const w of warnings) {
    const value = w.code === 'aiAddsWork' ? fmt.count(-w.value) : fmt.count(w.value);
    const limit = WARNING_LIMITS[w.code] != null ? fmt.count(WARNING_LIMITS[w.code]) : '';
    list.append(el('li', '', t(`warnings.${w.code}`, { value, limit })));
  }
  container.replaceChildren(el('strong', 'warnings__heading', t('warnings.heading')), list);
  container.hidden = false;
}

/**
 * The answer in one sentence, on the first screen above the chart: the cut (the story's own
 * opening words), where the money stands at the end and, if it comes, the regret month.
 */
export function renderAnswer(container, result) {
  const s = result.summary;
  const p = result.params;
  const period = periodText(p.horizonMonths);
  if (tellsAugmentStory(result) || (s.laidOff <= 0 && p.aiShare <= 0)) {
    const key = tellsAugmentStory(result) ? 'answer.augment' : 'answer.nothing';
    fillTemplate(container, key, { period, comparison: comparisonPhrase(augmentFinal(s), 'NoAi') });
    return;
  }
  const openKey = s.laidOff > 0 && p.aiShare > 0 ? 'prose.openCutAi' : s.laidOff > 0 ? 'prose.openCutOnly' : 'prose.openAiOnly';
  const open = phrase(openKey, {
    laidOff: num(fmt.count(s.laidOff)),
    before: num(fmt.count(p.headcountBefore)),
    aiShare: num(fmt.percent(p.aiShare)),
  });
  const final = s.finalCumulativeDelta;
  let key = 'answer.result';
  if (final <= -EPS_USD) key = s.regretMonth != null ? 'answer.regret' : 'answer.never';
  fillTemplate(container, key, {
    open,
    period,
    regret: num(fmt.number(s.regretMonth ?? 0), 'bad'),
    comparison: comparisonPhrase(final, 'Baseline'),
  });
}

/** The one-line result at the top of the controls; returns it as one sentence for screen readers. */
export function renderReadout(container, result) {
  const s = result.summary;
  const p = result.params;
  const augment = tellsAugmentStory(result);
  const headline = augment ? augmentFinal(s) : s.finalCumulativeDelta;
  const label = el('span', 'readout__label', t(augment ? 'readout.augmentLabel' : 'readout.label', { period: periodText(p.horizonMonths) }));
  const value = el('strong', 'readout__value', signed(headline));
  tone(value, headline);
  const vs = el('span', 'readout__vs', t(augment ? 'readout.vsBaselineNoAi' : 'readout.vsBaseline'));
  const regret = el('span', 'readout__regret', s.regretMonth != null ? t('readout.regret', { m: fmt.number(s.regretMonth) }) : t('readout.noRegret'));
  container.replaceChildren(label, value, vs, regret);
  return t('readout.spoken', { label: label.textContent, value: value.textContent, vs: vs.textContent, regret: regret.textContent });
}

