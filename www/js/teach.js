// The classroom: presentation mode, a guided tour, keyboard shortcuts and teacher links.
//
// - Presentation mode (button or P): large type, a high-contrast projector theme for the page
//   and the charts (theme "projector", charts drawn larger), optional full screen (button or F).
// - The tour (button or T; arrow keys step it): seven steps that tell the story. Each step sets
//   the preset and the model level through state.js as one recorded step (so Back, undo and
//   the permalink follow it), points at a chart (scrolled to and outlined) and asks the class
//   a question. A non-modal dialog with a heading and Back / Next / Close buttons.
// - Shortcuts never fire while the reader types in a field or uses a modifier key; "?" lists them.
// - Teacher links (query options, kept by every address the page writes):
//     ?tour=3            open the tour at step 3 (its scenario applied)
//     ?preset=klarna-like start from a preset (when the fragment names none)
//     ?present=1         start in presentation mode
//     &lock=layoffShare,aiShare   controls the reader cannot change (keys, groups, "presets", "depth")
//     &hide=erosion,augment       controls or groups not shown
//   A bad value is named in a notice and ignored; the page never fails over it.
// - The fragment keeps the current tour step (`tour=3`) and presentation (`present=1`).
//
// API: start({paramTable, presetTable, embedded}) after the state was read from the address;
// afterControls() once the slider rows exist; TOUR (the steps); goTo(n); closeTour();
// setPresenting(on).

import { t } from './i18n.js';
import * as store from './state.js';
import * as charts from './charts.js';
import * as permalink from './permalink.js';
import { showOptionNotice, optionItem } from './notice.js';
import * as handout from './handout.js';
import * as lock from './lock.js';
import { el, clip } from './dom.js';

/**
 * The tour: each step's scenario (preset, changed parameters, model level) and the chart it
 * points at. The first step cuts without the AI, so the second one shows what the AI adds.
 */
export const TOUR = [
  { id: 'cut', preset: 'typical', params: { aiShare: 0 }, depth: 1, chart: 'savings' },
  { id: 'ai', preset: 'typical', depth: 1, chart: 'costs' },
  { id: 'quality', preset: 'typical', depth: 2, chart: 'quality' },
  { id: 'customers', preset: 'typical', depth: 2, chart: 'costs' },
  { id: 'rehire', preset: 'typical', depth: 3, chart: 'headcount' },
  { id: 'regret', preset: 'typical', depth: 4, chart: 'savings' },
  { id: 'augment', preset: 'augment', depth: 4, chart: 'savings' },
];

/** How much larger the charts are drawn in presentation mode (the projector theme adds more). */
export const PRESENT_SIZE = 1.25;

const GROUPS = ['cut', 'ai', 'customers', 'rehiring', 'erosion', 'augment', 'money'];

let specs = [];
let presetNames = [];
let presenting = false;
let tourStep = 0; // 0: closed
let opener = null; // what had focus before the tour or the help opened
let saved = null; // the reader's scenario before the tour, given back when it ends
let ui = {};
let locks = { keys: new Set(), presets: false, depth: false };
let hides = { keys: new Set(), groups: new Set(), presets: false, depth: false };
const reducedMotion = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;

