// The address follows the sliders under the browser's real limits (issue 17, problem 4).
// Chrome refuses more than about 200 history calls in 10 seconds and then silently stops
// updating the address; Playwright switches that protection off by default, so this file
// launches Chromium with it on (helpers.mjs `launch({realLimits: true})`). The page writes the
// address at most every 250 ms, at the end of a drag or a run of key steps, and on pagehide:
// after 300 key steps and 500 input events in a few seconds, a reload from the address must
// show the same state.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, waitForRender, nextFrames } from './helpers.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch({ realLimits: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const valueOf = (page, key) => page.locator(`#${key}`).evaluate((r) => r.dataset.value);

test('the flood protection is really on in this file', async () => {
  const { page, context } = await openPage(browser, server.url);
  await waitForRender(page);
  // 400 direct history calls: with the protection on, the later ones are dropped.
  const last = await page.evaluate(() => {
    for (let i = 0; i < 400; i += 1) history.replaceState(history.state, '', `#probe=${i}`);
    return location.hash;
  });
  assert.notEqual(last, '#probe=399', 'Chrome’s limit on history calls is off: the test below would prove nothing');
  await context.close();
});

test('300 arrow-key steps and 500 drag frames: the address keeps up, and a reload shows the same state', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  const calls = await page.evaluate(() => {
    window.__historyCalls = 0;
    for (const name of ['replaceState', 'pushState']) {
      const original = history[name].bind(history);
      history[name] = (...args) => {
        window.__historyCalls += 1;
        return original(...args);
      };
    }
    return window.__historyCalls;
  });
  assert.equal(calls, 0);

  // 300 key steps in about three seconds on a slider with room for them.
  const range = page.locator('#headcountBefore');
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  await range.focus();
  const started = Date.now();
  for (let i = 0; i < 300; i += 1) await page.keyboard.press(i % 3 === 2 ? 'ArrowLeft' : 'ArrowRight');
  const keyMs = Date.now() - started;
  await page.waitForTimeout(400);
  const afterKeys = await valueOf(page, 'headcountBefore');
  assert.notEqual(afterKeys, '1000', 'the key steps moved the slider');
  assert.match(await page.evaluate(() => location.hash), new RegExp(`headcountBefore=${afterKeys}(&|$)`), `after ${keyMs} ms of key steps`);

  // 500 input events on another slider (a long drag), then its end.
  await page.evaluate(async () => {
    const r = document.getElementById('aiShare');
    const min = Number(r.min);
    const max = Number(r.max);
    for (let i = 0; i < 500; i += 1) {
      r.value = String(min + ((max - min) * ((i * 7) % 500)) / 500);
      r.dispatchEvent(new Event('input', { bubbles: true }));
      if (i % 5 === 4) await new Promise((ok) => setTimeout(ok, 20));
    }
    r.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await nextFrames(page);
  await page.waitForTimeout(400);
  const aiShare = await valueOf(page, 'aiShare');
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, new RegExp(`aiShare=${aiShare}(&|$)`), hash);
  assert.match(hash, new RegExp(`headcountBefore=${afterKeys}(&|$)`), hash);
  const writes = await page.evaluate(() => window.__historyCalls);
  assert.ok(writes <= 60, `${writes} history calls for 300 steps and a drag: at most one per 250 ms`);

  await page.reload();
  await waitForRender(page);
  assert.equal(await valueOf(page, 'headcountBefore'), afterKeys, 'a reload from the address shows the key steps');
  assert.equal(await valueOf(page, 'aiShare'), aiShare, 'and the drag');

  // More key steps, then the page is left at once: pagehide writes what is pending, so Back
  // returns to the last step.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  await range.focus();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  const final = await valueOf(page, 'headcountBefore');
  assert.notEqual(final, afterKeys);
  // The keys' frame has run (on a loaded machine a key's events can still be queued when the
  // driver moves on); the address write is still pending (WRITE_MS), so leaving now tests it.
  await nextFrames(page);
  await page.goto('about:blank');
  await page.goBack();
  await waitForRender(page);
  assert.equal(await valueOf(page, 'headcountBefore'), final, 'Back shows the last step');
  assert.deepEqual(problems.filter((p) => !/Throttling navigation/.test(p)), []);
  assert.deepEqual(problems, [], 'the browser never had to throttle the page');
  await context.close();
});
