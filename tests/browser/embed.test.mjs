// Embed mode, as a publisher uses it: the snippet from the full page's "Embed" panel is pasted
// into an article served from ANOTHER origin under a strict Content-Security-Policy, with the
// optional host script. The sandboxed frame runs the explainer in its compact layout, the host
// script makes the frame exactly as tall as its content (also when the content grows), the
// reader's steps stay out of the host page's history, and hostile messages (from the host page
// and from a third-origin frame) change nothing, neither in the explainer nor in the frame size.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, openPage, waitForRender, renderCount, frameLoaded, ROOT } from './helpers.mjs';

const FIXTURES = join(ROOT, 'tests', 'browser', 'fixtures');

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

/**
 * The publisher's server: host.html with the snippet pasted in, under a strict CSP header
 * that allows scripts and frames only from the explainer's origin (and the third frame).
 */
async function startHost(snippet, appOrigin) {
  const http = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    try {
      if (url.pathname === '/' || url.pathname === '/host.html') {
        const { port } = http.address();
        const other = `http://localhost:${port}`;
        const html = (await readFile(join(FIXTURES, 'host.html'), 'utf8'))
          .replace('{{SNIPPET}}', () => snippet)
          .replace('{{OTHER}}', other);
        response.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': `default-src 'none'; script-src ${appOrigin}; frame-src ${appOrigin} ${other}; style-src 'self'; img-src data:; base-uri 'none'; form-action 'none'`,
        });
        response.end(html);
        return;
      }
      const name = { '/host.css': 'host.css', '/other.html': 'other.html' }[url.pathname];
      if (!name) throw new Error('not found');
      const type = name.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8';
      response.writeHead(200, { 'content-type': type });
      response.end(await readFile(join(FIXTURES, name)));
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => http.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${http.address().port}/`, close: () => new Promise((ok) => http.close(ok)) };
}

/** Polls `check` once per animation frame of `page` until it returns true (30 s at most). */
async function until(page, check, what) {
  const deadline = Date.now() + 30000;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok())));
  }
}

const SCENARIO = 'v=2&p=klarna-like&layoffShare=0.25&aiShare=0.3';

async function snippetFromPage() {
  const { page, context, problems } = await openPage(browser, `${server.url}#${SCENARIO}`);
  await waitForRender(page);
  await page.click('#embed-button');
  await page.check('#embed-chart-costs');
  const code = await page.inputValue('#embed-code');
  const host = await page.inputValue('#embed-host-code');
  assert.deepEqual(problems, []);
  await context.close();
  return { code, host };
}

async function frameState(frame) {
  return frame.evaluate(() => ({
    values: Object.fromEntries([...document.querySelectorAll('input[type=range]')].map((r) => [r.id, r.dataset.value])),
    preset: document.querySelector('button.preset[aria-pressed="true"]')?.dataset.preset,
    prose: document.getElementById('story').textContent,
    charts: [...document.querySelectorAll('canvas.chart__canvas')].map((c) => c.toDataURL()),
    href: location.href,
    rendered: document.body.dataset.rendered,
  }));
}

