// The notice for page options in the address that could not be used (an unknown language,
// currency, rate, tour step, lock or hide name): one dismissible box above the model that
// lists them as text. A bad option never stops the page; it is named here and ignored.

import { t } from './i18n.js';
import { el, clip } from './dom.js';

let box = null;
let list = null;

function ensureBox() {
  if (box && box.isConnected) return;
  box = el('div', 'option-notice');
  box.id = 'option-notice';
  box.setAttribute('role', 'status');
  const head = el('div', 'option-notice__head');
  head.append(el('strong', 'option-notice__title', t('options.noticeTitle')));
  const close = el('button', 'button button--quiet option-notice__close', t('options.dismiss'));
  close.type = 'button';
  close.addEventListener('click', () => {
    box.remove();
    box = null;
  });
  head.append(close);
  list = el('ul', 'option-notice__list');
  box.append(head, list);
  const anchor = document.getElementById('notices') || document.getElementById('model');
  if (anchor?.parentElement) anchor.parentElement.insertBefore(box, anchor.id === 'notices' ? anchor.nextSibling : anchor);
  else document.body.prepend(box);
}

/** One line of the notice: "cur=XYZ: the reason" (the value cut to 40 characters). */
export function optionItem(name, value, reason) {
  return t('options.item', { piece: `${name}=${clip(value, 40)}`, reason });
}

/** Adds sentences to the notice (each one as plain text). */
export function showOptionNotice(items) {
  if (!items.length) return;
  ensureBox();
  for (const text of items) list.append(el('li', '', String(text)));
}
