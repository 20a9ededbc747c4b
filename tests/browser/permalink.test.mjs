// Permalinks, undo/redo and browser history, the way a reader uses them:
//
// - a link copied with "Copy link" opens, in a fresh page, the same sliders, model level,
//   preset, open data table, charts (pixel for pixel) and prose, and holds only what changed;
// - the copy fallback selects the link in a read-only field when the clipboard is missing;
// - broken links (unknown key, value out of range, not a number, v=99, garbage, script-like
//   payloads) open the nearest valid scenario and say what was ignored, as plain text;
// - undo/redo (buttons and keys) and Back/Forward walk the reader's finished steps; a drag is
//   one step; Ctrl+Z in a text field stays the browser's; a fragment edited by hand applies.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, waitForRender, renderCount, snapshot, nextFrames, wasmCall, waitForAddress } from './helpers.mjs';

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

/** Runs `action` and waits until the page has drawn at least one more frame and the address shows it. */
async function changed(page, action) {
  const count = await renderCount(page);
  await action();
  await page.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, count);
  await waitForAddress(page);
}

/** Waits until the uncertainty analysis (if the page has one) has settled and is drawn. */
async function settled(page) {
  await page.waitForFunction(() => {
    const note = document.getElementById('uncertainty-note');
    return !note || ['ready', 'nothing', 'error'].includes(note.dataset.state);
  });
  await nextFrames(page);
}

/** What the reader sees of the state: every slider's exact value, the preset and the level. */
function readState(page) {
  return page.evaluate(() => ({
    values: Object.fromEntries([...document.querySelectorAll('input[type=range]')].map((r) => [r.id, r.dataset.value])),
    preset: document.querySelector('button.preset[aria-pressed="true"]')?.dataset.preset,
    depth: document.querySelector('input[name=modelDepth]:checked')?.value,
    prose: document.getElementById('story').textContent,
  }));
}

async function typeValue(page, key, text) {
  await changed(page, async () => {
    await page.fill(`#${key}-typed`, text);
    await page.press(`#${key}-typed`, 'Enter');
  });
}

async function key(page, sliderKey, press) {
  await changed(page, async () => {
    await page.focus(`#${sliderKey}`);
    await page.keyboard.press(press);
  });
}

function fragmentKeys(url) {
  return new URL(url).hash.slice(1).split('&').map((p) => p.split('=')[0]);
}