test('the Embed panel gives a complete iframe snippet and the host script', async () => {
  const { code, host } = await snippetFromPage();
  const origin = server.url.replace(/\/$/, '');
  assert.match(code, /^<iframe src="[^"]+" title="[^"]+" width="100%" height="\d+" frameborder="0" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" data-layoff-whatif><\/iframe>$/);
  const src = code.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
  assert.equal(src, `${origin}/?embed=1&charts=savings,costs#${SCENARIO}`);
  assert.equal(host, `<script src="${origin}/embed-host.js" async></script>`);
});

test('the embed resizes its host iframe, cross-origin, sandboxed, under a strict CSP', async () => {
  const { code, host } = await snippetFromPage();
  const publisher = await startHost(`${code}\n    ${host}`, server.url.replace(/\/$/, ''));
  try {
    const { page, context, problems } = await openPage(browser, publisher.url, { viewport: { width: 800, height: 900 } });
    const iframe = await page.waitForSelector('iframe[data-layoff-whatif]');
    const frame = await iframe.contentFrame();
    await frameLoaded(frame);
    await frame.waitForFunction(() => document.body?.dataset.ready === '1' && Number(document.body.dataset.rendered) >= 1);
    assert.notEqual(new URL(page.url()).origin, new URL(frame.url()).origin, 'the host is another origin');

    // The compact layout: the chosen charts and the default sliders, no masthead or sources.
    const layout = await frame.evaluate(() => {
      const visible = (e) => e && e.getClientRects().length > 0;
      return {
        embed: document.documentElement.classList.contains('is-embed'),
        masthead: visible(document.querySelector('.masthead')),
        how: visible(document.getElementById('how')),
        charts: [...document.querySelectorAll('#chart-hero figure.chart, #charts figure.chart')].filter(visible).map((f) => f.querySelector('canvas').dataset.kind),
        controls: [...document.querySelectorAll('.control')].filter(visible).map((c) => c.dataset.key),
        paragraphs: [...document.querySelectorAll('#story > p')].filter(visible).length,
        open: document.querySelector('.embed-bar__open')?.getAttribute('href'),
        target: document.querySelector('.embed-bar__open')?.target,
      };
    });
    assert.deepEqual(layout, {
      embed: true,
      masthead: false,
      how: false,
      charts: ['savings', 'costs'],
      controls: ['layoffShare', 'aiShare'], // the model's first sliders (issue 15's compact embed)
      paragraphs: 0, // the compact embed names its scenario instead of telling the story
      open: `${server.url}?preset=klarna-like#${SCENARIO}`, // the preset in the query too (issue 16)
      target: '_blank',
    });
    const state = await frameState(frame);
    assert.equal(state.values.aiShare, '0.3');
    assert.equal(state.values.layoffShare, '0.25');

    // The host script sets the frame to the height of its content.
    const heights = async () => ({
      frame: await iframe.evaluate((f) => f.getBoundingClientRect().height),
      content: await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
      scrolls: await frame.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 1),
    });
    const initial = Number(code.match(/height="(\d+)"/)[1]);
    await until(page, async () => {
      const h = await heights();
      return Math.abs(h.frame - h.content) <= 1 && h.frame !== initial;
    }, 'the frame to take its content height');
    assert.equal((await heights()).scrolls, false, 'no scroll bar inside the frame');
    const fitted = (await heights()).frame;

    // Content that grows (a data table) grows the frame too.
    const historyLength = await page.evaluate(() => history.length);
    await frame.click('#table-toggle-savings');
    await until(page, async () => {
      const h = await heights();
      return h.frame > fitted + 100 && Math.abs(h.frame - h.content) <= 1;
    }, 'the frame to grow with its content');

    // A reader's step inside the embed is undone inside it, not in the host's history.
    const beforeStep = await frameState(frame);
    let count = await frame.evaluate(() => Number(document.body.dataset.rendered));
    await frame.focus('#aiShare');
    await frame.press('#aiShare', 'End');
    await frame.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, count);
    assert.notEqual((await frameState(frame)).values.aiShare, '0.3');
    assert.equal(await page.evaluate(() => history.length), historyLength, 'the host history is untouched');
    assert.match(await frame.getAttribute('.embed-bar__open', 'href'), /aiShare=0\.95/);
    count = await frame.evaluate(() => Number(document.body.dataset.rendered));
    await frame.click('#undo-button');
    await frame.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, count);
    const undone = await frameState(frame);
    assert.deepEqual(undone.values, beforeStep.values, 'undo inside the embed');
    assert.equal(undone.prose, beforeStep.prose);
    assert.equal(await page.evaluate(() => history.length), historyLength);

    assert.deepEqual(problems, [], 'no console errors, CSP reports or failed requests in the host or the frame');
    await context.close();
  } finally {
    await publisher.close();
  }
});

