// The printed handout and its QR code.
//
// - www/js/qr.js makes exactly the matrices of the reference encoder (libqrencode) for the
//   vectors in fixtures/qr-vectors.json, at levels L, M, Q, H and versions 1 to 10.
// - Its codes read back with an independent decoder written here from the standard: format
//   bits, unmasking, Reed-Solomon syndromes (all zero) and the byte-mode text.
// - Chromium's PDF of the page is exactly two A4 pages (the assumptions at 9 pt and the
//   sources their codes refer to fill the second, issue 16), in English and in Indonesian with
//   rupiah and a long link, and it contains the permalink as text; the QR code on the
//   handout decodes to that same link. Needs pdfinfo and pdftotext (Debian's poppler-utils,
//   which scripts/setup.sh --browser installs).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, launch, openPage, waitForRender } from './helpers.mjs';

let server;
let browser;
let dir;

before(async () => {
  server = await startServer();
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'whatif-print-'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// ---- An independent QR decoder (byte mode, any level, versions 1-40) -------------------------

const EC_BITS_TO_LEVEL = { 1: 'L', 0: 'M', 3: 'Q', 2: 'H' };
// Error-correction codewords per block and number of blocks, per level and version (ISO/IEC
// 18004 table 9).
const ECC = {
  L: [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  M: [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
  Q: [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  H: [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
};
const BLOCKS = {
  L: [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
  M: [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
  Q: [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
  H: [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
};
const MASKS = [
  (x, y) => (x + y) % 2 === 0,
  (x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(y / 2) + Math.floor(x / 3)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

function gfMul(a, b) {
  let r = 0;
  for (; b; b >>= 1, a = (a << 1) ^ (a & 0x80 ? 0x11d : 0)) if (b & 1) r ^= a;
  return r & 0xff;
}

/** Reads a QR matrix (rows of booleans, true = dark) back into its text; throws on any flaw. */
export function decodeQr(m) {
  const size = m.length;
  const version = (size - 17) / 4;
  assert.ok(Number.isInteger(version) && version >= 1 && version <= 40, `size ${size}`);
  const dark = (x, y) => m[y][x];
  // Format information, both copies; each must be a valid BCH code word and they must agree.
  const read = (cells) => cells.reduce((acc, [x, y], i) => acc | ((dark(x, y) ? 1 : 0) << i), 0);
  const first = [];
  for (let i = 0; i <= 5; i += 1) first.push([8, i]);
  first.push([8, 7], [8, 8], [7, 8]);
  for (let i = 9; i < 15; i += 1) first.push([14 - i, 8]);
  const second = [];
  for (let i = 0; i < 8; i += 1) second.push([size - 1 - i, 8]);
  for (let i = 8; i < 15; i += 1) second.push([8, size - 15 + i]);
  const word = read(first);
  assert.equal(read(second), word, 'both copies of the format information agree');
  const data = (word ^ 0x5412) >> 10;
  let rem = data;
  for (let i = 0; i < 10; i += 1) rem = (rem << 1) ^ ((rem >> 9) * 0x537);
  assert.equal(((data << 10) | rem) ^ 0x5412, word, 'format information is a valid BCH code word');
  const level = EC_BITS_TO_LEVEL[data >> 3];
  const mask = MASKS[data & 7];
  assert.ok(dark(8, size - 8), 'the dark module');

  // Which modules are function patterns.
  const fn = Array.from({ length: size }, () => new Array(size).fill(false));
  const mark = (x0, y0, w, h) => {
    for (let y = y0; y < y0 + h; y += 1) for (let x = x0; x < x0 + w; x += 1) if (x >= 0 && y >= 0 && x < size && y < size) fn[y][x] = true;
  };
  mark(0, 0, 9, 9);
  mark(size - 8, 0, 8, 9);
  mark(0, size - 8, 9, 8);
  mark(6, 0, 1, size);
  mark(0, 6, size, 1);
  if (version >= 2) {
    const count = Math.floor(version / 7) + 2;
    const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
    const centres = [6];
    for (let c = size - 7; centres.length < count; c -= step) centres.splice(1, 0, c);
    for (const cy of centres) {
      for (const cx of centres) {
        if ((cx === 6 && cy === 6) || (cx === 6 && cy === size - 7) || (cx === size - 7 && cy === 6)) continue;
        mark(cx - 2, cy - 2, 5, 5);
      }
    }
  }
  if (version >= 7) {
    mark(size - 11, 0, 3, 6);
    mark(0, size - 11, 6, 3);
  }

  // The codeword bits in their zigzag order, unmasked.
  const bits = [];
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let v = 0; v < size; v += 1) {
      for (let j = 0; j < 2; j += 1) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? size - 1 - v : v;
        if (!fn[y][x]) bits.push(dark(x, y) !== mask(x, y) ? 1 : 0);
      }
    }
  }
  const total = Math.floor(bits.length / 8);
  const codewords = [];
  for (let i = 0; i < total; i += 1) codewords.push(bits.slice(i * 8, i * 8 + 8).reduce((a, b) => (a << 1) | b, 0));

  // De-interleave into blocks and check each block's Reed-Solomon syndromes.
  const eccLen = ECC[level][version - 1];
  const nBlocks = BLOCKS[level][version - 1];
  const shortLen = Math.floor(total / nBlocks);
  const nShort = nBlocks - (total % nBlocks);
  const dataLen = (i) => shortLen - eccLen + (i < nShort ? 0 : 1);
  const blocks = Array.from({ length: nBlocks }, () => []);
  let k = 0;
  for (let i = 0; i < shortLen - eccLen + 1; i += 1) {
    for (let b = 0; b < nBlocks; b += 1) if (i < dataLen(b)) blocks[b].push(codewords[k++]);
  }
  for (let i = 0; i < eccLen; i += 1) for (let b = 0; b < nBlocks; b += 1) blocks[b].push(codewords[k++]);
  const payload = [];
  blocks.forEach((block, b) => {
    let alpha = 1;
    for (let i = 0; i < eccLen; i += 1) {
      const syndrome = block.reduce((acc, c) => gfMul(acc, alpha) ^ c, 0);
      assert.equal(syndrome, 0, `block ${b}: Reed-Solomon syndrome ${i} is zero`);
      alpha = gfMul(alpha, 2);
    }
    payload.push(...block.slice(0, dataLen(b)));
  });

  // Byte mode: 0100, the count, the bytes, then the terminator and padding.
  const stream = payload.flatMap((c) => [7, 6, 5, 4, 3, 2, 1, 0].map((i) => (c >> i) & 1));
  let at = 0;
  const take = (n) => {
    let v = 0;
    for (let i = 0; i < n; i += 1) v = (v << 1) | stream[at++];
    return v;
  };
  assert.equal(take(4), 0b0100, 'byte mode');
  const count = take(version <= 9 ? 8 : 16);
  const bytes = [];
  for (let i = 0; i < count; i += 1) bytes.push(take(8));
  return { text: new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes)), version, level };
}

// ---- Tests -----------------------------------------------------------------------------------

test('the QR encoder makes exactly the reference encoder’s matrices', async () => {
  const { vectors } = JSON.parse(await readFile(new URL('./fixtures/qr-vectors.json', import.meta.url), 'utf8'));
  const { page, context } = await openPage(browser, server.url);
  await waitForRender(page);
  for (const v of vectors) {
    const want = v.rows.map((row) => [...row].map((c) => c === '1'));
    const mask = decodeMaskOf(want, v.ecl);
    const got = await page.evaluate(async ({ text, ecl, minVersion, mask }) => {
      const qr = await import('./js/qr.js');
      return qr.encode(text, { ecl, minVersion, mask }).modules;
    }, { text: v.text, ecl: v.ecl, minVersion: v.minVersion, mask });
    assert.equal(got.length, v.size, `${v.ecl} ${v.text.slice(0, 30)}: size`);
    assert.deepEqual(got, want, `${v.ecl} v${(v.size - 17) / 4}: the same modules`);
    assert.equal(decodeQr(got).text, v.text);
  }
  await context.close();
});

function decodeMaskOf(m, ecl) {
  let word = 0;
  const cells = [];
  for (let i = 0; i <= 5; i += 1) cells.push([8, i]);
  cells.push([8, 7], [8, 8], [7, 8]);
  for (let i = 9; i < 15; i += 1) cells.push([14 - i, 8]);
  cells.forEach(([x, y], i) => {
    word |= (m[y][x] ? 1 : 0) << i;
  });
  const data = (word ^ 0x5412) >> 10;
  assert.equal(EC_BITS_TO_LEVEL[data >> 3], ecl);
  return data & 7;
}

test('QR codes of links of every length read back with an independent decoder', async () => {
  const { page, context } = await openPage(browser, server.url);
  await waitForRender(page);
  const texts = [
    'a',
    'http://127.0.0.1:8000/',
    'https://example.org/layoff-whatif/?lang=id#v=2&p=klarna-like&aiShare=0.5&lang=id&cur=IDR',
    `https://example.org/?lang=id&tour=3&lock=layoffShare#v=2&${'aiShare=0.123456&'.repeat(14)}d=2`,
    'Pemangkasan — “kutipan” ✓ Rp 16.400',
    'x'.repeat(600),
  ];
  for (const text of texts) {
    const made = await page.evaluate(async (t) => {
      const qr = await import('./js/qr.js');
      const r = qr.encode(t);
      return { modules: r.modules, version: r.version };
    }, text);
    const back = decodeQr(made.modules);
    assert.equal(back.text, text);
    assert.equal(back.level, 'M', 'error correction level M');
    assert.equal(back.version, made.version);
  }
  // Too long for any version: a clear error, not a broken code.
  const error = await page.evaluate(async () => {
    const qr = await import('./js/qr.js');
    try {
      qr.encode('x'.repeat(3000));
      return null;
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  });
  assert.match(error, /^RangeError: the text is too long/);
  await context.close();
});

function pdfTool(name, args) {
  try {
    return execFileSync(name, args, { encoding: 'utf8' });
  } catch (error) {
    if (error.code === 'ENOENT') assert.fail(`${name} is missing: install poppler-utils (bash scripts/setup.sh --browser does)`);
    throw error;
  }
}

/** The SVG QR code on the handout as a matrix (from its path of horizontal runs). */
function handoutMatrix(d, size) {
  const m = Array.from({ length: size }, () => new Array(size).fill(false));
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(w); i += 1) m[Number(y) - 4][Number(x) - 4 + i] = true;
  }
  return m;
}

async function printCheck(url, name) {
  const { page, context, problems } = await openPage(browser, `${server.url}${url}`);
  await waitForRender(page);
  // Its link is the share link: this address, with the preset also in the query (issue 16).
  const link = await page.evaluate(async () => {
    const [store, permalink] = await Promise.all([import('./js/state.js'), import('./js/permalink.js')]);
    return permalink.linkUrl(store.getState());
  });
  // The handout is built when the page is printed (the browser's beforeprint, which a PDF
  // export fires too), not before: a reader who never prints never builds it (issue 15).
  assert.equal(await page.evaluate(() => document.getElementById('handout')), null, 'no handout before printing');
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, await page.pdf({ format: 'A4' }));
  assert.equal(await page.evaluate(() => document.getElementById('handout')?.dataset.link), link, 'printing built it for this state');
  const qr = await page.evaluate(() => {
    const svg = document.querySelector('#handout svg.qr');
    return { d: svg.querySelector('path').getAttribute('d'), size: Number(svg.dataset.size), label: svg.getAttribute('aria-label') };
  });
  assert.equal(decodeQr(handoutMatrix(qr.d, qr.size)).text, link, 'the QR code is the permalink');
  assert.ok(qr.label.length > 5, 'the QR code has a text alternative');
  const shown = await page.evaluate(() => ({
    url: document.querySelector('#handout .handout__url-text').textContent,
    questions: document.querySelectorAll('#handout .handout__question-list li').length,
    rows: document.querySelectorAll('#handout .handout__table tbody tr').length,
    changed: document.querySelectorAll('#handout .handout__table tr.is-changed').length,
    chart: document.querySelector('#handout .handout__chart-img')?.src.startsWith('data:image/png'),
  }));
  assert.equal(shown.url, link);
  assert.ok(shown.questions >= 3 && shown.questions <= 4, 'three or four questions');
  assert.ok(shown.rows >= 30, 'every parameter');
  assert.equal(shown.chart, true);

  const info = pdfTool('pdfinfo', [file]);
  assert.match(info, /^Pages:\s+2$/m, `${name}: exactly two pages\n${info}`);
  assert.match(info, /Page size:\s+59[56](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/, `${name}: A4`);
  const text = pdfTool('pdftotext', ['-layout', file, '-']);
  const squeeze = (s) => s.replace(/\s+/g, '');
  assert.ok(squeeze(text).includes(squeeze(link)), `${name}: the PDF has the permalink as text`);
  assert.deepEqual(problems, []);
  await context.close();
  return { text, changed: shown.changed };
}

test('the English handout is two A4 pages with the permalink, the story and the questions', async () => {
  const { text } = await printCheck('', 'english');
  assert.match(text, /Questions for discussion/i);
  assert.match(text, /The assumptions/i);
});

test('the Indonesian handout in rupiah with a long link and many changes is still two A4 pages', async () => {
  const url =
    '?lang=id#v=2&p=klarna-like&layoffShare=0.55&aiShare=0.75&aiResolutionRate=0.45&rehirePayFactor=1.4' +
    '&recognitionDelayMonths=14&customersBefore=2500000&horizonMonths=72&d=4&lang=id&cur=IDR&rate=16543.25';
  const { text, changed } = await printCheck(url, 'indonesian');
  assert.match(text, /Pertanyaan untuk diskusi/i);
  assert.match(text, /Rp/);
  assert.ok(changed >= 5, 'the changed parameters are marked');
});
