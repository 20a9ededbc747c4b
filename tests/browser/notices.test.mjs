// Notices and echoes (issue 17, problems 2 and 6): one notice mechanism for everything the page
// could not use; every sentence with its placeholders filled, in both languages and with the
// longest values the page quotes; every echoed value clipped, with control characters and
// bidirectional overrides shown escaped; the same notice for a parameter or an option whether
// it came with the page or by a hashchange; unknown embed=, lang= and theme= named to the
// author (not to the readers of an embed in an article); a language file that failed to load
// named to the reader, in English.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, waitForRender, nextFrames, frameLoaded } from './helpers.mjs';

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

// The characters that must never be echoed as themselves (src/validate.rs must_escape).
const MUST_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/u;
const HOSTILE = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007f',
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
  '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f',
];
// Far longer than any echo (40 characters), short enough for an address the server takes.
const LONG = 'w'.repeat(300);
const enc = encodeURIComponent;

/** Every sentence of every notice on the page, with the kind of box it is in. */
function noticeTexts(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.link-notice, .option-notice')].flatMap((box) =>
      [...box.querySelectorAll('strong, li, p')].map((n) => `${box.dataset.kind}|${n.textContent}`),
    ),
  );
}

function assertClean(texts, context) {
  for (const text of texts) {
    assert.doesNotMatch(text, /\{[A-Za-z]\w*\}/, `${context}: unfilled placeholder in ${JSON.stringify(text)}`);
    assert.doesNotMatch(text, MUST_ESCAPE, `${context}: raw control character in ${JSON.stringify(text)}`);
    assert.ok(text.length <= 700, `${context}: ${text.length} characters`);
  }
}

// Every kind of problem a link or an address can have, with the longest values quoted.
const BAD_FRAGMENT = [
  'v=99',
  `p=${enc(LONG)}`,
  `aiShare=${'9'.repeat(60)}`,
  'layoffShare=5',
  'd=2.5',
  'rehireShare=1e999',
  'boomerangShare=abc',
  `${enc(`bogus${LONG}`)}=1`,
  'layofShare=0.2',
  'horizonMonths=12',
  'layoffMonth=20',
  'survivorQuitBoost=0.1',
  'survivorQuitBoost=0.2',
  `t=pie,${enc(LONG)}`,
  `lang=${enc(LONG)}`,
  `cur=${enc(LONG)}`,
  `rate=${enc(LONG)}`,
  `pin=${enc(LONG)},zz:1,aiShare:abc,${enc(LONG)}`,
  `tour=${enc(LONG)}`,
  'justtext',
  '%E0%A4%A',
].join('&');
const BAD_QUERY = ['lang', 'cur', 'rate', 'theme', 'embed', 'lock', 'hide', 'tour', 'present', 'preset']
  .map((name) => `${name}=${enc(`${name}${LONG}`)}`)
  .join('&');

for (const lang of ['en', 'id']) {
  test(`every notice in ${lang}, with the longest values quoted: placeholders filled, echoes clipped`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}?${BAD_QUERY}&lang=${lang}#${BAD_FRAGMENT}`);
    await waitForRender(page);
    const texts = await noticeTexts(page);
    assert.ok(texts.filter((t) => t.startsWith('link|')).length >= 18, texts.join('\n'));
    assert.ok(texts.filter((t) => t.startsWith('options|')).length >= 10, texts.join('\n'));
    assertClean(texts, lang);
    // A fragment too long and in too many pieces, and the embed's own names.
    const flood = Array.from({ length: 400 }, (_, i) => `k${i}=${'x'.repeat(20)}`).join('&');
    await page.evaluate((f) => (location.hash = f), flood);
    await nextFrames(page);
    assertClean(await noticeTexts(page), `${lang} flood`);
    const embed = await openPage(browser, `${server.url}?embed=1&lang=${lang}&charts=${enc(LONG)}&controls=${enc(LONG)}`);
    await waitForRender(embed.page);
    const embedTexts = await noticeTexts(embed.page);
    assert.ok(embedTexts.some((t) => t.startsWith('embed|')), embedTexts.join('\n'));
    assertClean(embedTexts, `${lang} embed`);
    await embed.context.close();
    assert.deepEqual(problems, [], 'no notice reported an unfilled placeholder');
    await context.close();
  });
}

