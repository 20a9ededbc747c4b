// One chart panel, for every chart on the page (the four model charts, the tornado and the
// regret map): a figure with its title, a one-line "how to read it", the box the canvas fills,
// the canvas the Rust side draws on and the text alternative the Rust side writes. The ids
// are the chart's kind: chart-KIND (canvas), chart-title-KIND, chart-caption-KIND and
// chart-desc-KIND, which the tools rows, the tables and the tests find them by.
//
// API: chartPanel({kind, title, caption, variant}) -> {node, title, caption, box, canvas,
// description}; sizeCanvas(canvas, cssWidth, cssHeight) -> whether the canvas was resized
// (and so cleared).

import { el } from './dom.js';

/**
 * Builds a panel. `variant` "chart" (the model charts) or "analysis" (the tornado and the
 * map) only picks the CSS classes; the structure is the same.
 */
export function chartPanel({ kind, title, caption, variant = 'chart' }) {
  const analysis = variant === 'analysis';
  const node = el('figure', analysis ? `chart analysis__figure analysis__figure--${kind}` : `chart chart--${kind}`);
  node.setAttribute('aria-labelledby', `chart-title-${kind}`);
  const heading = el('h3', 'chart__title', title);
  heading.id = `chart-title-${kind}`;
  const line = el('p', 'chart__caption', caption);
  line.id = `chart-caption-${kind}`;
  const box = el('div', analysis ? `analysis__box analysis__box--${kind}` : 'chart__box');
  box.dataset.kind = kind;
  const canvas = el('canvas', analysis ? 'analysis__canvas' : 'chart__canvas');
  canvas.id = `chart-${kind}`;
  canvas.dataset.kind = kind;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', title);
  canvas.setAttribute('aria-describedby', `chart-caption-${kind} chart-desc-${kind}`);
  box.append(canvas);
  const description = el('p', 'sr-only');
  description.id = `chart-desc-${kind}`;
  node.append(heading, line);
  return { node, title: heading, caption: line, box, canvas, description };
}

/**
 * Gives a canvas the device pixels of its CSS size (at least 100 each way). Returns true when
 * the size changed, which clears the canvas, so the caller draws again.
 */
export function sizeCanvas(canvas, cssWidth, cssHeight) {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(100, Math.round(Math.max(100, cssWidth) * dpr));
  const h = Math.max(100, Math.round(Math.max(100, cssHeight) * dpr));
  if (canvas.width === w && canvas.height === h) return false;
  canvas.width = w;
  canvas.height = h;
  return true;
}
