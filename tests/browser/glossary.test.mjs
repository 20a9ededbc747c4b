// Explain in place (issue 16): every term a first-time reader meets (NPV, payback, peak,
// regret month, break-even churn, the fan's bands, the model levels, evidence kinds) has its
// one-sentence meaning where it appears, by one mechanism (the evidence pills' popover), from
// the language file's own definitions (how.terms), by keyboard and by touch; every source tag
// links to its entry in the sources list; the page says the model version and how to cite it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, openPage, waitForRender, waitForAddress, WWW } from './helpers.mjs';

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

const TERMS = ['payback', 'peak', 'regret', 'breakEven', 'npv', 'fan', 'depth', 'evidence'];
/** Where each term is met, and the button that explains it there. */
const PLACES = {
  npv: '.stat--npv .term__button',
  payback: '.stat--events .term__button',
  peak: '.stat--events .term__button',
  regret: '.stat--events .term__button',
  breakEven: '.stat--breakEven .term__button',
  fan: '.term[data-term="fan"] .term__button',
  depth: '#modelDepth legend .term__button',
};

for (const lang of ['en', 'id']) {
  test(`each term opens its own definition where it is met, by keyboard (${lang})`, async () => {
    const table = JSON.parse(await readFile(join(WWW, 'i18n', `${lang}.json`), 'utf8'));
    assert.equal(table.how.terms.length, TERMS.length, 'one definition per term, in order');
    const { page, context, problems } = await openPage(browser, `${server.url}?lang=${lang}`);
    await waitForRender(page);
    for (const [id, selector] of Object.entries(PLACES)) {
      const sentence = table.how.terms[TERMS.indexOf(id)];
      const [term, definition] = [sentence.slice(0, sentence.indexOf(':')), sentence.slice(sentence.indexOf(':') + 1).trim()];
      await page.focus(selector);
      await page.keyboard.press('Enter');
      const shown = await page.evaluate((sel) => {
        const button = document.querySelector(sel);
        const pop = document.getElementById(button.getAttribute('aria-controls'));
        return { expanded: button.getAttribute('aria-expanded'), visible: pop.checkVisibility(), text: pop.textContent, links: [...pop.querySelectorAll('a')].map((a) => a.getAttribute('href')) };
      }, selector);
      assert.equal(shown.expanded, 'true', `${id}: opened`);
      assert.ok(shown.visible, `${id}: its note is visible`);
      assert.ok(shown.text.includes(term) && shown.text.includes(definition), `${id}: ${shown.text}`);
      assert.ok(shown.links.includes(`#term-${id}`), `${id}: links to its entry`);
      await page.keyboard.press('Escape');
      assert.equal(await page.getAttribute(selector, 'aria-expanded'), 'false', `${id}: Escape closes`);
      assert.ok(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), selector), `${id}: focus back on its button`);
    }
    // Evidence kinds: the pills (the same mechanism) say what their kind means.
    const pill = await page.evaluate(() => {
      const button = document.querySelector('#control-layoffShare .evidence__tag');
      button.click();
      return document.getElementById(button.getAttribute('aria-controls')).textContent;
    });
    const kind = table.evidence.assumption;
    assert.ok(pill.includes(kind.label) && pill.includes(kind.meaning), pill);
    // "How this works" is built when it comes near (issue 15); following a term's link
    // builds it at once and lands on the term's entry.
    await page.keyboard.press('Escape');
    await page.click(PLACES.npv);
    await page.click(`${PLACES.npv} ~ .evidence__popover a[href="#term-npv"]`);
    // The address keeps the scenario (the fragment is the state), so the landing is checked
    // by where the page has scrolled.
    await page.waitForFunction(() => {
      const box = document.getElementById('term-npv')?.getBoundingClientRect();
      return box && box.top >= 0 && box.bottom <= innerHeight;
    });
    for (const id of TERMS) assert.ok(await page.$(`#term-${id}`), `${id}: the entry exists`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a term opens by touch, and one open note closes the other', async () => {
  const { page, context } = await openPage(browser, server.url, { viewport: { width: 390, height: 844 } });
  await page.close();
  const touch = await context.browser().newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const phone = await touch.newPage();
  await phone.goto(server.url);
  await waitForRender(phone);
  await phone.tap(PLACES.npv);
  assert.equal(await phone.getAttribute(PLACES.npv, 'aria-expanded'), 'true');
  await phone.tap(PLACES.breakEven);
  assert.equal(await phone.getAttribute(PLACES.breakEven, 'aria-expanded'), 'true');
  assert.equal(await phone.getAttribute(PLACES.npv, 'aria-expanded'), 'false');
  await touch.close();
  await context.close();
});

