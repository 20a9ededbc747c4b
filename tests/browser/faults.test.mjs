// Faults: every way the model can fail to start or break while running gives a visible,
// translated message with a way to recover, never a blank or frozen page.
//
// Failed loads are forced with route interception (404, network error, corrupt bytes, a CSP
// without 'wasm-unsafe-eval', a missing glue module, a missing language file) and an init
// script that deletes window.WebAssembly (an old browser). Each shows its own message, the
// build-time numbers and chart (js/fallback.js) and a reload button that brings the page back.
//
// Panics are real WebAssembly traps in the production module: the test serves a copy of the
// .wasm whose chosen exports begin with `if (global __fault) unreachable`, and exports that
// global so the test can arm it when it likes. Readers never get this module.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, openPage, waitForRender, waitForSettled, snapshot, nextFrames, WWW } from './helpers.mjs';

let server;
let browser;
const en = JSON.parse(readFileSync(join(WWW, 'i18n', 'en.json'), 'utf8'));
const idPath = join(WWW, 'i18n', 'id.json');
const id = existsSync(idPath) ? JSON.parse(readFileSync(idPath, 'utf8')) : null;
const languages = (readFileSync(join(WWW, 'js', 'i18n.js'), 'utf8').match(/LANGUAGES\s*=\s*\[([^\]]*)\]/)?.[1] || '')
  .split(',')
  .map((s) => s.trim().replace(/['"]/g, ''))
  .filter(Boolean);

before(async () => {
  assert.ok(existsSync(join(WWW, 'fallback', 'summary.json')), 'www/fallback/ is missing: run bash scripts/build-dist.sh');
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// ---- A minimal wasm rewriter: arm chosen exports with a trap behind an exported global --------

function readLeb(bytes, pos) {
  let result = 0;
  let factor = 1;
  let byte;
  do {
    byte = bytes[pos++];
    result += (byte & 0x7f) * factor;
    factor *= 128;
  } while (byte & 0x80);
  return [result, pos];
}

function leb(n) {
  const out = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

function readName(bytes, pos) {
  const [len, p] = readLeb(bytes, pos);
  return [Buffer.from(bytes.subarray(p, p + len)).toString('utf8'), p + len];
}

function skipLimits(bytes, pos) {
  const flags = bytes[pos++];
  let p;
  [, p] = readLeb(bytes, pos);
  if (flags & 1) [, p] = readLeb(bytes, p);
  return p;
}

/**
 * Returns a copy of `wasm` with a new exported mutable i32 global `__fault` (initially
 * `armed`), and each export in `names` starting with `global.get __fault; if; unreachable; end`.
 */
export function armFaults(wasm, names, armed = 0) {
  const bytes = new Uint8Array(wasm);
  const sections = [];
  for (let pos = 8; pos < bytes.length; ) {
    const sectionId = bytes[pos];
    const [size, start] = readLeb(bytes, pos + 1);
    sections.push({ id: sectionId, body: bytes.subarray(start, start + size) });
    pos = start + size;
  }
  const find = (sid) => sections.find((s) => s.id === sid) ?? assert.fail(`no section ${sid}`);
  let funcImports = 0;
  let globalImports = 0;
  const imports = sections.find((s) => s.id === 2);
  if (imports) {
    const b = imports.body;
    let [count, p] = readLeb(b, 0);
    for (; count > 0; count -= 1) {
      [, p] = readName(b, p);
      [, p] = readName(b, p);
      const kind = b[p++];
      if (kind === 0) ([, p] = readLeb(b, p), (funcImports += 1));
      else if (kind === 1) p = skipLimits(b, p + 1);
      else if (kind === 2) p = skipLimits(b, p);
      else if (kind === 3) ((p += 2), (globalImports += 1));
      else if (kind === 4) [, p] = readLeb(b, p + 1);
      else assert.fail(`unknown import kind ${kind}`);
    }
  }
  // The global: appended, so no other index moves.
  const globals = find(6);
  const [globalCount, globalsAt] = readLeb(globals.body, 0);
  const faultGlobal = globalImports + globalCount;
  globals.body = Uint8Array.from([...leb(globalCount + 1), ...globals.body.subarray(globalsAt), 0x7f, 0x01, 0x41, armed, 0x0b]);
  // The exports: find the functions, add the global.
  const exportsSection = find(7);
  const targets = new Map();
  {
    const b = exportsSection.body;
    let [count, p] = readLeb(b, 0);
    const total = count;
    for (; count > 0; count -= 1) {
      let name;
      [name, p] = readName(b, p);
      const kind = b[p++];
      let index;
      [index, p] = readLeb(b, p);
      if (kind === 0 && names.includes(name)) targets.set(index - funcImports, name);
    }
    const name = Buffer.from('__fault');
    exportsSection.body = Uint8Array.from([...leb(total + 1), ...b.subarray(readLeb(b, 0)[1]), ...leb(name.length), ...name, 0x03, ...leb(faultGlobal)]);
  }
  assert.equal(targets.size, names.length, `exports found: ${[...targets.values()]} of ${names}`);
  // The bodies: the trap goes right after the local declarations.
  const code = find(10);
  {
    const b = code.body;
    let [count, p] = readLeb(b, 0);
    const out = [...leb(count)];
    for (let index = 0; index < count; index += 1) {
      const [size, start] = readLeb(b, p);
      const body = b.subarray(start, start + size);
      p = start + size;
      if (!targets.has(index)) {
        out.push(...leb(size), ...body);
        continue;
      }
      let [groups, q] = readLeb(body, 0);
      for (; groups > 0; groups -= 1) {
        [, q] = readLeb(body, q); // how many locals of this type
        q += 1; // the type (one byte for numbers and references)
      }
      const patched = [...body.subarray(0, q), 0x23, ...leb(faultGlobal), 0x04, 0x40, 0x00, 0x0b, ...body.subarray(q)];
      out.push(...leb(patched.length), ...patched);
    }
    code.body = Uint8Array.from(out);
  }
  const parts = [bytes.subarray(0, 8)];
  for (const s of sections) parts.push(Uint8Array.from([s.id, ...leb(s.body.length)]), s.body);
  return Buffer.concat(parts.map((x) => Buffer.from(x)));
}

async function serveArmedWasm(page, names, armed = 0) {
  await page.route('**/*.wasm', async (route) => {
    // The page may close while its worker still fetches: a route that cannot be fulfilled
    // any more is no failure of the page.
    try {
      const response = await route.fetch();
      const body = armFaults(await response.body(), names, armed);
      await route.fulfill({ response, body, headers: { ...response.headers(), 'content-type': 'application/wasm' } });
    } catch {
      await route.abort().catch(() => {});
    }
  });
}

function arm(page, value = 1) {
  return page.evaluate(async (v) => {
    const glue = await import('./pkg/layoff_whatif.js');
    const exports = await glue.default();
    exports.__fault.value = v;
  }, value);
}

// ---- Helpers ----------------------------------------------------------------------------------

function lookup(table, key) {
  return key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), table);
}

async function newPage({ lang, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const url = lang ? `${server.url}?lang=${lang}` : server.url;
  return { context, page, url, errors };
}

/** Checks the load-error box: the message of `kind` in `table`, a reload button, the fallback. */
async function checkLoadError(page, table, kind, { fallback = true } = {}) {
  const box = page.locator('#load-error');
  await box.waitFor({ state: 'visible' });
  assert.equal(await box.getAttribute('data-kind'), kind);
  assert.equal((await page.locator('#load-error h2').textContent()).trim(), lookup(table, `errors.${kind}Title`));
  assert.ok((await box.textContent()).includes(lookup(table, `errors.${kind}Body`)), 'the translated explanation');
  const reload = page.locator('#load-error button');
  assert.equal((await reload.textContent()).trim(), lookup(table, 'errors.reload'));
  await reload.focus();
  assert.ok(await reload.evaluate((b) => b === document.activeElement), 'the reload button takes focus');
  assert.ok(!(await page.locator('.loading').isVisible()), 'no endless "Loading"');
  if (fallback) {
    const panel = page.locator('#fallback');
    await panel.waitFor({ state: 'visible' });
    assert.equal((await page.locator('#fallback h2').textContent()).trim(), lookup(table, 'fallback.heading'));
    assert.equal(await page.locator('#fallback dt').count(), 8, 'eight key numbers');
    assert.match(await page.locator('#fallback dl').textContent(), /\d/);
    await page.waitForFunction(() => document.querySelector('#fallback img')?.complete);
    assert.ok((await page.locator('#fallback img').evaluate((i) => i.naturalWidth)) > 0, 'the fallback chart loads');
    assert.equal(await page.locator('#fallback img').getAttribute('alt'), lookup(table, 'fallback.chartAlt'));
  }
}

const tables = [['en', en]];
if (id && languages.includes('id')) tables.push(['id', id]);

// ---- Failed loads ---------------------------------------------------------------------------

const LOAD_FAULTS = [
  {
    name: 'the wasm file is missing (404)',
    kind: 'load',
    setup: (page) => page.route('**/*.wasm', (r) => r.fulfill({ status: 404, body: 'not found' })),
  },
  {
    name: 'the network fails while fetching the wasm',
    kind: 'load',
    setup: (page) => page.route('**/*.wasm', (r) => r.abort('failed')),
  },
  {
    name: 'the wasm bytes are corrupt',
    kind: 'load',
    setup: (page) =>
      page.route('**/*.wasm', (r) => r.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('\0asm\x01\0\0\0garbage') })),
  },
  {
    name: 'the wasm-bindgen glue module is missing',
    kind: 'load',
    setup: (page) => page.route('**/pkg/*.js', (r) => r.fulfill({ status: 404, body: 'not found' })),
  },
  {
    name: "a Content-Security-Policy without 'wasm-unsafe-eval' blocks WebAssembly",
    kind: 'blocked',
    setup: (page) =>
      page.route(/\/(\?.*)?$/, async (r) => {
        const response = await r.fetch();
        const html = (await response.text()).replace(" 'wasm-unsafe-eval'", '');
        await r.fulfill({ response, body: html });
      }),
  },
  {
    name: 'an old browser without WebAssembly',
    kind: 'noWasm',
    setup: (page) => page.addInitScript(() => delete window.WebAssembly),
  },
];

for (const [lang, table] of tables) {
  for (const fault of LOAD_FAULTS) {
    test(`${fault.name} (${lang}): a translated message, the fallback numbers and a reload that recovers`, async () => {
      const { context, page, url } = await newPage({ lang: lang === 'en' ? null : lang });
      await fault.setup(page);
      await page.goto(url);
      await checkLoadError(page, table, fault.kind);
      if (fault.kind !== 'noWasm') {
        // The fault goes away (the network is back, the policy fixed): the button recovers.
        await page.unrouteAll({ behavior: 'wait' });
        await page.locator('#load-error button').click();
        await waitForRender(page);
        assert.ok(await page.locator('#load-error').isHidden());
        assert.ok(await page.locator('#fallback').isHidden());
      }
      await context.close();
    });
  }
}

test('a missing language file still gives a visible message with a reload button (in English)', async () => {
  const { context, page, url } = await newPage();
  await page.route('**/i18n/*.json', (r) => r.fulfill({ status: 404, body: 'not found' }));
  await page.goto(url);
  const box = page.locator('#load-error');
  await box.waitFor({ state: 'visible' });
  assert.match(await box.textContent(), /could not be loaded/);
  assert.ok(await page.locator('#load-error button').isVisible());
  assert.match(await page.locator('h1').textContent(), /\w/, 'the headline is still there (static text)');
  await context.close();
});

// ---- Panics ----------------------------------------------------------------------------------

for (const [lang, table] of tables) {
  test(`a wasm panic in the first render (${lang}): a translated notice with a reload, not a blank page`, async () => {
    const { context, page, url } = await newPage({ lang: lang === 'en' ? null : lang });
    await serveArmedWasm(page, ['render'], 1);
    await page.goto(url);
    const notice = page.locator('#invalid-notice');
    await notice.waitFor({ state: 'visible' });
    assert.ok((await notice.textContent()).includes(lookup(table, 'errors.renderTitle')));
    assert.equal((await page.locator('#invalid-notice button').textContent()).trim(), lookup(table, 'errors.reload'));
    assert.ok(!(await page.locator('.loading').isVisible()), 'no endless "Loading"');
    assert.ok(await page.locator('h1').isVisible());
    await context.close();
  });
}

test('a wasm panic mid-session keeps the last good result on screen with a notice; reload recovers', async () => {
  const { context, page, url, errors } = await newPage();
  await serveArmedWasm(page, ['render', 'checkValue']);
  await page.goto(url);
  await waitForRender(page);
  await waitForSettled(page);
  const good = await snapshot(page);
  await arm(page, 1);
  await page.locator('#layoffShare').focus();
  await page.keyboard.press('ArrowRight');
  const notice = page.locator('#invalid-notice');
  await notice.waitFor({ state: 'visible' });
  assert.ok((await notice.textContent()).includes(en.errors.renderTitle));
  await nextFrames(page);
  assert.deepEqual(await snapshot(page), good, 'the last good charts, prose and numbers stay');
  assert.deepEqual(errors, [], 'the trap in the frame is handled, not thrown');
  const reload = page.locator('#invalid-notice button');
  await reload.click();
  await page.waitForLoadState('load');
  await waitForRender(page);
  assert.ok(await notice.isHidden(), 'after the reload the page works again');
  await context.close();
});

test('a wasm panic while checking a typed value shows the fault notice, not a wrong "bad value" message', async () => {
  const { context, page, url } = await newPage();
  await serveArmedWasm(page, ['checkValue']);
  await page.goto(url);
  await waitForRender(page);
  await waitForSettled(page);
  const good = await snapshot(page);
  await arm(page, 1);
  await page.fill('#layoffShare-typed', '45');
  await page.press('#layoffShare-typed', 'Enter');
  const notice = page.locator('#invalid-notice');
  await notice.waitFor({ state: 'visible' });
  assert.ok((await notice.textContent()).includes(en.errors.renderTitle));
  assert.ok(await page.locator('#err-layoffShare').isHidden(), 'no misleading field error');
  assert.deepEqual(await snapshot(page), good);
  await context.close();
});

test('the armed module is the real one: unarmed it renders exactly like the original', async () => {
  const plain = await openPage(browser, server.url);
  await waitForRender(plain.page);
  await waitForSettled(plain.page);
  const expected = await snapshot(plain.page);
  await plain.context.close();
  const { context, page, url } = await newPage();
  await serveArmedWasm(page, ['render', 'checkValue']);
  await page.goto(url);
  await waitForRender(page);
  await waitForSettled(page);
  assert.deepEqual(await snapshot(page), expected);
  await context.close();
});
