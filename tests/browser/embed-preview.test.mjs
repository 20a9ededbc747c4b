// The embed panel's live preview (issue 15), driven as an author uses it: nothing loads
// until the panel opens; then a frame shows exactly the snippet's embed (its src is the
// snippet's, the savings chart is drawn inside), takes the height the embed posts, follows
// the author's chart choices and the scenario (debounced, one new frame per rested change),
// in English and in Indonesian, without a history entry or a change to the page's address.
// Forged height messages leave it alone; a frame that never answers gives the one-line
// "no preview here" instead of a broken frame; an embedded page has no panel at all.
// The single file from file:// is in dist.test.mjs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, openPage, waitForRender, waitForAddress, frameLoaded, ROOT, WWW } from './helpers.mjs';

let server;
let browser;
const words = {};

before(async () => {
  server = await startServer();
  browser = await launch();
  for (const lang of ['en', 'id']) words[lang] = JSON.parse(await readFile(join(WWW, 'i18n', `${lang}.json`), 'utf8')).share.embed;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const SHOWN = '.embed-preview__frame:not(.is-loading)';

/** The src of the snippet in the panel's code field, as a browser reads the attribute. */
async function snippetSrc(page) {
  const code = await page.inputValue('#embed-code');
  return code.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
}

/** Waits until the frame on view has the snippet's src, and returns that frame, rendered. */
async function shownFrame(page) {
  const src = await snippetSrc(page);
  await page.waitForFunction((want) => document.querySelector('.embed-preview__frame:not(.is-loading)')?.getAttribute('src') === want, src, { timeout: 30000 });
  const frame = await (await page.$(SHOWN)).contentFrame();
  await frameLoaded(frame);
  await frame.waitForFunction(() => document.body?.dataset.ready === '1' && Number(document.body.dataset.rendered) >= 1, null, { timeout: 30000 });
  return frame;
}

/** What the author sees inside the preview: the layout, the charts drawn and the language. */
function inside(frame) {
  return frame.evaluate(() => {
    const visible = (e) => e && e.getClientRects().length > 0;
    const drawn = (canvas) => {
      const blank = document.createElement('canvas');
      blank.width = canvas.width;
      blank.height = canvas.height;
      return canvas.width > 0 && canvas.toDataURL() !== blank.toDataURL();
    };
    return {
      embed: document.documentElement.classList.contains('is-embed'),
      lang: document.documentElement.lang,
      charts: [...document.querySelectorAll('#chart-hero figure.chart, #charts figure.chart')].filter(visible).map((f) => f.querySelector('canvas').dataset.kind),
      savingsDrawn: drawn(document.getElementById('chart-savings')),
      rendered: Number(document.body.dataset.rendered) >= 1,
      scrolls: document.documentElement.scrollHeight > window.innerHeight + 1,
    };
  });
}

/** The stage's inner height and the frame's content height (the stage follows the latter). */
async function heights(page, frame) {
  return {
    stage: await page.evaluate(() => document.querySelector('.embed-preview__stage').clientHeight),
    content: await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
  };
}

/** Waits until the stage is as tall as the frame's content (the embed posts it); returns both. */
async function fitted(page, frame) {
  const deadline = Date.now() + 15000;
  for (;;) {
    const h = await heights(page, frame);
    if (Math.abs(h.stage - h.content) <= 1) return h;
    if (Date.now() > deadline) assert.fail(`the stage never took the frame's height: ${JSON.stringify(h)}`);
    await page.waitForTimeout(50);
  }
}

/** Counts the preview frames the panel creates (each new address is a new frame). */
function countFrames(page) {
  return page.evaluate(() => {
    window.__previewFrames = 0;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.tagName === 'IFRAME') window.__previewFrames += 1;
    }).observe(document.getElementById('embed-preview'), { childList: true, subtree: true });
  });
}