function button(className, text, onClick) {
  const b = el('button', `button ${className}`, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

// ---- URL fields (the fragment) ---------------------------------------------------------------

permalink.register('tour', {
  encode: (s) => (Number.isInteger(s.tour) && s.tour >= 1 && s.tour <= TOUR.length ? String(s.tour) : undefined),
  decode(text) {
    const n = Number(text);
    if (/^\d+$/.test(String(text)) && n >= 1 && n <= TOUR.length) return { tour: n };
    return new Error(t('teach.badTour', { value: clip(text, 40), n: TOUR.length }));
  },
  absent: (s) => (s.tour ? { tour: 0 } : {}),
});

permalink.register('present', {
  encode: (s) => (s.present ? '1' : undefined),
  decode(text) {
    if (text === '1' || text === '0') return { present: text === '1' };
    return new Error(t('teach.badPresent', { value: clip(text, 40) }));
  },
});

// ---- Presentation mode ---------------------------------------------------------------------

/** Turns presentation mode on or off (kept in the state, so the link keeps it). */
export function setPresenting(on) {
  store.setState({ present: Boolean(on) }, { record: false, source: 'present' });
}

function applyPresenting(on) {
  if (on === presenting) return;
  presenting = on;
  document.documentElement.classList.toggle('is-presenting', on);
  charts.setTheme(on ? 'projector' : null);
  charts.setSizeFactor(on ? PRESENT_SIZE : 1);
  if (ui.present) {
    ui.present.setAttribute('aria-pressed', String(on));
  }
}

async function toggleFullscreen() {
  ui.status.textContent = '';
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await document.documentElement.requestFullscreen();
  } catch {
    ui.status.textContent = t('teach.fullscreenUnavailable');
  }
}

function syncFullscreen() {
  if (!ui.fullscreen) return;
  const on = Boolean(document.fullscreenElement);
  ui.fullscreen.setAttribute('aria-pressed', String(on));
}

// ---- The tour ------------------------------------------------------------------------------

function stepDepth(step) {
  return step.depth ?? store.presetValue(step.preset, 'modelDepth') ?? 4;
}

/** Goes to tour step `n` (1-based): applies its scenario as one recorded step. */
export function goTo(n, { focus = 'keep' } = {}) {
  if (!Number.isInteger(n) || n < 1 || n > TOUR.length) return;
  if (!tourStep) {
    opener = document.activeElement;
    const s = store.getState();
    saved = { preset: s.preset, params: s.params, depth: s.depth };
  }
  const step = TOUR[n - 1];
  ui.pendingFocus = focus;
  store.setState({ preset: step.preset, params: { ...(step.params || {}) }, depth: stepDepth(step), tour: n }, { record: true, source: 'tour' });
}

/**
 * Closes the tour (the close button, Esc, T, Finish all come here), gives the reader's own
 * scenario back and focus back to where the reader was.
 */
export function closeTour() {
  if (!store.getState().tour) return;
  const mine = saved;
  saved = null;
  store.setState({ tour: 0, ...(mine || {}) }, { record: Boolean(mine), source: 'tour' });
  const back = opener && opener.isConnected && opener !== document.body ? opener : ui.tourButton;
  opener = null;
  back?.focus?.();
}

function buildTourPanel() {
  const panel = el('section', 'tour');
  panel.id = 'tour';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'false');
  panel.setAttribute('aria-labelledby', 'tour-title');
  panel.hidden = true;
  const head = el('div', 'tour__head');
  const progress = el('p', 'tour__progress');
  const close = button('button--quiet tour__close', '×', () => closeTour());
  close.setAttribute('aria-label', t('tour.close'));
  close.title = t('tour.close');
  head.append(progress, close);
  const title = el('h2', 'tour__title');
  title.id = 'tour-title';
  title.tabIndex = -1;
  const body = el('p', 'tour__body');
  const question = el('div', 'tour__question');
  const questionLabel = el('p', 'tour__question-label', t('tour.question'));
  const questionText = el('p', 'tour__question-text');
  question.append(questionLabel, questionText);
  const nav = el('div', 'tour__nav');
  const back = button('button--quiet tour__back', t('tour.back'), () => goTo(tourStep - 1));
  const next = button('button--primary tour__next', t('tour.next'), () => {
    if (tourStep >= TOUR.length) closeTour();
    else goTo(tourStep + 1);
  });
  back.setAttribute('aria-keyshortcuts', 'ArrowLeft');
  next.setAttribute('aria-keyshortcuts', 'ArrowRight');
  const hint = el('p', 'tour__hint', t('tour.keys'));
  nav.append(back, next);
  const live = el('p', 'sr-only');
  live.setAttribute('aria-live', 'polite');
  panel.append(head, title, body, question, nav, hint, live);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      closeTour();
    }
  });
  document.body.append(panel);
  Object.assign(ui, { panel, progress, title, body, questionText, back, next, live });
}

function pointAt(kind) {
  for (const figure of document.querySelectorAll('.chart.is-tour-target')) figure.classList.remove('is-tour-target');
  if (!kind) return;
  const figure = document.querySelector(`.chart--${kind}`);
  if (!figure) return;
  figure.classList.add('is-tour-target');
  const smooth = !(reducedMotion && reducedMotion.matches);
  figure.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
}