test('source tags link to their entry in the sources list', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#v=2&p=typical`);
  await waitForRender(page);
  // A note is written when it can first be seen (issue 15): a keyboard reader's focus on
  // each pill writes them all.
  await page.waitForFunction(() => document.body?.dataset.ready === '1');
  const seen = await page.evaluate(() => {
    for (const tag of document.querySelectorAll('.evidence__tag')) tag.focus();
    const button = document.querySelector('#control-headcountBefore .evidence__tag, .control .evidence__tag[aria-controls]');
    const links = [...document.querySelectorAll('.evidence__popover a.source-link')].map((a) => a.getAttribute('href'));
    return { links: links.length, button: Boolean(button) };
  });
  assert.ok(seen.links > 10, `source links: ${seen.links}`);
  // The sources list is built when it comes near or a link into it is followed.
  const pill = page.locator('#control-loadedCostPerAgentPerMonth .evidence__tag');
  await pill.click();
  const link = page.locator('#control-loadedCostPerAgentPerMonth .evidence__popover a.source-link').first();
  const href = await link.getAttribute('href');
  await link.click();
  await page.waitForFunction((h) => {
    const box = document.querySelector(h)?.getBoundingClientRect();
    return box && box.top >= 0 && box.bottom <= innerHeight;
  }, href);
  const missing = await page.evaluate(() =>
    [...document.querySelectorAll('.evidence__popover a.source-link')].map((a) => a.getAttribute('href')).filter((h) => !document.getElementById(h.slice(1))),
  );
  assert.deepEqual(missing, [], 'every link finds its source');
  // Following one lands on the source's entry.
  const id = href.slice('#source-'.length);
  const entry = await page.evaluate((h) => {
    const dt = document.querySelector(h);
    return { term: dt.textContent, citation: dt.nextElementSibling.textContent };
  }, href);
  assert.equal(entry.term, id);
  assert.ok(entry.citation.length > 20);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the page says the model version and date and how to cite it and this scenario', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#v=2&p=klarna-like&aiShare=0.5`);
  await waitForRender(page);
  // "How this works" is built as the reader comes near it (issue 15).
  await page.locator('#how').scrollIntoViewIfNeeded();
  await page.waitForSelector('#model-version');
  assert.match(await page.textContent('#model-version'), /Model 2, dated December 1, 2026/);
  const pageCite = await page.textContent('#cite-page');
  assert.match(pageCite, /Layoff What-If.*model 2 \(2026\)/);
  assert.ok(pageCite.includes(server.url), pageCite);
  const link = () => page.evaluate(async () => {
    const [store, permalink] = await Promise.all([import('./js/state.js'), import('./js/permalink.js')]);
    return permalink.linkUrl(store.getState());
  });
  assert.ok((await page.textContent('#cite-scenario')).includes(await link()));
  await page.click('button[data-preset="augment"]');
  await waitForAddress(page);
  await page.waitForFunction(() => document.getElementById('cite-scenario').textContent.includes('preset=augment'));
  assert.ok((await page.textContent('#cite-scenario')).includes(await link()), 'the scenario citation follows the scenario');
  assert.equal(await page.getAttribute('#how-cite a[rel="license"]', 'href'), 'https://creativecommons.org/licenses/by/4.0/');
  assert.deepEqual(problems, []);
  await context.close();
});
