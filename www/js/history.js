// The page state and the address bar, and undo/redo of the reader's changes.
//
// - On load, the fragment (permalink.js) becomes the state; what it could not use is shown in
//   a notice, and the address is rewritten to the valid scenario.
// - Every finished step (a change marked `record: true` in state.js: a drag's end, a typed
//   value, a preset, a reset) pushes one browser history entry whose fragment is the state,
//   so Back and Forward walk through the reader's steps; the frames of a drag add nothing.
//   Changes that are views rather than steps (a data table opened) replace the current entry.
// - Undo and Redo (buttons, Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) are Back and Forward within the
//   entries this page made; a fragment edited by hand in the address bar is applied too.
// - In an embed the page must not add entries to the host page's history, so the steps are
//   kept in memory instead and the address is left alone.
// - In-page links (#model, #controls) scroll and focus without touching the fragment.
// - The address is written at most once every WRITE_MS: browsers refuse more than about 200
//   history calls in 10 seconds (Chrome then silently stops updating the address), and an
//   arrow key held on a slider makes dozens of steps a second. The first step writes at once;
//   later ones within WRITE_MS are merged into one write when the time is up (the end of a
//   drag or of a run of key steps is always written), and a pending write is made at once on
//   `beforeunload` and `pagehide`, before Undo or Redo, so the address always ends up
//   matching the state.
//
// API: start({embedded}) after state.configure() and permalink.configure();
// undo(), redo(), canUndo(), canRedo().

import { t } from './i18n.js';
import * as store from './state.js';
import * as permalink from './permalink.js';
import { el } from './dom.js';

const MEMORY_LIMIT = 200;
// Steps on the same slider closer together than this are one step (an arrow key held down
// makes dozens; browsers also refuse more than a few hundred history entries in seconds).
const MERGE_MS = 700;
// The shortest time between two writes of the address (see the top of this file).
export const WRITE_MS = 250;

let memory = false; // true in an embed: steps are kept here, not in the browser history
let entries = []; // memory mode: the fragments of the steps
let index = 0; // the position of the current step
let max = 0; // the last step that can be redone
let shown = null; // the fragment the address bar shows (browser mode)
let buttons = null;
let lastStep = { source: '', at: -Infinity }; // the last recorded step, for merging
let lastWrite = -Infinity; // when the address was last written (performance.now())
let pending = null; // {fragment, push}: the write waiting for WRITE_MS to pass
let timer = 0;

function addressFor(fragment) {
  return `${location.pathname}${location.search}${fragment ? `#${fragment}` : ''}`;
}

function currentFragment() {
  return location.hash.replace(/^#/, '');
}

function entryState(i) {
  return { whatif: { index: i } };
}

/** Applies a fragment read by permalink.read() as one step (announced, not recorded again). */
function applyFragment(fragment, { notice = false } = {}) {
  const decoded = permalink.read(fragment);
  if (!decoded.isState) return false;
  store.setState(decoded.state, { record: true, source: 'history' });
  if (notice) permalink.noticeFor(decoded.problems);
  return true;
}

function updateButtons() {
  if (!buttons) return;
  buttons.undo.disabled = !canUndo();
  buttons.redo.disabled = !canRedo();
}

export function canUndo() {
  return index > 0;
}

export function canRedo() {
  return index < max;
}

export function undo() {
  flush();
  if (!canUndo()) return false;
  if (memory) {
    index -= 1;
    applyFragment(entries[index]);
    updateButtons();
  } else {
    history.back(); // popstate applies the entry
  }
  return true;
}

export function redo() {
  flush();
  if (!canRedo()) return false;
  if (memory) {
    index += 1;
    applyFragment(entries[index]);
    updateButtons();
  } else {
    history.forward();
  }
  return true;
}

function onStateChange(state, previous, meta) {
  if (meta.source === 'history' || meta.source === 'permalink') {
    lastStep = { source: '', at: -Infinity };
    return;
  }
  const dragging = !meta.record && String(meta.source).startsWith('range:');
  if (dragging) return;
  const fragment = permalink.encode(state);
  let record = meta.record;
  if (record) {
    const now = performance.now();
    const source = String(meta.source);
    const merge = source.startsWith('range:') && source === lastStep.source && now - lastStep.at < MERGE_MS && index > 0;
    lastStep = { source, at: now };
    if (merge) record = false;
  } else {
    lastStep = { source: '', at: -Infinity };
  }
  if (memory) {
    if (record && fragment !== entries[index]) {
      entries.splice(index + 1);
      entries.push(fragment);
      if (entries.length > MEMORY_LIMIT) entries.shift();
      index = entries.length - 1;
      max = index;
      updateButtons();
    } else if (!record) {
      entries[index] = fragment;
    }
    return;
  }
  if (fragment === shown && !pending) return;
  schedule(fragment, record);
}

// ---- Writing the address, throttled --------------------------------------------------------

function write(fragment, push) {
  if (push) {
    index += 1;
    max = index;
    history.pushState(entryState(index), '', addressFor(fragment));
  } else {
    history.replaceState(entryState(index), '', addressFor(fragment));
  }
  shown = fragment;
  lastWrite = performance.now();
  updateButtons();
}

// While a write waits, <html data-address-pending="1"> says so (tests wait for it to go).
function markPending(on) {
  if (on) document.documentElement.dataset.addressPending = '1';
  else delete document.documentElement.dataset.addressPending;
}

/** Makes the pending write now, if there is one. */
function flush() {
  clearTimeout(timer);
  timer = 0;
  markPending(false);
  if (!pending) return;
  const { fragment, push } = pending;
  pending = null;
  if (fragment === shown) return;
  write(fragment, push);
}

/** Drops a pending write (the browser has just moved to another entry). */
function cancel() {
  clearTimeout(timer);
  timer = 0;
  pending = null;
  markPending(false);
}

// A step that is a new entry (`push`) stays one when later frames replace its fragment.
function schedule(fragment, push) {
  pending = { fragment, push: Boolean(push) || Boolean(pending?.push) };
  const wait = lastWrite + WRITE_MS - performance.now();
  if (wait <= 0 && !timer) flush();
  else if (!timer) {
    markPending(true);
    timer = setTimeout(flush, Math.max(0, wait));
  }
}

function onPopState(event) {
  cancel();
  const nav = event.state && event.state.whatif;
  const fragment = currentFragment();
  if (nav && Number.isInteger(nav.index)) {
    index = nav.index;
    if (index > max) max = index;
    if (fragment !== shown) {
      applyFragment(fragment, { notice: true });
      shown = fragment;
    }
    updateButtons();
    return;
  }
  handleTypedFragment(fragment);
}

// A fragment typed or pasted into the address bar: the browser made a new entry for it.
function handleTypedFragment(fragment) {
  if (fragment === shown) return;
  index += 1;
  max = index;
  const decoded = permalink.read(fragment);
  if (decoded.isState) {
    store.setState(decoded.state, { record: true, source: 'history' });
    permalink.noticeFor(decoded.problems);
    const clean = permalink.encode(store.getState());
    history.replaceState(entryState(index), '', addressFor(clean));
    shown = clean;
  } else {
    history.replaceState(entryState(index), '', addressFor(fragment));
    shown = fragment;
  }
  updateButtons();
}

function onHashChange() {
  if (memory) return;
  cancel();
  const fragment = currentFragment();
  if (fragment !== shown) handleTypedFragment(fragment);
}

function isTextField(target) {
  if (!(target instanceof Element)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['range', 'radio', 'checkbox', 'button', 'submit', 'reset', 'color', 'file', 'image'].includes(target.type);
  }
  return false;
}

function onKeyDown(event) {
  if (event.defaultPrevented || event.altKey || !(event.ctrlKey || event.metaKey)) return;
  if (isTextField(event.target)) return; // the browser's own undo applies there
  const key = event.key.toLowerCase();
  let done = false;
  if (key === 'z' && !event.shiftKey) done = undo();
  else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) done = redo();
  if (done) event.preventDefault();
}