test('each control character, DEL, bidi override and an overlong value is echoed escaped on every way in', async () => {
  const all = `a${HOSTILE.join('')}b`;
  const { page, context, problems } = await openPage(browser, `${server.url}?cur=${enc(all)}&lang=${enc(all)}&theme=${enc(all)}&embed=${enc(all)}#v=2&aiShare=${enc(all)}&${enc(all)}=1&t=${enc(all)}&rate=${enc(all)}`);
  await waitForRender(page);
  const texts = await noticeTexts(page);
  assertClean(texts, 'address');
  const joined = texts.join('\n');
  // The URL parser itself drops tab, line feed and carriage return from an address; the typed
  // boxes below get them.
  for (const c of HOSTILE.filter((ch) => !'\t\n\r'.includes(ch))) {
    assert.ok(joined.includes(`\\u${c.codePointAt(0).toString(16).padStart(4, '0')}`), `U+${c.codePointAt(0).toString(16)} shown escaped`);
  }
  for (const name of ['cur=', 'lang=', 'theme=', 'embed=', 't=', 'rate=', 'aiShare=']) assert.ok(joined.includes(name), `${name} has a notice`);

  await page.selectOption('#currency-select', 'IDR');
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  for (const value of [...HOSTILE.map((c) => `1${c}5`), LONG]) {
    for (const [field, error] of [['#aiShare-typed', '#err-aiShare'], ['#rate-input', '#rate-error']]) {
      await page.fill(field, value);
      await page.press(field, 'Enter');
      const message = await page.textContent(error);
      assert.ok(message.length > 10, `${field}: a message for ${JSON.stringify(value.slice(0, 5))}`);
      assertClean([message], field);
      assert.ok(message.length < 400, `${field}: ${message.length} characters`);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a parameter or an option gives the same notice at load and by hashchange, once', async () => {
  const fragments = [
    'v=2&aiShare=abc',
    'v=2&aiShare=0x10&cur=EUR&rate=0x3E8',
    'v=2&cur=XYZ',
    'v=2&cur=IDR&rate=5',
    'v=2&lang=xx',
    'v=2&t=pie',
    'v=2&pin=typical,aiShare:abc',
  ];
  for (const fragment of fragments) {
    const loaded = await openPage(browser, `${server.url}#${fragment}`);
    await waitForRender(loaded.page);
    const atLoad = (await noticeTexts(loaded.page)).filter((t) => !t.includes('|Dismiss')).sort();
    await loaded.context.close();

    const later = await openPage(browser, server.url);
    await waitForRender(later.page);
    await later.page.evaluate((f) => (location.hash = f), fragment);
    await nextFrames(later.page);
    await later.page.waitForTimeout(50);
    const byHash = (await noticeTexts(later.page)).filter((t) => !t.includes('|Dismiss')).sort();
    assert.ok(atLoad.length > 0, fragment);
    assert.deepEqual(byHash, atLoad, fragment);
    // The same cause again (Back, a second edit) does not add the same sentence twice.
    await later.page.evaluate((f) => (location.hash = `${f}&`), fragment);
    await nextFrames(later.page);
    await later.page.waitForTimeout(50);
    const again = (await noticeTexts(later.page)).filter((t) => !t.includes('|Dismiss')).sort();
    assert.deepEqual(again, atLoad, `${fragment} twice`);
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(later.problems, []);
    await later.context.close();
  }
});

test('unknown embed=, lang= and theme= values are named to the author and fall back', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?embed=yes&lang=xx&theme=dark`);
  await waitForRender(page);
  const text = (await noticeTexts(page)).join('\n');
  assert.match(text, /embed=yes: only embed=1 turns on the article layout/);
  assert.match(text, /lang=xx: “xx” is not a language of this page/);
  assert.match(text, /theme=dark: this page has no theme option/);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('is-embed')), false, 'the full page');
  assert.ok(await page.isVisible('#option-notice'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('in an embed framed by an article, notices about the address go to the console, not the readers', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const infos = [];
  page.on('console', (m) => {
    if (m.type() === 'info') infos.push(m.text());
  });
  // theme=dark is an embed's option (issue 16); an unknown theme is named like the others.
  const src = `${server.url}?embed=1&charts=pie&theme=purple&lang=xx#v=2&aiShare=abc`;
  // The test page itself is the article: a frame of the explainer, as the embed snippet makes.
  await page.goto(`${server.url}i18n/en.json`);
  await page.setContent(`<iframe src="${src}" width="800" height="900"></iframe>`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frameLoaded(frame);
  await frame.waitForFunction(() => document.body?.dataset.ready === '1' && Number(document.body.dataset.rendered || 0) >= 1);
  assert.equal(await frame.locator('.link-notice, .option-notice').count(), 0, 'readers of the article see no notice');
  const logged = infos.join('\n');
  for (const part of ['pie', 'purple', 'lang=xx', 'aiShare=abc']) assert.ok(logged.includes(part), `${part} on the console: ${logged}`);
  await context.close();
  // Opened on its own (the author checking the embed address), the same notices are shown.
  const own = await openPage(browser, src);
  await waitForRender(own.page);
  const text = (await noticeTexts(own.page)).join('\n');
  for (const part of ['pie', 'purple', 'lang=xx', 'aiShare=abc']) assert.ok(text.includes(part), `${part} shown: ${text}`);
  await own.context.close();
});

test('a language file that fails to load falls back to English with a notice', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/i18n/id.json', (r) => r.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${server.url}?lang=id`);
  await page.waitForFunction(() => document.body?.dataset.ready === '1');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  const text = (await noticeTexts(page)).join('\n');
  assert.match(text, /language\|The Bahasa Indonesia text of this page could not be loaded, so it is shown in English/);
  await context.close();
});
