// The classroom: presentation mode, keyboard shortcuts, the guided tour and teacher links.
//
// - P toggles presentation mode: larger type, the projector theme, larger charts; toggling
//   back draws exactly the charts of before. Shortcuts never fire while typing in a field.
// - The tour can be done with the keyboard alone: each step changes the state (preset and
//   model level), the charts and the highlighted chart, and the address keeps the step.
// - Teacher links start the tour at a step, lock and hide controls, and name bad options in a
//   notice instead of failing.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, waitForRender, nextFrames, snapshot, waitForAddress } from './helpers.mjs';

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

// The tour's steps as the page defines them (www/js/teach.js TOUR).
const STEPS = [
  { id: 'cut', preset: 'typical', depth: 1, chart: 'savings', aiShare: '0' },
  { id: 'ai', preset: 'typical', depth: 1, chart: 'costs' },
  { id: 'quality', preset: 'typical', depth: 2, chart: 'quality' },
  { id: 'customers', preset: 'typical', depth: 2, chart: 'costs' },
  { id: 'rehire', preset: 'typical', depth: 3, chart: 'headcount' },
  { id: 'regret', preset: 'typical', depth: 4, chart: 'savings' },
  { id: 'augment', preset: 'augment', depth: 4, chart: 'savings', aiShare: '0' },
];

// The address follows the state at most every 250 ms (issue 17): read it once written.
async function seenState(page) {
  await waitForAddress(page);
  return page.evaluate(() => ({
    step: Number(document.getElementById('tour').dataset.step || 0),
    open: !document.getElementById('tour').hidden,
    preset: document.querySelector('.preset[aria-pressed="true"]')?.dataset.preset,
    depth: Number(document.querySelector('input[name="modelDepth"]:checked')?.value),
    target: [...document.querySelectorAll('.chart.is-tour-target')].map((f) => [...f.classList].find((c) => c.startsWith('chart--')).slice(7)),
    title: document.getElementById('tour-title').textContent,
    question: document.querySelector('.tour__question-text').textContent,
    focus: document.activeElement?.id || document.activeElement?.className || document.activeElement?.tagName,
    hash: location.hash,
  }));
}

test('presentation mode: P toggles large type, the projector theme and larger charts', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  const before = await snapshot(page);
  const fontBefore = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('p');
  await page.waitForFunction(() => document.documentElement.classList.contains('is-presenting'));
  await nextFrames(page);
  await nextFrames(page);
  await waitForAddress(page);
  const on = await page.evaluate(() => ({
    font: parseFloat(getComputedStyle(document.documentElement).fontSize),
    bg: getComputedStyle(document.body).backgroundColor,
    pressed: document.querySelector('.teach-tools__present').getAttribute('aria-pressed'),
    hash: location.hash,
  }));
  assert.ok(on.font >= fontBefore * 1.2, `larger type (${fontBefore} -> ${on.font})`);
  assert.equal(on.bg, 'rgb(255, 255, 255)');
  assert.equal(on.pressed, 'true');
  assert.match(on.hash, /present=1/, 'the link keeps presentation mode');
  const presenting = await snapshot(page);
  assert.notDeepEqual(presenting.charts, before.charts, 'charts drawn with the projector theme, larger');

  // Toggled off with the button: exactly the charts of before (but the savings chart, whose
  // Monte Carlo fan is worked out in the background and may arrive in between).
  await page.click('.teach-tools__present');
  await page.waitForFunction(() => !document.documentElement.classList.contains('is-presenting'));
  await nextFrames(page);
  await nextFrames(page);
  assert.deepEqual((await snapshot(page)).charts.slice(1), before.charts.slice(1));
  await waitForAddress(page);
  assert.doesNotMatch(await page.evaluate(() => location.hash), /present/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('presentation mode in the dark scheme is still the light projector theme', async () => {
  const { page, context } = await openPage(browser, `${server.url}?present=1`, { colorScheme: 'dark' });
  await waitForRender(page);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), 'rgb(0, 0, 0)');
  await context.close();
});

