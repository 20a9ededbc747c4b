// A teacher's lock that holds: values named in `?lock=` keep what the link set, whatever path
// tries to change them (a slider, a typed value, a preset button, the tour, undo and redo,
// "Reset all", an edited address). One guard on state.js sees every new state before it is
// kept and puts the locked values back, so no feature has to remember the lock; the
// controls themselves are disabled and say why (teach.js), and a change that was refused
// from the address or history is named in a notice.
//
// API: hold({keys, presets, depth}, state) once the link's state is applied; linkState()
// (what the link set, for "Reset all" and the tour); isHeld(); glyph() (the lock icon as
// inline SVG: a font may lack U+1F512, an SVG renders everywhere).

import { t } from './i18n.js';
import * as store from './state.js';
import * as notice from './notice.js';

let held = null; // {keys: Map(key -> value), preset, depth}
let fromLink = null; // {preset, params, depth} as the link set them

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The lock icon, 1em high, hidden from screen readers (the words beside it say it). */
export function glyph() {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '1em');
  svg.setAttribute('height', '1em');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('lock-glyph');
  const shackle = document.createElementNS(SVG_NS, 'path');
  shackle.setAttribute('d', 'M4.5 7V5a3.5 3.5 0 0 1 7 0v2');
  shackle.setAttribute('fill', 'none');
  shackle.setAttribute('stroke', 'currentColor');
  shackle.setAttribute('stroke-width', '1.6');
  const body = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ x: '2.5', y: '7', width: '11', height: '8', rx: '1.5', fill: 'currentColor' })) body.setAttribute(k, v);
  svg.append(shackle, body);
  return svg;
}

/** True when the page holds locked values. */
export function isHeld() {
  return held !== null;
}

/** The scenario the link set ({preset, params, depth}), or null without a lock. */
export function linkState() {
  return fromLink;
}

/** The state with every locked value put back; `changed` lists what had to be. */
function restore(next) {
  const out = { ...next, params: { ...next.params } };
  const changed = [];
  if (held.preset !== undefined && out.preset !== held.preset) {
    out.preset = held.preset;
    changed.push('presets');
  }
  if (held.depth !== undefined && out.depth !== held.depth) {
    out.depth = held.depth;
    changed.push('depth');
  }
  for (const [key, value] of held.keys) {
    if (store.effectiveValue(out, key) === value) continue;
    if (store.presetValue(out.preset, key) === value) delete out.params[key];
    else out.params[key] = value;
    changed.push(key);
  }
  return { out, changed };
}

/**
 * Holds the values named by `locks` ({keys: Set, presets, depth}) at what `state` has now (the
 * link's scenario, read from the address); from then on every state keeps them.
 */
export function hold(locks, state = store.getState()) {
  if (!locks || (!locks.keys.size && !locks.presets && !locks.depth)) return;
  held = {
    keys: new Map([...locks.keys].map((key) => [key, store.effectiveValue(state, key)])),
    preset: locks.presets ? state.preset : undefined,
    depth: locks.depth ? state.depth : undefined,
  };
  fromLink = Object.freeze({ preset: state.preset, params: Object.freeze({ ...state.params }), depth: state.depth });
  store.setGuard((next, previous, source) => {
    const { out, changed } = restore(next);
    // Paths the reader cannot see being refused (the address, undo/redo, the tour) get a
    // word; a disabled control never produces a change to refuse.
    if (changed.length && ['history', 'permalink', 'tour'].includes(source)) {
      notice.show('lock', { title: t('lock.refusedTitle'), items: [t('lock.refused')], audience: 'reader', replace: true });
    }
    return out;
  });
}
