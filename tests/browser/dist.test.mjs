// The published build (scripts/build-dist.sh): dist/ for a static host, the single file for
// file://, and the fallback for readers without JavaScript or WebAssembly.
//
// - dist/: hashed names for everything but the pages, every reference rewritten (the page
//   loads, in both languages and from a sub-folder, with no request for an unhashed asset),
//   _headers with application/wasm and long caching, and the README's Publishing section.
// - dist/layoff-whatif.html from file://: charts drawn, sliders work, no console errors, no
//   request but the file itself, a hash-based CSP with zero violations, the same pixels and
//   prose as the served page, and the fallback when WebAssembly is missing.
// - Without JavaScript: the headline, the default scenario's numbers and the savings chart.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, launch, waitForRender, waitForSettled, snapshot, nextFrames, ROOT, WWW, CONTENT_TYPES } from './helpers.mjs';

const DIST = join(ROOT, 'dist');
const SINGLE = join(DIST, 'layoff-whatif.html');
const HASH = /\.[0-9a-f]{10}\.[a-z0-9]+$/;
const en = JSON.parse(readFileSync(join(WWW, 'i18n', 'en.json'), 'utf8'));
const languages = (readFileSync(join(WWW, 'js', 'i18n.js'), 'utf8').match(/LANGUAGES\s*=\s*\[([^\]]*)\]/)?.[1] || '')
  .split(',')
  .map((s) => s.trim().replace(/['"]/g, ''))
  .filter(Boolean);

let server; // serves the repository root: dist/ is then a sub-folder, as on many hosts
let browser;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function lookup(table, key) {
  return key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), table);
}

function decodeHtml(text) {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (m, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]);
}

