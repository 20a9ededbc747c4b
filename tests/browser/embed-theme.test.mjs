// Embeds that fit the host (issue 16): `&theme=light|dark|auto` holds the page's colours and
// the charts' theme whatever the reader's system prefers ("auto", the default, follows it); a
// bad value is named; the embed panel writes the option into the code and lists the code each
// option adds.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, waitForRender, nextFrames } from './helpers.mjs';

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

/** The page's background, the chart theme in use and the savings chart's corner pixel. */
function look(page) {
  return page.evaluate(async () => {
    const charts = await import('./js/charts.js');
    const canvas = document.getElementById('chart-savings');
    const pixel = [...canvas.getContext('2d').getImageData(2, 2, 1, 1).data].slice(0, 3);
    return { bg: getComputedStyle(document.body).backgroundColor, theme: charts.theme(), pixel, attr: document.documentElement.dataset.theme ?? null };
  });
}

const dark = (rgb) => rgb.reduce((a, b) => a + b, 0) < 200;
const rgbOf = (css) => css.match(/\d+/g).slice(0, 3).map(Number);

for (const [theme, scheme, expectDark] of [
  ['dark', 'light', true],
  ['light', 'dark', false],
  ['auto', 'dark', true],
  ['auto', 'light', false],
  [null, 'dark', true],
]) {
  test(`an embed with theme=${theme} in a ${scheme} system is ${expectDark ? 'dark' : 'light'}`, async () => {
    const query = `?embed=1${theme ? `&theme=${theme}` : ''}`;
    const { page, context, problems } = await openPage(browser, `${server.url}${query}`, { colorScheme: scheme });
    await waitForRender(page);
    await nextFrames(page);
    const seen = await look(page);
    assert.equal(dark(rgbOf(seen.bg)), expectDark, `page background ${seen.bg}`);
    assert.equal(seen.theme, expectDark ? 'dark' : 'light');
    assert.equal(dark(seen.pixel), expectDark, `chart background ${seen.pixel}`);
    assert.equal(seen.attr, theme === 'light' || theme === 'dark' ? theme : null);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('an unknown theme is named and the embed follows the system', async () => {
  const { page, context } = await openPage(browser, `${server.url}?embed=1&theme=purple`, { colorScheme: 'light' });
  await waitForRender(page);
  assert.match(await page.textContent('#notices'), /“purple” is not a theme \(allowed: auto, light, dark\)/);
  assert.equal((await look(page)).theme, 'light');
  await context.close();
});

for (const lang of ['en', 'id']) {
  test(`the embed panel writes each option into the code and lists the code it adds (${lang})`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}?lang=${lang}#v=2&p=klarna-like`);
    await waitForRender(page);
    await page.click('#embed-button');
    const code = () => page.inputValue('#embed-code');
    assert.doesNotMatch(await code(), /theme=/, 'auto is the default and adds nothing');
    await page.check('#embed-theme-dark');
    assert.match(await code(), /(?:\?|&amp;)theme=dark/);
    await page.check('#embed-chart-costs');
    const src = (await code()).match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
    assert.match(src, /charts=savings,costs/);
    const options = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#embed-options dd')].map((d) => [d.dataset.option, d.textContent])));
    assert.deepEqual(Object.keys(options), ['charts', 'theme', 'controls', 'still', 'lang']);
    assert.equal(options.still, '&controls=none', 'the documented spelling of a still chart');
    assert.equal(options.charts, '&charts=savings,costs');
    assert.equal(options.theme, '&theme=dark');
    assert.match(options.controls, /^&controls=layoffShare,/);
    // The code works: the embed it names is dark in a light system, with both charts.
    const embedded = await context.newPage();
    await embedded.goto(src);
    await waitForRender(embedded);
    assert.equal((await look(embedded)).theme, 'dark');
    assert.ok(await embedded.isVisible('#chart-costs'));
    assert.deepEqual(problems, []);
    await context.close();
  });
}
