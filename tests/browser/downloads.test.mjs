// Downloads and data tables, checked as files and numbers:
//
// - every chart downloads as an SVG that parses as XML with an <svg> root, and as a PNG (the
//   PNG signature, twice the panel size), named layoff-whatif-PRESET[-custom]-KIND.EXT;
// - the monthly series download as CSV with a header and one row per month, matching compute();
// - the scenario downloads as JSON that the command line runs (`run --scenario FILE`) to the
//   same parameters and summary numbers (npv, paybackMonth, regretMonth) as the page;
// - each chart's data table has one row per shown month (all, or every 3rd/6th plus the first
//   and last) whose cells hold exactly the result's series.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, openPage, waitForRender, renderCount, nextFrames, wasmCall, ROOT } from './helpers.mjs';

const KINDS = ['savings', 'headcount', 'costs', 'quality'];
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

/** Waits until the uncertainty analysis (if the page has one) has settled and is drawn. */
async function settled(page) {
  await page.waitForFunction(() => {
    const note = document.getElementById('uncertainty-note');
    return !note || ['ready', 'nothing', 'error'].includes(note.dataset.state);
  });
  await nextFrames(page);
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await file.path();
  assert.ok(path, `${selector}: the download completed (${await file.failure()})`);
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

function pageScenario(page) {
  return page.evaluate(async () => {
    const store = await import('./js/state.js');
    return store.scenarioOf(store.getState());
  });
}

test('each chart downloads as SVG and PNG with a sensible name', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#v=2&p=klarna-like&aiShare=0.45&d=3`);
  await waitForRender(page);
  await settled(page);
  for (const kind of KINDS) {
    const box = await page.evaluate((k) => {
      const r = document.getElementById(`chart-${k}`).parentElement.getBoundingClientRect();
      return { width: Math.round(r.width), height: Math.round(r.height) };
    }, kind);

    const svg = await download(page, `button[data-download="svg"][data-kind="${kind}"]`);
    assert.equal(svg.name, `layoff-whatif-klarna-like-custom-${kind}.svg`);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: root.localName,
        ns: root.namespaceURI,
        width: root.getAttribute('width'),
        // The chart itself is nested under the download's title and above its credits.
        chartWidth: root.querySelector('svg')?.getAttribute('width'),
        chartHeight: root.querySelector('svg')?.getAttribute('height'),
        texts: doc.getElementsByTagName('text').length,
      };
    }, svg.bytes.toString('utf8'));
    assert.equal(parsed.error, 0, `${kind}: the SVG parses as XML`);
    assert.equal(parsed.root, 'svg');
    assert.equal(parsed.ns, 'http://www.w3.org/2000/svg');
    assert.equal(Number.parseFloat(parsed.width), box.width, `${kind}: SVG width`);
    assert.equal(Number.parseFloat(parsed.chartWidth), box.width, `${kind}: chart width`);
    assert.equal(Number.parseFloat(parsed.chartHeight), box.height, `${kind}: chart height`);
    assert.ok(parsed.texts > 3, `${kind}: the SVG has its labels`);

    const png = await download(page, `button[data-download="png"][data-kind="${kind}"]`);
    assert.equal(png.name, `layoff-whatif-klarna-like-custom-${kind}.png`);
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${kind}: PNG signature`);
    assert.equal(png.bytes.toString('latin1', 12, 16), 'IHDR');
    assert.equal(png.bytes.readUInt32BE(16), box.width * 2, `${kind}: the PNG is twice the panel width`);
    // Twice the panel's height plus the title above and the credits below (credits.test.mjs).
    assert.ok(png.bytes.readUInt32BE(20) > box.height * 2, `${kind}: the PNG holds the chart and its credits`);
  }

  // The default scenario's files carry just the preset's name.
  await page.click('#reset-all');
  const count = await renderCount(page);
  await page.click('button[data-preset="typical"]');
  await page.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, count);
  await page.check('#modelDepth-4');
  await nextFrames(page);
  assert.equal((await download(page, 'button[data-download="svg"][data-kind="savings"]')).name, 'layoff-whatif-typical-savings.svg');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the monthly series download as CSV: a header and one row per month', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#v=2&p=salesforce-like&horizonMonths=30`);
  await waitForRender(page);
  const csv = await download(page, '#download-csv');
  assert.equal(csv.name, 'layoff-whatif-salesforce-like-custom-series.csv');
  // The commented header (credits.test.mjs reads it back) comes first.
  const lines = csv.bytes.toString('utf8').trimEnd().split('\n').filter((line) => !line.startsWith('#'));
  const header = lines[0].split(',');
  assert.equal(header[0], 'month');
  assert.ok(header.includes('cumulativeDelta') && header.includes('aiCost'), header.join(','));
  assert.equal(lines.length, 1 + 30, 'one row per month');
  const result = await wasmCall(page, 'compute', await pageScenario(page));
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(',');
    assert.equal(cells.length, header.length, `row ${i + 1} has every column`);
    assert.equal(Number(cells[0]), i + 1);
    for (const name of ['cumulativeDelta', 'headcount', 'customers', 'badContactShare']) {
      const value = Number(cells[header.indexOf(name)]);
      assert.ok(Math.abs(value - result.series[name][i]) <= 5e-5 * Math.max(1, Math.abs(value)), `${name} month ${i + 1}`);
    }
  });
  assert.deepEqual(problems, []);
  await context.close();
});

