// The story holds (issue 13), driven the way a reader checks it: a company-like preset shows
// every dated figure the company reported against the model, in English and in Indonesian;
// each slider shows the evidence of the preset's own value; implausible inputs are flagged
// beside the result; and the augment preset tells one story, with one figure and one sign,
// in the headline, the prose, the key numbers and the chart. Also from the single file.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { startServer, launch, openPage, waitForRender, renderCount, wasmCall, ROOT } from './helpers.mjs';

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

async function choose(page, name) {
  const count = await renderCount(page);
  await page.click(`button[data-preset="${name}"]`);
  await page.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, count);
}

test('a company-like preset shows the record against the model; others show none', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  assert.ok(await page.locator('#record').isHidden(), 'the typical preset has no record');
  for (const [name, rows] of [['klarna-like', 22], ['salesforce-like', 15], ['cba-like', 7]]) {
    await choose(page, name);
    const box = page.locator('#record');
    assert.ok(await box.isVisible(), `${name}: the record is shown`);
    await box.locator('summary').click();
    assert.equal(await box.locator('tbody tr').count(), rows, `${name}: every row of the record`);
    const result = await wasmCall(page, 'compute', { preset: name });
    // Every model value on the page is the model's: compare one row to the result.
    const first = result.calibration.find((r) => r.model != null);
    const cell = await box.locator(`tr[data-key="${first.key}"] .record__model`).textContent();
    assert.notEqual(cell.trim(), '—', `${name}: ${first.key} shows the model's value`);
    for (const row of result.calibration) {
      const verdict = await box.locator(`tr[data-key="${row.key}"] .record__verdict`).textContent();
      assert.ok(verdict.length > 2, `${name} ${row.key}: a verdict`);
      if (['within15', 'atLeast', 'withinMonths'].includes(row.check)) assert.ok(row.met, `${name} ${row.key} meets its check`);
    }
    assert.match(await box.textContent(), /month 1 = 20\d\d-\d\d/);
  }
  await choose(page, 'typical');
  assert.ok(await page.locator('#record').isHidden());
  assert.deepEqual(problems, []);
  await context.close();
});

test('the record and the warnings speak Indonesian on the Indonesian page', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?lang=id#v=2&p=klarna-like`);
  await waitForRender(page);
  const box = page.locator('#record');
  await box.locator('summary').click();
  const text = await box.textContent();
  assert.match(text, /Catatan publik dibanding model/);
  assert.match(text, /percakapan AI pada bulan pertama/);
  assert.doesNotMatch(text, /AI conversations in the first month/);
  assert.deepEqual(problems, []);
  await context.close();
  const second = await openPage(browser, `${server.url}?lang=id#v=2&contactsPerCustomerPerMonth=4`);
  await waitForRender(second.page);
  assert.match(await second.page.textContent('#warnings'), /kontak per agen per bulan/);
  assert.deepEqual(second.problems, []);
  await second.context.close();
});

