// The page loads cleanly: no console errors or warnings, no failed requests, the preloads are
// used and not downloaded twice, the charts are drawn, the prose shows numbers, every
// parameter has a slider with units, the evidence popovers open from the keyboard, and a model
// that cannot load gives a visible message.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, waitForRender, wasmCall } from './helpers.mjs';

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

test('the page loads with no console errors and no failed requests, and draws', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  await page.waitForLoadState('networkidle');

  const canvases = await page.evaluate(() =>
    [...document.querySelectorAll('canvas.chart__canvas')].map((canvas) => {
      const blank = document.createElement('canvas');
      blank.width = canvas.width;
      blank.height = canvas.height;
      return {
        kind: canvas.dataset.kind,
        width: canvas.width,
        height: canvas.height,
        drawn: canvas.toDataURL() !== blank.toDataURL(),
      };
    }),
  );
  assert.deepEqual(canvases.map((c) => c.kind), ['savings', 'headcount', 'costs', 'quality']);
  for (const c of canvases) {
    assert.ok(c.width >= 300 && c.height >= 200, `${c.kind} canvas is ${c.width}x${c.height}`);
    assert.ok(c.drawn, `${c.kind} canvas is blank`);
  }

  const prose = await page.textContent('#story');
  assert.match(prose, /\$\d/, 'the prose shows money');
  assert.match(prose, /month \d+/, 'the prose names months');
  const numbers = await page.textContent('#numbers');
  assert.match(numbers, /\$\d/);

  assert.deepEqual(problems, []);
  await context.close();
});

test('the preloaded model and English strings are downloaded once, and used, in either language', async () => {
  // index.html preloads the wasm and i18n/en.json (every language's fallback) so that they
  // arrive before the scripts ask; a preload the page's own fetch does not match would be
  // downloaded twice.
  for (const query of ['', '?lang=id']) {
    const requested = [];
    const { page, context, problems } = await openPage(browser, `${server.url}${query}`, {
      beforeLoad: (p) => p.on('request', (request) => requested.push(new URL(request.url()).pathname)),
    });
    await waitForRender(page);
    await page.waitForLoadState('networkidle');
    const times = (path) => requested.filter((p) => p === path).length;
    assert.equal(times('/pkg/layoff_whatif_bg.wasm'), 1, `${query || 'English'}: the wasm once`);
    assert.equal(times('/i18n/en.json'), 1, `${query || 'English'}: the English strings once`);
    assert.equal(times('/i18n/id.json'), query ? 1 : 0, `${query || 'English'}: the Indonesian strings only when asked for`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), query ? 'id' : 'en');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the prose numbers are the model summary', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  const result = await wasmCall(page, 'compute', { preset: 'typical' });
  const s = result.summary;
  const prose = await page.textContent('#story');
  // The page's one style (src/present): three significant digits in compact form, written
  // here by the browser's Intl with English's small "k" for thousands.
  const money = (usd) =>
    page.evaluate(
      (v) =>
        new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', notation: 'compact', maximumSignificantDigits: 3 })
          .format(v)
          .replace(/K$/, 'k'),
      usd,
    );
  assert.ok(prose.includes(await money(s.firstYearDelta)), 'first-year savings');
  assert.ok(prose.includes(await money(s.peakSavings)), 'peak savings');
  assert.ok(prose.includes(await money(-s.finalCumulativeDelta)), 'final difference');
  assert.ok(prose.includes(`month ${s.paybackMonth}`), 'payback month');
  assert.ok(prose.includes(`month ${s.regretMonth}`), 'regret month');
  assert.ok(prose.includes(`month ${s.rehireStartMonth}`), 'rehire month');
  assert.deepEqual(problems, []);
  await context.close();
});

test('every parameter has a slider with its key as id, units in aria-valuetext and a typed field', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  const table = (await wasmCall(page, 'tables')).params;
  const controls = await page.evaluate(() =>
    [...document.querySelectorAll('input[type=range]')].map((r) => ({
      id: r.id,
      valuetext: r.getAttribute('aria-valuetext'),
      value: r.dataset.value,
      label: document.querySelector(`label[for="${r.id}"]`)?.textContent.trim(),
      typed: document.getElementById(`${r.id}-typed`)?.value,
      typedLabel: document.getElementById(`${r.id}-typed`)?.getAttribute('aria-label'),
    })),
  );
  const ids = controls.map((c) => c.id);
  for (const spec of table) {
    if (spec.key === 'modelDepth') {
      assert.equal(await page.locator('input[name=modelDepth]').count(), 4, 'four level radios');
      continue;
    }
    assert.ok(ids.includes(spec.key), `slider for ${spec.key}`);
  }
  for (const c of controls) {
    assert.ok(c.label, `${c.id} has a label`);
    assert.ok(c.valuetext && /\d/.test(c.valuetext), `${c.id} aria-valuetext "${c.valuetext}"`);
    assert.ok(c.typed && /\d/.test(c.typed), `${c.id} typed field "${c.typed}"`);
    assert.ok(c.typedLabel, `${c.id} typed field has a label`);
  }
  const byId = Object.fromEntries(controls.map((c) => [c.id, c]));
  assert.equal(byId.layoffShare.valuetext, '40 percent');
  assert.equal(byId.loadedCostPerAgentPerMonth.valuetext, '$5,080 per month');
  assert.equal(byId.layoffShare.typed, '40');
  assert.deepEqual(problems, []);
  await context.close();
});

test('evidence tags open a popover with sources from the keyboard and close with Escape', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  const tag = page.locator('#control-aiShare .evidence__tag');
  await tag.focus();
  await page.keyboard.press('Enter');
  assert.equal(await tag.getAttribute('aria-expanded'), 'true');
  const popover = page.locator('#control-aiShare .evidence__popover');
  assert.ok(await popover.isVisible(), 'the popover is visible');
  const text = await popover.textContent();
  assert.match(text, /company claim/i);
  assert.match(text, /S2/);
  await page.keyboard.press('Escape');
  assert.equal(await tag.getAttribute('aria-expanded'), 'false');
  assert.ok(!(await popover.isVisible()), 'the popover is hidden again');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the sources list shows every source of the table, or a note when it is empty', async () => {
  const { page, context } = await openPage(browser, server.url);
  await waitForRender(page);
  // The citations come from the build's sources.json (layoff-whatif sources), after the first chart.
  await page.waitForFunction(() => document.body?.dataset.ready === '1');
  const sources = await page.evaluate(async () => (await fetch('./pkg/sources.json')).json());
  assert.ok(sources.length > 20, 'the build wrote the sources');
  // "How this works" is built as it comes near (issue 15).
  await page.locator('#how').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#sources dt'));
  const shown = await page.locator('#sources dt').allTextContents();
  assert.deepEqual(shown, sources.map((s) => s.id));
  if (sources.length === 0) assert.ok((await page.textContent('#sources')).trim().length > 0);
  await context.close();
});

test('a model that cannot load shows a message with a reload button, not a blank page', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(server.url);
  const box = page.locator('#load-error');
  await box.waitFor({ state: 'visible' });
  assert.match(await box.textContent(), /could not be loaded/i);
  assert.ok(await page.locator('#load-error button').isVisible(), 'a reload button');
  await context.close();
});