before(async () => {
  assert.ok(existsSync(SINGLE), 'dist/ is not built: run bash scripts/build-dist.sh');
  const built = statSync(SINGLE).mtimeMs;
  const stale = walk(WWW)
    .filter((f) => !relative(WWW, f).startsWith('fallback') && statSync(f).mtimeMs > built)
    .map((f) => relative(WWW, f));
  assert.deepEqual(stale, [], 'www/ changed after dist/ was built: run bash scripts/build-dist.sh --no-wasm');
  server = await startServer(ROOT);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page recording every request and CSP violation (the listener is in place before any script). */
async function openPageWith(url, { javaScriptEnabled = true, colorScheme = 'light', init, viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, javaScriptEnabled });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(`console ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  if (javaScriptEnabled) {
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  }
  if (init) await page.addInitScript(init);
  await page.goto(url);
  return { context, page, problems, requests };
}

async function canvasesDrawn(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('canvas.chart__canvas')].map((canvas) => {
      const blank = document.createElement('canvas');
      blank.width = canvas.width;
      blank.height = canvas.height;
      return canvas.width > 0 && canvas.toDataURL() !== blank.toDataURL();
    }),
  );
}

const open = openPageWith;

// ---- dist/ ------------------------------------------------------------------------------------

test('dist/ has hashed names for every asset, host headers and a README section on publishing', () => {
  const files = walk(DIST).map((f) => relative(DIST, f).split('\\').join('/'));
  const plain = files.filter((f) => !HASH.test(f)).sort();
  const allowed = new Set(['index.html', 'layoff-whatif.html', '_headers', '_redirects', '.htaccess', 'README.txt', 'embed-host.js']);
  for (const f of plain) assert.ok(allowed.has(f) || f.endsWith('.html'), `${f} has no content hash in its name`);
  assert.ok(files.some((f) => /^pkg\/.*\.[0-9a-f]{10}\.wasm$/.test(f)), 'the wasm is hashed');
  assert.ok(files.some((f) => /^i18n\/en\.[0-9a-f]{10}\.json$/.test(f)), 'the language files are hashed');
  assert.ok(!files.some((f) => f.endsWith('.map') || f.endsWith('.d.ts')), 'no dev-only files');
  const headers = readFileSync(join(DIST, '_headers'), 'utf8');
  const wasm = files.find((f) => f.endsWith('.wasm'));
  assert.match(headers, new RegExp(`/${wasm.replace(/\./g, '\\.')}\\n  Content-Type: application/wasm\\n  Cache-Control: public, max-age=31536000, immutable`));
  for (const f of files.filter((x) => HASH.test(x))) assert.ok(headers.includes(`/${f}\n`), `_headers names ${f}`);
  assert.match(headers, /\/index\.html\n {2}Cache-Control: no-cache/);
  assert.match(readFileSync(join(DIST, '.htaccess'), 'utf8'), /AddType application\/wasm \.wasm/);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.match(readme, /^## Publishing$/m, 'README.md has a Publishing section');
  assert.match(readme, /build-dist\.sh/);
});

test('the page from dist/ (in a sub-folder) loads only hashed assets and draws, with no errors', async () => {
  const { context, page, problems, requests } = await open(`${server.url}dist/`);
  await waitForRender(page);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(await canvasesDrawn(page), [true, true, true, true]);
  const assets = requests.filter((u) => !u.endsWith('/dist/') && !u.startsWith('data:'));
  assert.ok(assets.length >= 10, `requests: ${assets.join(', ')}`);
  for (const u of assets) assert.match(new URL(u).pathname, HASH, `${u} is not a hashed asset`);
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await context.close();
});

for (const lang of languages.filter((l) => l !== 'en')) {
  test(`dist/ in ${lang}: the hashed language file loads`, async () => {
    const table = JSON.parse(readFileSync(join(WWW, 'i18n', `${lang}.json`), 'utf8'));
    const { context, page, problems } = await open(`${server.url}dist/?lang=${lang}`);
    await waitForRender(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.equal((await page.locator('h1').textContent()).trim(), lookup(table, 'page.headline'));
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('dist/ serves the page as one app bundle: few script requests, the folded modules not published, and a blocked bundle still leaves the fallback', async () => {
  // Every module app.js imports (but the loader's own two and the wasm glue) is in the bundle.
  const published = walk(join(DIST, 'js')).map((f) => relative(join(DIST, 'js'), f).replace(HASH, '.js'));
  const folded = ['controls.js', 'charts.js', 'prose.js', 'analysis.js', 'handout.js', 'embed.js', 'analysis-worker.js'];
  for (const name of folded) {
    assert.ok(existsSync(join(WWW, 'js', name)), `www/js/${name} exists`);
    assert.ok(!published.includes(name), `${name} is folded into the bundle, not published on its own`);
  }
  for (const name of ['app.js', 'loader.js', 'i18n.js', 'fallback.js', 'worker.js', 'early.js']) assert.ok(published.includes(name), `${name} is published`);
  // Each preload hint names a file that exists.
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  for (const [, href] of html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)) assert.ok(existsSync(join(DIST, href)), `${href} exists`);

  const { context, page, problems, requests } = await open(`${server.url}dist/`);
  await waitForRender(page);
  const scripts = requests.filter((u) => /\.js$/.test(new URL(u).pathname));
  assert.ok(scripts.length <= 8, `at most 8 script requests (early, loader, i18n, fallback, the bundle, the glue, the worker and its glue): ${scripts.join(', ')}`);
  await page.locator('#layoffShare').focus();
  await page.keyboard.press('End');
  await waitForSettled(page);
  assert.equal(await page.getAttribute('#layoffShare', 'data-value'), '0.9');
  assert.deepEqual(problems, []);
  await context.close();

  // The loader still catches a bundle that cannot be fetched.
  const blocked = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await blocked.newPage();
  await tab.route(/\/js\/app\.[0-9a-f]{10}\.js$/, (route) => route.abort('failed'));
  await tab.goto(`${server.url}dist/`);
  await tab.waitForSelector('#load-error:not([hidden])');
  assert.ok(await tab.locator('#fallback').isVisible(), "the default scenario's build-time numbers");
  await blocked.close();
});

/** Serves dist/ with the caching its _headers file asks of a host, and logs each request. */
async function startCachingServer() {
  const rules = new Map();
  let path = null;
  for (const line of readFileSync(join(DIST, '_headers'), 'utf8').split('\n')) {
    if (line.startsWith('/')) path = line.trim();
    else if (path && /^\s+Cache-Control:/i.test(line)) rules.set(path, line.split(':').slice(1).join(':').trim());
  }
  const served = [];
  const http = createServer((request, response) => {
    let path = new URL(request.url, 'http://localhost').pathname;
    served.push(path);
    if (path.endsWith('/')) path += 'index.html';
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] || 'application/octet-stream',
      'cache-control': rules.get(path) || 'no-cache',
    });
    response.end(readFileSync(file));
  });
  await new Promise((ok) => http.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${http.address().port}/`, served, close: () => new Promise((ok) => http.close(ok)) };
}

test('served as _headers asks, a visit fetches the wasm glue and the wasm once: the worker takes both from what the page fetched', async () => {
  const host = await startCachingServer();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(host.url);
    await waitForRender(page);
    // The worker's analyses are in: it has loaded the model too.
    await page.waitForFunction(() => document.getElementById('uncertainty-note')?.dataset.state === 'ready');
    const count = (pattern) => host.served.filter((p) => pattern.test(p)).length;
    assert.equal(count(/\/pkg\/layoff_whatif\.[0-9a-f]{10}\.js$/), 1, `the glue once: ${host.served.join(', ')}`);
    assert.equal(count(/\/pkg\/layoff_whatif_bg\.[0-9a-f]{10}\.wasm$/), 1, 'the wasm once');
    assert.equal(count(/\/js\/worker\.[0-9a-f]{10}\.js$/), 1, 'the worker was started');
    await context.close();
  } finally {
    await host.close();
  }
});

