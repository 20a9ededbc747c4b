// Links that preview (issue 16): a published copy built with --base-url has Open Graph and
// Twitter card tags, a canonical link and an oEmbed document per preset, each preset's page
// served for ?preset=NAME (the host rules in _redirects and .htaccess), and a 1200x630 preview
// image per preset drawn by the Rust chart code, checked here by decoding it in the browser;
// without a base URL the absolute tags are left out. The share button writes ?preset=.
//
// The copies are built into temporary folders by scripts/dist.mjs (www/pkg and the debug CLI
// and preview tool must exist: scripts/build-dist.sh makes them).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { startServer, launch, openPage, waitForRender, ROOT, CONTENT_TYPES } from './helpers.mjs';

const BASE = 'https://example.org/layoff-whatif/';
const PRESETS = ['typical', 'status-quo', 'klarna-like', 'salesforce-like', 'cba-like', 'augment'];
let withBase;
let withoutBase;
let browser;
let server;

function build(out, extra = []) {
  const cli = join(ROOT, 'target', 'debug', 'layoff-whatif');
  assert.ok(existsSync(cli) && existsSync(`${cli}-preview`), 'run bash scripts/build-dist.sh first (it builds the CLI and the preview tool)');
  execFileSync('node', [join(ROOT, 'scripts', 'dist.mjs'), '--cli', cli, '--out', out, ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A static server that applies dist/_redirects the way Netlify does (query rules, status 200). */
async function hostServer(root) {
  const rules = (await readFile(join(root, '_redirects'), 'utf8'))
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(/\s+/))
    .map(([from, query, to, status]) => ({ from, key: query.split('=')[0], value: query.split('=')[1], to, status }));
  const http = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    let path = decodeURIComponent(url.pathname).replace(/^\/site/, '') || '/';
    const rule = rules.find((r) => r.from === path && url.searchParams.get(r.key) === r.value && r.status === '200');
    if (rule) path = rule.to;
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    try {
      if (!file.startsWith(root + sep) || !(await stat(file)).isFile()) throw new Error('no');
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] || 'application/octet-stream' });
      response.end(await readFile(file));
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => http.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${http.address().port}/site/`, close: () => new Promise((ok) => http.close(ok)) };
}

/** The link-preview tags of a page: {property or name: content}, plus the link elements. */
function tags(html) {
  const head = html.slice(0, html.indexOf('</head>'));
  const meta = Object.fromEntries([...head.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&')]));
  const links = [...head.matchAll(/<link rel="(canonical|alternate)"([^>]*)>/g)].map((m) => ({ rel: m[1], href: m[2].match(/href="([^"]+)"/)?.[1], type: m[2].match(/type="([^"]+)"/)?.[1] }));
  return { meta, links };
}

before(async () => {
  withBase = await mkdtemp(join(tmpdir(), 'layoff-whatif-social-'));
  withoutBase = await mkdtemp(join(tmpdir(), 'layoff-whatif-social-'));
  build(withBase, ['--base-url', BASE.slice(0, -1)]);
  build(withoutBase);
  browser = await launch();
  server = await startServer();
});

after(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of [withBase, withoutBase]) if (dir) await rm(dir, { recursive: true, force: true });
});

test('with --base-url every preset has absolute preview tags, its image and its oEmbed document', async () => {
  for (const preset of PRESETS) {
    const page = preset === 'typical' ? 'index.html' : `preset-${preset}.html`;
    const { meta, links } = tags(await readFile(join(withBase, page), 'utf8'));
    const url = preset === 'typical' ? BASE : `${BASE}?preset=${preset}`;
    assert.equal(meta['og:url'], url, preset);
    assert.equal(links.find((l) => l.rel === 'canonical')?.href, url.replace(/&/g, '&amp;'));
    assert.ok(meta['og:title'].includes('Layoff What-If'));
    assert.ok(meta['og:description'].length > 40);
    assert.equal(meta['twitter:card'], 'summary_large_image');
    assert.ok(meta['og:image'].startsWith(`${BASE}previews/${preset}.`), meta['og:image']);
    assert.equal(meta['twitter:image'], meta['og:image']);
    assert.deepEqual([meta['og:image:width'], meta['og:image:height']], ['1200', '630']);
    const image = await readFile(join(withBase, meta['og:image'].slice(BASE.length)));
    assert.equal(image.toString('latin1', 12, 16), 'IHDR');
    assert.deepEqual([image.readUInt32BE(16), image.readUInt32BE(20)], [1200, 630]);
    const oembed = links.find((l) => l.type === 'application/json+oembed');
    assert.equal(oembed?.href, `${BASE}oembed/${preset}.json`);
    const doc = JSON.parse(await readFile(join(withBase, 'oembed', `${preset}.json`), 'utf8'));
    assert.equal(doc.version, '1.0');
    assert.equal(doc.type, 'rich');
    assert.equal(doc.url, url);
    assert.equal(doc.thumbnail_url, meta['og:image']);
    assert.ok(Number.isInteger(doc.width) && Number.isInteger(doc.height));
    assert.match(doc.html, new RegExp(`^<iframe src="${BASE.replace(/[./?]/g, '\\$&')}\\?embed=1${preset === 'typical' ? '' : `&amp;preset=${preset}`}"`));
  }
});

test('without --base-url the absolute tags are left out, the others stay', async () => {
  for (const page of ['index.html', 'preset-klarna-like.html']) {
    const { meta, links } = tags(await readFile(join(withoutBase, page), 'utf8'));
    assert.equal(meta['og:url'], undefined);
    assert.equal(meta['og:image'], undefined);
    assert.equal(links.length, 0, 'no canonical or oEmbed link');
    assert.equal(meta['twitter:card'], 'summary');
    assert.ok(meta['og:title']);
  }
  assert.equal(existsSync(join(withoutBase, 'oembed')), false);
  // The images are still made (a host can be told its address later by a rebuild).
  assert.equal((await readFile(join(withoutBase, '_redirects'), 'utf8')).includes('/ preset=klarna-like /preset-klarna-like.html 200'), true);
});

test('the preview image has the question on the left and the link on the source line', async () => {
  const rust = await readFile(join(ROOT, 'src', 'preview.rs'), 'utf8');
  const box = (name) => rust.match(new RegExp(`pub const ${name}: \\[u32; 4\\] = \\[([^\\]]+)\\]`))[1].split(',').map(Number);
  const { meta } = tags(await readFile(join(withBase, 'preset-klarna-like.html'), 'utf8'));
  const png = await readFile(join(withBase, meta['og:image'].slice(BASE.length)));
  const { page, context } = await openPage(browser, server.url);
  const ink = await page.evaluate(
    async ({ b64, boxes }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = canvas.getContext('2d', { willReadFrequently: true });
      g.drawImage(bitmap, 0, 0);
      const count = ([l, t, r, b]) => {
        const { data } = g.getImageData(l, t, r - l, b - t);
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] < 160 && data[i + 1] < 160 && data[i + 2] < 160) n += 1;
        return n;
      };
      // The source line's ink reaches as far right as the link's words do.
      const [l, t, r, b] = boxes.SOURCE;
      const { data } = g.getImageData(l, t, r - l, b - t);
      let right = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 160) right = Math.max(right, (i / 4) % (r - l));
      return { size: [bitmap.width, bitmap.height], title: count(boxes.TITLE), figure: count(boxes.FIGURE), source: count(boxes.SOURCE), gap: count([562, 70, 578, 540]), right };
    },
    { b64: png.toString('base64'), boxes: { TITLE: box('TITLE'), FIGURE: box('FIGURE'), SOURCE: box('SOURCE') } },
  );
  assert.deepEqual(ink.size, [1200, 630]);
  assert.ok(ink.title > 2000, `title ink ${ink.title}`);
  assert.ok(ink.figure > 1000, `figure ink ${ink.figure}`);
  assert.ok(ink.source > 500, `source ink ${ink.source}`);
  assert.equal(ink.gap, 0, 'the text column and the chart do not touch');
  // "Source: Layoff What-If model, https://example.org/layoff-whatif/?preset=klarna-like · CC BY 4.0"
  // at 22 px is well over 700 px wide; the line without the link is under 600.
  assert.ok(ink.right > 700, `the source line reaches ${ink.right} px`);
  await context.close();
});

test('a host serves ?preset=NAME the page that previews NAME, and the page opens NAME', async () => {
  const host = await hostServer(withBase);
  try {
    for (const preset of ['klarna-like', 'augment']) {
      const html = await (await fetch(`${host.url}?preset=${preset}&lang=id`)).text();
      assert.equal(tags(html).meta['og:url'], `${BASE}?preset=${preset}`);
    }
    assert.equal(tags(await (await fetch(host.url)).text()).meta['og:url'], BASE);
    // Apache's rule reads the same query.
    const htaccess = await readFile(join(withBase, '.htaccess'), 'utf8');
    const cond = new RegExp(htaccess.match(/RewriteCond %\{QUERY_STRING\} (\S+)/)[1]);
    assert.equal('lang=id&preset=cba-like'.match(cond)?.[1], 'cba-like');
    assert.equal('preset=nope'.match(cond), null);
    const { page, context, problems } = await openPage(browser, `${host.url}?preset=salesforce-like`);
    await waitForRender(page);
    assert.equal(await page.getAttribute('.preset[aria-pressed="true"]', 'data-preset'), 'salesforce-like');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await host.close();
  }
});

test('the share link names the preset in the query, and the default preset in none', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#v=2&p=cba-like&aiShare=0.3`);
  await waitForRender(page);
  await page.click('#copy-link');
  await page.waitForFunction(() => document.getElementById('share-status').textContent !== '');
  const link = await page.evaluate(() => navigator.clipboard.readText().catch(() => document.getElementById('share-link').value));
  assert.equal(new URL(link).searchParams.get('preset'), 'cba-like');
  assert.match(new URL(link).hash, /p=cba-like/);
  await page.click('button[data-preset="typical"]');
  await page.waitForFunction(() => document.querySelector('.preset[aria-pressed="true"]')?.dataset.preset === 'typical');
  const plain = await page.evaluate(async () => {
    const [store, permalink] = await Promise.all([import('./js/state.js'), import('./js/permalink.js')]);
    return permalink.linkUrl(store.getState());
  });
  assert.equal(new URL(plain).searchParams.has('preset'), false);
  assert.deepEqual(problems, []);
  await context.close();
});
