// The handout for a classroom (issue 16): its assumptions table is set at 9 pt or more, the
// source codes in it are listed with their citations, and in the print layout no two pieces
// of text or images overlap, in English and in Indonesian (whose longer words once pushed a
// label over its neighbour). Boxes are compared with the page laid out for print at the
// width of an A4 page inside its margins.

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

/** A4 minus print.css's 11 mm side margins, in CSS pixels (96 per inch). */
const PRINT_WIDTH = Math.round(((210 - 22) / 25.4) * 96);

const CASES = {
  en: '#v=2&p=typical',
  id: '?lang=id#v=2&p=klarna-like&layoffShare=0.55&aiShare=0.75&aiResolutionRate=0.45&rehirePayFactor=1.4&recognitionDelayMonths=14&customersBefore=2500000&horizonMonths=72&d=4&lang=id&cur=IDR&rate=16543.25',
};

async function printLayout(lang) {
  const opened = await openPage(browser, `${server.url}${CASES[lang]}`, { viewport: { width: PRINT_WIDTH, height: 1100 } });
  await waitForRender(opened.page);
  await opened.page.evaluate(async () => (await import('./js/handout.js')).update());
  await opened.page.emulateMedia({ media: 'print' });
  return opened;
}

for (const lang of ['en', 'id']) {
  test(`no text or image of the printed handout overlaps another (${lang})`, async () => {
    const { page, context, problems } = await printLayout(lang);
    const found = await page.evaluate(() => {
      const root = document.getElementById('handout');
      // Every line of text (a range's client rects) and every image, with its element.
      const boxes = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) if (r.width > 0.5 && r.height > 0.5) boxes.push({ el: node.parentElement, r, what: node.textContent.trim().slice(0, 40) });
      }
      for (const img of root.querySelectorAll('img, svg.qr')) boxes.push({ el: img, r: img.getBoundingClientRect(), what: img.tagName });
      const overlaps = [];
      for (let i = 0; i < boxes.length; i += 1) {
        for (let j = i + 1; j < boxes.length; j += 1) {
          const a = boxes[i];
          const b = boxes[j];
          if (a.el === b.el) continue; // the lines of one text are laid out by the browser
          const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
          const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
          // Line boxes of adjacent lines may share a pixel or two of leading (a taller glyph
          // such as the changed mark "●"); ink that collides overlaps by more.
          if (w > 1 && h > 2) overlaps.push(`"${a.what}" and "${b.what}" (${w.toFixed(1)} x ${h.toFixed(1)} px)`);
        }
      }
      // Text cut or spilling out of its table cell counts too.
      const spills = [...root.querySelectorAll('th, td, dt, dd')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent.trim().slice(0, 40));
      return { boxes: boxes.length, overlaps: overlaps.slice(0, 10), spills: spills.slice(0, 10) };
    });
    assert.ok(found.boxes > 150, `the handout has its text (${found.boxes} boxes)`);
    assert.deepEqual(found.overlaps, [], 'no overlaps');
    assert.deepEqual(found.spills, [], 'no text spills out of its cell');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`the assumptions are at least 9 pt and every source code is listed (${lang})`, async () => {
    const { page, context } = await printLayout(lang);
    const seen = await page.evaluate(() => {
      const root = document.getElementById('handout');
      const sizes = [...root.querySelectorAll('.handout__table th, .handout__table td')].map((c) => parseFloat(getComputedStyle(c).fontSize));
      const used = new Set([...root.querySelectorAll('.handout__source')].flatMap((c) => c.textContent.match(/\b[A-Z]{1,3}\d{1,3}\b/g) || []));
      const listed = new Map([...root.querySelectorAll('.handout__sources dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent]));
      return { min: Math.min(...sizes), cells: sizes.length, used: [...used], listed: [...listed] };
    });
    assert.ok(seen.cells > 90);
    assert.ok(seen.min >= 12, `the smallest table text is ${seen.min} px (9 pt = 12 px)`);
    const listed = new Map(seen.listed);
    assert.ok(seen.used.length > 20);
    for (const code of seen.used) assert.ok(listed.get(code)?.length > 5, `${code} is listed with its citation`);
    await context.close();
  });
}
