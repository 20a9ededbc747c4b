// Bad input through every way in, privacy and the Content-Security-Policy.
//
// Script-like payloads go through each way in the page has: typed fields, sliders, the URL
// fragment (at load and by hashchange), the query (?lang, ?embed, ?charts, ?controls, ?cur),
// postMessage (to the page, and to the publishers' embed-host.js from a foreign frame), and
// the CLI's flags and scenario files (the page itself reads no files). Tripwires: the payloads
// set window.__pwned; a securitypolicyviolation listener records any blocked inline script or
// handler; a MutationObserver records any <script>, <iframe>, <object>, <embed>, on* attribute
// or javascript: URL that appears. None may fire, and a refused value leaves the last good
// result on screen.
//
// Privacy: a full session (every control, every button) makes no request off our origin and
// leaves no cookie, storage, IndexedDB, Cache Storage or service worker behind. Every page
// carries a strict CSP meta, and the session triggers zero violations.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startServer, launch, waitForRender, waitForSettled, snapshot, nextFrames, ROOT, WWW } from './helpers.mjs';

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

/** Script-like payloads: each would set window.__pwned if it ever ran. */
export const SCRIPT_PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  "'><svg/onload=window.__pwned=1>",
  'javascript:window.__pwned=1',
  '</textarea></code><img src=x onerror=window.__pwned=1>',
  '<a href="javascript:window.__pwned=1">x</a>',
  "{{constructor.constructor('window.__pwned=1')()}}",
  '${window.__pwned=1}',
  '<iframe srcdoc="<script>parent.__pwned=1</script>">',
  '&lt;script&gt;window.__pwned=1&lt;/script&gt;',
];
/** Values that are not numbers in range, in every shape. */
export const BAD_VALUES = ['', '   ', 'NaN', 'Infinity', '-Infinity', '1e309', '1e-400', '0x1F', '1_000', '--5', '\u202e12', '12\u0000', '5'.repeat(400), 'x'.repeat(100000)];