test('dist/ and www/ draw the same pixels and prose', async () => {
  const a = await open(`${server.url}dist/`);
  await waitForRender(a.page);
  await waitForSettled(a.page);
  const b = await open(`${server.url}www/`);
  await waitForRender(b.page);
  await waitForSettled(b.page);
  assert.deepEqual(await snapshot(a.page), await snapshot(b.page));
  await a.context.close();
  await b.context.close();
});

// ---- Static text and the <noscript> fallback -----------------------------------------------

test("index.html's static English text is en.json's, so search engines and no-JS readers get the story", () => {
  const html = readFileSync(join(WWW, 'index.html'), 'utf8');
  const found = [...html.matchAll(/data-i18n="([\w.]+)"[^>]*>([^<]+)</g)];
  const keys = found.map((m) => m[1]);
  for (const key of ['page.kicker', 'page.headline', 'page.dek', 'fallback.heading', 'fallback.noscriptNote']) {
    assert.ok(keys.includes(key), `index.html carries the text of ${key}`);
  }
  for (const [, key, text] of found) assert.equal(decodeHtml(text.trim()), lookup(en, key), key);
  for (const [, key, text] of html.matchAll(/data-i18n-attr="alt:([\w.]+)"[^>]*alt="([^"]*)"/g)) assert.equal(decodeHtml(text), lookup(en, key), key);
  const description = html.match(/<meta name="description" content="([^"]*)">/)[1];
  assert.equal(decodeHtml(description), en.meta.description);
  assert.equal(html.match(/<title>([^<]*)<\/title>/)[1], en.meta.title);
});

for (const [name, url] of [
  ['dist/', () => `${server.url}dist/`],
  ['the single file', () => pathToFileURL(SINGLE).href],
  ['www/ (dev)', () => `${server.url}www/`],
]) {
  test(`without JavaScript, ${name} shows the headline, the default numbers and the savings chart`, async () => {
    const { context, page, problems } = await openPageWith(url(), { javaScriptEnabled: false });
    assert.equal((await page.locator('h1').textContent()).trim(), en.page.headline);
    assert.ok(await page.locator('.dek').isVisible());
    assert.ok(await page.locator('#noscript-heading').isVisible());
    assert.ok(!(await page.locator('#model').isVisible()), 'the empty model shell is hidden');
    const img = page.locator('noscript img, .fallback img').first();
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    assert.ok(await img.evaluate((i) => i.naturalWidth > 0), 'the chart loads');
    if (name === 'www/ (dev)') {
      assert.ok(await page.locator('a[href="fallback/numbers.html"]').isVisible(), 'a link to the numbers');
    } else {
      const rows = await page.locator('.fallback__item').allTextContents();
      assert.equal(rows.length, 8);
      assert.ok(rows.every((r) => /\d/.test(r)), rows.join(' | '));
    }
    // With scripting off Chromium cancels the module preloads; nothing else may fail.
    assert.deepEqual(problems.filter((p) => !/^request failed: \S+\.js$/.test(p)), []);
    await context.close();
  });
}

