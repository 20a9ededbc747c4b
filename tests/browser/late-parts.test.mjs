// Late parts (issue 15): the first load builds what a reader can see and no more, under 1,500
// elements, and builds the rest when it is needed: the introduction, "How this works" and
// its sources list when they come near the screen, the map's axis lists when the map does,
// each evidence or term note when it can first be seen, and the print handout when the page
// is printed (print.test.mjs). Each test drives the page as a reader does: scrolling,
// pointing, tabbing.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, waitForRender } from './helpers.mjs';

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

/** The element budget of the first load (issue 15). */
const ELEMENT_BUDGET = 1500;

/** Waits until the page is complete and its analyses have arrived: the steady first load. */
async function loaded(page) {
  await waitForRender(page);
  await page.waitForFunction(() => document.body?.dataset.ready === '1' && document.getElementById('uncertainty-note')?.dataset.state === 'ready');
}

function lateState(page) {
  return page.evaluate(() => ({
    elements: document.getElementsByTagName('*').length,
    introParagraphs: document.querySelectorAll('#intro p').length,
    sources: document.querySelectorAll('#sources dt').length,
    terms: document.querySelectorAll('#how-terms li').length,
    handout: Boolean(document.getElementById('handout')),
    mapOptions: document.querySelectorAll('#map-x option').length,
    mapChosen: document.getElementById('map-x')?.value,
    filledNotes: [...document.querySelectorAll('.evidence__popover')].filter((note) => note.childElementCount > 0).length,
  }));
}

for (const [name, viewport, query] of [
  ['laptop', { width: 1280, height: 800 }, ''],
  ['phone', { width: 390, height: 844 }, ''],
  ['laptop, Indonesian', { width: 1280, height: 800 }, '?lang=id'],
  ['phone, Indonesian', { width: 390, height: 844 }, '?lang=id'],
]) {
  test(`first load under ${ELEMENT_BUDGET} elements; the rest is built as the reader scrolls to it (${name})`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}${query}`, { viewport });
    await loaded(page);
    const first = await lateState(page);
    assert.ok(first.elements < ELEMENT_BUDGET, `${first.elements} elements on the first load`);
    assert.deepEqual(
      { intro: first.introParagraphs, sources: first.sources, handout: first.handout, mapOptions: first.mapOptions, notes: first.filledNotes },
      { intro: 0, sources: 0, handout: false, mapOptions: 1, notes: 0 },
      'nothing far below the first screen is built yet',
    );
    // Scrolling down the page, as a reader does, builds each part before it is reached.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < height; y += viewport.height) {
      await page.mouse.wheel(0, viewport.height);
      await page.waitForTimeout(50);
    }
    await page.waitForFunction(() => document.querySelector('#sources dt'));
    const scrolled = await lateState(page);
    const sources = await page.evaluate(async () => (await fetch('./pkg/sources.json')).json());
    assert.ok(scrolled.introParagraphs >= 3, `introduction: ${scrolled.introParagraphs} paragraphs`);
    assert.equal(scrolled.sources, sources.length, 'every source in the list');
    assert.equal(scrolled.terms, 8, 'the words on the charts');
    assert.ok(scrolled.mapOptions > 30, `the map's axis list is complete (${scrolled.mapOptions})`);
    assert.equal(scrolled.mapChosen, first.mapChosen, 'and keeps its choice');
    assert.equal(scrolled.handout, false, 'the handout waits for printing');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a note is written when it can first be seen: by pointing at its pill or tabbing to it', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 } });
  await loaded(page);
  const note = (key) => page.locator(`#control-${key} .evidence__popover`);
  // Pointing: the note shows on hover, with its words and sources.
  await page.hover('#control-aiShare .evidence__tag');
  assert.ok(await note('aiShare').isVisible(), 'shown on hover');
  assert.match(await note('aiShare').textContent(), /company claim.*S2/is);
  // Tabbing: the note is written before Enter opens it.
  const tag = page.locator('#control-layoffShare .evidence__tag');
  await tag.focus();
  assert.match(await note('layoffShare').textContent(), /assumption/i, 'written on focus');
  await page.keyboard.press('Enter');
  assert.ok(await note('layoffShare').isVisible());
  assert.deepEqual(problems, []);
  await context.close();
});

test("the map's axis list is complete when it is opened, also before the map is near", async () => {
  const { page, context, problems } = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 } });
  await loaded(page);
  const chosen = await page.evaluate(() => document.getElementById('map-y').value);
  // A keyboard reader who tabs to it (focus scrolls it into view, but the list is completed
  // by the focus itself) can pick any parameter at once.
  await page.focus('#map-y');
  const options = await page.evaluate(() => [...document.querySelectorAll('#map-y option')].map((o) => o.value));
  assert.ok(options.length > 30, `${options.length} options`);
  assert.equal(await page.evaluate(() => document.getElementById('map-y').value), chosen, 'the choice is kept');
  await page.selectOption('#map-y', 'costPerHire');
  await page.waitForFunction(() => /cost per hire/i.test(document.getElementById('chart-desc-map')?.textContent || ''));
  assert.deepEqual(problems, []);
  await context.close();
});