test('shortcuts never fire while typing, and ? lists them', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  await page.focus('#layoffShare-typed');
  await page.keyboard.press('End');
  await page.keyboard.type('pt?f');
  await nextFrames(page);
  assert.equal(await page.inputValue('#layoffShare-typed'), '40pt?f', 'the letters went into the field');
  const quiet = await page.evaluate(() => ({
    presenting: document.documentElement.classList.contains('is-presenting'),
    tour: !document.getElementById('tour').hidden,
    help: document.getElementById('shortcuts').open,
  }));
  assert.deepEqual(quiet, { presenting: false, tour: false, help: false });
  await page.keyboard.press('Escape');

  // The exchange-rate field and a select are fields too.
  await page.selectOption('#currency-select', 'EUR');
  await page.focus('#rate-input');
  await page.keyboard.type('p');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('is-presenting')), false);

  // Modifier keys are left to the browser.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Control+p').catch(() => {});
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('is-presenting')), false);

  // ? opens the list as a dialog; Escape closes it and gives focus back.
  await page.focus('.teach-tools__tour');
  await page.keyboard.press('?');
  await page.waitForSelector('#shortcuts[open]');
  const rows = await page.$$eval('#shortcuts .shortcuts__row', (r) => r.length);
  assert.ok(rows >= 6);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('shortcuts').open);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('teach-tools__tour')), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the tour can be done by keyboard: each step sets the state, the charts and the highlight', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  await page.focus('.teach-tools__tour');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#tour:not([hidden])');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tour-title', 'focus moves to the step heading');
  assert.equal(await page.getAttribute('#tour', 'role'), 'dialog');

  const charts = [];
  for (let n = 1; n <= STEPS.length; n += 1) {
    await page.waitForFunction((k) => Number(document.getElementById('tour').dataset.step) === k, n);
    await nextFrames(page);
    // The address follows at most every 250 ms (issue 17): wait for the pending write.
    await waitForAddress(page);
    const seen = await seenState(page);
    const step = STEPS[n - 1];
    assert.equal(seen.preset, step.preset, `step ${n}: preset`);
    assert.equal(seen.depth, step.depth, `step ${n}: model level`);
    assert.equal(await page.getAttribute('#aiShare', 'data-value'), step.aiShare ?? '0.5', `step ${n}: the AI's share`);
    assert.deepEqual(seen.target, [step.chart], `step ${n}: the highlighted chart`);
    assert.ok(seen.question.length > 20, `step ${n}: a question for the class`);
    assert.match(seen.hash, new RegExp(`tour=${n}(&|$)`), `step ${n}: the address keeps the step`);
    charts.push((await snapshot(page)).charts.slice(1).join()); // not the savings chart: its fan arrives later
    if (n < STEPS.length) await page.keyboard.press('ArrowRight');
  }
  // Steps 3 and 4 share a scenario and point at different charts; every other step draws new ones.
  assert.equal(new Set(charts).size, charts.length - 1, 'the steps change the charts');

  // Back with the arrow key, then the buttons: Tab to "Back" and "Next" and press them.
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => Number(document.getElementById('tour').dataset.step) === 6);
  await page.focus('.tour__next');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => Number(document.getElementById('tour').dataset.step) === 7);
  assert.equal(await page.textContent('.tour__next'), 'Finish');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#tour', { state: 'hidden' });
  const closed = await seenState(page);
  assert.deepEqual(closed.target, [], 'no highlight after the tour');
  assert.doesNotMatch(closed.hash, /tour=/);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('teach-tools__tour')), true, 'focus returns to the tour button');

  // T opens it again; Escape closes it.
  await page.keyboard.press('t');
  await page.waitForSelector('#tour:not([hidden])');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#tour', { state: 'hidden' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the tour highlight does not animate when the reader asks for reduced motion', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${server.url}?tour=1`);
  await waitForRender(page);
  await page.waitForSelector('.chart--savings.is-tour-target');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.chart--savings')).animationName), 'none');
  await context.close();
  const moving = await openPage(browser, `${server.url}?tour=1`);
  await waitForRender(moving.page);
  await moving.page.waitForSelector('.chart--savings.is-tour-target');
  assert.equal(await moving.page.evaluate(() => getComputedStyle(document.querySelector('.chart--savings')).animationName), 'tour-target');
  await moving.context.close();
});

