// Typed values: the reader types in the unit shown (percent for shares). A value that is not
// a number, out of range, absurdly large or empty shows its reason next to the field, and the
// last good result stays on screen; nothing is silently clamped. A good value is applied.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, waitForRender, waitForSettled, renderCount, nextFrames, snapshot } from './helpers.mjs';

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

async function type(page, key, text) {
  const field = page.locator(`#${key}-typed`);
  await field.fill(text);
  await field.press('Enter');
  await nextFrames(page);
}

test('bad typed values show an inline reason and keep the last good result', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  // The worker's fan redraws the savings chart once it arrives: wait for it, so that the
  // snapshots below change only by what is typed.
  await waitForSettled(page);
  const before = await snapshot(page);
  const cases = [
    ['abc', /“abc” is not a number/],
    ['150', /150% is outside the allowed range: 0% to 90%/],
    ['1e999', /far too large/],
    ['-5', /−5% is outside the allowed range/],
    ['', /Type a number/],
  ];
  for (const [text, reason] of cases) {
    await type(page, 'layoffShare', text);
    const error = page.locator('#err-layoffShare');
    assert.ok(await error.isVisible(), `"${text}" shows a message`);
    assert.match(await error.textContent(), reason, `"${text}"`);
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.equal(await page.getAttribute('#layoffShare-typed', 'aria-invalid'), 'true');
    assert.match(await page.getAttribute('#layoffShare-typed', 'aria-describedby'), /err-layoffShare/);
    assert.equal(await page.locator('#layoffShare').evaluate((r) => r.dataset.value), '0.4', 'not clamped');
    const now = await snapshot(page);
    assert.equal(now.prose, before.prose, `"${text}" leaves the prose`);
    assert.deepEqual(now.charts, before.charts, `"${text}" leaves the charts`);
  }

  // A good value clears the message and is applied, in percent.
  const count = await renderCount(page);
  await type(page, 'layoffShare', '55');
  await page.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, count);
  assert.ok(!(await page.locator('#err-layoffShare').isVisible()));
  assert.equal(await page.locator('#layoffShare').evaluate((r) => r.dataset.value), '0.55');
  assert.match(await page.textContent('#story'), /Cutting 550 of 1,000 agents/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('typed money, whole months and wide ranges are read in their display units', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

  await type(page, 'loadedCostPerAgentPerMonth', '$6,250');
  assert.equal(await page.locator('#loadedCostPerAgentPerMonth').evaluate((r) => r.dataset.value), '6250');
  assert.equal(await page.inputValue('#loadedCostPerAgentPerMonth-typed'), '6,250');

  await type(page, 'horizonMonths', '36.5');
  assert.match(await page.textContent('#err-horizonMonths'), /whole number/);

  await type(page, 'customersBefore', '84000000');
  assert.equal(await page.locator('#customersBefore').evaluate((r) => r.dataset.value), '84000000');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a cut after the end of the period shows why and keeps the last good result', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  await type(page, 'layoffMonth', '20');
  await waitForSettled(page);
  const good = await snapshot(page);
  await type(page, 'horizonMonths', '12');
  assert.ok(await page.locator('#invalid-notice').isVisible());
  assert.match(await page.textContent('#err-layoffMonth'), /must come before the end/);
  assert.equal((await snapshot(page)).prose, good.prose);

  const count = await renderCount(page);
  await type(page, 'horizonMonths', '48');
  await page.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, count);
  assert.ok(!(await page.locator('#invalid-notice').isVisible()));
  assert.ok(!(await page.locator('#err-layoffMonth').isVisible()));
  assert.deepEqual(problems, []);
  await context.close();
});
