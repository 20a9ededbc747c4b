// Soak: 10,000 rapid slider changes across five sliders (a redraw every few changes, a
// finished drag every 50) keep the wasm memory, the DOM and the JS heap flat, and lose no
// update: the final prose, numbers and charts equal a fresh page set straight to the last
// positions.
//
// Measured after a warm-up of 1,000 changes and again at the end with the sliders put back
// where the warm-up left them (the prose has more or fewer sentences in other states), each
// after a forced garbage collection (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage).
// The figures are printed
// as test diagnostics. The bounds are generous (the page legitimately keeps a bounded undo
// history) but a leak of even a few hundred bytes per redraw would break them.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, waitForRender, waitForSettled, snapshot, nextFrames, renderCount, printHandout } from './helpers.mjs';

const SLIDERS = ['layoffShare', 'aiShare', 'aiResolutionRate', 'customersBefore', 'defectionPerBadContact'];
const TOTAL = Number(process.env.SOAK_TOTAL || 10000);
const WARMUP = Math.min(1000, TOTAL / 10);
const CHUNK = 500; // changes per page.evaluate
const PER_FRAME = 10; // changes between two redraws
const DRAG_END_EVERY = 50; // a 'change' event (a recorded step) every this many changes

/** Allowed growth from the warm-up to the end. */
const BOUNDS = {
  wasmBytes: 1 << 20, // 16 wasm pages
  domNodes: 0,
  heapBytes: 4 << 20,
};

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs `count` changes from change number `start`; returns the last position set per slider. */
function drive(page, start, count) {
  return page.evaluate(
    async ({ start, count, sliders, perFrame, dragEndEvery }) => {
      const ranges = sliders.map((id) => document.getElementById(id));
      const last = {};
      let seed = 12345 + start;
      const next = () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
      };
      for (let i = start; i < start + count; i += 1) {
        const range = ranges[i % ranges.length];
        const min = Number(range.min);
        const max = Number(range.max);
        const step = Number(range.step) || 1;
        const position = min + Math.round((next() * (max - min)) / step) * step;
        range.value = String(position);
        last[range.id] = range.value;
        range.dispatchEvent(new Event('input', { bubbles: true }));
        if ((i + 1) % dragEndEvery === 0) range.dispatchEvent(new Event('change', { bubbles: true }));
        if ((i + 1) % perFrame === 0) await new Promise((ok) => requestAnimationFrame(() => ok()));
      }
      return last;
    },
    { start, count, sliders: SLIDERS, perFrame: PER_FRAME, dragEndEvery: DRAG_END_EVERY },
  );
}

