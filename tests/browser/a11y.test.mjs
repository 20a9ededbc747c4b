// Accessibility (WCAG 2.2 AA), on every view: the default page, each language, the embed,
// presentation mode, the tour, and the fallbacks (without WebAssembly; a script module that
// did not load); light and dark; phone
// and desktop widths.
//
// - axe-core finds no WCAG 2.x A/AA or best-practice violations (every control group, data
//   table and the embed panel open). The per-view results are printed as test diagnostics.
// - Keyboard: every control is reachable with Tab in document order (no positive tabindex),
//   shows a focus ring of at least 2 px and 3:1 against its background, and is a target of at
//   least 24 x 24 px; every slider moves with the arrow keys and says its value with units.
// - A polite live region announces the main result, debounced, in the page's language.
// - Every chart has a text alternative and a data table; chart lines meet 3:1 against the
//   chart background in every theme.
// - prefers-reduced-motion stops transitions and smooth scrolling; prefers-color-scheme dark
//   darkens the page and the charts.
// - Reflow: at 320 px wide and at 200% zoom nothing scrolls sideways and every control can be
//   reached and is not cut off.
//
// axe is injected as a script, which the page's Content-Security-Policy forbids, so the axe
// contexts bypass CSP; every other check runs under the real policy.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, waitForRender, waitForSettled, nextFrames, wasmCall, ROOT, WWW } from './helpers.mjs';

let server;
let browser;

const languages = (readFileSync(join(WWW, 'js', 'i18n.js'), 'utf8').match(/LANGUAGES\s*=\s*\[([^\]]*)\]/)?.[1] || '')
  .split(',')
  .map((s) => s.trim().replace(/['"]/g, ''))
  .filter(Boolean);
const has = (file) => existsSync(join(WWW, 'js', file));
const table = (lang) => JSON.parse(readFileSync(join(WWW, 'i18n', `${lang}.json`), 'utf8'));

/** Every view a reader can get. A view whose feature is missing is skipped with a reason. */
const VIEWS = [
  { name: 'default', query: '' },
  ...languages.filter((l) => l !== 'en').map((l) => ({ name: `language ${l}`, query: `?lang=${l}`, lang: l })),
  { name: 'embed', query: '?embed=1', skip: !has('embed.js') && 'www/js/embed.js is missing' },
  {
    name: 'embed with every chart and control',
    query: '?embed=1&charts=savings,headcount,costs,quality&controls=presets,depth,layoffShare,aiShare,customersBefore',
    skip: !has('embed.js') && 'www/js/embed.js is missing',
  },
  { name: 'presentation', query: '?present=1', skip: !has('teach.js') && 'www/js/teach.js is missing' },
  { name: 'tour', query: '?tour=3', skip: !has('teach.js') && 'www/js/teach.js is missing' },
  { name: 'no WebAssembly (fallback)', query: '', noWasm: true, fallback: true },
  { name: 'a script that did not load (fallback)', query: '?lang=id', blockApp: true, fallback: true },
  { name: 'fallback numbers page', query: 'fallback/numbers.html', static: true, skip: !existsSync(join(WWW, 'fallback', 'numbers.html')) && 'www/fallback/ is not built' },
];
if (!languages.includes('id')) VIEWS.push({ name: 'language id', query: '?lang=id', skip: 'Indonesian is not in i18n.LANGUAGES' });

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 800 };

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openView(view, { viewport = DESKTOP, colorScheme = 'light', reducedMotion = 'no-preference', bypassCSP = false, deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion, bypassCSP, deviceScaleFactor });
  const page = await context.newPage();
  if (view.noWasm) await page.addInitScript(() => delete window.WebAssembly);
  if (view.blockApp) await page.route('**/js/app.js', (route) => route.abort('failed'));
  await page.goto(`${server.url}${view.query}`);
  if (view.static) {
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  } else if (view.fallback) {
    await page.locator('#fallback img').waitFor();
    await page.waitForFunction(() => document.querySelector('#fallback img').complete);
  } else {
    await waitForRender(page);
  }
  return { context, page };
}

/** Opens everything that can be opened: control groups, data tables, the embed panel. */
async function openEverything(page) {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  // Each closed toggle is clicked once, in the page (a locator could go stale between rounds).
  for (let round = 0; round < 3; round += 1) {
    const clicked = await page.evaluate(() => {
      const closed = [...document.querySelectorAll('button[aria-controls^="table-"], button[aria-controls="embed-panel"]')].filter(
        (b) => b.getAttribute('aria-expanded') === 'false' && b.getClientRects().length && !b.dataset.opened,
      );
      for (const b of closed) {
        b.dataset.opened = '1';
        b.click();
      }
      return closed.length;
    });
    if (!clicked) break;
    await nextFrames(page);
  }
  await nextFrames(page);
}

// ---- axe on every view --------------------------------------------------------------------------

for (const view of VIEWS) {
  const combos = view.name === 'default'
    ? [['light', DESKTOP], ['dark', DESKTOP], ['light', PHONE], ['dark', PHONE]]
    : [['light', DESKTOP], ['dark', PHONE]];
  for (const [scheme, viewport] of combos) {
    test(`axe: ${view.name}, ${scheme}, ${viewport.width} px — no violations`, { skip: view.skip }, async (t) => {
      const { context, page } = await openView(view, { viewport, colorScheme: scheme, bypassCSP: true });
      if (!view.fallback && !view.static) {
        await openEverything(page);
        await waitForSettled(page);
      }
      await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(document, {
          runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
        });
        return {
          violations: r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
          passes: r.passes.length,
          incomplete: r.incomplete.map((v) => v.id),
        };
      });
      const line = `axe ${view.name} ${scheme} ${viewport.width}px: ${result.violations.length} violations, ${result.passes} rules passed, ${result.incomplete.length} to review by hand (${result.incomplete.join(', ') || 'none'})`;
      t.diagnostic(line);
      assert.deepEqual(result.violations, []);
      await context.close();
    });
  }
}

