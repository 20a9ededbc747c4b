// Writes the README's screenshots (docs/first-screen.png at 1280x800 and
// docs/first-screen-phone.png at 390x844 before any scroll, docs/screenshot.png at 1280x900,
// docs/screenshot-mobile.png at 360x800, docs/screenshot-dark.png) and checks the layout on
// the way: no horizontal scrolling at 360 px, and controls beside the charts at 1280 px.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, openPage, waitForRender, waitForSettled, nextFrames, ROOT } from './helpers.mjs';

let server;
let browser;
const DOCS = join(ROOT, 'docs');

before(async () => {
  server = await startServer();
  browser = await launch();
  await mkdir(DOCS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Scrolls so the story (or, on a phone, its last paragraph) and the savings chart show. */
async function showModel(page, selector = '#story-heading') {
  await page.evaluate((s) => {
    const top = document.querySelector(s).getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top: top - 16, behavior: 'instant' });
  }, selector);
  await nextFrames(page);
}

test('desktop screenshot at 1280x900: controls beside the charts', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { viewport: { width: 1280, height: 900 } });
  await waitForRender(page);
  const layout = await page.evaluate(() => {
    const charts = document.getElementById('charts').getBoundingClientRect();
    const controls = document.getElementById('controls').getBoundingClientRect();
    return { chartsRight: charts.right, controlsLeft: controls.left, scrollWidth: document.documentElement.scrollWidth };
  });
  assert.ok(layout.controlsLeft >= layout.chartsRight, 'controls are a sidebar');
  assert.ok(layout.scrollWidth <= 1280, 'no horizontal scrolling');
  await showModel(page);
  await page.screenshot({ path: join(DOCS, 'screenshot.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('mobile screenshot at 360x800: one column, nothing wider than the screen', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { viewport: { width: 360, height: 800 }, deviceScaleFactor: 2 });
  await waitForRender(page);
  const layout = await page.evaluate(() => {
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getClientRects().length && !e.closest('.sr-only, .evidence__popover'))
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .map((e) => e.className || e.tagName);
    const charts = document.getElementById('charts').getBoundingClientRect();
    const controls = document.getElementById('controls').getBoundingClientRect();
    const story = document.getElementById('story').getBoundingClientRect();
    return { wide, scrollWidth: document.documentElement.scrollWidth, chartsWidth: charts.width, controlsTop: controls.top, storyTop: story.top };
  });
  assert.deepEqual(layout.wide, [], 'elements wider than the screen');
  assert.ok(layout.scrollWidth <= 360, 'no horizontal scrolling');
  assert.ok(layout.chartsWidth >= 320, 'charts use the full width');
  assert.ok(layout.controlsTop > layout.storyTop, 'controls come below the prose');
  const canvas = await page.evaluate(() => {
    const c = document.getElementById('chart-savings');
    return { w: c.width, h: c.height, css: c.getBoundingClientRect().width };
  });
  assert.equal(canvas.w, Math.round(canvas.css * 2), 'canvas drawn at the device pixel ratio');
  await showModel(page, '.story__bottom');
  await page.screenshot({ path: join(DOCS, 'screenshot-mobile.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('dark screenshot: the charts follow the colour scheme', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  await waitForRender(page);
  const light = await page.evaluate(() => document.getElementById('chart-savings').toDataURL());
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(background, 'rgb(255, 255, 255)');
  const count = await page.evaluate(() => Number(document.body.dataset.rendered));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, count);
  const after = await page.evaluate(() => document.getElementById('chart-savings').toDataURL());
  assert.notEqual(after, light, 'the charts are redrawn for the new scheme');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, count + 1);
  await showModel(page);
  await page.screenshot({ path: join(DOCS, 'screenshot-dark.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('first-screen screenshots at 1280x800 and 390x844: what a reader sees before any scroll', async () => {
  for (const [name, viewport, scale] of [['first-screen.png', { width: 1280, height: 800 }, 1], ['first-screen-phone.png', { width: 390, height: 844 }, 2]]) {
    const { page, context, problems } = await openPage(browser, server.url, { viewport, deviceScaleFactor: scale });
    await waitForRender(page);
    await waitForSettled(page);
    assert.equal(await page.evaluate(() => scrollY), 0);
    await page.screenshot({ path: join(DOCS, name) });
    assert.deepEqual(problems, []);
    await context.close();
  }
});