test('a copied link round-trips exactly in a fresh page', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  await waitForRender(page);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

  await changed(page, () => page.click('button[data-preset="klarna-like"]'));
  await changed(page, () => page.check('#modelDepth-3'));
  await key(page, 'layoffShare', 'End');
  await key(page, 'customersBefore', 'ArrowLeft'); // a logarithmic slider
  await typeValue(page, 'aiShare', '37.5');
  await typeValue(page, 'aiPricePerConversation', '0.37');
  await typeValue(page, 'headcountBefore', '2345');
  await changed(page, () => page.click('#table-toggle-costs'));

  const url = page.url();
  assert.deepEqual(
    fragmentKeys(url).sort(),
    ['v', 'p', 'd', 't', 'layoffShare', 'customersBefore', 'aiShare', 'aiPricePerConversation', 'headcountBefore'].sort(),
    'the link holds only what changed',
  );
  assert.match(url, /#v=2&p=klarna-like&/);
  assert.match(url, /aiShare=0\.375(&|$)/);

  await page.bringToFront();
  await page.click('#copy-link');
  await page.waitForFunction(() => document.getElementById('share-status').textContent !== '');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The address of this scenario, with its preset also in the query (issue 16: a link's
  // preview names the preset, and a fragment never reaches a server).
  const expected = new URL(url);
  expected.searchParams.set('preset', 'klarna-like');
  assert.equal(copied, expected.href, 'Copy link copies the address of this scenario');
  assert.equal(await page.textContent('#share-status'), 'Link copied');

  await settled(page);
  const before = await readState(page);
  const beforeSnap = await snapshot(page);
  const beforeTable = await page.innerHTML('#table-costs');
  const computed = await page.evaluate(() => ({ ...document.body.dataset }));
  assert.ok(Number(computed.rendered) > 0);

  const fresh = await openPage(browser, copied);
  await waitForRender(fresh.page);
  await settled(fresh.page);
  const afterState = await readState(fresh.page);
  assert.deepEqual(afterState, before, 'every slider, the preset, the level and the prose');
  const afterSnap = await snapshot(fresh.page);
  assert.deepEqual(afterSnap.charts, beforeSnap.charts, 'the charts, pixel for pixel');
  assert.equal(afterSnap.prose, beforeSnap.prose);
  assert.equal(afterSnap.numbers, beforeSnap.numbers);
  assert.equal(await fresh.page.innerHTML('#table-costs'), beforeTable, 'the open data table');
  assert.equal(fresh.page.url(), expected.href, 'the address stays as it was');
  assert.equal(await fresh.page.locator('#notices .link-notice').count(), 0, 'no notice for a good link');
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('without a clipboard, Copy link selects the link in a read-only field', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#v=2&aiShare=0.25`);
  await waitForRender(page);
  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
  await page.click('#copy-link');
  const field = page.locator('#share-link');
  await field.waitFor({ state: 'visible' });
  assert.equal(await field.inputValue(), `${server.url}#v=2&aiShare=0.25`);
  assert.equal(await field.getAttribute('readonly'), '');
  const selection = await page.evaluate(() => {
    const f = document.getElementById('share-link');
    return { focused: document.activeElement === f, start: f.selectionStart, end: f.selectionEnd, length: f.value.length };
  });
  assert.deepEqual(selection, { focused: true, start: 0, end: selection.length, length: selection.length });
  assert.match(await page.textContent('#share-status'), /Ctrl\+C/);
  assert.deepEqual(problems, []);
  await context.close();
});

const BROKEN = [
  {
    name: 'an unknown key',
    fragment: 'v=2&aiShare=0.3&bogusKey=7',
    notice: [/“bogusKey=7”: this is not a setting/],
    expect: { aiShare: '0.3' },
    clean: 'v=2&aiShare=0.3',
  },
  {
    name: 'a value out of range and one that is not a number',
    fragment: 'v=2&p=klarna-like&aiShare=2&layoffShare=abc&headcountBefore=1500',
    notice: [/“aiShare=2”: 200% is outside the allowed range .*\(0% to 95%\)/, /“layoffShare=abc”: “abc” is not a number/],
    expect: { preset: 'klarna-like', aiShare: 'preset', layoffShare: 'preset', headcountBefore: '1500' },
    clean: 'v=2&p=klarna-like&headcountBefore=1500',
  },
  {
    name: 'an unknown version',
    fragment: 'v=99&p=salesforce-like&aiShare=0.4',
    notice: [/version 99/],
    expect: { preset: 'salesforce-like', aiShare: '0.4' },
    clean: 'v=2&p=salesforce-like&aiShare=0.4',
  },
  {
    name: 'garbage',
    fragment: '%E0%A4%A&&==&p=nope&horizonMonths=12.5&d=7&aiShare=1e999&t=savings,pie',
    notice: [/broken %-encoding/, /“nope” is not one of the cases/, /whole number/, /“d=7”/, /far too large/, /“pie” is not a chart/],
    expect: { preset: 'typical', horizonMonths: 'preset', aiShare: 'preset' },
    clean: 'v=2&t=savings',
  },
  {
    name: 'a wrong-case key gets a suggestion',
    fragment: 'v=2&AISHARE=0.2',
    notice: [/did you mean “aiShare”/],
    expect: { aiShare: 'preset' },
    clean: '',
  },
];

for (const c of BROKEN) {
  test(`a broken link (${c.name}) opens the nearest valid scenario and says what was ignored`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}#${c.fragment}`);
    await waitForRender(page);
    const notice = page.locator('#notices .link-notice');
    assert.equal(await notice.count(), 1, 'a notice is shown');
    const text = await notice.textContent();
    for (const pattern of c.notice) assert.match(text, pattern);
    assert.match(text, /nearest valid scenario/);

    const state = await readState(page);
    const preset = c.expect.preset || 'typical';
    assert.equal(state.preset, preset);
    const table = (await wasmCall(page, 'tables')).presets;
    const presetParams = table.find((p) => p.name === preset).params;
    for (const [k, v] of Object.entries(c.expect)) {
      if (k === 'preset') continue;
      assert.equal(state.values[k], v === 'preset' ? String(presetParams[k]) : v, k);
    }
    assert.equal(new URL(page.url()).hash.slice(1), c.clean, 'the address shows the scenario actually used');

    await page.click('#notices .link-notice__close');
    assert.equal(await page.locator('#notices .link-notice').count(), 0, 'the notice can be dismissed');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('script-like payloads in a link are shown as text and never run', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs = [];
  const problems = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    window.alert = () => {
      window.__ran = true;
    };
  });
  const payload = '#v=2&<img src=x onerror=alert(1)>=1&p=<script>alert(2)</script>&aiShare=<svg onload=alert(3)>&t=<b>x</b>';
  await page.goto(`${server.url}${payload}`);
  await waitForRender(page);
  const text = await page.textContent('#notices');
  assert.ok(text.includes('<img src=x onerror=alert(1)>=1'), text);
  assert.ok(text.includes('<script>alert(2)</script>'), text);
  assert.ok(text.includes('<svg onload=alert(3)>'), text);
  assert.ok(text.includes('<b>x</b>'), text);
  const injected = await page.evaluate(() => ({
    elements: document.querySelectorAll('#notices img, #notices script, #notices svg, #notices b').length,
    ran: Boolean(window.__ran),
    handlers: document.querySelectorAll('[onerror], [onload], img[src="x"]').length,
  }));
  assert.deepEqual(injected, { elements: 0, ran: false, handlers: 0 });
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
  assert.equal((await readState(page)).preset, 'typical');
  await context.close();
});

