// A teacher's lock that holds (issue 16): with `?lock=` the locked values keep what the link
// set against every path that could change them (the slider, the typed box, a preset button,
// the tour, undo and redo, "Reset all", an edited address); locked controls say why with a
// lock drawn as SVG (no font needed); the tour gives the reader's own scenario back however it
// ends; "Reset all" returns to what the link set.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, waitForRender, waitForAddress } from './helpers.mjs';

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

const LINK = '?lock=aiShare&preset=klarna-like#v=2&p=klarna-like&aiShare=0.8&layoffShare=0.5';

/** What the model uses for a key (the state is the one source; the slider shows it). */
const valueOf = (page, key) => page.getAttribute(`#${key}`, 'data-value');
const presetOf = (page) => page.getAttribute('.preset[aria-pressed="true"]', 'data-preset');

async function open(url = LINK) {
  const opened = await openPage(browser, `${server.url}${url}`);
  await waitForRender(opened.page);
  return opened;
}

test('locked controls are disabled, say why, and show a lock drawn as SVG', async () => {
  const { page, context, problems } = await open();
  assert.equal(await valueOf(page, 'aiShare'), '0.8');
  assert.ok(await page.isDisabled('#aiShare'), 'the slider is disabled');
  assert.equal(await page.getAttribute('#aiShare-typed', 'readonly'), '');
  const note = await page.evaluate(() => {
    const n = document.getElementById('lock-aiShare');
    const svg = n?.querySelector('svg.lock-glyph');
    const box = svg?.getBoundingClientRect();
    return { text: n?.textContent.trim(), svg: Boolean(svg), w: box?.width, h: box?.height, describes: document.getElementById('aiShare').getAttribute('aria-describedby') };
  });
  assert.equal(note.text, 'Locked by your teacher');
  assert.ok(note.svg && note.w > 5 && note.h > 5, `the lock glyph has a size: ${JSON.stringify(note)}`);
  assert.match(note.describes, /lock-aiShare/);
  // No emoji is left for a font to miss.
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('lock-aiShare'), '::before').content), 'none');
  // The cases stay open, and say they keep the locked values.
  assert.match(await page.textContent('#lock-presets'), /keeps the values your teacher locked/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the slider and the typed box cannot change a locked value', async () => {
  const { page, context } = await open();
  // Keys on a disabled slider do nothing; a script forcing an input event is held too.
  await page.evaluate(() => {
    const r = document.getElementById('aiShare');
    r.disabled = false;
    r.value = '0.2';
    r.dispatchEvent(new Event('input', { bubbles: true }));
    r.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await waitForAddress(page);
  assert.equal(await valueOf(page, 'aiShare'), '0.8');
  await page.evaluate(() => {
    const f = document.getElementById('aiShare-typed');
    f.readOnly = false;
  });
  await page.fill('#aiShare-typed', '20');
  await page.press('#aiShare-typed', 'Enter');
  await waitForAddress(page);
  assert.equal(await valueOf(page, 'aiShare'), '0.8');
  assert.match(await page.evaluate(() => location.hash), /aiShare=0\.8/);
  await context.close();
});

test('a preset button, undo and redo keep the locked value', async () => {
  const { page, context } = await open();
  await page.click('button[data-preset="typical"]');
  await page.waitForFunction(() => document.querySelector('.preset[aria-pressed="true"]')?.dataset.preset === 'typical');
  assert.equal(await valueOf(page, 'aiShare'), '0.8', 'the preset applied, the locked value held');
  await waitForAddress(page);
  await page.click('#undo-button');
  await page.waitForFunction(() => document.querySelector('.preset[aria-pressed="true"]')?.dataset.preset === 'klarna-like');
  assert.equal(await valueOf(page, 'aiShare'), '0.8');
  await page.click('#redo-button');
  await page.waitForFunction(() => document.querySelector('.preset[aria-pressed="true"]')?.dataset.preset === 'typical');
  assert.equal(await valueOf(page, 'aiShare'), '0.8');
  await context.close();
});

test('an edited address cannot change a locked value, and the page says so', async () => {
  const { page, context } = await open();
  await page.evaluate(() => {
    location.hash = 'v=2&p=klarna-like&aiShare=0.3&layoffShare=0.4';
  });
  await page.waitForFunction(() => document.getElementById('layoffShare').dataset.value === '0.4');
  assert.equal(await valueOf(page, 'aiShare'), '0.8');
  const notice = await page.textContent('#notices');
  assert.match(notice, /locks some values; a change to them was undone/);
  await waitForAddress(page);
  assert.match(await page.evaluate(() => location.hash), /aiShare=0\.8/, 'the address shows the held value');
  await context.close();
});

test('Reset all returns to what the link set', async () => {
  const { page, context } = await open();
  await page.click('button[data-preset="augment"]');
  await page.waitForFunction(() => document.querySelector('.preset[aria-pressed="true"]')?.dataset.preset === 'augment');
  await page.click('#reset-all');
  await page.waitForFunction(() => document.querySelector('.preset[aria-pressed="true"]')?.dataset.preset === 'klarna-like');
  assert.equal(await valueOf(page, 'layoffShare'), '0.5', 'the link’s unlocked value is back too');
  assert.equal(await valueOf(page, 'aiShare'), '0.8');
  await context.close();
});

test('with the presets locked, the tour cannot change the preset or a locked value', async () => {
  const { page, context } = await open('?lock=aiShare,presets#v=2&p=klarna-like&aiShare=0.8');
  assert.ok(await page.isDisabled('button[data-preset="typical"]'));
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('t');
  await page.waitForFunction(() => !document.getElementById('tour').hidden);
  for (let step = 1; step <= 7; step += 1) {
    await page.waitForFunction((n) => document.getElementById('tour').dataset.step === String(n), step);
    assert.equal(await presetOf(page), 'klarna-like', `step ${step}`);
    assert.equal(await valueOf(page, 'aiShare'), '0.8', `step ${step}`);
    if (step < 7) await page.click('.tour__next');
  }
  await context.close();
});

for (const [name, close] of [
  ['Esc', (page) => page.keyboard.press('Escape')],
  ['the close button', (page) => page.click('.tour__close')],
  ['T', async (page) => {
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('t');
  }],
  ['Finish', async (page) => {
    for (let i = 0; i < 6; i += 1) await page.click('.tour__next');
    await page.click('.tour__next');
  }],
]) {
  test(`the tour gives the reader's scenario back when it ends by ${name}`, async () => {
    const { page, context } = await open('#v=2&p=salesforce-like&layoffShare=0.25&modelDepth=2');
    const mine = { preset: await presetOf(page), layoff: await valueOf(page, 'layoffShare') };
    assert.deepEqual(mine, { preset: 'salesforce-like', layoff: '0.25' });
    await page.click('.teach-tools__tour');
    await page.waitForFunction(() => document.getElementById('tour').dataset.step === '1');
    // The panel follows the state at once; the preset buttons follow it on the next frame.
    await page.waitForFunction(() => document.querySelector('.preset[aria-pressed="true"]')?.dataset.preset === 'typical');
    assert.equal(await presetOf(page), 'typical', 'the tour changed the scenario');
    await close(page);
    await page.waitForFunction(() => document.getElementById('tour').hidden);
    await page.waitForFunction(() => document.querySelector('.preset[aria-pressed="true"]')?.dataset.preset === 'salesforce-like');
    assert.equal(await valueOf(page, 'layoffShare'), '0.25');
    assert.equal(await page.evaluate(() => document.querySelector('input[name="modelDepth"]:checked')?.value), '2');
    await waitForAddress(page);
    assert.match(await page.evaluate(() => location.hash), /layoffShare=0\.25/);
    await context.close();
  });
}
