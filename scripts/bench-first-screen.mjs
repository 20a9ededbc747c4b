// The first screen, measured (issue 15): for each build given, in one run, where the savings
// chart, the first sliders and the answer stand at 1280x800 and 390x844, how tall the page
// and the default embed are, how many elements the page has once loaded, and the layout
// shift (CLS, as the browser's PerformanceObserver reports it) over the first 3 s of each
// view. A benchmark: it prints figures for docs/PERFORMANCE.md and asserts nothing.
//
// Usage: node scripts/bench-first-screen.mjs [LABEL=DIR ...]
// Each DIR is a built page folder (default: now=dist). To compare with an earlier commit,
// build its dist/ in a worktree first, e.g.
//   git worktree add /tmp/before REV && (cd /tmp/before && bash scripts/build-dist.sh)
//   node scripts/bench-first-screen.mjs before=/tmp/before/dist now=dist

import { resolve } from 'node:path';
import { launch, startServer, openPage, ROOT } from '../tests/browser/helpers.mjs';

const builds = (process.argv.slice(2).length ? process.argv.slice(2) : ['now=dist']).map((arg) => {
  const [label, dir] = arg.includes('=') ? arg.split('=') : [arg, arg];
  return { label, dir: resolve(ROOT, dir) };
});

const VIEWS = [
  ['laptop 1280x800', '', { width: 1280, height: 800 }],
  ['phone 390x844', '', { width: 390, height: 844 }],
  ['Indonesian 1280x800', '?lang=id', { width: 1280, height: 800 }],
  ['presentation 1280x800', '?present=1', { width: 1280, height: 800 }],
  ['embed 600x800', '?embed=1', { width: 600, height: 800 }],
];

/** Opens a view with a layout-shift observer from the first paint; CLS after 3 s. */
async function cls(browser, url, viewport) {
  const { page, context } = await openPage(browser, 'about:blank', { viewport });
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url);
  await page.waitForTimeout(3000);
  const value = await page.evaluate(() => window.__cls);
  await context.close();
  return value;
}

/** Where the first screen's parts stand once the page is ready (px from the page's top). */
async function positions(browser, url, viewport) {
  const { page, context } = await openPage(browser, url, { viewport });
  await page.waitForFunction(() => document.body?.dataset.ready === '1', null, { timeout: 20000 });
  await page.waitForTimeout(500);
  const seen = await page.evaluate(() => {
    const bottom = (selector) => {
      const e = document.querySelector(selector);
      return e ? Math.round(e.getBoundingClientRect().bottom + scrollY) : null;
    };
    return {
      chart: bottom('#chart-savings'),
      cut: bottom('#layoffShare'),
      ai: bottom('#aiShare'),
      height: document.documentElement.scrollHeight,
      elements: document.getElementsByTagName('*').length,
    };
  });
  await context.close();
  return seen;
}

async function embedHeight(browser, url) {
  const { page, context } = await openPage(browser, url, { viewport: { width: 600, height: 900 } });
  await page.waitForFunction(() => document.body?.dataset.ready === '1', null, { timeout: 20000 });
  await page.waitForTimeout(500);
  const height = await page.evaluate(() => Math.round(document.documentElement.getBoundingClientRect().height));
  await context.close();
  return height;
}

const browser = await launch();
for (const { label, dir } of builds) {
  const server = await startServer(dir);
  console.log(`\n${label} (${dir})`);
  for (const [name, size] of [['laptop 1280x800', { width: 1280, height: 800 }], ['phone 390x844', { width: 390, height: 844 }]]) {
    const p = await positions(browser, server.url, size);
    const fold = size.height;
    const mark = (y) => (y == null ? 'absent' : `${y} px${y <= fold ? ' (first screen)' : ''}`);
    console.log(`  ${name}: savings chart ends ${mark(p.chart)}; cut slider ${mark(p.cut)}; AI slider ${mark(p.ai)}; page ${p.height} px; ${p.elements} elements`);
  }
  console.log(`  default embed at 600 px wide: ${await embedHeight(browser, `${server.url}?embed=1`)} px tall`);
  for (const [name, query, viewport] of VIEWS) {
    console.log(`  CLS ${name}: ${(await cls(browser, `${server.url}${query}`, viewport)).toFixed(3)}`);
  }
  await server.close();
}
await browser.close();
