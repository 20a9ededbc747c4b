// One number grammar on every way in (issue 17, problem 5): the table in
// tests/grammar/numbers.json is read here through the links (permalink.js, as at load and on
// hashchange) and the typed boxes of the English and the Indonesian page; tests/cli.rs reads
// the same table through the CLI's --set and scenario files. The exchange rate, an option and
// not a parameter, follows the same grammar with the same feedback: in its typed box, in the
// fragment (rate=) and in the query (?rate=).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, openPage, waitForRender, nextFrames, ROOT } from './helpers.mjs';

const table = JSON.parse(readFileSync(join(ROOT, 'tests', 'grammar', 'numbers.json'), 'utf8'));

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

/** Every row of the table through the link reader and the typed box of one page. */
function readAll(page, key, texts) {
  return page.evaluate(
    async ({ key, texts }) => {
      const permalink = await import('./js/permalink.js');
      const controls = await import('./js/controls.js');
      const spec = (await import('./pkg/layoff_whatif.js')).tables().params.find((s) => s.key === key);
      return texts.map((text) => {
        const read = permalink.read(`v=2&${key}=${encodeURIComponent(text)}`);
        const checked = permalink.checkRaw(undefined, { [key]: text });
        // The value the link gives (the default one, 10, is not an override) or the refusal.
        const link = checked.errors.length ? checked.errors[0].code : checked.all[key];
        if ((read.problems.length > 0) !== (checked.errors.length > 0)) return { link: 'read and checkRaw disagree' };
        const typed = controls.readTyped(spec, text);
        return { link, typed: typed.ok ? typed.value : typed.code, message: typed.message || '' };
      });
    },
    { key, texts },
  );
}

for (const lang of ['en', 'id']) {
  test(`the number table: links and the ${lang} typed boxes`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}${lang === 'en' ? '' : `?lang=${lang}`}`);
    await waitForRender(page);
    const texts = table.rows.map((r) => r.text);
    const results = await readAll(page, table.key, texts);
    table.rows.forEach((row, i) => {
      const got = results[i];
      assert.equal(got.link, row.plain, `link ${JSON.stringify(row.text)}`);
      assert.equal(got.typed, row[lang], `typed (${lang}) ${JSON.stringify(row.text)}: ${got.message}`);
      if (typeof row[lang] !== 'number') assert.ok(got.message.length > 10, `a message for ${JSON.stringify(row.text)}`);
      assert.doesNotMatch(got.message, /\{\w+\}/, 'every placeholder filled');
    });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a text that could mean two numbers is refused with a message in the box, not guessed', async () => {
  for (const [lang, text, pattern] of [
    ['en', '1,5', /“1,5” could mean two different numbers here. Write thousands as 1,500 and decimals as 1.5/],
    ['id', '1.500', /“1.500” bisa berarti dua angka yang berbeda di sini. Tulis ribuan sebagai 1.500 dan desimal sebagai 1,5/],
  ]) {
    const { page, context, problems } = await openPage(browser, `${server.url}?lang=${lang}`);
    await waitForRender(page);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const before = await page.locator('#revenuePerCustomerPerMonth').evaluate((r) => r.dataset.value);
    await page.fill('#revenuePerCustomerPerMonth-typed', text);
    await page.press('#revenuePerCustomerPerMonth-typed', 'Enter');
    await nextFrames(page);
    assert.match(await page.textContent('#err-revenuePerCustomerPerMonth'), pattern);
    assert.equal(await page.getAttribute('#revenuePerCustomerPerMonth-typed', 'aria-invalid'), 'true');
    assert.equal(await page.locator('#revenuePerCustomerPerMonth').evaluate((r) => r.dataset.value), before);
    // What the box shows is always accepted as what it shows ("5.080" on the Indonesian page).
    await page.fill('#loadedCostPerAgentPerMonth-typed', lang === 'en' ? '5,080' : '5.080');
    await page.press('#loadedCostPerAgentPerMonth-typed', 'Enter');
    await nextFrames(page);
    assert.ok(await page.locator('#err-loadedCostPerAgentPerMonth').isHidden());
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the exchange-rate box flags every bad value with a message, as the parameters’ boxes do', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#v=2&cur=IDR`);
  await waitForRender(page);
  const cases = [
    ['abc', /“abc” is not a rate/],
    ['1e309', /“1e309” is not a rate/],
    ['-1e309', /“-1e309” is not a rate/],
    ['NaN', /“NaN” is not a rate/],
    ['99999999999', /99,999,999,999 IDR per dollar is outside the sensible range of 1,000 to 100,000/],
    ['', /Type how many IDR one US dollar buys/],
    ['0x3E8', /“0x3E8” is not a rate/],
    ['Infinity', /“Infinity” is not a rate/],
    ['1,5', /could mean two different numbers/],
    ['16.5.0', /is not a rate/],
  ];
  for (const [text, pattern] of cases) {
    await page.fill('#rate-input', text);
    await page.press('#rate-input', 'Enter');
    assert.ok(await page.isVisible('#rate-error'), `a message for ${JSON.stringify(text)}`);
    assert.match(await page.textContent('#rate-error'), pattern, JSON.stringify(text));
    assert.equal(await page.getAttribute('#rate-input', 'aria-invalid'), 'true', JSON.stringify(text));
  }
  // Good values in the page's own format, and the shown value as it is.
  for (const [text, rate] of [['16,500', 16500], ['IDR 17,000', 17000], ['1.5e4', 15000]]) {
    await page.fill('#rate-input', text);
    await page.press('#rate-input', 'Enter');
    assert.ok(await page.locator('#rate-error').isHidden(), text);
    assert.equal(await page.evaluate(async () => (await import('./js/state.js')).getState().rate), rate, text);
  }
  await page.press('#rate-input', 'Enter');
  assert.ok(await page.locator('#rate-error').isHidden(), 'the shown value is accepted as shown');
  assert.deepEqual(problems, []);
  await context.close();
});

test('rate= in a link or the query takes the plain form only: hex and the like are refused with a notice', async () => {
  for (const [address, ok] of [
    ['#v=2&cur=IDR&rate=0x3E8', false],
    ['?cur=IDR&rate=0x3E8', false],
    ['#v=2&cur=IDR&rate=Infinity', false],
    ['#v=2&cur=IDR&rate=%2016500', false],
    ['#v=2&cur=IDR&rate=1e309', false],
    ['#v=2&cur=IDR&rate=16500', true],
    ['?cur=IDR&rate=1.65e4', true],
  ]) {
    const { page, context, problems } = await openPage(browser, `${server.url}${address}`);
    await waitForRender(page);
    const rate = await page.evaluate(async () => (await import('./js/state.js')).getState().rate);
    const notices = await page.evaluate(() => [...document.querySelectorAll('.link-notice li, .option-notice li')].map((li) => li.textContent).join('\n'));
    if (ok) {
      assert.equal(rate, 16500, address);
      assert.equal(notices, '', address);
    } else {
      assert.equal(rate, undefined, `${address} is not used`);
      assert.match(notices, /rate=.*is not a positive number/, address);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});
