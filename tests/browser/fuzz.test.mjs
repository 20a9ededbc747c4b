// Fuzzing the page's two text parsers with a seeded generator (issue 17): the link fragment
// (permalink.read, the same code as at load and on hashchange) and the typed number
// (format.js parseLocaleNumber and controls.js readTyped, in English and Indonesian).
// FUZZ_CASES sets the cases per target (default 1500, a few seconds each); FUZZ_SEED the
// seed (default 17), so a finding is replayed exactly. Properties:
// - nothing throws; every refusal is a sentence with its placeholders filled and no raw
//   control character; everything accepted is a finite number inside its range;
// - a value written as the page shows it reads back as itself, and a text that reads two
//   ways is refused, never read as the other number.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, waitForRender } from './helpers.mjs';

const CASES = Number(process.env.FUZZ_CASES) || 1500;
const SEED = Number(process.env.FUZZ_SEED) || 17;

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

// Runs in the page: a small seeded generator (mulberry32) and the three targets.
async function fuzz({ cases, seed, target }) {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const MUST_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/;
  const PLACEHOLDER = /\{[A-Za-z]\w*\}/;
  const permalink = await import('./js/permalink.js');
  const controls = await import('./js/controls.js');
  const fmt = await import('./js/format.js');
  const specs = (await import('./pkg/layoff_whatif.js')).tables().params;
  const chars = '0123456789.,-+eE xXbBo_%$€Rp\u2212\u00a0\u202f\u202e\u0000\u001b\ttrueInfinityNaN=&#:';
  const numberish = () => {
    const n = Math.floor(rand() * 12);
    let out = '';
    for (let i = 0; i < n; i += 1) out += rand() < 0.6 ? String(Math.floor(rand() * 10)) : pick([...chars]);
    return out;
  };
  const text = () =>
    pick([
      numberish,
      () => String(rand() * 10 ** Math.floor(rand() * 12 - 4)),
      () => fmt.number(rand() * 1e6, Math.floor(rand() * 4)),
      () => String.fromCodePoint(...Array.from({ length: Math.floor(rand() * 8) }, () => Math.floor(rand() * 0x2100))),
      () => pick(['', ' ', '1e309', '-0', '0x10', '1,5', '1.500', '5,080', '5.080', '١٠', '%E0%A4', '%25', 'x'.repeat(100)]),
    ])();
  const problemsOf = (messages, where) => {
    for (const m of messages) {
      if (typeof m !== 'string' || m.length < 5) return `${where}: not a sentence: ${JSON.stringify(m)}`;
      if (PLACEHOLDER.test(m)) return `${where}: unfilled placeholder: ${m}`;
      if (MUST_ESCAPE.test(m)) return `${where}: raw control character: ${JSON.stringify(m)}`;
    }
    return null;
  };
  let executions = 0;
  for (let i = 0; i < cases; i += 1) {
    executions += 1;
    if (target === 'fragment') {
      const names = [...specs.map((p) => p.key), 'p', 'd', 't', 'lang', 'cur', 'rate', 'pin', 'tour', 'present', 'v', 'map', 'x'];
      const pieces = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => {
        const name = rand() < 0.9 ? pick(names) : text();
        const value = rand() < 0.5 ? encodeURIComponent(text()) : text().replace(/[&#]/g, '');
        return rand() < 0.05 ? name : `${name}=${value}`;
      });
      const fragment = (rand() < 0.8 ? 'v=2&' : '') + pieces.join('&');
      let result;
      try {
        result = permalink.read(fragment);
      } catch (error) {
        return { executions, finding: `read(${JSON.stringify(fragment)}) threw ${error}` };
      }
      if (!result.isState) continue;
      const bad = problemsOf(result.problems, JSON.stringify(fragment));
      if (bad) return { executions, finding: bad };
      for (const [key, value] of Object.entries(result.state.params)) {
        const spec = specs.find((p) => p.key === key);
        if (!spec || !Number.isFinite(value) || value < spec.min || value > spec.max) {
          return { executions, finding: `${JSON.stringify(fragment)} gave ${key}=${value}` };
        }
      }
    } else if (target === 'typed') {
      const spec = pick(specs);
      const input = text();
      for (const seps of [{ group: ',', decimal: '.' }, { group: '.', decimal: ',' }]) {
        const read = fmt.parseLocaleNumber(input, { ...seps, signs: ['$', '%', 'Rp'] });
        if (read.ok && !/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(read.plain)) {
          return { executions, finding: `${JSON.stringify(input)} read as ${read.plain}` };
        }
      }
      let result;
      try {
        result = controls.readTyped(spec, input);
      } catch (error) {
        return { executions, finding: `readTyped(${spec.key}, ${JSON.stringify(input)}) threw ${error}` };
      }
      if (result.ok) {
        if (!Number.isFinite(result.value) || result.value < spec.min || result.value > spec.max) {
          return { executions, finding: `${spec.key} ${JSON.stringify(input)} gave ${result.value}` };
        }
      } else {
        const bad = problemsOf([result.message], `${spec.key} ${JSON.stringify(input)}`);
        if (bad) return { executions, finding: bad };
      }
    } else {
      // Round trip: a valid value as the field shows it reads back as itself; without the
      // field's own value to go by, it is that value or refused as ambiguous, never another.
      const spec = pick(specs);
      const steps = Math.round((spec.max - spec.min) / spec.step);
      const value = Number((spec.min + Math.floor(rand() * (steps + 1)) * spec.step).toPrecision(12));
      const shown = fmt.fieldText(spec, value);
      const own = controls.readTyped(spec, shown, value);
      if (!own.ok || own.value !== value) return { executions, finding: `${spec.key}=${value} shown "${shown}" read as shown gave ${JSON.stringify(own)}` };
      const fresh = controls.readTyped(spec, shown);
      if (fresh.ok ? Math.abs(fresh.value - value) > 1e-9 * Math.max(1, Math.abs(value)) : fresh.code !== 'ambiguous') {
        return { executions, finding: `${spec.key}=${value} shown "${shown}" typed anew gave ${JSON.stringify(fresh)}` };
      }
    }
  }
  return { executions, finding: null };
}

for (const lang of ['en', 'id']) {
  for (const target of ['fragment', 'typed', 'roundTrip']) {
    test(`fuzz ${target} (${lang}): ${CASES} cases, seed ${SEED}`, async () => {
      const { page, context, problems } = await openPage(browser, `${server.url}?lang=${lang}`);
      await waitForRender(page);
      const started = Date.now();
      const { executions, finding } = await page.evaluate(fuzz, { cases: CASES, seed: SEED + lang.length, target });
      console.log(`# fuzz ${target} ${lang}: ${executions} executions in ${Date.now() - started} ms`);
      assert.equal(finding, null);
      assert.equal(executions, CASES);
      assert.deepEqual(problems.filter((p) => !p.startsWith('console')), []);
      await context.close();
    });
  }
}
