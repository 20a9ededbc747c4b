// Accessibility: axe-core finds no WCAG 2.2 AA or best-practice violations in the light and
// dark schemes at phone and desktop widths (with every control group open), every control is
// reachable by keyboard with a visible focus, and targets are at least 24 by 24 pixels.
//
// axe is injected as a script, which the page's Content-Security-Policy forbids, so these
// contexts bypass CSP; every other test runs under the real policy.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, launch, waitForRender, ROOT } from './helpers.mjs';

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

async function axePage(viewport, colorScheme) {
  const context = await browser.newContext({ viewport, colorScheme, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForRender(page);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    });
    return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
  });
  await context.close();
  return violations;
}

for (const scheme of ['light', 'dark']) {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 800 }]) {
    test(`axe finds no violations (${scheme}, ${viewport.width} px)`, async () => {
      assert.deepEqual(await axePage(viewport, scheme), []);
    });
  }
}

test('keyboard: every interactive element is reachable with Tab, has a visible focus and a 24 px target', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForRender(page);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const expected = await page.evaluate(() =>
    [...document.querySelectorAll('button:not(:disabled), input, summary, a[href]')]
      .filter((e) => e.getClientRects().length && !e.closest('[hidden]') && getComputedStyle(e).visibility !== 'hidden')
      .filter((e) => !(e.type === 'radio' && !e.checked)).length,
  );
  const seen = new Set();
  const problems = [];
  for (let i = 0; i < expected + 20; i += 1) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      if (!e.dataset.tabSeen) e.dataset.tabSeen = String(Math.random());
      const style = getComputedStyle(e);
      const box = e.getBoundingClientRect();
      const radioLabel = e.type === 'radio' ? e.closest('label').getBoundingClientRect() : null;
      return {
        id: e.dataset.tabSeen,
        name: e.id || e.className || e.tagName,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        width: radioLabel ? radioLabel.width : box.width,
        height: radioLabel ? radioLabel.height : box.height,
        inline: e.tagName === 'A' && style.display === 'inline',
      };
    });
    if (!info) continue;
    seen.add(info.id);
    if (!info.outline) problems.push(`${info.name}: no visible focus`);
    if (!info.inline && (info.width < 24 || info.height < 24)) problems.push(`${info.name}: ${info.width}x${info.height}`);
  }
  assert.deepEqual(problems, []);
  assert.ok(seen.size >= expected, `reached ${seen.size} of ${expected} controls with Tab`);
  await context.close();
});