test('a teacher link starts at a step and locks and hides controls', async () => {
  const url = `${server.url}?tour=3&lock=layoffShare,aiShare,depth&hide=erosion,augment,discountRatePerYear`;
  const { page, context, problems } = await openPage(browser, url);
  await waitForRender(page);
  const seen = await seenState(page);
  assert.equal(seen.step, 3);
  assert.equal(seen.open, true);
  // The level is locked: the tour's step cannot change it (issue 16), so it stays the link's.
  assert.equal(seen.depth, 4);
  assert.deepEqual(seen.target, ['quality']);
  assert.match(seen.hash, /tour=3/);

  const controls = await page.evaluate(() => ({
    layoffDisabled: document.getElementById('layoffShare').disabled,
    aiDisabled: document.getElementById('aiShare').disabled,
    typedReadOnly: document.getElementById('layoffShare-typed').readOnly,
    resetDisabled: document.querySelector('#control-layoffShare .control__reset').disabled,
    note: document.getElementById('lock-layoffShare')?.textContent,
    noteVisible: document.getElementById('lock-layoffShare')?.checkVisibility(),
    depthDisabled: document.getElementById('modelDepth').disabled,
    otherEnabled: !document.getElementById('layoffMonth').disabled,
    erosionHidden: document.querySelector('details[data-group="erosion"]').checkVisibility() === false,
    augmentHidden: document.querySelector('details[data-group="augment"]').checkVisibility() === false,
    discountHidden: document.getElementById('control-discountRatePerYear').hidden,
    moneyGroupShown: !document.querySelector('details[data-group="money"]').hidden,
  }));
  assert.deepEqual(controls, {
    layoffDisabled: true,
    aiDisabled: true,
    typedReadOnly: true,
    resetDisabled: true,
    note: 'Locked by your teacher',
    noteVisible: true,
    depthDisabled: true,
    otherEnabled: true,
    erosionHidden: true,
    augmentHidden: true,
    discountHidden: true,
    moneyGroupShown: true,
  });

  // A locked field cannot be changed by typing.
  await page.click('#layoffShare-typed');
  await page.keyboard.type('9');
  assert.equal(await page.inputValue('#layoffShare-typed'), '40');

  // The lock holds through later steps and a reload; the reload keeps the step from the address.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => Number(document.getElementById('tour').dataset.step) === 4);
  await page.reload();
  await waitForRender(page);
  const again = await seenState(page);
  assert.equal(again.step, 4, 'the fragment step wins over ?tour=3 after a reload');
  assert.equal(await page.evaluate(() => document.getElementById('layoffShare').disabled), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad teacher options are named in a notice and ignored', async () => {
  const url = `${server.url}?tour=99&lock=nope,layoffShare&hide=zzz&present=maybe&preset=unknown`;
  const { page, context, problems } = await openPage(browser, url);
  await waitForRender(page);
  const notice = await page.$$eval('#option-notice li', (items) => items.map((li) => li.textContent));
  assert.equal(notice.length, 5, notice.join('\n'));
  for (const piece of ['tour=99', 'lock=nope', 'hide=zzz', 'present=maybe', 'preset=unknown']) {
    assert.ok(notice.some((line) => line.startsWith(piece)), `the notice names ${piece}`);
  }
  const state = await page.evaluate(() => ({
    tour: !document.getElementById('tour').hidden,
    presenting: document.documentElement.classList.contains('is-presenting'),
    locked: document.getElementById('layoffShare').disabled,
    preset: document.querySelector('.preset[aria-pressed="true"]')?.dataset.preset,
  }));
  assert.deepEqual(state, { tour: false, presenting: false, locked: true, preset: 'typical' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a teacher link can fix the starting preset, and Reset all returns to what it set', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?preset=klarna-like&lock=aiShare#v=2&p=klarna-like&aiShare=0.8&layoffShare=0.5`);
  await waitForRender(page);
  assert.equal(await page.getAttribute('.preset[aria-pressed="true"]', 'data-preset'), 'klarna-like');
  await page.click('button[data-preset="typical"]');
  await page.waitForFunction(() => document.getElementById('layoffShare').dataset.value !== '0.5');
  await page.click('#reset-all');
  await page.waitForFunction(() => document.getElementById('layoffShare').dataset.value === '0.5');
  assert.equal(await page.getAttribute('#aiShare', 'data-value'), '0.8', 'the locked value stays');
  assert.deepEqual(problems, []);
  await context.close();
});