test('undo and redo, Back and Forward walk the finished steps', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  const length = () => page.evaluate(() => history.length);
  const steps = [await readState(page)];
  const startLength = await length();
  assert.ok(await page.isDisabled('#undo-button'));
  assert.ok(await page.isDisabled('#redo-button'));

  await changed(page, () => page.click('button[data-preset="klarna-like"]'));
  steps.push(await readState(page));
  await key(page, 'aiShare', 'End');
  steps.push(await readState(page));

  // A drag with the mouse is one step, however many frames it draws.
  await page.locator('#layoffShare').scrollIntoViewIfNeeded();
  const box = await page.locator('#layoffShare').boundingBox();
  const y = box.y + box.height / 2;
  const startX = box.x + box.width * (Number(steps[2].values.layoffShare) / 0.9);
  await changed(page, async () => {
    await page.mouse.move(startX, y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i += 1) await page.mouse.move(startX - i * 8, y);
    await page.mouse.up();
  });
  steps.push(await readState(page));
  assert.notEqual(steps[3].values.layoffShare, steps[2].values.layoffShare, 'the drag moved the slider');
  assert.equal(await length(), startLength + 3, 'one history entry per step, one for the whole drag');

  await typeValue(page, 'headcountBefore', '2000');
  steps.push(await readState(page));
  assert.equal(await length(), startLength + 4);

  // Ctrl+Z in a text field is the field's own undo, not the page's.
  const url = page.url();
  await page.focus('#aiShare-typed');
  await page.keyboard.type('9');
  await page.keyboard.press('Control+z');
  assert.equal(page.url(), url);
  assert.deepEqual((await readState(page)).values, steps[4].values);
  await page.evaluate(() => document.activeElement.blur());
  assert.equal(await length(), startLength + 4, 'no step from the text field');

  const expectStep = async (n, what) => assert.deepEqual(await readState(page), steps[n], what);
  await changed(page, () => page.keyboard.press('Control+z'));
  await expectStep(3, 'Ctrl+Z');
  await changed(page, () => page.click('#undo-button'));
  await expectStep(2, 'the Undo button');
  await changed(page, () => page.keyboard.press('Control+Shift+z'));
  await expectStep(3, 'Ctrl+Shift+Z');
  await changed(page, () => page.click('#redo-button'));
  await expectStep(4, 'the Redo button');
  assert.ok(await page.isDisabled('#redo-button'));
  await changed(page, () => page.goBack());
  await expectStep(3, 'Back');
  await changed(page, () => page.goBack());
  await expectStep(2, 'Back again');
  await changed(page, () => page.goForward());
  await expectStep(3, 'Forward');
  await changed(page, () => page.keyboard.press('Control+y'));
  await expectStep(4, 'Ctrl+Y');
  for (let n = 3; n >= 0; n -= 1) {
    await changed(page, () => page.click('#undo-button'));
    await expectStep(n, `undo to step ${n}`);
  }
  assert.ok(await page.isDisabled('#undo-button'), 'nothing before the first step');
  assert.equal(new URL(page.url()).hash, '', 'the default scenario has a clean address');

  // A fragment edited by hand in the address bar applies, with a notice for what it ignored.
  await changed(page, () => page.evaluate(() => { location.hash = 'v=2&p=salesforce-like&aiShare=0.2&oops=1'; }));
  const edited = await readState(page);
  assert.equal(edited.preset, 'salesforce-like');
  assert.equal(edited.values.aiShare, '0.2');
  assert.match(await page.textContent('#notices'), /“oops=1”/);
  assert.equal(new URL(page.url()).hash, '#v=2&p=salesforce-like&aiShare=0.2');
  await changed(page, () => page.click('#undo-button'));
  await expectStep(0, 'undo after a hand-edited fragment');

  // In-page links move the focus but leave the state in the address.
  await changed(page, () => page.click('button[data-preset="augment"]'));
  const before = page.url();
  await page.focus('.skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'model');
  assert.equal(page.url(), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('codec: shortest exact numbers and registered fields', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  const result = await page.evaluate(async () => {
    const p = await import('./js/permalink.js');
    const store = await import('./js/state.js');
    const numbers = [0.5, 0.1 + 0.2, 200000000, 1e-7, 0.375, 5080, -0.64, 1 / 3, -0].map((x) => {
      const text = p.shortNumber(x);
      return { text, back: Object.is(Number(text), x) };
    });
    // A field added by another feature round-trips without touching permalink.js.
    p.register('demo', {
      encode: (s) => (s.demo ? `x:${s.demo}` : undefined),
      decode: (text) => (text.startsWith('x:') ? { demo: text.slice(2) } : new Error('not a demo value')),
      absent: () => ({ demo: null }),
    });
    const state = { ...store.getState(), params: { aiShare: 0.1 + 0.2 }, demo: 'on', pinned: { preset: 'augment', params: { aiShare: 0.25 }, depth: 2 } };
    const fragment = p.encode(state);
    const back = p.read(fragment);
    const bad = p.read('v=2&demo=y&pin=nope,aiShare:9,zz:1');
    return { numbers, fragment, back: back.state, problems: back.problems, bad };
  });
  assert.deepEqual(
    result.numbers.map((n) => n.text),
    ['0.5', '0.30000000000000004', '2e8', '1e-7', '0.375', '5080', '-0.64', '0.3333333333333333', '-0'],
  );
  assert.ok(result.numbers.every((n) => n.back), 'every number reads back exactly');
  assert.equal(result.fragment, 'v=2&aiShare=0.30000000000000004&pin=augment,aiShare:0.25,d:2&demo=x:on');
  assert.equal(result.back.params.aiShare, 0.1 + 0.2);
  assert.equal(result.back.demo, 'on');
  assert.deepEqual(result.back.pinned, { preset: 'augment', params: { aiShare: 0.25 }, depth: 2 });
  assert.deepEqual(result.problems, []);
  assert.equal(result.bad.state.demo, null);
  assert.equal(result.bad.state.pinned.preset, 'typical');
  assert.deepEqual(result.bad.state.pinned.params, {});
  const badText = result.bad.problems.join('\n');
  assert.match(badText, /not a demo value/);
  assert.match(badText, /“nope” is not one of the cases/);
  assert.match(badText, /pinned scenario: .*outside the allowed range/);
  assert.match(badText, /“zz:1”/);
  assert.deepEqual(problems, []);
  await context.close();
});