/** Sets sliders straight to positions (one input and one change each) and waits for the redraw. */
async function setPositions(page, positions) {
  await page.evaluate((entries) => {
    for (const [id, value] of entries) {
      const range = document.getElementById(id);
      range.value = value;
      range.dispatchEvent(new Event('input', { bubbles: true }));
      range.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }, Object.entries(positions));
  await nextFrames(page);
  await nextFrames(page);
}

async function domSignature(page) {
  return page.evaluate(() => {
    const m = {};
    for (const e of document.querySelectorAll('*')) {
      const k = `${e.parentElement?.id || e.parentElement?.className || ''} > ${e.tagName}.${e.className}`;
      m[k] = (m[k] || 0) + 1;
    }
    return m;
  });
}

async function measure(page, cdp) {
  await waitForSettled(page); // the analyses' "Updating…" states are not the steady page
  // The print handout is built when the page is printed (issue 15); both measurements print.
  await printHandout(page);
  await page.waitForTimeout(300);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const page_ = await page.evaluate(async () => {
    const glue = await import('./pkg/layoff_whatif.js');
    const exports = await glue.default(); // already started: returns the instance's exports
    let nodes = 0;
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    while (walker.nextNode()) nodes += 1;
    return { wasmBytes: exports.memory.buffer.byteLength, domNodes: nodes, elements: document.getElementsByTagName('*').length };
  });
  return { ...page_, heapBytes: heap.usedSize };
}

const mib = (bytes) => `${(bytes / (1 << 20)).toFixed(2)} MiB`;

test(`${TOTAL.toLocaleString('en')} rapid slider changes: memory and DOM stay flat and the last value wins`, async (t) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url);
  await waitForRender(page);
  const cdp = await context.newCDPSession(page);
  const rendersAtStart = await renderCount(page);
  const last = {};
  for (let done = 0; done < WARMUP; done += CHUNK) Object.assign(last, await drive(page, done, CHUNK));
  const warmPositions = { ...last };
  await nextFrames(page);
  const warm = await measure(page, cdp);
  const warmSignature = await domSignature(page);
  const started = Date.now();
  for (let done = WARMUP; done < TOTAL; done += CHUNK) Object.assign(last, await drive(page, done, CHUNK));
  const seconds = (Date.now() - started) / 1000;
  await nextFrames(page);
  await nextFrames(page);
  const renders = (await renderCount(page)) - rendersAtStart;
  await waitForSettled(page);
  const final = await snapshot(page);
  const values = await page.evaluate((ids) => ids.map((id) => document.getElementById(id).dataset.value), SLIDERS);
  // Back to the warm-up's positions for a like-for-like measurement.
  await setPositions(page, warmPositions);
  const end = await measure(page, cdp);
  const endSignature = await domSignature(page);
  const grown = Object.keys({ ...warmSignature, ...endSignature })
    .filter((k) => warmSignature[k] !== endSignature[k])
    .map((k) => `${k}: ${warmSignature[k] || 0} -> ${endSignature[k] || 0}`);

  const figures = [
    `changes: ${TOTAL} (${WARMUP} warm-up), redraws: ${renders}, ${(TOTAL - WARMUP) / seconds | 0} changes/s after warm-up`,
    `wasm memory: ${mib(warm.wasmBytes)} after warm-up, ${mib(end.wasmBytes)} at the end (+${end.wasmBytes - warm.wasmBytes} bytes)`,
    `DOM nodes: ${warm.domNodes} after warm-up, ${end.domNodes} at the end (elements ${warm.elements} -> ${end.elements})`,
    `JS heap (after GC): ${mib(warm.heapBytes)} after warm-up, ${mib(end.heapBytes)} at the end (${end.heapBytes >= warm.heapBytes ? '+' : ''}${((end.heapBytes - warm.heapBytes) / 1024).toFixed(0)} KiB)`,
  ];
  for (const line of figures) {
    t.diagnostic(line);
  }
  assert.ok(renders >= TOTAL / PER_FRAME / 2, `the page redrew along the way (${renders} redraws)`);
  assert.ok(end.wasmBytes - warm.wasmBytes <= BOUNDS.wasmBytes, `wasm memory grew by ${end.wasmBytes - warm.wasmBytes} bytes`);
  assert.ok(end.domNodes - warm.domNodes <= BOUNDS.domNodes, `DOM grew by ${end.domNodes - warm.domNodes} nodes: ${grown.join('; ')}`);
  assert.ok(end.heapBytes - warm.heapBytes <= BOUNDS.heapBytes, `JS heap grew by ${end.heapBytes - warm.heapBytes} bytes`);
  assert.deepEqual(errors, []);

  // The last value wins: a fresh page set straight to the final positions shows the same.
  const fresh = await context.newPage();
  await fresh.goto(server.url);
  await waitForRender(fresh);
  await setPositions(fresh, last);
  await waitForSettled(fresh);
  assert.deepEqual(await fresh.evaluate((ids) => ids.map((id) => document.getElementById(id).dataset.value), SLIDERS), values, 'the same final values');
  assert.deepEqual(await snapshot(fresh), final, 'the same charts, prose and numbers');
  // And the prose carries the model's own numbers for that state.
  const summary = await fresh.evaluate(async (ids) => {
    const glue = await import('./pkg/layoff_whatif.js');
    const params = Object.fromEntries(ids.map((id) => [id, Number(document.getElementById(id).dataset.value)]));
    return glue.compute({ preset: 'typical', params }).summary;
  }, SLIDERS);
  if (summary.paybackMonth != null) assert.ok(final.prose.includes(`month ${summary.paybackMonth}`), `payback month ${summary.paybackMonth} in the prose`);
  await context.close();
});
