// Evidence tags and sources: the small "company claim / vendor / research ..." pills next to
// every slider and in the intro, each a button that opens a popover with what the kind of
// evidence means and the citations behind it (pkg/sources.json, which the build writes from
// the model's source table; tags without a citation yet are still named). Also renders the sources list and the intro's [[kind:TAGS]] markup.

import { t, raw, has } from './i18n.js';
import { el } from './dom.js';

let citations = new Map();
let popoverCount = 0;
let openButton = null;
// The popovers' source lines, each with its tags: the table arrives after the first chart
// (app.js), so lines written before it are written again when it comes (once: it comes once).
const sourceLines = new Map();

/** Gives the module the source table ({id, citation, evidence}); may be empty. */
export function configureSources(table) {
  citations = new Map((Array.isArray(table) ? table : []).map((s) => [s.id, s]));
  for (const [line, tags] of sourceLines) fillSourceLines(line, tags);
  sourceLines.clear();
}

/** Writes one line per tag: the tag (a link to its entry when cited) and its citation. */
function fillSourceLines(list, tags) {
  const items = tags.map((tag) => {
    const item = el('span', 'evidence__source');
    // The tag links to the source's entry in the list (its citation, publisher and date).
    const b = el('b');
    b.append(citations.has(tag) ? sourceLink(tag) : document.createTextNode(tag));
    const found = citations.get(tag);
    item.append(b, document.createTextNode(' '), document.createTextNode(found ? found.citation : `(${t('evidence.noCitation')})`));
    return item;
  });
  list.replaceChildren(el('span', 'evidence__sources-label', t('evidence.sourcesLabel')), ...items);
}

const TAG = /^[A-Z]{1,3}\d{1,3}$/;

/** Splits a source string ("C7 C8", "K1 (repeat inquiries)", "design choice") into tags and the rest. */
export function parseSource(source) {
  const tokens = String(source || '').split(/\s+/).filter(Boolean);
  const tags = tokens.filter((x) => TAG.test(x));
  const rest = tokens.filter((x) => !TAG.test(x)).join(' ');
  return { tags, rest };
}

function closeOpen() {
  if (openButton) {
    openButton.setAttribute('aria-expanded', 'false');
    openButton.parentElement?.classList.remove('is-open');
    openButton = null;
  }
}

document.addEventListener('click', (event) => {
  if (openButton && !openButton.parentElement?.contains(event.target)) closeOpen();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && openButton) {
    const button = openButton;
    closeOpen();
    button.focus();
  }
});

/**
 * The one popover mechanism of the page (evidence pills and glossary terms, glossary.js): a
 * button that opens a note beside it on click, tap or Enter/Space, closes on Escape (focus
 * back on the button), on a click elsewhere or when another opens. `wrap` gets the button and
 * an empty note; `fill(note)` writes the note's contents the first time it can be seen (the
 * pointer over it, the button focused or pressed), so the page does not build a hundred
 * notes that most readers never open (issue 15's element budget).
 */
export function attachTip(wrap, button, popClass, fill) {
  const id = `pop-${++popoverCount}`;
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', id);
  const pop = el('span', popClass);
  pop.id = id;
  pop.setAttribute('role', 'note');
  let filled = false;
  const ensureFilled = () => {
    if (filled) return;
    filled = true;
    fill(pop);
  };
  // pointerenter comes before the :hover style is applied, focusin before Enter opens it.
  wrap.addEventListener('pointerenter', ensureFilled);
  wrap.addEventListener('focusin', ensureFilled);
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    ensureFilled();
    const opening = button.getAttribute('aria-expanded') !== 'true';
    closeOpen();
    if (opening) {
      button.setAttribute('aria-expanded', 'true');
      wrap.classList.add('is-open');
      openButton = button;
    }
  });
  wrap.append(button, pop);
  return pop;
}

/** The citation of a source tag, or undefined. */
export function citationOf(tag) {
  return citations.get(tag)?.citation;
}

/** A source tag that links to its entry in the sources list ("How this works"). */
export function sourceLink(tag) {
  const link = el('a', 'source-link', tag);
  link.href = `#source-${tag}`;
  return link;
}

/**
 * An evidence pill with its popover. `kind` is an evidence key, `tags` source tags, `note`
 * an optional sentence (a design note or an explanation to show first).
 * Returns a <span class="evidence"> holding the button and the popover.
 */
export function evidenceTag(kind, tags, { note, lead, compact = false } = {}) {
  const wrap = el('span', `evidence evidence--${kind}`);
  const button = el('button', 'evidence__tag');
  const isList = kind === 'sources';
  const label = isList ? t('evidence.sourcesLabel') : t(`evidence.${kind}.label`, {}, kind);
  const text = compact || tags.length === 0 ? label : `${label} · ${tags.join(' ')}`;
  button.textContent = text;
  button.setAttribute('aria-label', t('control.evidenceButton', { evidence: text }));
  attachTip(wrap, button, 'evidence__popover', (pop) => {
    if (lead) pop.append(el('span', 'evidence__lead', lead));
    if (!isList) {
      const kindLine = el('span', 'evidence__kind');
      kindLine.append(el('strong', '', label), document.createTextNode(` — ${t(`evidence.${kind}.meaning`, {}, '')}`));
      pop.append(kindLine);
    }
    if (note) pop.append(el('span', 'evidence__note', note));
    if (tags.length) {
      const list = el('span', 'evidence__sources');
      fillSourceLines(list, tags);
      if (citations.size === 0) sourceLines.set(list, tags);
      pop.append(list);
    }
  });
  return wrap;
}

/** The evidence tag of one parameter, with its sources and any note. */
export function paramEvidence(spec) {
  const { tags, rest } = parseSource(spec.source);
  let note;
  if (has(`params.${spec.key}.sourceNote`)) note = t(`params.${spec.key}.sourceNote`);
  else if (rest) note = t(`evidence.sourceText.${rest}`, {}, rest);
  return evidenceTag(spec.evidence, tags, { note });
}

/** Renders text with [[kind:TAG TAG]] markers into `element` as text and evidence pills. */
export function renderTagged(element, text) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(/\[\[(\w+):([^\]]*)\]\]/g)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    const tags = match[2].split(/\s+/).filter(Boolean);
    nodes.push(evidenceTag(match[1], tags, { compact: true }));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  element.replaceChildren(...nodes);
  return element;
}

/** The intro paragraphs from the language file. */
export function renderIntro(container) {
  const paragraphs = raw('intro.paragraphs');
  container.replaceChildren();
  for (const text of Array.isArray(paragraphs) ? paragraphs : []) {
    container.append(renderTagged(el('p', 'intro__p'), String(text)));
  }
}

/** The sources list of the "How this works" section; a sentence when the table is empty. */
export function renderSourceList(container) {
  container.replaceChildren();
  if (citations.size === 0) {
    container.append(el('p', 'muted', t('how.sourcesEmpty')));
    return;
  }
  container.append(el('p', '', t('how.sourcesIntro')));
  const list = el('dl', 'sources');
  for (const source of citations.values()) {
    const term = el('dt', '', source.id);
    term.id = `source-${source.id}`;
    const def = el('dd', '');
    def.append(document.createTextNode(`${source.citation} `));
    def.append(el('span', `kind kind--${source.evidence}`, t(`evidence.${source.evidence}.label`, {}, source.evidence)));
    list.append(term, def);
  }
  container.append(list);
}
