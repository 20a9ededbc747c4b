// Shared by the browser tests: a static file server for www/ on a random local port, Debian's
// Chromium through playwright-core, and a page wrapper that records console errors and
// failed requests so every test can assert the page stayed clean.
//
// The tests expect www/pkg to be built (npm test runs scripts/build.sh first).

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const WWW = join(ROOT, 'www');

/** Content types by file extension, for the test server and the benchmark's own servers. */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Starts a static server for www/ on 127.0.0.1 and a random port. */
export async function startServer(root = WWW) {
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url, 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      if (!file.startsWith(root + sep)) {
        response.writeHead(403).end();
        return;
      }
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Debian's Chromium (never a downloaded browser). `realLimits: true` keeps the
 * browser's own flood protection on: Playwright's default arguments include
 * --disable-ipc-flooding-protection, which lifts Chrome's limit of about 200 history calls
 * in 10 seconds, so a test of the address bar under that limit must not pass it.
 */
export function launch({ realLimits = false } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    ...(realLimits ? { ignoreDefaultArgs: ['--disable-ipc-flooding-protection'] } : {}),
  });
}

/**
 * Opens a page that records problems: console errors and warnings, page errors and failed
 * or non-2xx requests. `problems` lists them as strings.
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, colorScheme = 'light', deviceScaleFactor = 1, beforeLoad = null } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // ERR_ABORTED is a request a navigation or reload cut short (a favicon, a language file
    // a reload overtook): not a fault of the page.
    const reason = request.failure()?.errorText;
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  if (beforeLoad) await beforeLoad(page); // e.g. listeners that must see the first requests
  await page.goto(url);
  return { page, context, problems };
}

/**
 * Waits until an iframe has left its first, empty document for the explainer and parsed it: a
 * wait that starts in the empty document can miss the new one (the explainer's head runs
 * early.js before the body exists), so the frame's own waits start after this.
 */
export async function frameLoaded(frame) {
  await frame.waitForURL((url) => url.protocol !== 'about:');
  await frame.waitForLoadState('domcontentloaded');
}

/** Waits until the page is complete (sliders built) and has drawn at least `count` frames. */
export async function waitForRender(page, count = 1) {
  await page.waitForFunction(
    // No body yet while a new page's head is parsed (its classic early.js runs there).
    (n) => document.body?.dataset.ready === '1' && Number(document.body.dataset.rendered || 0) >= n,
    count,
  );
}

/**
 * Waits until the address shows the state: the page writes it at most every 250 ms
 * (www/js/history.js), and marks <html data-address-pending> while a write waits.
 */
export async function waitForAddress(page) {
  await page.waitForFunction(() => document.documentElement.dataset.addressPending !== '1');
}

/**
 * Prints the page as far as the handout is concerned (issue 15 builds it only for printing):
 * print media until the handout is built for the scenario on screen, then screen again. The
 * media change reaches the page at its next rendering step, so switching back at once could
 * leave it unseen.
 */
export async function printHandout(page) {
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(async () => {
    const [store, permalink] = await Promise.all([import('./js/state.js'), import('./js/permalink.js')]);
    return document.getElementById('handout')?.dataset.link === permalink.linkUrl(store.getState());
  });
  await page.emulateMedia({ media: 'screen' });
}

/** The number of result frames drawn so far. */
export function renderCount(page) {
  return page.evaluate(() => Number(document.body.dataset.rendered || 0));
}

/** Waits for two animation frames, so a scheduled redraw has happened. */
export function nextFrames(page) {
  return page.evaluate(
    () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))),
  );
}

/** A fingerprint of everything the reader sees change: the four charts, prose and numbers. */
export async function snapshot(page) {
  // The savings chart gains its fan when the analysis worker answers, after the frame that
  // drew the state: fingerprint the page once that has settled, so two snapshots of the same
  // state are equal.
  await waitForSettled(page);
  return page.evaluate(() => ({
    charts: [...document.querySelectorAll('canvas.chart__canvas')].map((c) => c.toDataURL()),
    prose: document.getElementById('story').textContent,
    numbers: document.getElementById('numbers').textContent,
  }));
}

/**
 * Calls one of the page's wasm functions for reference values, with one request object as
 * every binding takes (the page has loaded the module already).
 */
export function wasmCall(page, name, request) {
  return page.evaluate(
    async ({ name, request }) => {
      const m = await import('./pkg/layoff_whatif.js');
      return m[name](request);
    },
    { name, request },
  );
}

/**
 * Waits until nothing on the page is still being worked out: the analyses (the savings fan,
 * the tornado, the map) belong to the current state, then two more frames for their paint.
 * Works on any page or frame, the single file included (it reads the DOM, not the modules).
 */
export async function waitForSettled(page) {
  // The tornado and the map are drawn by a module that loads only when a reader comes near
  // them: a reader's scroll to that section, then back to where the page was.
  const scrolled = await page.evaluate(() => {
    const section = document.getElementById('analysis');
    if (!section || section.getClientRects().length === 0) return null;
    const at = { x: window.scrollX, y: window.scrollY };
    section.scrollIntoView({ block: 'start' });
    return at;
  });
  await page.waitForFunction(() => {
    const note = document.getElementById('uncertainty-note');
    if (note && !['ready', 'nothing', 'error'].includes(note.dataset.state)) return false;
    return !document.querySelector('[aria-busy="true"]');
  });
  if (scrolled) await page.evaluate((at) => window.scrollTo(at.x, at.y), scrolled);
  await nextFrames(page);
}