test("each slider shows the evidence of the preset's own value, never the default's", async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  const tag = page.locator('#control-severanceShare .evidence__tag');
  assert.match(await tag.textContent(), /assumption/i, 'the default is an assumption');
  await choose(page, 'klarna-like');
  assert.match(await tag.textContent(), /company claim.*RK4/i, "klarna-like's own evidence");
  await tag.click();
  assert.match(await page.locator('#control-severanceShare .evidence__popover').textContent(), /Klarna-like/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('implausible inputs are flagged beside the result, and a break-even beyond all customers is said so', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#v=2&contactsPerCustomerPerMonth=4`);
  await waitForRender(page);
  const warnings = page.locator('#warnings');
  assert.ok(await warnings.isVisible());
  assert.match(await warnings.textContent(), /more than any support team handles/);
  assert.deepEqual(problems, []);
  await context.close();
  const tiny = await openPage(browser, `${server.url}#v=2&customersBefore=1000&revenuePerCustomerPerMonth=0.1`);
  await waitForRender(tiny.page);
  assert.match(await tiny.page.textContent('#warnings'), /No loss of customers could wipe out the savings/);
  assert.match(await tiny.page.textContent('#numbers'), /more than all customers/);
  assert.doesNotMatch(await tiny.page.textContent('#numbers'), /\d{4,}%/, 'no absurd percentage');
  assert.deepEqual(tiny.problems, []);
  await tiny.context.close();
  const plain = await openPage(browser, server.url);
  await waitForRender(plain.page);
  assert.ok(await plain.page.locator('#warnings').isHidden(), 'the typical scenario raises no warning');
  await plain.context.close();
});

test('the augment preset tells one story: one figure, one sign, against keeping everyone', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  await choose(page, 'augment');
  const result = await wasmCall(page, 'compute', { preset: 'augment' });
  const gain = result.summary.finalCumulativeDelta - result.summary.finalCumulativeDeltaVsAugment;
  assert.ok(gain > 0, 'AI helping agents comes out ahead');
  const readout = await page.textContent('#readout');
  const prose = await page.textContent('#story');
  const numbers = await page.textContent('#numbers');
  const headline = await page.textContent('#readout .readout__value');
  assert.ok(!headline.includes('−') && headline !== '$0', `the headline shows the gain: ${headline}`);
  assert.ok(prose.includes(headline.replace('+', '')), `the prose names the same figure: ${headline} in ${prose}`);
  assert.match(readout, /without AI/);
  assert.doesNotMatch(numbers, /−\$/, 'no negative figure in the key numbers');
  const description = await page.textContent('#chart-desc-savings');
  assert.ok(description.includes(headline.replace('+', '')), `the chart's text alternative names it too: ${description}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the record works in the single file opened from file://', async () => {
  const { page, context, problems } = await openPage(browser, `${pathToFileURL(join(ROOT, 'dist', 'layoff-whatif.html')).href}#v=2&p=cba-like`);
  await waitForRender(page);
  const box = page.locator('#record');
  assert.ok(await box.isVisible());
  await box.locator('summary').click();
  assert.equal(await box.locator('tbody tr').count(), 7);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link made with the earlier model opens with its values and says the model has changed', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#v=1&p=klarna-like&aiShare=0.5`);
  await waitForRender(page);
  assert.equal(await page.getAttribute('#aiShare', 'data-value'), '0.5', 'the values its author set');
  const notice = await page.locator('.link-notice').first().textContent();
  assert.match(notice, /the model has changed since/);
  assert.match(notice, /re-derived from their dated record/, 'and what changed');
  assert.match(notice, /What changed in the model/, 'and where every change is listed');
  await page.locator('#how').scrollIntoViewIfNeeded(); // built as it comes near (issue 15)
  await page.waitForFunction(() => document.querySelector('#how-changelog li'));
  const changelog = await page.textContent('#how-changelog');
  assert.match(changelog, /Model 2, December 2026/);
  assert.match(changelog, /Model 1, November 2026/);
  // A link of the current model says nothing of the kind.
  const current = await openPage(browser, `${server.url}#v=2&p=klarna-like&aiShare=0.5`);
  await waitForRender(current.page);
  assert.equal(await current.page.locator('.link-notice').count(), 0);
  await current.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the headcount chart's data table carries the reported figures beside the model's", async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#v=2&p=klarna-like&t=headcount`);
  await waitForRender(page);
  const result = await wasmCall(page, 'compute', { preset: 'klarna-like' });
  const heads = await page.$$eval('#table-headcount th[data-series]', (cells) => cells.map((c) => c.dataset.series));
  assert.ok(heads.includes('aiAgentEquivalent') && heads.includes('reportedHeadcount') && heads.includes('reportedAiAgentEquivalent'), heads.join());
  for (const point of result.record.filter((p) => p.series !== 'aiContacts')) {
    const column = point.series === 'headcount' ? 'reportedHeadcount' : 'reportedAiAgentEquivalent';
    const index = heads.indexOf(column) + 1;
    const cell = await page.$eval(
      `#table-headcount tbody tr:has(th[data-value="${point.month}"]) > :nth-child(${index + 1})`,
      (c) => c.dataset.value,
    );
    assert.equal(cell, String(point.value), `${column} in month ${point.month}`);
  }
  assert.match(await page.textContent('#chart-desc-headcount'), /Diamonds mark what the company reported: .*RK1/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the quality chart's contacts panel and data table carry the AI contacts reported", async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#v=2&p=salesforce-like&t=quality`);
  await waitForRender(page);
  const result = await wasmCall(page, 'compute', { preset: 'salesforce-like' });
  const point = result.record.find((p) => p.series === 'aiContacts');
  assert.ok(point, 'a reported AI contacts figure');
  assert.equal(Math.round(point.value), 195000, '45,000 a week is drawn as 195,000 a month');
  const heads = await page.$$eval('#table-quality th[data-series]', (cells) => cells.map((c) => c.dataset.series));
  assert.ok(heads.includes('aiContacts') && heads.includes('reportedAiContacts'), heads.join());
  assert.match(await page.textContent('#chart-desc-quality'), /AI contacts a month the company reported: .*RS5/);
  assert.deepEqual(problems, []);
  await context.close();
});