for (const lang of ['en', 'id']) {
  test(`${lang}: the preview loads only with the panel open, shows the snippet's embed and follows the choices`, async () => {
    const query = lang === 'en' ? '' : `?lang=${lang}`;
    const requests = [];
    const { page, context, problems } = await openPage(browser, `${server.url}${query}#v=2&p=klarna-like`, {
      beforeLoad: (p) => p.on('request', (r) => requests.push(r.url())),
    });
    await waitForRender(page);
    const address = page.url();
    const historyLength = await page.evaluate(() => history.length);

    // Closed: no frame and no request for an embed.
    assert.equal(await page.locator('iframe').count(), 0, 'no frame while the panel is closed');
    assert.deepEqual(requests.filter((u) => u.includes('embed=1')), []);

    await page.click('#embed-button');
    const frame = await shownFrame(page);
    const src = await snippetSrc(page);
    assert.match(src, new RegExp(`\\?embed=1${lang === 'en' ? '' : `&lang=${lang}`}#v=2&p=klarna-like(&|$)`));
    assert.equal(frame.url(), src, 'the frame shows the snippet address');
    assert.deepEqual(await inside(frame), { embed: true, lang, charts: ['savings'], savingsDrawn: true, rendered: true, scrolls: false });

    // Labelled in the page's language, with the visible caption.
    const label = await page.evaluate(() => ({
      title: document.querySelector('.embed-preview__frame').title,
      caption: document.querySelector('#embed-preview figcaption').textContent,
    }));
    assert.deepEqual(label, { title: words[lang].previewFrameTitle, caption: words[lang].previewCaption });

    // The stage takes the height the embed posts (no scroll bar inside, no gap below).
    const one = await fitted(page, frame);

    // Another chart: after the rest, one new frame with the new snippet's src and two charts.
    await countFrames(page);
    await page.check('#embed-chart-costs');
    const two = await shownFrame(page);
    assert.match(await snippetSrc(page), /charts=savings,costs/);
    const seen = await inside(two);
    assert.deepEqual(seen.charts, ['savings', 'costs']);
    assert.equal(seen.savingsDrawn, true);
    assert.equal(seen.lang, lang);
    assert.equal(await page.evaluate(() => window.__previewFrames), 1, 'one frame for one change');
    assert.equal(await page.locator('.embed-preview__frame').count(), 1, 'the old frame is gone');
    const grown = await fitted(page, two);
    assert.ok(grown.stage > one.stage + 200, `two charts are taller than one: ${grown.stage} > ${one.stage}`);

    // Quick changes while the author is still choosing give no frame until they rest, and a
    // change undone within the rest gives none at all.
    await page.check('#embed-chart-quality');
    await page.uncheck('#embed-chart-quality');
    await page.waitForTimeout(700);
    assert.equal(await page.evaluate(() => window.__previewFrames), 1, 'a change undone loads nothing');

    // No history entry for the frames, and the page's address is the page's own.
    assert.equal(await page.evaluate(() => history.length), historyLength, 'no history entry');
    assert.equal(page.url(), address);

    // A new scenario on the page reaches the preview too. The preset is the page's own step
    // (one entry, its address); the preview's new frame adds nothing to either.
    await page.click('button[data-preset="status-quo"]');
    await waitForAddress(page);
    const stepped = { length: await page.evaluate(() => history.length), url: page.url() };
    const scenario = await shownFrame(page);
    assert.match(scenario.url(), /#v=2&p=status-quo(&|$)/);
    assert.equal(await page.evaluate(() => window.__previewFrames), 2);
    await page.waitForTimeout(300);
    assert.deepEqual({ length: await page.evaluate(() => history.length), url: page.url() }, stepped);
    assert.match(stepped.url, /#v=2&p=status-quo/);

    // Closing removes the frame (the embedded copy stops computing).
    await page.click('#embed-button');
    assert.equal(await page.locator('iframe').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('forged height messages leave the preview alone; the frame growing grows it', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { viewport: { width: 800, height: 900 } });
  await waitForRender(page);
  await page.click('#embed-button');
  const frame = await shownFrame(page);
  const stage = () => page.evaluate(() => document.querySelector('.embed-preview__stage').clientHeight);
  const before = (await fitted(page, frame)).stage;
  // From the page itself, and from a frame of the same origin that is not the preview.
  await page.evaluate(() => window.postMessage({ type: 'layoff-whatif:height', height: 3000 }, '*'));
  await page.evaluate(() => {
    const other = document.createElement('iframe');
    other.id = 'other';
    other.title = 'other';
    other.srcdoc = '<p>x</p>';
    document.body.append(other);
  });
  const other = await (await page.waitForSelector('#other')).contentFrame();
  await other.waitForLoadState();
  await other.evaluate(() => parent.postMessage({ type: 'layoff-whatif:height', height: 2500 }, '*'));
  // The preview's own frame, posting nonsense.
  await frame.evaluate(() => {
    for (const height of [-5, 1e9, 'tall', null]) parent.postMessage({ type: 'layoff-whatif:height', height }, '*');
  });
  await page.waitForTimeout(300);
  assert.equal(await stage(), before, 'the preview kept its height');

  // A data table opened inside the preview: the embed posts its new height and the stage follows.
  await frame.click('#table-toggle-savings');
  await page.waitForFunction((h) => document.querySelector('.embed-preview__stage').clientHeight > h + 100, before);
  await fitted(page, frame);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a frame that never answers gives a one-line message, not a broken frame', async () => {
  const { page, context, problems } = await openPage(browser, server.url, {
    // The embed address answers with a page that posts nothing, as a browser or host that
    // will not let the page frame itself leaves it.
    beforeLoad: (p) => p.route((url) => url.searchParams.get('embed') === '1', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>x</title>' })),
  });
  await waitForRender(page);
  await page.click('#embed-button');
  assert.equal(await page.getAttribute('#embed-preview', 'data-state'), 'loading');
  assert.equal((await page.textContent('.embed-preview__status')).trim(), words.en.previewLoading);
  assert.equal(await page.locator(SHOWN).count(), 0, 'nothing shown while it loads');
  await page.waitForFunction(() => document.getElementById('embed-preview').dataset.state === 'unavailable', null, { timeout: 20000 });
  assert.equal((await page.textContent('.embed-preview__status')).trim(), words.en.previewUnavailable);
  assert.equal(await page.locator(SHOWN).count(), 0, 'no frame on view');
  const box = await page.evaluate(() => {
    const frame = document.querySelector('.embed-preview__frame');
    return { opacity: getComputedStyle(frame).opacity, inert: frame.inert, stage: document.querySelector('.embed-preview__stage').clientHeight };
  });
  assert.equal(box.opacity, '0');
  assert.equal(box.inert, true);
  assert.ok(box.stage < 120, `one line, not a frame's height (${box.stage} px)`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe finds no violations in the open panel with its preview', async () => {
  for (const [viewport, colorScheme] of [[{ width: 1280, height: 800 }, 'light'], [{ width: 390, height: 844 }, 'dark']]) {
    // axe is injected as a script, which the page's CSP forbids; only this context bypasses it.
    const context = await browser.newContext({ viewport, colorScheme, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForRender(page);
    await page.click('#embed-button');
    await shownFrame(page);
    await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run({ include: [['#embed-panel']] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
      return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
    });
    assert.deepEqual(violations, [], `${viewport.width} px ${colorScheme}`);
    await context.close();
  }
});

test('an embedded page has no share row, no panel and no preview', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?embed=1`, { viewport: { width: 600, height: 900 } });
  await waitForRender(page);
  assert.deepEqual(
    await page.evaluate(() => ({
      button: Boolean(document.getElementById('embed-button')),
      preview: Boolean(document.getElementById('embed-preview')),
      frames: document.querySelectorAll('iframe').length,
    })),
    { button: false, preview: false, frames: 0 },
  );
  assert.deepEqual(problems, []);
  await context.close();
});