function renderTour(n, { scroll = true } = {}) {
  const wasOpen = tourStep > 0;
  tourStep = n;
  if (!n) {
    saved = null; // ended by history (Back): the state is already the one before
    ui.panel.hidden = true;
    document.documentElement.classList.remove('is-touring');
    pointAt(null);
    ui.tourButton?.setAttribute('aria-expanded', 'false');
    return;
  }
  const step = TOUR[n - 1];
  ui.panel.hidden = false;
  document.documentElement.classList.add('is-touring');
  ui.panel.dataset.step = String(n);
  ui.panel.dataset.id = step.id;
  ui.progress.textContent = t('tour.progress', { n, total: TOUR.length });
  ui.title.textContent = t(`tour.steps.${step.id}.title`);
  ui.body.textContent = t(`tour.steps.${step.id}.body`);
  ui.questionText.textContent = t(`tour.steps.${step.id}.question`);
  ui.back.disabled = n === 1;
  ui.next.textContent = n === TOUR.length ? t('tour.finish') : t('tour.next');
  ui.tourButton?.setAttribute('aria-expanded', 'true');
  ui.live.textContent = `${ui.progress.textContent}: ${ui.title.textContent}`;
  if (scroll) pointAt(step.chart);
  const focus = ui.pendingFocus;
  ui.pendingFocus = 'keep';
  if (focus === 'heading' || (wasOpen && document.activeElement === ui.back && ui.back.disabled)) {
    ui.title.focus({ preventScroll: true });
  }
}

// ---- Shortcuts and their help ----------------------------------------------------------------

const SHORTCUTS = [
  ['P', 'shortcuts.present'],
  ['F', 'shortcuts.fullscreen'],
  ['T', 'shortcuts.tour'],
  ['→', 'shortcuts.next'],
  ['←', 'shortcuts.back'],
  ['?', 'shortcuts.help'],
  ['Esc', 'shortcuts.close'],
];

function buildHelp() {
  const dialog = el('dialog', 'shortcuts');
  dialog.id = 'shortcuts';
  dialog.setAttribute('aria-labelledby', 'shortcuts-title');
  const title = el('h2', 'shortcuts__title', t('shortcuts.heading'));
  title.id = 'shortcuts-title';
  const intro = el('p', 'shortcuts__intro', t('shortcuts.intro'));
  const list = el('dl', 'shortcuts__list');
  for (const [key, text] of SHORTCUTS) {
    const row = el('div', 'shortcuts__row');
    const dt = el('dt');
    dt.append(el('kbd', '', key));
    row.append(dt, el('dd', '', t(text)));
    list.append(row);
  }
  const close = button('button--primary shortcuts__close', t('shortcuts.closeButton'), () => dialog.close());
  dialog.append(title, intro, list, close);
  dialog.addEventListener('close', () => {
    const back = opener && opener.isConnected ? opener : ui.helpButton;
    opener = null;
    back?.focus?.();
  });
  document.body.append(dialog);
  ui.help = dialog;
}

function openHelp() {
  if (ui.help.open) return;
  opener = document.activeElement;
  ui.help.showModal();
}

function isTyping(target) {
  if (!(target instanceof Element)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['range', 'radio', 'checkbox', 'button', 'submit', 'reset', 'color', 'file', 'image'].includes(target.type);
  }
  return false;
}

/** Controls whose arrow keys belong to them (sliders, radios, lists). */
function ownsArrows(target) {
  if (!(target instanceof Element)) return false;
  return Boolean(target.closest('input, select, textarea, [role="slider"], [role="radiogroup"], [role="listbox"], [role="tablist"], [role="menu"]'));
}

function onKeyDown(event) {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  if (isTyping(event.target)) return;
  if (ui.help?.open) return; // the dialog handles Escape itself
  const key = event.key;
  if (key === '?') {
    event.preventDefault();
    openHelp();
  } else if (key === 'p' || key === 'P') {
    event.preventDefault();
    setPresenting(!presenting);
  } else if (key === 'f' || key === 'F') {
    if (!document.fullscreenEnabled) return;
    event.preventDefault();
    toggleFullscreen();
  } else if (key === 't' || key === 'T') {
    event.preventDefault();
    if (tourStep) closeTour();
    else goTo(1, { focus: 'heading' });
  } else if (tourStep && (key === 'ArrowRight' || key === 'ArrowLeft') && !ownsArrows(event.target)) {
    event.preventDefault();
    if (key === 'ArrowRight') {
      if (tourStep < TOUR.length) goTo(tourStep + 1);
    } else if (tourStep > 1) {
      goTo(tourStep - 1);
    }
  } else if (key === 'Escape' && tourStep && (event.target === document.body || ui.panel.contains(event.target))) {
    closeTour();
  }
}

// ---- The toolbar -----------------------------------------------------------------------------