// In-page links scroll to their target and focus it, without a history entry or a fragment
// that would replace the state in the address bar.
function onClick(event) {
  if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
  if (!link) return;
  const id = link.getAttribute('href').slice(1);
  if (!id || id.includes('=')) return;
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  if (!target.hasAttribute('tabindex') && !target.matches('a[href], button, input, select, textarea, summary')) {
    target.setAttribute('tabindex', '-1');
  }
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

/** The Undo and Redo buttons, for the controls' heading. */
function buildButtons() {
  const group = el('div', 'history');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', t('share.history.label'));
  const make = (name, icon, shortcut) => {
    const button = el('button', 'button button--quiet history__button');
    button.type = 'button';
    button.id = `${name}-button`;
    const mark = el('span', 'history__icon', icon);
    mark.setAttribute('aria-hidden', 'true');
    button.append(mark, el('span', 'history__text', t(`share.history.${name}`)));
    button.title = t(`share.history.${name}Title`);
    button.setAttribute('aria-keyshortcuts', shortcut);
    button.disabled = true;
    group.append(button);
    return button;
  };
  const undoButton = make('undo', '↶', 'Control+Z Meta+Z');
  const redoButton = make('redo', '↷', 'Control+Shift+Z Control+Y Meta+Shift+Z');
  undoButton.addEventListener('click', () => undo());
  redoButton.addEventListener('click', () => redo());
  buttons = { undo: undoButton, redo: redoButton };
  // A row of its own under the controls' heading (next to "Reset all" it would crowd the title).
  const head = document.querySelector('.controls__head');
  if (head) head.after(group);
  updateButtons();
}

/**
 * Reads the fragment into the state, then keeps the address bar and the undo steps in line
 * with it. `embedded` keeps the steps in memory and leaves the address alone.
 */
export function start({ embedded = false } = {}) {
  memory = embedded;
  const fragment = currentFragment();
  const decoded = permalink.read(fragment);
  if (decoded.isState) {
    store.setState(decoded.state, { record: false, source: 'permalink' });
    permalink.noticeFor(decoded.problems);
  }
  const clean = decoded.isState ? permalink.encode(store.getState()) : fragment;
  if (memory) {
    entries = [permalink.encode(store.getState())];
    index = 0;
    max = 0;
  } else {
    const previous = history.state && history.state.whatif;
    index = previous && Number.isInteger(previous.index) ? previous.index : 0;
    max = index;
    history.replaceState(entryState(index), '', addressFor(clean));
    shown = clean;
    window.addEventListener('popstate', onPopState);
    // The last steps reach the address before the page goes (a reload, a link, a closed tab).
    // beforeunload comes first and while the document is still the current entry; by
    // pagehide a navigation may already have committed and the browser can ignore the write
    // (seen on a loaded machine), so pagehide is only the second chance (bfcache, mobile).
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    window.addEventListener('hashchange', onHashChange);
    document.addEventListener('click', onClick);
  }
  store.subscribe(onStateChange);
  document.addEventListener('keydown', onKeyDown);
  buildButtons();
}
