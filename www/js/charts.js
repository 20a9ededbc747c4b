// The four model charts' panels (panel.js): a heading, a one-line "how to read it", the canvas
// the Rust side draws on, and the text alternative render() writes. Canvases are sized to their CSS box times the device
// pixel ratio; the charts get `scale` so that text and lines keep their size on a phone, a
// retina screen or a projector. A ResizeObserver only marks sizes dirty and asks
// app.js for one frame; the frame resizes and redraws together, so nothing flickers.

import { t, raw } from './i18n.js';
import { numberStyle } from './format.js';
import { chartPanel, sizeCanvas } from './panel.js';

export const KINDS = ['savings', 'headcount', 'costs', 'quality'];

const panels = new Map(); // kind -> {canvas, description, cssWidth, cssHeight}
let sizeDirty = true;
let requestFrame = () => {};
let sizeFactor = 1; // larger charts on a projector (presentation mode, teach.js)
const darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

/**
 * Builds the panels: the savings chart into `hero` (right under the story), the others into
 * `container`. `onNeedFrame` schedules a redraw.
 */
export function buildCharts(hero, container, onNeedFrame) {
  requestFrame = onNeedFrame;
  const nodes = [];
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const panel = panels.get(entry.target.dataset.kind);
      if (!panel) continue;
      const box = entry.contentRect;
      if (Math.round(box.width) !== panel.cssWidth || Math.round(box.height) !== panel.cssHeight) {
        sizeDirty = true;
      }
    }
    if (sizeDirty) requestFrame();
  });
  for (const kind of KINDS) {
    const panel = chartPanel({ kind, title: t(`charts.${kind}.title`), caption: t(`charts.${kind}.caption`) });
    panel.node.append(panel.box, panel.description);
    nodes.push(panel.node);
    panels.set(kind, { canvas: panel.canvas, description: panel.description, cssWidth: 0, cssHeight: 0 });
    observer.observe(panel.box);
  }
  hero.replaceChildren(nodes[0]);
  container.replaceChildren(...nodes.slice(1));
  if (darkQuery) darkQuery.addEventListener('change', () => requestFrame());
}

/**
 * Draws a word on a scratch canvas: the first 2D context and the first canvas text of a page
 * cost tens of milliseconds on a cold page (the graphics and font set-up), which is better
 * spent while the model is still downloading than inside the first chart's frame.
 */
export function warmUp() {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return;
  context.font = '12px sans-serif';
  context.fillText('$1.2M 0%', 0, 10);
}

/** Sets canvas pixel sizes from their CSS boxes; returns true if any changed (and so was cleared). */
export function applySizes() {
  if (!sizeDirty) return false;
  sizeDirty = false;
  let changed = false;
  for (const panel of panels.values()) {
    const box = panel.canvas.parentElement.getBoundingClientRect();
    panel.cssWidth = Math.max(100, Math.round(box.width));
    panel.cssHeight = Math.max(100, Math.round(box.height));
    if (sizeCanvas(panel.canvas, panel.cssWidth, panel.cssHeight)) changed = true;
  }
  return changed;
}

/** Marks sizes dirty (e.g. after the device pixel ratio changed). */
export function invalidateSizes() {
  sizeDirty = true;
}

/** The targets for render(): [{kind, canvas}]. */
export function targets(kinds = KINDS) {
  return kinds.map((kind) => ({ kind, canvas: panels.get(kind).canvas }));
}

/** True when the chart of this kind is laid out on the page (an embed may show others only). */
export function isShown(kind) {
  return Boolean(panels.get(kind)?.canvas.getClientRects().length);
}

let themeOverride = null; // "projector" in presentation mode (teach.js)

let lastDark = darkQuery ? darkQuery.matches : false;

export function theme() {
  // Reading `matches` right after the scheme flips can make Chromium skip the query's
  // "change" event (the analyses read the theme between frames), so a flip seen here asks
  // for a frame too.
  const dark = Boolean(darkQuery && darkQuery.matches);
  if (dark !== lastDark) {
    lastDark = dark;
    requestFrame();
  }
  if (themeOverride) return themeOverride;
  return dark ? 'dark' : 'light';
}

/** Forces a chart theme ("projector"), or null for the reader's light or dark scheme. */
export function setTheme(name) {
  themeOverride = name || null;
  requestFrame();
}

/** Sets the presentation size factor (1 = normal; larger in presentation mode). */
export function setSizeFactor(factor) {
  sizeFactor = factor;
  sizeDirty = true;
  requestFrame();
}

function chartText() {
  const table = raw('chartText');
  const text = {};
  if (table && typeof table === 'object') {
    for (const [key, value] of Object.entries(table)) if (typeof value === 'string') text[key] = value;
  }
  return text;
}

/** The chart options: {scale, theme, text, numbers}. */
export function options() {
  const dpr = window.devicePixelRatio || 1;
  const scale = Math.min(8, Math.max(0.25, dpr * sizeFactor));
  return { scale, theme: theme(), text: chartText(), numbers: numberStyle() };
}

/** Updates each chart's text alternative. */
export function describe(descriptions) {
  for (const [kind, panel] of panels) {
    if (descriptions[kind] !== undefined) panel.description.textContent = descriptions[kind];
  }
}