test('the build-time numbers (no JavaScript) equal what the page shows when WebAssembly is missing', async () => {
  const nojs = await openPageWith(`${server.url}dist/`, { javaScriptEnabled: false });
  const staticRows = await nojs.page.locator('.fallback__item').allTextContents();
  await nojs.context.close();
  const nowasm = await open(`${server.url}dist/`, { init: () => delete window.WebAssembly });
  await nowasm.page.locator('#fallback dl').waitFor();
  const liveRows = await nowasm.page.locator('#fallback .fallback__item').allTextContents();
  assert.deepEqual(liveRows.map((r) => r.trim()), staticRows.map((r) => r.trim()));
  await nowasm.context.close();
});

// ---- The single file ----------------------------------------------------------------------------

test('the single file carries a strict hash-based CSP and refers to no other file', () => {
  const html = readFileSync(SINGLE, 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src( 'sha256-[A-Za-z0-9+/=]{44}')+ 'wasm-unsafe-eval'(;|$)/);
  assert.match(csp, /style-src( 'sha256-[A-Za-z0-9+/=]{44}')+(;|$)/);
  // The hashes are those of the inline script and styles, and nothing else is allowed.
  const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  // The module (the page) and the classic script that runs before the first paint (early.js).
  const scripts = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map((m) => hash(m[1]));
  assert.equal(scripts.length, 2, 'the module and early.js');
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1]));
  assert.deepEqual(csp.match(/script-src ([^;]*)/)[1].split(' '), [...scripts, "'wasm-unsafe-eval'"]);
  assert.deepEqual(csp.match(/style-src ([^;]*)/)[1].split(' '), styles);
  assert.match(csp, /connect-src 'none'/);
  assert.match(csp, /frame-src 'self'(;|$)/, "the embed panel's preview frames the file itself");
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\s\*/);
  assert.equal((html.match(/<script type="module">/g) || []).length, 1, 'one inline script');
  assert.doesNotMatch(html.replace(/<script[\s\S]*?<\/script>/g, ''), /\b(?:src|href)="(?!data:|#)[^"]+"/, 'no references to other files');
});

test('the single file works from file://: charts, sliders, no errors, no requests, no CSP violations', async () => {
  const { context, page, problems, requests } = await open(pathToFileURL(SINGLE).href);
  await waitForRender(page);
  assert.deepEqual(await canvasesDrawn(page), [true, true, true, true]);
  // The analyses (a Web Worker when served) run on the page's thread here, and finish.
  await waitForSettled(page);
  const note = await page.evaluate(() => document.getElementById('uncertainty-note')?.dataset.state ?? 'absent');
  assert.ok(['ready', 'absent'].includes(note), `the uncertainty sentence is ${note}`);
  const before = await snapshot(page);
  await page.locator('#layoffShare').focus();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  await nextFrames(page);
  await page.waitForFunction(() => document.getElementById('layoffShare').dataset.value === '0.45');
  await nextFrames(page);
  const after = await snapshot(page);
  assert.notEqual(after.prose, before.prose, 'the prose follows the slider');
  assert.notDeepEqual(after.charts, before.charts, 'the charts follow the slider');
  assert.match(after.prose, /450 of 1,000/);
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(requests.filter((u) => !u.startsWith('data:')), [pathToFileURL(SINGLE).href]);
  await context.close();
});