// ---- Keyboard ------------------------------------------------------------------------------------

/** The relative luminance and contrast of CSS colours, in the page. */
const COLOUR_TOOLS = () => {
  window.__parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  window.__lum = ({ r, g, b }) => {
    const f = (v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  window.__contrast = (a, b) => {
    const [x, y] = [window.__lum(a), window.__lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  window.__background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = window.__parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return window.__parse(getComputedStyle(document.documentElement).backgroundColor) || { r: 255, g: 255, b: 255, a: 1 };
  };
};

for (const view of VIEWS.filter((v) => !v.fallback && !v.static)) {
  test(`keyboard: ${view.name} — every control by Tab in order, visible focus (3:1), 24 px targets`, { skip: view.skip }, async () => {
    const { context, page } = await openView(view);
    await page.evaluate(COLOUR_TOOLS);
    await openEverything(page);
    assert.equal(await page.locator('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').count(), 0, 'no positive tabindex');
    const expected = await page.evaluate(() =>
      [...document.querySelectorAll('button:not(:disabled), input:not(:disabled), select, textarea, summary, a[href], [tabindex="0"]')]
        .filter((e) => e.getClientRects().length && !e.closest('[hidden], [inert]') && getComputedStyle(e).visibility !== 'hidden')
        .filter((e) => !(e.type === 'radio' && !e.checked)).length,
    );
    // Tab from the top of the document (opening the tables above moved the starting point).
    await page.evaluate(() => {
      document.activeElement?.blur();
      const start = document.createElement('span');
      start.tabIndex = -1;
      document.body.prepend(start);
      start.focus();
      start.remove();
    });
    const seen = new Set();
    const problems = [];
    let previous = null;
    let wrapped = false;
    // Tab steps through a frame's controls (the embed panel's preview) while the frame stays
    // this document's active element; those steps do not count against the page's, and the
    // controls inside are the embed's, checked by the embed views here.
    let inFrame = 0;
    for (let i = 0; i < expected + 20 + inFrame && !wrapped; i += 1) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate((prevId) => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        if (!e.dataset.tabSeen) e.dataset.tabSeen = String(document.querySelectorAll('[data-tab-seen]').length + 1);
        const style = getComputedStyle(e);
        const box = e.getBoundingClientRect();
        const label = e.type === 'radio' || e.type === 'checkbox' ? e.closest('label')?.getBoundingClientRect() : null;
        const prev = prevId ? document.querySelector(`[data-tab-seen="${prevId}"]`) : null;
        const outline = window.__parse(style.outlineColor);
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        return {
          id: e.dataset.tabSeen,
          name: `${e.tagName.toLowerCase()}#${e.id || e.className || e.textContent.trim().slice(0, 20)}`,
          ring,
          ringContrast: ring && outline ? window.__contrast(outline, window.__background(e.parentElement || e)) : 0,
          width: label ? Math.max(label.width, box.width) : box.width,
          height: label ? Math.max(label.height, box.height) : box.height,
          inline: e.tagName === 'A' && style.display === 'inline',
          frame: e.tagName === 'IFRAME',
          before: prev ? Boolean(prev.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING) : false,
        };
      }, previous);
      if (!info) continue;
      if (info.frame && info.id === previous) {
        inFrame += 1;
        if (inFrame > 200) {
          problems.push(`${info.name}: Tab never leaves the frame`);
          break;
        }
        continue;
      }
      if (seen.has(info.id)) {
        wrapped = true;
        break;
      }
      seen.add(info.id);
      previous = info.id;
      if (info.frame) continue; // the ring is the focused control's, inside the frame
      if (!info.ring) problems.push(`${info.name}: no visible focus ring`);
      else if (info.ringContrast < 3) problems.push(`${info.name}: focus ring contrast ${info.ringContrast.toFixed(2)}`);
      if (!info.inline && (info.width < 24 || info.height < 24)) problems.push(`${info.name}: ${info.width.toFixed(0)}x${info.height.toFixed(0)} px`);
      if (info.before) problems.push(`${info.name}: comes before the previous stop in the document (focus order)`);
    }
    assert.deepEqual(problems, []);
    assert.ok(seen.size >= expected, `reached ${seen.size} of ${expected} controls with Tab`);
    await context.close();
  });
}

for (const view of VIEWS.filter((v) => !v.fallback && !v.static && !v.name.startsWith('tour'))) {
  test(`sliders: ${view.name} — every slider moves with the arrow keys and speaks its value with units`, { skip: view.skip }, async () => {
    const { context, page } = await openView(view);
    await openEverything(page);
    const ids = await page.evaluate(() => [...document.querySelectorAll('input[type=range]')].filter((r) => r.getClientRects().length && !r.disabled).map((r) => r.id));
    // A pure number (an elasticity) has no unit to say; every other value must carry one.
    const units = table('en').units;
    const unitless = new Set((await wasmCall(page, 'tables')).params.filter((p) => units[p.unit]?.spoken === '{v}' && !/usd/i.test(p.unit)).map((p) => p.key));
    assert.ok(ids.length >= (view.query.includes('embed') ? 2 : 30), `${ids.length} sliders`);
    const problems = [];
    for (const id of ids) {
      const range = page.locator(`#${id}`);
      await range.focus();
      const before = await range.evaluate((r) => ({ value: r.dataset.value, text: r.getAttribute('aria-valuetext'), atMax: Number(r.value) >= Number(r.max) }));
      const [forward, back] = before.atMax ? ['ArrowLeft', 'ArrowRight'] : ['ArrowRight', 'ArrowLeft'];
      await page.keyboard.press(forward);
      await nextFrames(page);
      const after = await range.evaluate((r) => ({ value: r.dataset.value, text: r.getAttribute('aria-valuetext') }));
      if (after.value === before.value) problems.push(`${id}: ${forward} did not move it (${before.value})`);
      if (!after.text || after.text === before.text) problems.push(`${id}: aria-valuetext "${after.text}" did not follow`);
      if (!/\d/.test(after.text || '') || (!unitless.has(id) && /^[\d.,\s−-]+$/.test(after.text || ''))) problems.push(`${id}: aria-valuetext "${after.text}" has no unit`);
      await page.keyboard.press(back);
      await nextFrames(page);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// ---- The live region ---------------------------------------------------------------------------

for (const view of VIEWS.filter((v) => !v.fallback && !v.static && (v.name === 'default' || v.lang))) {
  test(`live region: ${view.name} — the result is announced politely, debounced, in the page's language`, { skip: view.skip }, async () => {
    const { context, page } = await openView(view);
    const live = page.locator('#announce');
    assert.equal(await live.getAttribute('aria-live'), 'polite');
    await page.evaluate(() => {
      window.__announced = [];
      window.__changes = [];
      new MutationObserver(() => window.__announced.push({ at: performance.now(), text: document.getElementById('announce').textContent })).observe(
        document.getElementById('announce'),
        { childList: true, characterData: true, subtree: true },
      );
      document.getElementById('layoffShare').addEventListener('change', () => window.__changes.push(performance.now()));
    });
    await page.locator('#layoffShare').focus();
    for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.__announced.length > 0 && window.__changes.length === 6);
    await page.waitForFunction(() => window.__announced.at(-1).at > window.__changes.at(-1));
    const { announced, changes, readout } = await page.evaluate(() => ({
      announced: window.__announced,
      changes: window.__changes,
      readout: {
        value: document.querySelector('#readout .readout__value')?.textContent,
        vs: document.querySelector('#readout .readout__vs')?.textContent,
      },
    }));
    const last = announced.at(-1);
    assert.ok(last.text.includes(readout.value) && last.text.includes(readout.vs), `"${last.text}" names the result shown`);
    const lang = view.lang || 'en';
    assert.ok(last.text.includes(table(lang).readout.vsBaseline), `"${last.text}" is in ${lang}`);
    // Debounced: each announcement comes a while after the change before it, never between
    // two quick changes (holding an arrow key does not make a screen reader chatter).
    for (const a of announced) {
      const cause = changes.filter((c) => c < a.at).at(-1);
      assert.ok(a.at - cause >= 300, `announced ${(a.at - cause).toFixed(0)} ms after a change`);
    }
    for (let i = 1; i < announced.length; i += 1) assert.ok(announced[i].at - announced[i - 1].at >= 300, 'announcements are spaced');
    await context.close();
  });
}

// ---- Charts: text alternatives, data tables, colours ---------------------------------------------

test('every chart has a text alternative and a data table with the same numbers', async () => {
  const { context, page } = await openView(VIEWS[0]);
  await openEverything(page);
  const charts = await page.evaluate(() =>
    [...document.querySelectorAll('canvas[role="img"]')].map((c) => {
      const described = (c.getAttribute('aria-describedby') || '').split(/\s+/).map((id) => document.getElementById(id)?.textContent.trim() || '');
      const figure = c.closest('figure');
      const tableEl = figure?.querySelector('table') || document.getElementById(`table-${c.dataset.kind}`);
      return {
        kind: c.dataset.kind || c.id,
        label: c.getAttribute('aria-label') || '',
        described: described.join(' '),
        table: tableEl ? { caption: tableEl.querySelector('caption')?.textContent.trim(), rows: tableEl.querySelectorAll('tbody tr').length, scoped: tableEl.querySelectorAll('th[scope]').length } : null,
      };
    }),
  );
  assert.ok(charts.length >= 4, `${charts.length} charts`);
  for (const c of charts) {
    assert.ok(c.label.length > 5, `${c.kind}: aria-label`);
  }
  for (const c of charts.filter((x) => ['savings', 'headcount', 'costs', 'quality'].includes(x.kind))) {
    assert.ok(c.label.length > 5, `${c.kind}: aria-label`);
    assert.ok(c.described.length > 40 && /\d/.test(c.described), `${c.kind}: a generated description with numbers ("${c.described.slice(0, 60)}")`);
    assert.ok(c.table, `${c.kind}: a data table`);
    assert.ok(c.table.caption && c.table.rows >= 5 && c.table.scoped >= 2, `${c.kind}: table with caption, rows and scoped headers`);
  }
  await context.close();
});

function contrastOf(a, b) {
  const lum = (h) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('chart lines meet 3:1 and chart text 4.5:1 against the chart background in every theme', async (t) => {
  const { context, page } = await openView(VIEWS[0]);
  const problems = [];
  const checked = [];
  for (const theme of ['light', 'dark', 'projector']) {
    for (const kind of ['savings', 'headcount', 'costs', 'quality']) {
      let svg;
      try {
        svg = await wasmCall(page, 'chartSvg', { scenario: { preset: 'typical' }, kind, options: { theme }, width: 800, height: 500 });
      } catch {
        continue; // a theme this build does not know
      }
      const background = svg.match(/<rect x="0" y="0" width="800" height="500"[^>]*fill="(#[0-9A-Fa-f]{6})"/)?.[1];
      assert.ok(background, `${theme} ${kind}: background`);
      // Data lines are polylines/paths with a stroke of 1.5 px or more; grid rules are thinner.
      const strokes = new Set(
        [...svg.matchAll(/<(?:polyline|path|line)\b[^>]*stroke="(#[0-9A-Fa-f]{6})"[^>]*stroke-width="([\d.]+)"/g)]
          .filter((m) => Number(m[2]) >= 1.5)
          .map((m) => m[1].toUpperCase()),
      );
      const texts = new Set([...svg.matchAll(/<text\b[^>]*fill="(#[0-9A-Fa-f]{6})"/g)].map((m) => m[1].toUpperCase()));
      for (const colour of strokes) {
        const c = contrastOf(colour, background);
        checked.push(`${theme}/${kind} ${colour} ${c.toFixed(2)}:1`);
        if (c < 3) problems.push(`${theme} ${kind}: line ${colour} on ${background} is ${c.toFixed(2)}:1`);
      }
      for (const colour of texts) {
        const c = contrastOf(colour, background);
        if (c < 4.5) problems.push(`${theme} ${kind}: text ${colour} on ${background} is ${c.toFixed(2)}:1`);
      }
    }
  }
  t.diagnostic(`chart line colours checked: ${checked.join(', ')}`);
  assert.ok(checked.length >= 8, `checked ${checked.length} line colours`);
  assert.deepEqual(problems, []);
  await context.close();
});

// ---- Motion and colour scheme --------------------------------------------------------------------

test('prefers-reduced-motion: no transitions, animations or smooth scrolling', async () => {
  const { context, page } = await openView(VIEWS[0], { reducedMotion: 'reduce' });
  await openEverything(page);
  const moving = await page.evaluate(() => {
    const out = [];
    for (const e of document.querySelectorAll('*')) {
      const s = getComputedStyle(e);
      const longest = (list) => Math.max(...list.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 1 : 1000)));
      if (longest(s.transitionDuration) > 0.01 && s.transitionProperty !== 'none') out.push(`${e.tagName}.${e.className}: transition ${s.transitionDuration}`);
      if (s.animationName !== 'none' && longest(s.animationDuration) > 0.01) out.push(`${e.tagName}.${e.className}: animation ${s.animationName}`);
    }
    if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') out.push('html: smooth scrolling');
    return out;
  });
  assert.deepEqual(moving, []);
  await context.close();
});

test('prefers-color-scheme dark: a dark page and dark charts', async () => {
  const { context, page } = await openView(VIEWS[0], { colorScheme: 'dark' });
  await page.evaluate(COLOUR_TOOLS);
  const { page: bg, chart } = await page.evaluate(() => {
    const canvas = document.querySelector('canvas.chart__canvas');
    const probe = document.createElement('canvas');
    probe.width = 1;
    probe.height = 1;
    const ctx = probe.getContext('2d');
    ctx.drawImage(canvas, 2, 2, 1, 1, 0, 0, 1, 1);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return { page: window.__lum(window.__background(document.body)), chart: window.__lum({ r, g, b }) };
  });
  assert.ok(bg < 0.05, `page background luminance ${bg}`);
  assert.ok(chart < 0.05, `chart background luminance ${chart}`);
  await context.close();
});

// ---- Reflow ---------------------------------------------------------------------------------------

for (const [name, viewport, deviceScaleFactor] of [
  ['320 px wide', { width: 320, height: 720 }, 1],
  ['200% zoom (1280 px at 2x)', { width: 640, height: 450 }, 2],
]) {
  for (const view of VIEWS.filter((v) => ['default', 'embed', 'presentation', 'no WebAssembly (fallback)', 'a script that did not load (fallback)', 'fallback numbers page'].includes(v.name) || v.lang)) {
    test(`reflow at ${name}: ${view.name} — no sideways scrolling, every control reachable and whole`, { skip: view.skip }, async () => {
      const { context, page } = await openView(view, { viewport, deviceScaleFactor });
      if (!view.fallback && !view.static) await openEverything(page);
      const result = await page.evaluate(() => {
        const doc = document.documentElement;
        const width = doc.clientWidth;
        const scrolls = (e) => {
          for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
            const s = getComputedStyle(p);
            if (/(auto|scroll)/.test(s.overflowX) && p.scrollWidth > p.clientWidth) return true; // a table's own scroller
          }
          return false;
        };
        const problems = [];
        for (const e of document.querySelectorAll('button, input, select, textarea, summary, a[href]')) {
          if (!e.getClientRects().length || e.closest('[hidden]') || getComputedStyle(e).visibility === 'hidden') continue;
          if (e.classList.contains('skip-link') || e.closest('.sr-only')) continue;
          if (scrolls(e)) continue;
          e.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
          const box = e.getBoundingClientRect();
          if (box.left < -1 || box.right > width + 1) problems.push(`${e.tagName}#${e.id || e.className}: ${box.left.toFixed(0)}..${box.right.toFixed(0)} of ${width}`);
          const x = Math.min(Math.max(box.left + box.width / 2, 0), width - 1);
          const y = Math.min(Math.max(box.top + box.height / 2, 0), window.innerHeight - 1);
          const hit = document.elementFromPoint(x, y);
          const label = e.id ? document.querySelector(`label[for="${e.id}"]`) : null;
          if (hit && !(e.contains(hit) || hit.contains(e) || e.closest('label')?.contains(hit) || label?.contains(hit))) {
            problems.push(`${e.tagName}#${e.id || e.className} is covered by ${hit.tagName}.${hit.className}`);
          }
        }
        return { scrollWidth: doc.scrollWidth, clientWidth: width, problems };
      });
      assert.ok(result.scrollWidth <= result.clientWidth, `the page scrolls sideways: ${result.scrollWidth} > ${result.clientWidth}`);
      assert.deepEqual(result.problems, []);
      await context.close();
    });
  }
}
