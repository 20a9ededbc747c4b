// Explain in place (issue 16): every term a first-time reader meets in the key numbers, the
// model levels and the savings chart's fan (NPV, payback, peak, regret month, break-even
// churn, the fan's bands, the depth levels, evidence kinds) has its one-sentence explanation
// where it appears, through the page's one popover mechanism (sources.js attachTip, the same
// as the evidence pills, which explain the evidence kinds). The sentences are the language
// file's own definitions, `how.terms` (the "words on the charts" list): nothing is written
// twice. Each term's entry in that list gets an id (#term-npv), and each popover links there.
// Also "How to cite" and the model's version and date under "How this works".
//
// API: TERMS; decorateHow(); decorateNumbers(); decorateDepth(); decorateFan(); termTip(id);
// renderCite(container).

import { t, raw } from './i18n.js';
import { el } from './dom.js';
import { attachTip } from './sources.js';
import { MODEL, LICENCE, LICENCE_URL, modelLine } from './credits.js';
import * as permalink from './permalink.js';
import * as store from './state.js';

/** The terms, in the order of how.terms in the language files (a test holds the two together). */
export const TERMS = ['payback', 'peak', 'regret', 'breakEven', 'npv', 'fan', 'depth', 'evidence'];

/** Which terms each key-number card uses (prose.js builds the cards; ids are its card ids). */
const CARD_TERMS = { npv: ['npv'], npvAugment: ['npv'], events: ['payback', 'peak', 'regret'], breakEven: ['breakEven'] };

/** {term, definition} of one term from how.terms ("Payback month: the first month ..."). */
export function definition(id) {
  const list = raw('how.terms');
  const text = Array.isArray(list) ? String(list[TERMS.indexOf(id)] ?? '') : '';
  const at = text.indexOf(':');
  return at < 0 ? { term: id, definition: text } : { term: text.slice(0, at), definition: text.slice(at + 1).trim() };
}

/**
 * A small "?" button that opens the explanation of one term or of a few that share a label
 * ("Payback · peak · regret"), each linking to its entry in "How this works".
 */
export function termTip(ids) {
  const list = Array.isArray(ids) ? ids : [ids];
  const terms = list.map(definition);
  const wrap = el('span', 'evidence term');
  wrap.dataset.term = list.join(' ');
  const button = el('button', 'term__button', '?');
  button.setAttribute('aria-label', t('glossary.explain', { term: terms.map((d) => d.term).join(', ') }));
  attachTip(wrap, button, 'evidence__popover term__popover', (pop) => {
    list.forEach((id, i) => {
      const head = el('span', 'evidence__kind term__entry');
      head.append(el('strong', '', terms[i].term), document.createTextNode(` — ${terms[i].definition} `));
      const more = el('a', 'term__more', t('glossary.more'));
      more.href = `#term-${id}`;
      more.setAttribute('aria-label', `${terms[i].term}: ${t('glossary.more')}`);
      head.append(more);
      pop.append(head);
    });
  });
  return wrap;
}

/** Gives each entry of "The words on the charts" its id, so popovers can link there. */
export function decorateHow() {
  const items = document.querySelectorAll('#how-terms li');
  items.forEach((item, i) => {
    if (TERMS[i]) item.id = `term-${TERMS[i]}`;
  });
}

/** The key numbers' labels get their terms' explanations. */
export function decorateNumbers() {
  for (const [card, terms] of Object.entries(CARD_TERMS)) {
    const label = document.querySelector(`.stat--${card} .stat__label`);
    if (!label || label.querySelector('.term')) continue;
    label.append(' ', termTip(terms));
  }
}

/** The model-level choice gets the explanation of the depth levels. */
export function decorateDepth() {
  const legend = document.querySelector('#modelDepth legend');
  if (legend && !legend.querySelector('.term')) legend.append(' ', termTip('depth'));
}

/** The fan's sentence under the savings chart gets the explanation of its bands. */
export function decorateFan() {
  const note = document.getElementById('uncertainty-note');
  if (!note || note.parentElement.querySelector('.term[data-term="fan"]')) return;
  // Its own line, named: the note's words are rewritten on every analysis, the term is not.
  const line = el('p', 'term-line');
  line.append(el('span', 'term-line__label', definition('fan').term), ' ', termTip('fan'));
  note.after(line);
}

/** "Model 2, 1 December 2026" and "How to cite" (the page, and this scenario's link). */
export function renderCite(container) {
  if (!container) return;
  const version = el('p', 'how__model', t('glossary.modelVersion', { model: modelLine() }));
  version.id = 'model-version';
  const year = MODEL.date.slice(0, 4);
  const page = new URL(location.href);
  page.hash = '';
  page.search = '';
  const pageCite = el('p', 'how__cite', t('glossary.citePage', { year, version: MODEL.version, url: page.href }));
  pageCite.id = 'cite-page';
  const scenarioCite = el('p', 'how__cite');
  scenarioCite.id = 'cite-scenario';
  const licence = el('p', 'how__licence');
  const link = el('a', '', LICENCE);
  link.href = LICENCE_URL;
  link.rel = 'license';
  licence.append(document.createTextNode(`${t('glossary.licence')} `), link, document.createTextNode(t('glossary.licenceCode')));
  const update = (state) => {
    scenarioCite.textContent = t('glossary.citeScenario', { year, version: MODEL.version, url: permalink.linkUrl(state) });
  };
  update(store.getState());
  store.subscribe((state, previous, meta) => {
    if (meta.record || meta.source === 'history') update(state);
  });
  container.replaceChildren(version, pageCite, scenarioCite, licence);
}
