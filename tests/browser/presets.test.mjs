// Every preset applies: its button sets every slider to the preset's value from
// the model's tables, is marked pressed, shows what it is based on and its caveat, and changes the
// story. The status quo says that nothing changes.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, waitForRender, renderCount, wasmCall } from './helpers.mjs';

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

test('every preset sets the sliders to its values and changes the prose', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  const presets = (await wasmCall(page, 'tables')).presets;
  assert.deepEqual(
    presets.map((p) => p.name),
    ['typical', 'status-quo', 'klarna-like', 'salesforce-like', 'cba-like', 'augment'],
  );
  let previous = await page.textContent('#story');
  // Start away from the first preset so that every click is a change.
  const order = [...presets.slice(1), presets[0]];
  for (const preset of order) {
    const count = await renderCount(page);
    await page.click(`button[data-preset="${preset.name}"]`);
    await page.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, count);

    assert.equal(await page.getAttribute(`button[data-preset="${preset.name}"]`, 'aria-pressed'), 'true');
    assert.equal(await page.locator('button.preset[aria-pressed="true"]').count(), 1);
    const values = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('input[type=range]')].map((r) => [r.id, Number(r.dataset.value)])),
    );
    for (const [key, value] of Object.entries(preset.params)) {
      if (key === 'modelDepth') {
        assert.ok(await page.isChecked(`#modelDepth-${value}`), `${preset.name}: level ${value}`);
        continue;
      }
      assert.equal(values[key], value, `${preset.name}: ${key}`);
    }
    assert.equal(await page.locator('.control.is-changed').count(), 0, `${preset.name}: nothing marked changed`);

    const about = await page.textContent('.presets__about');
    assert.ok(about.length > 60, `${preset.name}: says what it is based on`);
    const prose = await page.textContent('#story');
    assert.notEqual(prose, previous, `${preset.name}: the prose changed`);
    previous = prose;

    const result = await wasmCall(page, 'compute', { preset: preset.name });
    if (preset.name === 'status-quo') {
      assert.match(prose, /difference from keeping everyone is zero/);
      assert.equal(result.summary.finalCumulativeDelta, 0);
      assert.match(await page.textContent('#numbers'), /\$0/);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a preset keeps the chosen model level, and "Reset all" clears changes', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  await page.check('#modelDepth-2');
  await page.click('button[data-preset="klarna-like"]');
  await page.waitForFunction(() => document.querySelector('button[data-preset="klarna-like"]').getAttribute('aria-pressed') === 'true');
  assert.ok(await page.isChecked('#modelDepth-2'));

  const slider = page.locator('#aiShare');
  const count = await renderCount(page);
  await slider.focus();
  await page.keyboard.press('End');
  await page.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, count);
  assert.equal(await page.locator('.control.is-changed').count(), 1);
  assert.match(await page.textContent('.group--ai .group__count'), /1 changed/);

  const again = await renderCount(page);
  await page.click('#reset-all');
  await page.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, again);
  assert.equal(await page.locator('.control.is-changed').count(), 0);
  assert.equal(await slider.evaluate((r) => Number(r.dataset.value)), 0.67);
  assert.deepEqual(problems, []);
  await context.close();
});

// A value's first change brings its row's "changed" dot and its group's "1 changed" badge.
// Both keep their room before they show, so neither rewraps a long label or the group's hint
// and moves the slider under the reader's finger (it did, by 18-27 px, in Indonesian). What
// is measured is the slider's place within its group, which nothing else moves: the page
// around the sidebar may still move (the answer above it changes length).
for (const [lang, width] of [['en', 1280], ['id', 1280], ['id', 1100], ['id', 390]]) {
  test(`the changed dot and badge do not move the slider being changed (${lang}, ${width} px)`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}?lang=${lang}`, { viewport: { width, height: 800 } });
    await waitForRender(page);
    await page.waitForFunction(() => document.body.dataset.ready === '1');
    const ids = await page.evaluate(() => {
      for (const group of document.querySelectorAll('#groups details.group')) group.open = true;
      return [...document.querySelectorAll('#groups details.group')].flatMap((group) =>
        [...group.querySelectorAll('input[type="range"]:not(:disabled)')].slice(0, 2).map((range) => range.id),
      );
    });
    assert.ok(ids.length >= 6, `sliders in the groups: ${ids.join(', ')}`);
    const place = (id) =>
      page.evaluate((i) => {
        const range = document.getElementById(i);
        return Math.round((range.getBoundingClientRect().top - range.closest('details').getBoundingClientRect().top) * 10) / 10;
      }, id);
    for (const id of ids) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      const before = await place(id);
      const count = await renderCount(page);
      await page.locator(`#${id}`).focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, count);
      const shown = await page.locator(`#${id}`).evaluate((r) => [
        r.closest('.control').querySelector('.control__changed:not(.is-none)') !== null,
        r.closest('details').querySelector('.group__count:not(.is-none)') !== null,
      ]);
      assert.deepEqual(shown, [true, true], `${id}: the dot and the badge show`);
      assert.equal(await place(id), before, `${id} moved within its group when its dot and badge appeared`);
      await page.click('#reset-all');
      await page.waitForFunction(() => document.querySelectorAll('.control.is-changed').length === 0);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