test('the single file survives a full session (every control and button) with no error or CSP violation', async () => {
  const { context, page, problems, requests } = await open(pathToFileURL(SINGLE).href, { init: () => (window.print = () => {}) });
  await waitForRender(page);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  for (const id of ['layoffShare', 'aiShare', 'customersBefore']) {
    await page.locator(`#${id}`).focus();
    await page.keyboard.press('ArrowRight');
  }
  for (let round = 0; round < 2; round += 1) {
    const buttons = page.locator('button');
    const count = await buttons.count();
    for (let i = 0; i < count; i += 1) {
      const button = buttons.nth(i);
      if (!(await button.isVisible().catch(() => false)) || !(await button.isEnabled().catch(() => false))) continue;
      if (await button.evaluate((b) => Boolean(b.closest('#load-error, #invalid-notice')))) continue;
      await button.click({ timeout: 2000 }).catch(() => {});
      await page.keyboard.press('Escape');
    }
  }
  await waitForSettled(page);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'CSP violations');
  // Clipboard writes may be refused in a headless browser; nothing else may go wrong.
  assert.deepEqual(problems.filter((p) => !/clipboard/i.test(p)), []);
  assert.deepEqual([...new Set(requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:')).map((u) => u.split(/[?#]/)[0]))], [pathToFileURL(SINGLE).href]);
  await context.close();
});

test("the single file's embed panel previews the embed from file://: the file itself with the query, drawn", async () => {
  const { context, page, problems, requests } = await open(pathToFileURL(SINGLE).href);
  await waitForRender(page);
  await page.click('#embed-button');
  const shown = async () => {
    const code = await page.inputValue('#embed-code');
    const src = code.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
    await page.waitForFunction(
      (want) => document.getElementById('embed-preview').dataset.state === 'unavailable' || document.querySelector('.embed-preview__frame:not(.is-loading)')?.getAttribute('src') === want,
      src,
      { timeout: 30000 },
    );
    assert.equal(await page.getAttribute('#embed-preview', 'data-state'), 'ready', 'the preview loads (not the "no preview here" line)');
    const frame = await (await page.$('.embed-preview__frame:not(.is-loading)')).contentFrame();
    await frame.waitForFunction(() => document.body?.dataset.ready === '1' && Number(document.body.dataset.rendered) >= 1);
    return { src, frame };
  };
  // The charts on view in the preview, each drawn or not.
  const drawn = (frame) =>
    frame.evaluate(() =>
      [...document.querySelectorAll('canvas.chart__canvas')]
        .filter((c) => c.getClientRects().length > 0)
        .map((c) => {
          const blank = document.createElement('canvas');
          blank.width = c.width;
          blank.height = c.height;
          return `${c.dataset.kind} ${c.width > 0 && c.toDataURL() !== blank.toDataURL() ? 'drawn' : 'blank'}`;
        }),
    );
  const first = await shown();
  assert.equal(first.src, `${pathToFileURL(SINGLE).href}?embed=1`, 'the frame is the file itself with the query');
  assert.deepEqual(await drawn(first.frame), ['savings drawn']);
  await page.check('#embed-chart-costs');
  const second = await shown();
  assert.equal(second.src, `${pathToFileURL(SINGLE).href}?embed=1&charts=savings,costs`);
  assert.deepEqual(await drawn(second.frame), ['savings drawn', 'costs drawn']);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'CSP violations in the page');
  assert.deepEqual(await second.frame.evaluate(() => window.__csp), [], 'CSP violations in the preview');
  assert.deepEqual(problems, []);
  assert.deepEqual([...new Set(requests.filter((u) => !u.startsWith('data:')).map((u) => u.split(/[?#]/)[0]))], [pathToFileURL(SINGLE).href]);
  await context.close();
});

test('the single file draws exactly what the served page draws', async () => {
  const single = await open(pathToFileURL(SINGLE).href);
  await waitForRender(single.page);
  await waitForSettled(single.page);
  const served = await open(`${server.url}www/`);
  await waitForRender(served.page);
  await waitForSettled(served.page);
  assert.deepEqual(await snapshot(single.page), await snapshot(served.page));
  await single.context.close();
  await served.context.close();
});

for (const lang of languages.filter((l) => l !== 'en')) {
  test(`the single file switches to ${lang} with no server`, async () => {
    const table = JSON.parse(readFileSync(join(WWW, 'i18n', `${lang}.json`), 'utf8'));
    const { context, page, problems } = await open(`${pathToFileURL(SINGLE).href}?lang=${lang}`);
    await waitForRender(page);
    assert.equal((await page.locator('h1').textContent()).trim(), lookup(table, 'page.headline'));
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the single file without WebAssembly shows the translated message and the inline fallback', async () => {
  const { context, page } = await open(pathToFileURL(SINGLE).href, { init: () => delete window.WebAssembly });
  await page.locator('#load-error').waitFor({ state: 'visible' });
  assert.equal((await page.locator('#load-error h2').textContent()).trim(), en.errors.noWasmTitle);
  await page.locator('#fallback img').waitFor();
  await page.waitForFunction(() => document.querySelector('#fallback img').complete);
  assert.ok(await page.locator('#fallback img').evaluate((i) => i.naturalWidth > 0));
  assert.equal(await page.locator('#fallback .fallback__item').count(), 8);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await context.close();
});