function cliBinary() {
  const bin = join(ROOT, 'target', 'release', 'layoff-whatif');
  if (!existsSync(bin)) execFileSync('cargo', ['build', '--release', '-q'], { cwd: ROOT, stdio: 'inherit' });
  return bin;
}

test('the scenario JSON runs in the command line with the same numbers', async () => {
  const fragment = 'v=2&p=klarna-like&aiShare=0.45&headcountBefore=2345&customersBefore=12345679&aiPricePerConversation=0.37&d=3';
  const { page, context, problems } = await openPage(browser, `${server.url}#${fragment}`);
  await waitForRender(page);
  const file = await download(page, '#download-json');
  assert.equal(file.name, 'layoff-whatif-klarna-like-custom-scenario.json');
  const scenario = JSON.parse(file.bytes.toString('utf8'));
  assert.deepEqual(scenario, {
    version: 1,
    preset: 'klarna-like',
    params: { headcountBefore: 2345, aiShare: 0.45, aiPricePerConversation: 0.37, customersBefore: 12345679, modelDepth: 3 },
  });

  const dir = await mkdtemp(join(tmpdir(), 'layoff-whatif-'));
  try {
    const path = join(dir, file.name);
    await writeFile(path, file.bytes);
    const out = execFileSync(cliBinary(), ['run', '--scenario', path, '--format', 'json'], { encoding: 'utf8' });
    const cli = JSON.parse(out);
    const web = await wasmCall(page, 'compute', await pageScenario(page));
    assert.equal(cli.preset, web.preset);
    assert.deepEqual(cli.changed, web.changed);
    assert.deepEqual(cli.params, web.params, 'the same parameters, bit for bit');
    const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    assert.ok(close(cli.summary.npv, web.summary.npv), `npv: CLI ${cli.summary.npv}, page ${web.summary.npv}`);
    assert.equal(cli.summary.paybackMonth, web.summary.paybackMonth);
    assert.equal(cli.summary.regretMonth, web.summary.regretMonth);
    // And the page shows that same NPV.
    assert.ok((await page.textContent('#numbers')).length > 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  assert.deepEqual(problems, []);
  await context.close();
});

/** The months a table should show, worked out here independently of tables.js. */
function expectedMonths(horizon) {
  const all = Array.from({ length: horizon }, (_, i) => i + 1);
  if (horizon <= 36) return all;
  const step = horizon <= 72 ? 3 : 6;
  return all.filter((m) => m === 1 || m % step === 0 || m === horizon);
}

for (const horizon of [24, 48, 120]) {
  test(`the data tables show the result's series by month (${horizon} months)`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}#v=2&horizonMonths=${horizon}&t=savings,headcount,costs,quality`);
    await waitForRender(page);
    const result = await wasmCall(page, 'compute', await pageScenario(page));
    const months = expectedMonths(horizon);
    for (const kind of KINDS) {
      assert.equal(await page.getAttribute(`#table-toggle-${kind}`, 'aria-expanded'), 'true');
      const table = await page.evaluate((k) => {
        const t = document.querySelector(`#table-${k} table`);
        return {
          caption: t.caption?.textContent,
          heads: [...t.tHead.rows[0].cells].map((c) => ({ scope: c.scope, series: c.dataset.series, tag: c.tagName })),
          rows: [...t.tBodies[0].rows].map((r) => ({
            header: { tag: r.cells[0].tagName, scope: r.cells[0].scope, value: r.cells[0].dataset.value },
            values: [...r.cells].slice(1).map((c) => c.dataset.value),
            text: [...r.cells].slice(1).map((c) => c.textContent),
          })),
          region: document.querySelector(`#table-${k} .table-wrap`).getAttribute('role'),
        };
      }, kind);
      assert.match(table.caption, /by month/);
      assert.equal(table.region, 'region');
      assert.ok(table.heads.every((h) => h.tag === 'TH' && h.scope === 'col'), `${kind}: column headers`);
      assert.deepEqual(table.rows.map((r) => Number(r.header.value)), months, `${kind}: one row per shown month`);
      const series = table.heads.slice(1).map((h) => h.series);
      table.rows.forEach((row, r) => {
        assert.equal(row.header.tag, 'TH');
        assert.equal(row.header.scope, 'row');
        const i = months[r] - 1;
        series.forEach((name, c) => assert.equal(row.values[c], String(result.series[name][i]), `${kind} ${name} month ${months[r]}`));
      });
      if (kind === 'costs') assert.ok(table.rows[0].text.every((s) => s.includes('$')), 'money is written as money');
      if (kind === 'quality') assert.ok(table.rows[0].text[0].endsWith('%'), 'shares as percentages');
      const note = await page.textContent(`#table-${kind} .chart__table-note`);
      assert.match(note, horizon <= 36 ? /All 24 months/ : horizon <= 72 ? /every third month/ : /every sixth month/);
    }
    // Closing a table takes it out of the link.
    const count = await renderCount(page);
    await page.click('#table-toggle-headcount');
    await page.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, count);
    assert.ok(await page.isHidden('#table-headcount'));
    assert.equal(await page.getAttribute('#table-toggle-headcount', 'aria-expanded'), 'false');
    assert.match(page.url(), /&t=savings,costs,quality$/);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('axe finds no violations in the tables, the share bar, the embed panel and a link notice', async () => {
  for (const [viewport, colorScheme] of [[{ width: 1280, height: 900 }, 'light'], [{ width: 360, height: 800 }, 'dark']]) {
    // axe is injected as a script, which the page's CSP forbids; only this context bypasses it.
    const context = await browser.newContext({ viewport, colorScheme, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}#v=2&p=klarna-like&t=savings,headcount,costs,quality&oops=1`);
    await waitForRender(page);
    await page.click('#embed-button');
    await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
    const found = await page.evaluate(async () => {
      const parts = ['#share', '#notices .link-notice', '.history', '.chart__tools', '.chart__table'];
      const missing = parts.filter((selector) => !document.querySelector(selector));
      const result = await window.axe.run(
        { include: parts.map((selector) => [selector]) },
        { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      );
      return { missing, violations: result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes[0]?.target.join(' ')}`) };
    });
    assert.deepEqual(found.missing, [], 'every part is on the page');
    assert.deepEqual(found.violations, [], `${viewport.width} px ${colorScheme}`);
    await context.close();
  }
});

test('the tornado and the regret map have data tables and download as SVG and PNG', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#v=2&p=klarna-like`);
  await waitForRender(page);
  await settled(page);
  await page.locator('#analysis').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.getElementById('chart-desc-map').textContent.length > 20);
  const scenario = await pageScenario(page);
  const direct = await wasmCall(page, 'sensitivity', { scenario: scenario });

  // The tornado's table: the top ten bars in order, each value exactly the model's.
  await page.click('#table-toggle-tornado');
  assert.equal(await page.getAttribute('#table-toggle-tornado', 'aria-expanded'), 'true');
  const tornado = await page.evaluate(() =>
    [...document.querySelectorAll('#table-tornado tbody tr')].map((row) => ({
      label: row.querySelector('th').textContent,
      values: [...row.querySelectorAll('td')].map((td) => td.dataset.value),
    })),
  );
  assert.equal(tornado.length, Math.min(10, direct.bars.length));
  const label = (key) => page.evaluate(async (k) => (await import('./js/i18n.js')).t(`params.${k}.label`), key);
  assert.equal(tornado[0].label, await label(direct.bars[0].key));
  tornado.forEach((row, i) => {
    const bar = direct.bars[i];
    assert.deepEqual(row.values.slice(0, 5).map(Number), [bar.low, bar.high, bar.npvAtLow, bar.npvAtHigh, bar.swing]);
    assert.equal(row.values[5], String(bar.switchingValue ?? null));
  });

  // The map's table: 41 rows of 41 cells, the top row first, as the map is read.
  await page.click('#table-toggle-map');
  const map = await wasmCall(page, 'regretMap', { scenario: scenario, x: 'layoffShare', y: 'aiResolutionRate', cells: 41 });
  const grid = await page.evaluate(() =>
    [...document.querySelectorAll('#table-map tbody tr')].map((row) => [...row.querySelectorAll('td')].map((td) => Number(td.dataset.value))),
  );
  assert.equal(grid.length, 41);
  assert.ok(grid.every((row) => row.length === 41));
  assert.deepEqual(grid[0], map.npv[40], 'the first row is the top of the map');
  assert.deepEqual(grid[40], map.npv[0]);

  for (const kind of ['tornado', 'map']) {
    const svg = await download(page, `button[data-download="svg"][data-kind="${kind}"]`);
    assert.equal(svg.name, `layoff-whatif-klarna-like-${kind}.svg`);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.localName, texts: doc.getElementsByTagName('text').length };
    }, svg.bytes.toString('utf8'));
    assert.deepEqual({ error: parsed.error, root: parsed.root }, { error: 0, root: 'svg' }, `${kind}: the SVG parses`);
    assert.ok(parsed.texts > 5, `${kind}: the SVG has its labels`);
    const png = await download(page, `button[data-download="png"][data-kind="${kind}"]`);
    assert.equal(png.name, `layoff-whatif-klarna-like-${kind}.png`);
    assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], `${kind}: PNG signature`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
