// Every slider changes what the reader sees (the charts, the prose or the key numbers), the
// model level changes the story, and dragging never calls the model more than once a frame.
//
// On the typical preset at level 4 every parameter matters, so each is moved to its end
// (or its start, if the default is the end) with the keyboard and compared. Parameters that
// only move the net present value (the discount rate) show up in the prose's last sentence
// and the key numbers; the augment parameters move the "vs AI helping agents" numbers.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, waitForRender, renderCount, snapshot } from './helpers.mjs';

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

function differs(a, b) {
  return a.prose !== b.prose || a.numbers !== b.numbers || a.charts.some((c, i) => c !== b.charts[i]);
}

test('every slider changes the charts, the prose or the key numbers', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const keys = await page.evaluate(() => [...document.querySelectorAll('input[type=range]')].map((r) => r.id));
  assert.ok(keys.length >= 40, `found ${keys.length} sliders`);
  const base = await snapshot(page);
  const unchanged = [];

  for (const key of keys) {
    const slider = page.locator(`input[type=range]#${key}`);
    const { value, max } = await slider.evaluate((r) => ({ value: Number(r.dataset.value), max: Number(r.dataset.max) }));
    const count = await renderCount(page);
    await slider.focus();
    await page.keyboard.press(value === max ? 'Home' : 'End');
    await page.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, count);
    const moved = await slider.evaluate((r) => Number(r.dataset.value));
    assert.notEqual(moved, value, `${key} did not move`);
    assert.equal(await page.locator(`#control-${key}.is-changed`).count(), 1, `${key} is marked changed`);
    const after = await snapshot(page);
    if (!differs(base, after)) unchanged.push(key);

    // Back to the preset with the slider's own reset button.
    const again = await renderCount(page);
    await page.click(`#control-${key} .control__reset`);
    await page.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, again);
    assert.equal(await slider.evaluate((r) => Number(r.dataset.value)), value, `${key} reset`);
  }
  assert.deepEqual(unchanged, [], 'sliders that changed nothing');
  const end = await snapshot(page);
  assert.equal(end.prose, base.prose, 'resetting every slider restores the prose');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the model level changes the story and dims parameters it does not use', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  const seen = new Set();
  for (const level of [1, 2, 3, 4]) {
    const count = await renderCount(page);
    await page.check(`#modelDepth-${level}`);
    await page.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, count);
    const prose = await page.textContent('#story');
    assert.ok(!seen.has(prose), `level ${level} tells a different story`);
    seen.add(prose);
    if (level === 1) {
      assert.match(prose, /cost ledger/);
      assert.ok(await page.locator('#control-defectionPerBadContact.is-inactive').count(), 'level-2 parameter dimmed at level 1');
      assert.match(await page.textContent('#depth-defectionPerBadContact'), /level 2/);
    }
    if (level === 4) {
      assert.equal(await page.locator('.control.is-inactive').count(), 0, 'nothing dimmed at level 4');
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a burst of slider input events is drawn in one frame', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  const count = await renderCount(page);
  const drawnInBurst = await page.evaluate(async () => {
    const slider = document.getElementById('layoffShare');
    const before = Number(document.body.dataset.rendered);
    for (let i = 0; i < 30; i += 1) {
      slider.value = String(0.2 + i * 0.01);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }
    const synchronous = Number(document.body.dataset.rendered) - before;
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    return { synchronous, after: Number(document.body.dataset.rendered) - before, value: slider.dataset.value };
  });
  assert.equal(drawnInBurst.synchronous, 0, 'no drawing inside the input handler');
  assert.equal(drawnInBurst.after, 1, 'one frame for thirty input events');
  assert.equal(drawnInBurst.value, '0.49');
  assert.ok((await renderCount(page)) > count);
  assert.deepEqual(problems, []);
  await context.close();
});

test('no number box cuts off the value it shows, under any preset, in either language', async () => {
  for (const lang of ['en', 'id']) {
    for (const preset of ['typical', 'klarna-like', 'salesforce-like', 'cba-like', 'augment']) {
      const { page, context, problems } = await openPage(browser, `${server.url}?lang=${lang}#v=2&p=${preset}`);
      await waitForRender(page);
      await page.waitForFunction(() => document.body.dataset.ready === '1');
      const clipped = await page.$$eval('.control__typed', (inputs) =>
        inputs.filter((i) => i.scrollWidth > i.clientWidth + 0.5).map((i) => `${i.id} "${i.value}" needs ${i.scrollWidth} px, has ${i.clientWidth}`),
      );
      assert.deepEqual(clipped, [], `${lang}, ${preset}`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
});