test('hostile messages change neither the explainer nor the frame size', async () => {
  const { code, host } = await snippetFromPage();
  const publisher = await startHost(`${code}\n    ${host}`, server.url.replace(/\/$/, ''));
  try {
    const { page, context, problems } = await openPage(browser, publisher.url, { viewport: { width: 800, height: 900 } });
    const iframe = await page.waitForSelector('iframe[data-layoff-whatif]');
    const frame = await iframe.contentFrame();
    await frameLoaded(frame);
    await frame.waitForFunction(() => document.body?.dataset.ready === '1' && Number(document.body.dataset.rendered) >= 1);
    const other = await (await page.waitForSelector('iframe#other')).contentFrame();
    await other.waitForLoadState();
    await frame.waitForFunction(() => {
      const note = document.getElementById('uncertainty-note');
      return !note || ['ready', 'nothing', 'error'].includes(note.dataset.state);
    });
    await frame.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))));
    await until(page, async () => {
      const h = await iframe.evaluate((f) => f.getBoundingClientRect().height);
      const c = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      return Math.abs(h - c) <= 1;
    }, 'the frame to fit its settled content');
    const before = await frameState(frame);
    const height = await iframe.evaluate((f) => f.getBoundingClientRect().height);

    // Count deliveries (these listeners run after any the pages registered themselves).
    await frame.evaluate(() => {
      window.__received = 0;
      window.addEventListener('message', () => { window.__received += 1; });
    });
    await page.evaluate(() => {
      window.__received = 0;
      window.addEventListener('message', () => { window.__received += 1; });
    });

    const hostile = [
      { type: 'layoff-whatif:height', height: 5000 },
      { type: 'layoff-whatif:set', params: { aiShare: 0.9 } },
      { type: 'layoff-whatif:state', state: { preset: 'status-quo', params: {}, depth: 1 } },
      { preset: 'status-quo', params: { layoffShare: 0 } },
      '#v=2&p=status-quo',
      'javascript:alert(1)',
      { type: 'layoff-whatif:navigate', url: 'https://example.invalid/' },
      null,
      42,
    ];
    // From the host page (another origin) to the explainer.
    await page.evaluate((messages) => {
      const target = document.querySelector('iframe[data-layoff-whatif]').contentWindow;
      for (const m of messages) target.postMessage(m, '*');
    }, hostile);
    // From a third-origin frame: to the explainer, and forged height messages to the host.
    await other.evaluate((messages) => {
      for (const m of messages) window.parent.frames[0].postMessage(m, '*');
      window.parent.postMessage({ type: 'layoff-whatif:height', height: 321 }, '*');
      window.parent.postMessage({ type: 'layoff-whatif:height', height: 9999 }, '*');
    }, hostile);
    // From the host itself, pretending to be the frame.
    await page.evaluate(() => window.postMessage({ type: 'layoff-whatif:height', height: 222 }, '*'));

    await until(frame, () => frame.evaluate((n) => window.__received >= n, hostile.length * 2), 'the frame to receive every message');
    await until(page, () => page.evaluate(() => window.__received >= 3), 'the host to receive the forged heights');
    await frame.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))));

    const afterState = await frameState(frame);
    assert.deepEqual(afterState, before, 'the explainer did not change');
    assert.equal(await iframe.evaluate((f) => f.getBoundingClientRect().height), height, 'the frame size did not change');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await publisher.close();
  }
});

test('unknown chart and control names in the embed address are ignored with a notice', async () => {
  const url = `${server.url}?embed=1&charts=costs,pie,<b>x</b>&controls=aiShare,nope,presets#v=2&aiShare=0.4`;
  const { page, context, problems } = await openPage(browser, url, { viewport: { width: 600, height: 900 } });
  await waitForRender(page);
  const notice = await page.textContent('#notices');
  assert.match(notice, /“pie” is not a chart/);
  assert.match(notice, /“<b>x<\/b>” is not a chart/);
  assert.match(notice, /“nope” is not a control/);
  assert.equal(await page.locator('#notices b').count(), 0);
  const layout = await page.evaluate(() => {
    const visible = (e) => e && e.getClientRects().length > 0;
    return {
      charts: [...document.querySelectorAll('#chart-hero figure.chart, #charts figure.chart')].filter(visible).map((f) => f.querySelector('canvas').dataset.kind),
      controls: [...document.querySelectorAll('.control')].filter(visible).map((c) => c.dataset.key),
      presets: visible(document.getElementById('presets')),
    };
  });
  assert.deepEqual(layout, { charts: ['costs'], controls: ['aiShare'], presets: true });
  // Nothing is posted or listened to outside a frame, and the page works as usual.
  const count = await renderCount(page);
  await page.click('button[data-preset="klarna-like"]');
  await page.waitForFunction((n) => Number(document.body?.dataset.rendered) > n, count);
  assert.equal(new URL(page.url()).hash, '#v=2&aiShare=0.4', 'an embed leaves its address alone');
  assert.match(await page.getAttribute('.embed-bar__open', 'href'), /#v=2&p=klarna-like$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe finds no violations in the embedded layout', async () => {
  for (const [viewport, colorScheme] of [[{ width: 600, height: 900 }, 'light'], [{ width: 360, height: 800 }, 'dark']]) {
    // axe is injected as a script, which the page's CSP forbids; only this context bypasses it.
    const context = await browser.newContext({ viewport, colorScheme, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}?embed=1&charts=savings,costs&controls=aiShare,presets,depth,nope#v=2&aiShare=0.3&t=savings`);
    await waitForRender(page);
    await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
      return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
    });
    assert.deepEqual(violations, [], `${viewport.width} px ${colorScheme}`);
    await context.close();
  }
});
