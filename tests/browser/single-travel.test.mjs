// Issue 16's features in the single file opened from file:// (dist/layoff-whatif.html, built
// by scripts/build-dist.sh): a teacher's lock holds, terms explain themselves, downloads carry
// their credits (the CSV's header, the SVG's <title>), and an embed takes its theme, all with
// no console error and no CSP violation.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, waitForRender, ROOT } from './helpers.mjs';

const SINGLE = join(ROOT, 'dist', 'layoff-whatif.html');
let browser;

before(async () => {
  assert.ok(existsSync(SINGLE), 'dist/layoff-whatif.html is missing: run bash scripts/build-dist.sh');
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function open(suffix, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => (m.type() === 'error' ? problems.push(m.text()) : null));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(pathToFileURL(SINGLE).href + suffix);
  await waitForRender(page);
  return { context, page, problems };
}

test('from file://: the lock holds, a term explains itself, the downloads carry their credits', async () => {
  const { context, page, problems } = await open('?lock=aiShare#v=2&p=klarna-like&aiShare=0.8');
  // The lock: a preset button keeps the locked value.
  await page.click('button[data-preset="typical"]');
  await page.waitForFunction(() => document.querySelector('.preset[aria-pressed="true"]')?.dataset.preset === 'typical');
  assert.equal(await page.getAttribute('#aiShare', 'data-value'), '0.8');
  assert.ok(await page.$('#lock-aiShare svg.lock-glyph'));
  // A term.
  await page.focus('.stat--npv .term__button');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('.stat--npv .term__button', 'aria-expanded'), 'true');
  await page.keyboard.press('Escape');
  // The CSV's commented header and the SVG's title.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  const text = await readFile(await csv.path(), 'utf8');
  assert.match(text, /^# Layoff What-If: the monthly series of one scenario\n# Scenario: Case: A typical cut/);
  assert.match(text, /^# Link to this scenario: file:\/\/.*layoff-whatif\.html/m);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="svg"][data-kind="savings"]')]);
  const svgText = await readFile(await svg.path(), 'utf8');
  assert.match(svgText, /<title id="download-title">Is the cut paying off\?<\/title>/);
  assert.match(svgText, /<desc id="download-desc">[^<]{40,}/);
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await context.close();
});

test('from file://: an embed with theme=dark is dark in a light system', async () => {
  const { context, page, problems } = await open('?embed=1&theme=dark', { colorScheme: 'light' });
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.ok(bg.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b) < 200, bg);
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await context.close();
});
