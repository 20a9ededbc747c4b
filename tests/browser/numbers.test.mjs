// One voice for numbers: the page writes every number through the model's formatter
// (src/present, the wasm NumberFormatter), and that formatter agrees digit for digit with the
// browser's own Intl.NumberFormat in the style the project chose (three significant digits in
// compact form), on a table of 240 values per language (en, id) and currency (USD, IDR, EUR):
// halves, negatives, zero, tiny and huge values. The one chosen difference: English writes
// thousands with a small "k" where Intl writes "K". The minus sign is the true minus (U+2212)
// where Intl writes a hyphen, and nothing reads "−0".

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

/** 240 values: fixed edge cases, then a deterministic spread over twenty orders of magnitude. */
function values() {
  const fixed = [
    0, -0, 0.5, 1.5, 2.5, 1.25, 1.35, 2.675, 1.005, 0.125, 0.0125, 9.995, 99.95, 999.5, 9995, 99950, 999500,
    1.2345e6, 2.025e6, 1.25e6, 15261127, 3.4e9, 1.2e12, 1.2e15, 5e16, 1.23456789e18, 1e-7, 0.000123456,
    0.3, 950, 1000, 1234, 12345, 559300, 1.04e6, 99.5, 0.995, 0.9995, 0.05, 0.045,
  ];
  const out = [...fixed, ...fixed.filter((v) => v !== 0).map((v) => -v)];
  let seed = 12345;
  while (out.length < 240) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const exponent = (seed % 200) / 10 - 6; // 1e-6 .. 1e14
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const mantissa = 1 + (seed % 9000) / 1000;
    const value = Number((mantissa * 10 ** exponent).toPrecision(4)) * (out.length % 3 === 0 ? -1 : 1);
    out.push(value);
  }
  return out;
}

test('the model writes money, counts, shares and plain numbers as Intl does, in every language and currency', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  const table = values();
  assert.equal(table.length, 240);
  const report = await page.evaluate(async (table) => {
    const { NumberFormatter } = await import('./pkg/layoff_whatif.js');
    // Intl's text in the project's style: a hyphen becomes the true minus, a zero takes no
    // sign, and English thousands take a small "k".
    const house = (text, locale) => {
      let out = text.replace(/-/g, '\u2212');
      if (!/[1-9]/.test(out)) out = out.replace('\u2212', '');
      if (locale === 'en') out = out.replace(/(\d)K$/, '$1k');
      return out;
    };
    const misses = [];
    let compared = 0;
    for (const locale of ['en', 'id']) {
      for (const currency of ['USD', 'IDR', 'EUR']) {
        const model = new NumberFormatter({ locale, currency, ratePerUsd: 1 });
        const intl = {
          money: new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 }),
          compact: new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 }),
          whole: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
          percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
          plain: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
        };
        for (const v of table) {
          const pairs = [
            ['money', model.money(v), house(intl.money.format(v), locale)],
            ['count', model.count(v), house((Math.abs(v) < 10000 ? intl.whole : intl.compact).format(v), locale)],
            ['percent', model.percent(v, 1), house(intl.percent.format(v), locale)],
            ['number', model.number(v, 2), house(intl.plain.format(v), locale)],
          ];
          for (const [kind, ours, theirs] of pairs) {
            compared += 1;
            if (ours !== theirs) misses.push(`${locale} ${currency} ${kind}(${v}): model ${JSON.stringify(ours)}, Intl ${JSON.stringify(theirs)}`);
          }
        }
      }
    }
    return { misses, compared };
  }, table);
  assert.equal(report.compared, 240 * 2 * 3 * 4);
  assert.deepEqual(report.misses.slice(0, 20), [], `${report.misses.length} of ${report.compared} differ`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the prose, the key numbers and the chart text write one figure the same way', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  const { peak, story, numbers, description } = await page.evaluate(async () => {
    const m = await import('./pkg/layoff_whatif.js');
    const result = m.compute({ preset: 'typical' });
    const formatter = new m.NumberFormatter({ locale: 'en', currency: 'USD', ratePerUsd: 1 });
    return {
      peak: formatter.money(result.summary.peakSavings),
      story: document.getElementById('story').textContent,
      numbers: document.getElementById('numbers').textContent,
      description: document.getElementById('chart-desc-savings').textContent,
    };
  });
  assert.match(peak, /^\$\d+(\.\d+)?M$/);
  assert.ok(story.includes(peak), `the story writes the peak as ${peak}`);
  assert.ok(description.includes(peak), `the chart's text alternative writes it as ${peak}: ${description}`);
  assert.ok(!/\$\d+\.\d{3,}/.test(numbers), 'no key number has more than three significant digits');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a formatter asked for an unknown language, currency or field says so', async () => {
  const { page, context } = await openPage(browser, server.url);
  await waitForRender(page);
  const messages = await page.evaluate(async () => {
    const { NumberFormatter } = await import('./pkg/layoff_whatif.js');
    const attempt = (request) => {
      try {
        new NumberFormatter(request);
        return 'no error';
      } catch (error) {
        return String(error.message);
      }
    };
    return [
      attempt({ locale: 'fr', currency: 'USD', ratePerUsd: 1 }),
      attempt({ locale: 'en', currency: 'GBP', ratePerUsd: 1 }),
      attempt({ locale: 'en', currency: 'USD', ratePerUsd: -1 }),
      attempt({ locale: 'en', currency: 'USD', ratePerUsd: 1, decimals: 2 }),
    ];
  });
  assert.match(messages[0], /unknown language 'fr'/);
  assert.match(messages[1], /unknown currency 'GBP'/);
  assert.match(messages[2], /exchange rate -1 is out of range/);
  assert.match(messages[3], /NumberFormatter: unknown field 'decimals'/);
  await context.close();
});