function buildTools() {
  let bar = document.getElementById('page-options');
  if (!bar) {
    bar = el('div', 'page-options');
    bar.id = 'page-options';
    (document.querySelector('.masthead__inner') || document.body).prepend(bar);
  }
  const tools = el('div', 'teach-tools');
  tools.setAttribute('role', 'group');
  tools.setAttribute('aria-label', t('teach.tools'));
  const tourButton = button('button--quiet teach-tools__tour', t('teach.tour'), () => {
    if (tourStep) closeTour();
    else goTo(1, { focus: 'heading' });
  });
  tourButton.setAttribute('aria-controls', 'tour');
  tourButton.setAttribute('aria-expanded', 'false');
  tourButton.setAttribute('aria-keyshortcuts', 'T');
  tourButton.title = t('teach.tourTitle', { n: TOUR.length });
  const present = button('button--quiet teach-tools__present', t('teach.present'), () => setPresenting(!presenting));
  present.setAttribute('aria-pressed', String(presenting));
  present.setAttribute('aria-keyshortcuts', 'P');
  present.title = t('teach.presentTitle');
  const parts = [tourButton, present];
  if (document.fullscreenEnabled) {
    const fullscreen = button('button--quiet teach-tools__fullscreen', t('teach.fullscreen'), () => toggleFullscreen());
    fullscreen.setAttribute('aria-pressed', 'false');
    fullscreen.setAttribute('aria-keyshortcuts', 'F');
    fullscreen.title = t('teach.fullscreenTitle');
    ui.fullscreen = fullscreen;
    parts.push(fullscreen);
    document.addEventListener('fullscreenchange', syncFullscreen);
  }
  const print = button('button--quiet teach-tools__print', t('teach.print'), () => {
    handout.update();
    window.print();
  });
  print.title = t('teach.printTitle');
  const help = button('button--quiet teach-tools__help', '?', () => openHelp());
  help.setAttribute('aria-label', t('teach.help'));
  help.title = t('teach.help');
  help.setAttribute('aria-keyshortcuts', '?');
  help.setAttribute('aria-haspopup', 'dialog');
  parts.push(print, help);
  const status = el('span', 'teach-tools__status');
  status.setAttribute('role', 'status');
  tools.append(...parts, status);
  bar.append(tools);
  Object.assign(ui, { tourButton, present, helpButton: help, status });
}

// ---- Teacher links -----------------------------------------------------------------------------

function listOf(text) {
  return String(text)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 100);
}

/** Resolves lock/hide names: parameter keys, group names, "presets", "depth". */
function resolve(names, kind, problems) {
  const out = { keys: new Set(), groups: new Set(), presets: false, depth: false };
  const keys = new Set(specs.map((s) => s.key));
  for (const name of names) {
    if (name === 'presets' || name === 'preset') out.presets = true;
    else if (name === 'depth' || name === 'modelDepth') out.depth = true;
    else if (keys.has(name)) out.keys.add(name);
    else if (GROUPS.includes(name)) {
      out.groups.add(name);
      for (const s of specs) if (s.group === name && s.key !== 'modelDepth') out.keys.add(s.key);
    } else problems.push(optionItem(kind, name, t(kind === 'lock' ? 'teach.unknownLock' : 'teach.unknownHide', { name: clip(name, 40) })));
  }
  return out;
}

function readTeacherOptions(problems) {
  const query = new URLSearchParams(location.search);
  if (query.has('lock')) locks = resolve(listOf(query.get('lock')), 'lock', problems);
  if (query.has('hide')) hides = resolve(listOf(query.get('hide')), 'hide', problems);
  const fragmentState = permalink.peek('p') !== undefined || specs.some((s) => permalink.peek(s.key) !== undefined);
  if (query.has('preset')) {
    const name = query.get('preset');
    if (!presetNames.includes(name)) problems.push(optionItem('preset', name, t('teach.badPreset', { value: clip(name, 40), allowed: presetNames.join(', ') })));
    else if (!fragmentState) store.applyPreset(name, { record: false, source: 'options' });
  }
  if (query.has('present') && permalink.peek('present') === undefined) {
    const value = query.get('present');
    if (value === '1' || value === '0') store.setState({ present: value === '1' }, { record: false, source: 'options' });
    else problems.push(optionItem('present', value, t('teach.badPresent', { value: clip(value, 40) })));
  }
  let startStep = 0;
  if (query.has('tour') && permalink.peek('tour') === undefined) {
    const value = query.get('tour');
    const n = Number(value);
    if (/^\d+$/.test(value) && n >= 1 && n <= TOUR.length) startStep = n;
    else problems.push(optionItem('tour', value, t('teach.badTour', { value: clip(value, 40), n: TOUR.length })));
  }
  return startStep;
}

