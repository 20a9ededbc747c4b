// Downloads that explain themselves (issue 16): every image carries its title, the scenario
// in one line, "Source: Layoff What-If model, <link>", the data sources' ids, the model version
// and the licence; the SVG has <title> and <desc> with the chart's text alternative; the CSV
// has a commented header (scenario, link, model, currency and rate, units per column) and its
// money in the reader's currency; the full result downloads as JSON with the same metadata.
// The PNG is decoded by the browser and its pixels checked where the words must be.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startServer, launch, openPage, waitForRender, waitForAddress, wasmCall } from './helpers.mjs';

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

const FRAGMENT = '#v=2&p=klarna-like&aiShare=0.45&cur=IDR&rate=16000';

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

async function open(lang = 'en') {
  const opened = await openPage(browser, `${server.url}?lang=${lang}${FRAGMENT}`);
  await waitForRender(opened.page);
  await waitForAddress(opened.page);
  return opened;
}

const shareLink = (page) =>
  page.evaluate(async () => {
    const [store, permalink] = await Promise.all([import('./js/state.js'), import('./js/permalink.js')]);
    return permalink.linkUrl(store.getState());
  });

test('the PNG decodes with the title on top and the source link below the chart', async () => {
  const { page, context, problems } = await open();
  const link = await shareLink(page);
  assert.match(link, /\?(?:lang=en&)?preset=klarna-like#/, 'the link names the preset in the query');
  const png = await download(page, 'button[data-download="png"][data-kind="savings"]');
  const seen = await page.evaluate(
    async ({ b64, link }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const g = canvas.getContext('2d', { willReadFrequently: true });
      g.drawImage(bitmap, 0, 0);
      const { data, width, height } = g.getImageData(0, 0, canvas.width, canvas.height);
      const bg = [data[0], data[1], data[2]];
      const ink = (x, y) => {
        const i = (y * width + x) * 4;
        return Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]) > 200;
      };
      // Bands of rows with ink, top to bottom: {top, bottom, left, right, darkest channel}.
      const bands = [];
      let band = null;
      for (let y = 0; y < height; y += 1) {
        let left = -1;
        let right = -1;
        let dark = 255;
        for (let x = 0; x < width; x += 1) {
          if (ink(x, y)) {
            if (left < 0) left = x;
            right = x;
            const i = (y * width + x) * 4;
            dark = Math.min(dark, data[i], data[i + 1], data[i + 2]);
          }
        }
        if (left >= 0) {
          if (band && y - band.bottom <= 2) Object.assign(band, { bottom: y, left: Math.min(band.left, left), right: Math.max(band.right, right), dark: Math.min(band.dark, dark) });
          else {
            band = { top: y, bottom: y, left, right, dark };
            bands.push(band);
          }
        }
      }
      // What the words measure when drawn as the page draws them, at the PNG's 2x scale.
      const probe = document.createElement('canvas').getContext('2d');
      const font = getComputedStyle(document.body).fontFamily;
      probe.font = `700 36px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif`;
      const titleWidth = probe.measureText(document.querySelector('.chart--savings .chart__title').textContent).width;
      probe.font = `400 24px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif`;
      const linkWidth = probe.measureText(`Source: Layoff What-If model, ${link}`).width;
      return { width, height, bands, titleWidth, linkWidth, font };
    },
    { b64: png.bytes.toString('base64'), link },
  );
  const { bands } = seen;
  const widthOf = (b) => b.right - b.left + 1;
  // The title: the first band, at the top, as wide as the title's words.
  const title = bands[0];
  assert.ok(title.top < 60, `the title starts at the top: ${JSON.stringify(title)}`);
  assert.ok(Math.abs(widthOf(title) - seen.titleWidth) < seen.titleWidth * 0.1, `title width ${widthOf(title)} vs ${seen.titleWidth}`);
  // The rule under the chart: one or two rows across the image; the credits are below it.
  const rule = bands.findLastIndex((b) => b.bottom - b.top <= 3 && widthOf(b) > seen.width * 0.9);
  assert.ok(rule > 1, `a rule separates the chart from its credits: ${JSON.stringify(bands.slice(-6))}`);
  const footer = bands.slice(rule + 1);
  // The source line (the page's text tone, darker than the muted ids line) holds the whole
  // link: its pieces, wrapped or not, add up to the width of its words.
  const source = footer.filter((b) => b.dark < 55);
  const muted = footer.filter((b) => b.dark >= 55);
  assert.ok(source.length >= 1 && muted.length >= 1, `source and ids lines: ${JSON.stringify(footer)}`);
  const drawn = source.reduce((sum, b) => sum + widthOf(b), 0);
  assert.ok(Math.abs(drawn - seen.linkWidth) < seen.linkWidth * 0.1, `source line width ${drawn} vs ${seen.linkWidth}`);
  assert.ok(source.every((b) => b.right < seen.width - 16), 'no piece runs off the image');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the SVG has <title>, <desc> with the text alternative, and the credits as text', async () => {
  const { page, context, problems } = await open();
  const link = await shareLink(page);
  const alt = await page.textContent('#chart-desc-costs');
  const svg = await download(page, 'button[data-download="svg"][data-kind="costs"]');
  const doc = await page.evaluate((text) => {
    const d = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = d.documentElement;
    return {
      error: d.getElementsByTagName('parsererror').length,
      title: root.querySelector(':scope > title')?.textContent,
      desc: root.querySelector(':scope > desc')?.textContent,
      labelledby: root.getAttribute('aria-labelledby'),
      texts: [...root.querySelectorAll(':scope > text')].map((t) => t.textContent),
    };
  }, svg.bytes.toString('utf8'));
  assert.equal(doc.error, 0);
  assert.equal(doc.title, await page.textContent('.chart--costs .chart__title'));
  assert.ok(alt.length > 40 && doc.desc.startsWith(alt), 'the desc starts with the chart’s text alternative');
  assert.match(doc.desc, /CC BY 4\.0/);
  const words = doc.texts.join(' ');
  assert.ok(words.includes(`Source: Layoff What-If model, ${link}`), words);
  assert.match(words, /Case: Klarna-like · Level 4 · changed: Contacts the AI takes 45%/);
  assert.match(words, /RK1 .*K21/);
  assert.match(words, /Model 2, dated December 1, 2026/);
  assert.match(words, /Text and charts: CC BY 4\.0; code: MIT/);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Splits the CSV into its commented header ({label: text}) and its table. */
function readCsv(text) {
  const lines = text.trimEnd().split('\n');
  const comments = lines.filter((l) => l.startsWith('# ')).map((l) => l.slice(2));
  const table = lines.filter((l) => !l.startsWith('#')).map((l) => l.split(','));
  return { comments, header: table[0], rows: table.slice(1) };
}

for (const lang of ['en', 'id']) {
  test(`the CSV's header reads back: scenario, link, model, currency and rate, units (${lang})`, async () => {
    const { page, context, problems } = await open(lang);
    const link = await shareLink(page);
    const csv = await download(page, '#download-csv');
    const { comments, header, rows } = readCsv(csv.bytes.toString('utf8'));
    const labelled = (label) => comments.find((c) => c.startsWith(`${label}: `))?.slice(label.length + 2);
    const words = lang === 'en' ? { link: 'Link to this scenario', units: 'Units per column', rate: /IDR at an assumed 16000 IDR per US dollar/ } : { link: 'Tautan ke skenario ini', units: 'Satuan per kolom', rate: /IDR dengan asumsi 16000 IDR per dolar AS/ };
    assert.equal(labelled(words.link), link);
    assert.ok(comments.some((c) => words.rate.test(c)), comments.join('\n'));
    assert.ok(comments.some((c) => /^Model 2, /.test(c)));
    assert.ok(comments.some((c) => /CC BY 4\.0/.test(c)));
    // Every column has its unit, and money columns are in IDR.
    const units = Object.fromEntries(labelled(words.units).split('; ').map((pair) => pair.split(' = ')));
    assert.deepEqual(Object.keys(units), header);
    assert.equal(units.cumulativeDelta, 'IDR');
    assert.equal(units.aiCost, 'IDR');
    assert.notEqual(units.headcount, 'IDR');
    // The values: money at the stated rate, everything else as the model gives it.
    const result = await wasmCall(page, 'compute', await page.evaluate(async () => {
      const store = await import('./js/state.js');
      return store.scenarioOf(store.getState());
    }));
    rows.forEach((row, i) => {
      const money = Number(row[header.indexOf('aiCost')]);
      assert.ok(Math.abs(money - result.series.aiCost[i] * 16000) <= 0.01 + 1e-9 * Math.abs(money), `aiCost month ${i + 1}`);
      const people = Number(row[header.indexOf('headcount')]);
      assert.ok(Math.abs(people - result.series.headcount[i]) <= 5e-5 * Math.max(1, people), `headcount month ${i + 1}`);
    });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the full result downloads as JSON with the same metadata', async () => {
  const { page, context, problems } = await open();
  const link = await shareLink(page);
  const file = await download(page, '#download-result');
  assert.equal(file.name, 'layoff-whatif-klarna-like-custom-result.json');
  const { meta, result } = JSON.parse(file.bytes.toString('utf8'));
  assert.equal(meta.link, link);
  assert.deepEqual(meta.model.version, 2);
  assert.deepEqual(meta.currency, { values: 'USD', display: 'IDR', ratePerUsd: 16000, note: meta.currency.note });
  assert.equal(meta.licence.content, 'CC BY 4.0');
  assert.ok(meta.sources.includes('RK1'));
  assert.equal(result.preset, 'klarna-like');
  assert.equal(result.params.aiShare, 0.45);
  assert.equal(result.series.aiCost.length, result.params.horizonMonths);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the model version in the downloads is the newest entry of "What changed in the model"', async () => {
  const { page, context } = await open();
  const { model, first } = await page.evaluate(async () => {
    const credits = await import('./js/credits.js');
    const en = await (await fetch('./i18n/en.json')).json();
    return { model: credits.MODEL, first: en.how.changelog[0] };
  });
  const month = new Date(`${model.date}T00:00:00Z`).toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  assert.ok(first.startsWith(`Model ${model.version}, ${month}`), `${first.slice(0, 40)} vs Model ${model.version}, ${month}`);
  await context.close();
});