function installTripwires() {
  window.__pwned = 0;
  window.__csp = [];
  window.__suspicious = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  // Added elements are checked with their subtrees; a changed attribute only on its element.
  const check = (node, deep) => {
    if (node.nodeType !== 1) return;
    for (const el of deep ? [node, ...node.querySelectorAll('*')] : [node]) {
      const tag = el.tagName.toLowerCase();
      if (deep && ['script', 'iframe', 'object', 'embed', 'frame'].includes(tag) && document.readyState !== 'loading') window.__suspicious.push(`<${tag}>`);
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) window.__suspicious.push(`${tag}[${attr.name}]`);
        if (/^\s*javascript:/i.test(attr.value) && /^(href|src|action|formaction|xlink:href)$/i.test(attr.name)) window.__suspicious.push(`${tag}[${attr.name}=${attr.value}]`);
      }
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') check(r.target, false);
      for (const n of r.addedNodes) check(n, true);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

async function newPage({ viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(installTripwires);
  await page.addInitScript(() => {
    window.print = () => {}; // the print button would open a dialog; the rest of it still runs
  });
  return { context, page, errors, requests };
}

async function tripwires(page) {
  return page.evaluate(() => ({
    pwned: window.__pwned,
    csp: window.__csp,
    suspicious: window.__suspicious,
    polluted: [{}.polluted, Object.prototype.__pwned, Array.prototype.polluted].filter((x) => x !== undefined),
  }));
}

function clean() {
  return { pwned: 0, csp: [], suspicious: [], polluted: [] };
}

// ---- The tripwires themselves -----------------------------------------------------------------

test('the tripwires fire on a real injection (so a clean run means something)', async () => {
  const { context, page } = await newPage();
  await page.goto(server.url);
  await waitForRender(page);
  await page.evaluate(() => {
    document.getElementById('story').insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__pwned=1"><a href="javascript:void 0">x</a>');
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = 2';
    document.body.append(s);
  });
  await nextFrames(page);
  const wires = await tripwires(page);
  assert.equal(wires.pwned, 0, 'the CSP stopped both');
  assert.ok(wires.csp.length >= 1, `CSP violations recorded: ${wires.csp}`);
  assert.ok(wires.suspicious.includes('img[onerror]') && wires.suspicious.includes('<script>'), wires.suspicious.join(', '));
  await context.close();
});

// ---- Typed values and sliders ---------------------------------------------------------------

test('typed fields: script-like and malformed values are refused as text; the last good result stays', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(server.url);
  await waitForRender(page);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  await waitForSettled(page);
  const good = await snapshot(page);
  const keys = await page.evaluate(() => [...document.querySelectorAll('input.control__typed')].map((i) => i.id.replace(/-typed$/, '')));
  assert.ok(keys.length >= 30, `typed fields: ${keys.length}`);
  // Every payload in a few fields of each kind; one payload in every field.
  // The three ways a typed value is read: percent, money (display units), and plain text to Rust.
  const sample = ['layoffShare', 'loadedCostPerAgentPerMonth', 'customersBefore'].filter((k) => keys.includes(k));
  const cases = [
    ...sample.flatMap((key) => [...SCRIPT_PAYLOADS, ...BAD_VALUES].map((value) => [key, value])),
    ...keys.map((key) => [key, SCRIPT_PAYLOADS[0]]),
  ];
  for (const [key, value] of cases) {
    await page.locator(`#${key}-typed`).evaluate((input, v) => {
      input.focus();
      input.value = v;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
    await page.press(`#${key}-typed`, 'Enter');
    const error = page.locator(`#err-${key}`);
    assert.ok(await error.isVisible(), `${key} ← ${JSON.stringify(value.slice(0, 30))}: a message`);
    const shown = await error.evaluate((e) => ({ text: e.textContent, children: e.children.length }));
    assert.equal(shown.children, 0, 'the message is plain text');
    assert.ok(shown.text.length > 10 && shown.text.length < 400, shown.text);
    assert.equal(await page.getAttribute(`#${key}-typed`, 'aria-invalid'), 'true');
    await page.press(`#${key}-typed`, 'Escape'); // back to the last good value (its redraw comes next frame)
    await nextFrames(page);
  }
  await waitForSettled(page);
  assert.deepEqual(await snapshot(page), good, 'the last good result stays');
  assert.deepEqual(await tripwires(page), clean());
  assert.deepEqual(errors, []);
  await context.close();
});

test('sliders: payload values set on the range inputs never reach the model as non-numbers', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(server.url);
  await waitForRender(page);
  const results = await page.evaluate((payloads) => {
    const out = [];
    for (const range of document.querySelectorAll('input[type=range]')) {
      for (const p of payloads) {
        range.value = p; // the browser sanitises a range's value to a number in its range
        range.dispatchEvent(new Event('input', { bubbles: true }));
        range.dispatchEvent(new Event('change', { bubbles: true }));
      }
      out.push(range.id);
    }
    return out;
  }, [...SCRIPT_PAYLOADS, ...BAD_VALUES]);
  assert.ok(results.length >= 30);
  await nextFrames(page);
  await nextFrames(page);
  const values = await page.evaluate(() =>
    [...document.querySelectorAll('input[type=range]')].map((r) => ({ id: r.id, value: Number(r.dataset.value), min: Number(r.dataset.min), max: Number(r.dataset.max) })),
  );
  for (const v of values) assert.ok(Number.isFinite(v.value) && v.value >= v.min && v.value <= v.max, `${v.id}: ${v.value}`);
  assert.match(await page.textContent('#story'), /\d/);
  assert.deepEqual(await tripwires(page), clean());
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- The URL ----------------------------------------------------------------------------------

function fragments() {
  const enc = encodeURIComponent;
  const list = [];
  for (const p of SCRIPT_PAYLOADS) {
    // Every field of the link at once (the reader is lenient: each piece is judged alone),
    // a bad version (the whole link is judged) and a bare anchor.
    const e = enc(p);
    list.push(`v=2&layoffShare=${e}&${e}=0.5&p=${e}&d=${e}&t=${e}&pin=${e}&cur=${e}&rate=${e}&lang=${e}&${e}`, `v=${e}&layoffShare=0.5`, e);
  }
  list.push(SCRIPT_PAYLOADS[0], `v=2&layoffShare=${SCRIPT_PAYLOADS[1]}`); // not encoded at all
  list.push('v=2&__proto__=1&constructor=1&prototype=1', 'v=2&__proto__[polluted]=1', 'v=2&toString=1&hasOwnProperty=1');
  for (const b of BAD_VALUES) list.push(`v=2&layoffShare=${enc(b)}&aiShare=${enc(b)}`);
  list.push(`v=2&${'a=1&'.repeat(5000)}`, `v=2&layoffShare=${'9'.repeat(20000)}`, 'v=2&layoffShare=0.5&layoffShare=0.6', '%E0%A4%A', 'v=2&%ZZ=1');
  return list;
}

test('URL fragments: payloads and broken links open a working page with a text notice, nothing runs', async () => {
  const { context, page, errors } = await newPage();
  let index = 0;
  for (const fragment of fragments()) {
    index += 1;
    await page.goto(`${server.url}?n=${index}#${fragment}`);
    await waitForRender(page);
    const state = await page.evaluate(() => ({
      notices: [...document.querySelectorAll('#notices *')].filter((e) => /^(script|img|iframe|svg|a)$/i.test(e.tagName) && !e.closest('button')).map((e) => `${e.tagName}${e.getAttribute('href') ? ` ${e.getAttribute('href')}` : ''}`),
      story: document.getElementById('story').textContent,
    }));
    assert.match(state.story, /\d/, `#${fragment.slice(0, 60)}: the page still draws`);
    for (const n of state.notices) assert.doesNotMatch(n, /^(SCRIPT|IMG|IFRAME|SVG)|javascript:/i, `#${fragment.slice(0, 60)}: ${n}`);
    assert.deepEqual(await tripwires(page), clean(), `#${fragment.slice(0, 60)}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('URL fragments changed mid-session (hashchange) cannot inject either', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(server.url);
  await waitForRender(page);
  for (const fragment of fragments().slice(0, 60)) {
    await page.evaluate((f) => {
      location.hash = f;
    }, fragment);
    await nextFrames(page);
  }
  await nextFrames(page);
  assert.match(await page.textContent('#story'), /\d/);
  assert.deepEqual(await tripwires(page), clean());
  assert.deepEqual(errors, []);
  await context.close();
});

test('query options (?lang, ?embed, ?charts, ?controls, ?cur, ?rate): payloads are ignored with a text notice', async () => {
  const { context, page, errors } = await newPage();
  const enc = encodeURIComponent;
  const queries = SCRIPT_PAYLOADS.slice(0, 5).flatMap((p) => [
    `lang=${enc(p)}`,
    `embed=${enc(p)}`,
    `embed=1&charts=${enc(p)}&controls=${enc(p)}`,
    `cur=${enc(p)}&rate=${enc(p)}`,
  ]);
  queries.push(`embed=1&charts=${'savings,'.repeat(500)}`, `lang=${'i'.repeat(3000)}`); // servers refuse URLs much over 8 KB
  for (const query of queries) {
    await page.goto(`${server.url}?${query}`);
    await waitForRender(page);
    assert.deepEqual(await tripwires(page), clean(), `?${query.slice(0, 60)}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- postMessage ------------------------------------------------------------------------------

const MESSAGES = [
  ...SCRIPT_PAYLOADS,
  ...SCRIPT_PAYLOADS.map((p) => ({ type: 'layoff-whatif:height', height: p })),
  ...SCRIPT_PAYLOADS.map((p) => ({ type: p, height: 300 })),
  { type: 'layoff-whatif:height', height: 1e9 },
  { type: 'layoff-whatif:height', height: -100 },
  { type: 'layoff-whatif:height', height: '300px; background: url(javascript:window.__pwned=1)' },
  { type: 'layoff-whatif:height', height: { valueOf: 'x' } },
  { type: 'layoff-whatif:height', height: 'NaN' },
  { type: 'layoff-whatif:set', params: { layoffShare: 0.9 } },
  { type: 'layoff-whatif:state', state: { preset: SCRIPT_PAYLOADS[0] } },
  null,
  42,
];

/** What a message could change: the state in the address, the prose, the numbers, the sliders. */
function stateOf(target) {
  return target.evaluate(() => ({
    hash: location.hash,
    prose: document.getElementById('story').textContent,
    numbers: document.getElementById('numbers').textContent,
    values: [...document.querySelectorAll('input[type=range]')].map((r) => r.dataset.value),
  }));
}

test('postMessage: the page takes no commands and runs nothing, from its own window or a hostile host page', async () => {
  const { context, page, errors } = await newPage();
  await page.goto(server.url);
  await waitForRender(page);
  const good = await stateOf(page);
  await page.evaluate((messages) => {
    for (const m of messages) window.postMessage(m, '*');
  }, MESSAGES);
  await nextFrames(page);
  assert.deepEqual(await stateOf(page), good, 'nothing changed');
  assert.deepEqual(await tripwires(page), clean());
  // A hostile page of another origin (another port) embeds the explainer and messages it.
  const evilDir = mkdtempSync(join(tmpdir(), 'whatif-evil-'));
  writeFileSync(join(evilDir, 'host.html'), `<!doctype html><title>evil</title><iframe id="f" src="${server.url}" style="width:1280px;height:900px"></iframe>`);
  const evil = await startServer(evilDir);
  await page.goto(`${evil.url}host.html`);
  const frame = page.frames().find((f) => f.url().startsWith(server.url));
  await frame.waitForFunction(() => document.body?.dataset.ready === '1' && Number(document.body.dataset.rendered) >= 1);
  const framedGood = await stateOf(frame);
  await page.evaluate((messages) => {
    const target = document.getElementById('f').contentWindow;
    for (const m of messages) target.postMessage(m, '*');
  }, MESSAGES);
  await frame.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  assert.deepEqual(await stateOf(frame), framedGood, 'nothing changed in the framed page');
  assert.deepEqual(await tripwires(frame), clean());
  assert.deepEqual(errors, []);
  await context.close();
  await evil.close();
});

test('postMessage: embed-host.js resizes only its own frame from its origin and runs nothing else', { skip: !existsSync(join(WWW, 'embed-host.js')) && 'www/embed-host.js does not exist yet' }, async () => {
  const { context, page, errors } = await newPage();
  const hostUrl = `${server.url}__security-host.html`;
  const evilUrl = 'http://evil.invalid/frame.html';
  await page.route(hostUrl, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>host</title>
        <script>
          // Test fixture: the heights our own frame reports, to compare with what the host did.
          window.__ours = [];
          addEventListener('message', (e) => {
            const f = document.getElementById('ours');
            if (f && e.source === f.contentWindow && e.data && typeof e.data.height === 'number') window.__ours.push(e.data.height);
          });
        </script>
        <iframe id="ours" data-layoff-whatif src="${server.url}?embed=1" title="ours" style="height:123px"></iframe>
        <iframe id="evil" src="${evilUrl}" title="evil"></iframe>
        <script src="${server.url}embed-host.js"></script>`,
    }),
  );
  await page.route(evilUrl, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>evil</title>' }));
  await page.goto(hostUrl);
  const ours = page.frameLocator('#ours');
  await ours.locator('body[data-ready="1"]').waitFor();
  await page.waitForFunction(() => document.getElementById('ours').style.height !== '123px');
  // The foreign frame sends every message, pretending to be ours too.
  const evil = page.frames().find((f) => f.url() === evilUrl);
  await evil.evaluate((messages) => {
    for (const m of messages) parent.postMessage(m, '*');
  }, MESSAGES);
  // The host's own window and our frame's window (a script in our frame is not how a reader
  // gets in, but the host must still only accept sane numbers).
  await page.evaluate((messages) => {
    for (const m of messages) window.postMessage(m, '*');
  }, MESSAGES);
  await page.frames().find((f) => f.url().includes('embed=1')).evaluate((messages) => {
    for (const m of messages) {
      if (m && typeof m === 'object' && m.type === 'layoff-whatif:height' && typeof m.height !== 'number') parent.postMessage(m, '*');
    }
  }, MESSAGES);
  await page.waitForTimeout(0);
  await nextFrames(page);
  const { height, reported } = await page.evaluate(() => ({ height: document.getElementById('ours').style.height, reported: window.__ours }));
  assert.ok(reported.length > 0);
  assert.equal(height, `${Math.ceil(reported.at(-1))}px`, 'the frame has the height it reported itself; no foreign or malformed message changed it');
  assert.equal(await page.evaluate(() => document.getElementById('evil').style.height), '', 'the foreign frame is never resized');
  assert.equal(await page.evaluate(() => window.__pwned), 0);
  assert.deepEqual(await page.evaluate(() => window.__suspicious.filter((s) => s !== '<iframe>' && s !== '<script>')), []);
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- The command line ---------------------------------------------------------------------------

test('CLI flags and scenario files: payloads exit with status 2 and a message, render nothing, never panic', () => {
  const cli = join(ROOT, 'target', 'debug', 'layoff-whatif');
  assert.ok(existsSync(cli), 'the CLI is not built (cargo build)');
  const dir = mkdtempSync(join(tmpdir(), 'whatif-sec-'));
  const runs = [];
  for (const p of [...SCRIPT_PAYLOADS, ...BAD_VALUES.slice(0, 12)]) {
    const file = join(dir, `s${runs.length}.json`);
    writeFileSync(file, JSON.stringify({ version: 1, preset: p, params: { [p]: p, layoffShare: p } }));
    runs.push(['run', '--set', `layoffShare=${p}`]);
    runs.push(['run', '--set', `${p}=0.5`]);
    runs.push(['run', '--preset', p]);
    runs.push(['run', '--scenario', file]);
    runs.push(['chart', '--kind', p]);
    runs.push(['chart', '--kind', 'savings', '--theme', p]);
    runs.push(['chart', '--kind', 'savings', '--width', p]);
    runs.push(['run', '--format', p]);
    runs.push([p]);
  }
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{"version": 1, "params": {"layoffShare": <script>}}');
  runs.push(['run', '--scenario', broken]);
  for (const args of runs) {
    if (args.some((a) => a.includes('\u0000'))) continue; // no process can take a NUL in its arguments
    const r = spawnSync(cli, args, { encoding: 'utf8' });
    assert.equal(r.status, 2, `${JSON.stringify(args).slice(0, 120)}: status ${r.status}, ${r.stderr.slice(0, 200)}`);
    assert.equal(r.stdout, '', 'nothing rendered');
    assert.ok(r.stderr.trim().length > 0 && !/panicked/.test(r.stderr), r.stderr.slice(0, 200));
  }
  // A sanity check that the same binary works with good input.
  assert.match(execFileSync(cli, ['run', '--format', 'json'], { encoding: 'utf8' }), /"summary"/);
});

// ---- Privacy and the Content-Security-Policy ----------------------------------------------

/** Every page a reader can open: the HTML files of www/ and dist/ (test fixtures excluded). */
function pages() {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (!/^(fixtures?|tests?|pkg)$/.test(name)) walk(path);
      } else if (name.endsWith('.html')) found.push(path);
    }
  };
  walk(WWW);
  if (existsSync(join(ROOT, 'dist'))) walk(join(ROOT, 'dist'));
  return found;
}

test('every page carries a strict Content-Security-Policy meta', () => {
  const list = pages();
  assert.ok(list.length >= 2, list.join(', '));
  for (const path of list) {
    const html = readFileSync(path, 'utf8');
    const name = relative(ROOT, path);
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
    assert.ok(meta, `${name}: no CSP meta`);
    const policy = Object.fromEntries(meta[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    assert.ok(['self', 'none'].some((v) => policy['default-src']?.includes(`'${v}'`)), `${name}: default-src`);
    const scripts = policy['script-src'] || policy['default-src'];
    for (const source of scripts) assert.match(source, /^'(self|none|wasm-unsafe-eval|sha256-[A-Za-z0-9+/=]+)'$/, `${name}: script-src ${source}`);
    const styles = policy['style-src'] || policy['default-src'];
    for (const source of styles) assert.match(source, /^'(self|none|sha256-[A-Za-z0-9+/=]+)'$/, `${name}: style-src ${source}`);
    assert.deepEqual(policy['object-src'], ["'none'"], `${name}: object-src`);
    assert.deepEqual(policy['base-uri'], ["'none'"], `${name}: base-uri`);
    for (const [directive, sources] of Object.entries(policy)) {
      for (const s of sources) assert.ok(!/^(\*|https?:|http:\/\/|https:\/\/)/.test(s), `${name}: ${directive} allows ${s}`);
    }
    // No inline script or style the policy would have to allow.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:json|octet-stream)")[^>]*>/g)];
    if (!policy['script-src']?.some((s) => s.startsWith("'sha256-"))) assert.deepEqual(inline.map((m) => m[0]), [], `${name}: inline script`);
    assert.doesNotMatch(html.replace(/<script[\s\S]*?<\/script>/g, ''), /\sstyle="|\son[a-z]+="/i, `${name}: inline style or handler attribute`);
  }
});

async function fullSession(page, rounds = 2) {
  // Every slider by keyboard, a typed value, every preset and level, every details, then
  // every button on the page (downloads, copy, embed, tables, undo, ...), twice.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  for (const id of await page.evaluate(() => [...document.querySelectorAll('input[type=range]')].filter((r) => r.offsetParent).map((r) => r.id))) {
    await page.locator(`#${id}`).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
  }
  if (await page.locator('#aiShare-typed').isVisible()) {
    await page.fill('#aiShare-typed', '35');
    await page.press('#aiShare-typed', 'Enter');
  }
  for (const radio of await page.locator('input[type=radio]:visible').all()) await radio.check();
  for (let round = 0; round < rounds; round += 1) {
    const count = await page.locator('button').count();
    for (let i = 0; i < count; i += 1) {
      const button = page.locator('button').nth(i);
      if (!(await button.isVisible().catch(() => false)) || !(await button.isEnabled().catch(() => false))) continue;
      if (await button.evaluate((b) => Boolean(b.closest('#load-error, #invalid-notice')) || /reload|muat ulang/i.test(b.textContent))) continue;
      await button.click({ timeout: 2000 }).catch(() => {});
      await page.keyboard.press('Escape');
    }
  }
  await nextFrames(page);
}

for (const [name, query, rounds] of [
  ['the full page', '', 2],
  ['the embed view', '?embed=1&controls=layoffShare,aiShare,presets,depth&charts=savings,costs', 2],
  ['the Indonesian page', '?lang=id', 1],
]) {
  test(`privacy: ${name} — a full session stays on our origin, stores nothing, and breaks no CSP rule`, async () => {
    const { context, page, errors, requests } = await newPage();
    await page.goto(`${server.url}${query}`);
    await waitForRender(page);
    await fullSession(page, rounds);
    const origin = new URL(server.url).origin;
    const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
    assert.deepEqual(foreign, [], 'requests to other origins');
    const stored = await page.evaluate(async () => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      idb: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
      caches: typeof caches === 'object' ? await caches.keys() : [],
      workers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
    }));
    assert.deepEqual(stored, { cookie: '', local: 0, session: 0, idb: [], caches: [], workers: 0 });
    assert.deepEqual(await context.cookies(), []);
    const wires = await tripwires(page);
    assert.deepEqual(wires.csp, [], 'CSP violations');
    assert.equal(wires.pwned, 0);
    assert.deepEqual(errors, []);
    assert.ok(requests.length > 5, `the session made ${requests.length} requests`);
    await context.close();
  });
}
