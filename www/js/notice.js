// Notices: the one way the page says what it could not use (a link's broken pieces, address
// options it does not know, an embed's unknown names, a language file that failed to load).
//
// - One box per kind ("link", "options", "embed", "language", ...), each a dismissible list of
//   plain-text sentences (never markup). A sentence already in its box is not added twice, so
//   a notice reads the same however often its cause is seen (at load, after a hashchange).
// - `replace: true` makes the box show only the new sentences (a link notice describes the
//   link now in the address, not every link before it).
// - Audience: a notice about the address (`audience: 'author'`) is for whoever wrote the
//   address. In an embed shown inside another page's frame, its readers cannot change the
//   address, so such notices go to the console (console.info, for the author's developer
//   tools) instead of the article. A notice for the reader (`audience: 'reader'`, such as a
//   language that could not be loaded) is shown everywhere.
// - A sentence must never show a template placeholder: one left unfilled ("{name}") is a bug,
//   reported on the console and cut out of the sentence (tests/browser/notices.test.mjs
//   renders every notice in both languages and fails on a "{").
//
// API: show(kind, {title, items, after, replace, audience}) -> the box or null; clear(kind);
// showOptionNotice(items); optionItem(name, value, reason).

import { t } from './i18n.js';
import { el, clip } from './dom.js';

const boxes = new Map(); // kind -> {box, list, items: Set}
const PLACEHOLDER = /\{[A-Za-z]\w*\}/g;

/** True when the page is an embed inside another page's frame (its readers did not write the address). */
export function inForeignFrame() {
  if (!document.documentElement.classList.contains('is-embed')) return false;
  try {
    return window.top !== window.self;
  } catch {
    return true;
  }
}

function checked(text) {
  const s = String(text);
  if (!PLACEHOLDER.test(s)) return s;
  PLACEHOLDER.lastIndex = 0;
  console.error(`notice: unfilled placeholder in "${s}"`);
  return s.replace(PLACEHOLDER, '').replace(/\s{2,}/g, ' ');
}

// The link notice sits in #notices (the top of the page); the options notice just below it.
function place(kind, box) {
  const area = document.getElementById('notices');
  if (kind !== 'options' && area) {
    area.append(box);
    area.hidden = false;
    return;
  }
  const anchor = area || document.getElementById('model');
  if (anchor?.parentElement) anchor.parentElement.insertBefore(box, anchor.id === 'notices' ? anchor.nextSibling : anchor);
  else document.body.prepend(box);
}

function build(kind, title) {
  // The option notice keeps its own look and id; every other kind is a link-notice box.
  const base = kind === 'options' ? 'option-notice' : 'link-notice';
  const box = el('div', base);
  if (kind === 'options') box.id = 'option-notice';
  box.dataset.kind = kind;
  box.setAttribute('role', 'status');
  const head = el('div', `${base}__head`);
  const heading = el('strong', `${base}__title`, title);
  head.append(heading);
  const close = el('button', `button button--quiet ${base}__close`, kind === 'options' ? t('options.dismiss') : t('share.dismiss'));
  close.type = 'button';
  close.addEventListener('click', () => clear(kind));
  head.append(close);
  const list = el('ul', `${base}__list`);
  box.append(head, list);
  place(kind, box);
  return { box, heading, list, after: null, items: new Set() };
}

/**
 * Shows sentences in the notice of `kind` (see the top of this file). Returns the box, or null
 * when nothing was shown.
 */
export function show(kind, { title, items = [], after, replace = false, audience = 'author' } = {}) {
  const texts = items.map(checked);
  if (audience === 'author' && inForeignFrame()) {
    for (const text of texts) console.info(`layoff-whatif: ${title ? `${title}: ` : ''}${text}`);
    return null;
  }
  let entry = boxes.get(kind);
  if (entry && !entry.box.isConnected) entry = null;
  if (entry && replace) {
    entry.list.replaceChildren();
    entry.items.clear();
    entry.after?.remove();
    entry.after = null;
  }
  if (!entry) {
    entry = build(kind, checked(title ?? ''));
    boxes.set(kind, entry);
  } else if (title !== undefined) {
    entry.heading.textContent = checked(title);
  }
  for (const text of texts) {
    if (entry.items.has(text)) continue;
    entry.items.add(text);
    entry.list.append(el('li', '', text));
  }
  entry.list.hidden = entry.items.size === 0;
  if (after !== undefined) {
    if (!entry.after) {
      entry.after = el('p', kind === 'options' ? 'option-notice__after' : 'link-notice__after');
      entry.box.append(entry.after);
    }
    entry.after.textContent = checked(after);
  }
  return entry.box;
}

/** Removes the notice of `kind`, if shown. */
export function clear(kind) {
  const entry = boxes.get(kind);
  boxes.delete(kind);
  if (!entry) return;
  entry.box.remove();
  const area = document.getElementById('notices');
  if (area) area.hidden = !area.childElementCount;
}

/** One line of the options notice: "cur=XYZ: the reason" (the value cut to 40 characters). */
export function optionItem(name, value, reason) {
  return t('options.item', { piece: `${name}=${clip(value, 40)}`, reason });
}

/** Adds sentences to the notice of address options that were ignored. */
export function showOptionNotice(items) {
  if (!items.length) return;
  show('options', { title: t('options.noticeTitle'), items });
}