function lockNote(id, key = 'teach.locked') {
  const note = el('p', 'lock-note', t(key));
  note.prepend(lock.glyph());
  note.id = id;
  return note;
}

/** Applies the teacher's locks and hides to the controls (after they were built). */
export function afterControls() {
  if (tourStep) pointAt(TOUR[tourStep - 1].chart); // the charts exist now
  for (const key of hides.keys) {
    const row = document.getElementById(`control-${key}`);
    if (row) row.hidden = true;
  }
  for (const details of document.querySelectorAll('details.group[data-group]')) {
    const rows = [...details.querySelectorAll('.control')];
    if (hides.groups.has(details.dataset.group) || (rows.length && rows.every((r) => r.hidden))) details.hidden = true;
  }
  if (hides.presets) document.getElementById('presets')?.setAttribute('hidden', '');
  if (hides.depth) document.getElementById('depth')?.setAttribute('hidden', '');

  for (const key of locks.keys) {
    const row = document.getElementById(`control-${key}`);
    if (!row) continue;
    row.classList.add('is-locked');
    const range = document.getElementById(key);
    const typed = document.getElementById(`${key}-typed`);
    const reset = row.querySelector('.control__reset');
    const note = lockNote(`lock-${key}`);
    row.querySelector('.control__head')?.after(note);
    if (range) {
      range.disabled = true;
      range.setAttribute('aria-describedby', `lock-${key} ${range.getAttribute('aria-describedby') || ''}`.trim());
    }
    if (typed) {
      typed.readOnly = true;
      typed.setAttribute('aria-readonly', 'true');
      typed.setAttribute('aria-describedby', `lock-${key} ${typed.getAttribute('aria-describedby') || ''}`.trim());
    }
    if (reset) reset.disabled = true;
  }
  if (locks.presets) {
    const section = document.getElementById('presets');
    for (const b of section?.querySelectorAll('button.preset') || []) b.disabled = true;
    section?.querySelector('.presets__buttons')?.after(lockNote('lock-presets'));
  } else if (locks.keys.size) {
    // The cases stay open, but each keeps the locked values: say so where they are chosen.
    document.getElementById('presets')?.querySelector('.presets__buttons')?.after(lockNote('lock-presets', 'lock.presetsKeep'));
  }
  if (locks.depth) {
    const fieldset = document.getElementById('modelDepth');
    if (fieldset) {
      fieldset.disabled = true;
      fieldset.append(lockNote('lock-depth'));
    }
  }
  // "Reset all" goes back to what the teacher's link set, not to the bare preset.
  const resetAll = document.getElementById('reset-all');
  if (resetAll && lock.isHeld()) {
    resetAll.title = t('lock.resetTitle');
    resetAll.addEventListener(
      'click',
      (event) => {
        event.stopImmediatePropagation();
        const { preset, params, depth } = lock.linkState();
        store.setState({ preset, params, depth }, { record: true, source: 'reset-all' });
      },
      { capture: true },
    );
  }
}

/** The locks and hides in force (for tests and the handout). */
export function teacherOptions() {
  return { locked: [...locks.keys], hidden: [...hides.keys], lockPresets: locks.presets, lockDepth: locks.depth };
}

// ---- Start -------------------------------------------------------------------------------------

/**
 * Reads the teacher options, builds the toolbar (unless embedded), the tour panel and the
 * shortcuts help, and follows the state's `present` and `tour` from now on.
 */
export function start({ paramTable, presetTable, embedded = false }) {
  specs = paramTable;
  presetNames = presetTable.map((p) => p.name);
  const problems = [];
  const startStep = readTeacherOptions(problems);
  lock.hold(locks); // the state is the link's now: its locked values hold from here on
  if (!embedded) buildTools();
  buildTourPanel();
  buildHelp();
  document.addEventListener('keydown', onKeyDown);

  const follow = (state) => {
    applyPresenting(Boolean(state.present));
    const n = Number.isInteger(state.tour) && state.tour >= 1 && state.tour <= TOUR.length ? state.tour : 0;
    if (n !== tourStep) renderTour(n);
  };
  store.subscribe(follow);
  follow(store.getState());
  if (startStep) goTo(startStep);
  if (problems.length) showOptionNotice(problems);
}
