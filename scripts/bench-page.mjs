// Benchmark of the explainer in headless Chromium: page load to first chart, slider input to
// every chart and the prose updated (median and p95 over many updates), the work done inside
// the redraw frame, and the bytes a reader downloads (gzip). Prints the figures recorded in
// docs/PERFORMANCE.md. No assertion: shared machines are noisy, so figures are read, not
// enforced. Run after `bash scripts/build.sh`: `node scripts/bench-page.mjs [updates]`.
//
// Load to first chart is measured three ways: a first visit with no automation attached (the
// figure for the target: Chromium started by hand, each load in a new window on a new site),
// the same for a one-canvas baseline page (what any page costs on this machine), and, under
// Playwright, a reload in the same tab and a page in a new browser context.

import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { join, extname, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import http from 'node:http';
import os from 'node:os';
import { spawn } from 'node:child_process';
import { launch, WWW, CHROMIUM_ARGS, CONTENT_TYPES } from '../tests/browser/helpers.mjs';
import { writeReferencePage } from './lighthouse.mjs';

/** Serves the folder from a separate process, as `scripts/serve.sh` does, so the server does
 * not share an event loop with the browser driver and distort the load time. `takeRequests()`
 * returns the paths the server answered since the last call, from its own log: what really
 * came over the network, not what the browser took from its cache. */
async function startServer(root = SERVED) {
  const port = 8400 + Math.floor(Math.random() * 500);
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let served = [];
  let partial = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      const match = / "GET (\S+) HTTP\/[\d.]+" 200 /.exec(line);
      if (match) served.push(new URL(match[1], 'http://localhost').pathname);
    }
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url);
      break;
    } catch {
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
  return {
    url,
    close: async () => child.kill(),
    takeRequests: () => served.splice(0),
  };
}

// Usage: node scripts/bench-page.mjs [UPDATES] [--dist] [--root DIR] [--lighthouse] [--loads N]
//        [--first-visits]
// --dist measures dist/ (what a static host serves readers: minified, hashed names) instead
// of www/ (the readable sources); --root DIR measures another build's folder (an older
// commit's dist/, for a before/after in one run). --lighthouse adds Lighthouse's mobile and
// desktop figures on that folder served with gzip (scripts/lighthouse.mjs; installed on demand).
// --loads N times N loads of each kind instead of 7; --first-visits stops after the first
// visits (a quick look at where a load's time goes, while trying a change).
const argv = process.argv.slice(2);
const rootAt = argv.indexOf('--root');
const ROOT_ARG = rootAt >= 0 ? argv[rootAt + 1] : null;
const positional = argv.filter((a, i) => !a.startsWith('--') && !['--root', '--loads'].includes(argv[i - 1]));
const DIST = argv.includes('--dist');
const LIGHTHOUSE = argv.includes('--lighthouse');
const SERVED = ROOT_ARG ? resolve(ROOT_ARG) : DIST ? join(WWW, '..', 'dist') : WWW;
const UPDATES = Number(positional[0] || 240);
const loadsAt = argv.indexOf('--loads');
const LOADS = loadsAt >= 0 ? Number(argv[loadsAt + 1]) : 7;
const FIRST_VISITS_ONLY = argv.includes('--first-visits');

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

// Installed before the page's own scripts: times every animation-frame callback and notes
// when the page reports a finished render (body[data-rendered] changes).
const INSTRUMENT = () => {
  window.__bench = { frames: [], firstRender: null, firstChart: null };
  // The first chart: the page's own mark (whatif:first-chart; a build before issue 15 set
  // only whatif:first-render, the frame that drew every chart at once).
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'whatif:first-chart' || (entry.name === 'whatif:first-render' && window.__bench.firstChart === null)) {
        window.__bench.firstChart = entry.startTime;
      }
    }
  }).observe({ type: 'mark', buffered: true });
  const original = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    original((timestamp) => {
      const before = Number(document.body?.dataset.rendered || 0);
      const start = performance.now();
      callback(timestamp);
      const end = performance.now();
      if (Number(document.body?.dataset.rendered || 0) > before) {
        window.__bench.frames.push(end - start);
        if (window.__bench.firstRender === null) window.__bench.firstRender = end;
      }
    });
};

/** Load to first chart: "cold" opens a new browser context each time (a new renderer
 * process, as for a first visit); "warm" reloads the same tab (the browser already running,
 * as for most readers who arrive from an article). */
async function measureLoad(browser, url) {
  const times = [];
  const warm = [];
  const lastArrivals = []; // when the last file the first chart needs had arrived, new context
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(INSTRUMENT);
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.firstChart !== null);
    times.push(await page.evaluate(() => window.__bench.firstChart));
    lastArrivals.push(
      await page.evaluate(() => {
        const before = performance.getEntriesByType('resource').filter((r) => r.responseEnd <= window.__bench.firstChart);
        return Math.max(0, ...before.map((r) => r.responseEnd));
      }),
    );
    await page.reload();
    await page.waitForFunction(() => window.__bench.firstChart !== null);
    warm.push(await page.evaluate(() => window.__bench.firstChart));
    await context.close();
  }
  return { times, warm, lastArrivals };
}

// A first visit as a reader makes it, with no automation attached. Playwright's DevTools
// connection reports every request to the driver and opens each context with its own network
// state: on a one-canvas page it alone adds about 150 ms to a cold load, more on a page of 30
// requests. So here Chromium is started by hand at a harness page, and the harness opens each
// load in a new window on a site the browser has not seen before (127.0.0.N, a loopback address
// and so a secure context like https): its own renderer process and an empty cache partition,
// the browser itself already running, as for a reader who follows a link from an article.
// The page reports its own performance mark through a beacon to this script's server, which
// adds one small async <script> to the page's HTML for that.

// It reports the first chart (whatif:first-chart, or whatif:first-render on a build that has
// only that), the long tasks (over 50 ms) that started before it, and the page's elements
// 3 s later (the first load, before any scroll).
const FIRST_VISIT_REPORTER = `(() => {
  const longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  let sent = false;
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime;
  const report = (at) => {
    if (sent) return;
    sent = true;
    setTimeout(() => {
      const before = longTasks.filter(([start]) => start < at);
      // Where the time went: the page's own marks and when its largest files had arrived.
      const arrived = (test) => performance.getEntriesByType('resource').find((r) => test(new URL(r.name).pathname))?.responseEnd ?? null;
      navigator.sendBeacon('/__first-render', JSON.stringify({
        at,
        steps: {
          'first paint': performance.getEntriesByName('first-paint')[0]?.startTime ?? null,
          'app module arrived': arrived((path) => path.includes('/js/app.')),
          'wasm arrived': arrived((path) => path.endsWith('.wasm')),
          'page code starts (whatif:start)': mark('whatif:start') ?? null,
          'model ready (whatif:loaded)': mark('whatif:loaded') ?? null,
          // The page's other steps, in the order they came (app.js main marks them).
          ...Object.fromEntries(
            performance
              .getEntriesByType('mark')
              .filter((m) => m.name.startsWith('whatif:') && m.startTime <= at && !['whatif:start', 'whatif:loaded', 'whatif:first-chart'].includes(m.name))
              .map((m) => [m.name.replace('whatif:', ''), m.startTime]),
          ),
        },
        longest: Math.max(0, ...before.map(([, d]) => d)),
        blocking: before.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
        elements: document.getElementsByTagName('*').length,
      }));
    }, 3000);
  };
  new PerformanceObserver((list) => {
    const names = list.getEntries().map((e) => e.name);
    if (names.includes('whatif:first-chart')) report(mark('whatif:first-chart'));
    else if (names.includes('whatif:first-render')) setTimeout(() => report(mark('whatif:first-chart') ?? mark('whatif:first-render')), 0);
  }).observe({ type: 'mark', buffered: true });
})();`;

const HARNESS_SCRIPT = `(async () => {
  for (;;) {
    const next = await (await fetch('/__next')).text();
    if (!next) break;
    window.open(next, '_blank', 'noopener');
  }
})();`;

/** Serves `root` at 127.0.0.1 (the harness) and at 127.0.0.N (one load each). */
function firstVisitServer(root) {
  const pendingNext = [];
  let onResult = () => {};
  const handler = async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (path === '/__harness') {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      return response.end('<!doctype html><title>harness</title><script src="/__harness.js"></script>');
    }
    if (path === '/__harness.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      return response.end(HARNESS_SCRIPT);
    }
    if (path === '/__next') return void pendingNext.push((url) => response.end(url));
    if (path === '/__reporter.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      return response.end(FIRST_VISIT_REPORTER);
    }
    if (path === '/__first-render') {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        response.end();
        onResult(JSON.parse(body));
      });
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep)) return void response.writeHead(404).end();
    try {
      let body = await readFile(file);
      if (extname(file) === '.html') {
        body = Buffer.from(String(body).replace('</head>', '<script src="/__reporter.js" async></script></head>'));
      }
      response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] || 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  };
  const servers = [];
  const listen = (host) =>
    new Promise((ok) => {
      const server = http.createServer(handler);
      servers.push(server);
      server.listen(0, host, () => ok(`http://${host}:${server.address().port}`));
    });
  return {
    listen,
    nextRequest: async () => {
      while (!pendingNext.length) await new Promise((ok) => setTimeout(ok, 20));
      return pendingNext.shift();
    },
    result: () => new Promise((ok) => (onResult = ok)),
    close: () => servers.forEach((server) => server.close()),
  };
}

async function measureFirstVisits(root, loads) {
  const server = firstVisitServer(root);
  const harnessUrl = await server.listen('127.0.0.1');
  const profile = await mkdtemp(join(os.tmpdir(), 'whatif-profile-'));
  const chromium = spawn(
    process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    [
      ...CHROMIUM_ARGS.map((arg) => (arg === '--headless' ? '--headless=new' : arg)),
      '--disable-popup-blocking',
      `--user-data-dir=${profile}`,
      '--window-size=1280,900',
      `${harnessUrl}/__harness`,
    ],
    { stdio: 'ignore' },
  );
  const times = [];
  try {
    for (let i = 0; i < loads; i++) {
      const open = await server.nextRequest();
      // Let the previous window's worker finish its analyses and report first.
      await new Promise((ok) => setTimeout(ok, 1500));
      const url = await server.listen(`127.0.0.${i + 2}`);
      const result = server.result();
      open(`${url}/`);
      const visit = await Promise.race([result, new Promise((ok) => setTimeout(() => ok(null), 30000))]);
      if (visit === null) throw new Error(`first visit ${i + 1}: no first chart within 30 s`);
      times.push(visit);
    }
    (await server.nextRequest())('');
  } finally {
    chromium.kill('SIGKILL');
    server.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 5 }).catch(() => {});
  }
  return times;
}

/**
 * What a first visit downloads, as the server's log has it (a path requested twice over the
 * network counted twice; one the browser took from its cache, such as the wasm glue the
 * worker imports after the page, not at all): on opening the page and waiting until the
 * worker's analyses have arrived, and then what scrolling down to the tornado and the map adds
 * (nothing but what they draw: the one wasm module is already there).
 */
async function measureBytes(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  server.takeRequests();
  await page.goto(server.url);
  await page.waitForFunction(() => document.getElementById('uncertainty-note')?.dataset.state === 'ready');
  await page.waitForTimeout(500);
  const opening = server.takeRequests();
  await page.locator('#analysis').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.getElementById('chart-desc-map')?.textContent.length > 20);
  await page.waitForTimeout(500);
  const analyses = server.takeRequests();
  await context.close();
  return { opening, analyses };
}

async function measureUpdates(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.firstRender !== null);
  return page.evaluate(async (updates) => {
    window.__bench.frames = [];
    const keys = ['layoffShare', 'aiShare', 'aiResolutionRate', 'defectionPerBadContact', 'rehireShare'];
    const latencies = [];
    for (let i = 0; i < updates; i++) {
      const slider = document.getElementById(keys[i % keys.length]);
      const before = Number(document.body.dataset.rendered);
      const done = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (Number(document.body.dataset.rendered) > before) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(document.body, { attributes: true, attributeFilter: ['data-rendered'] });
      });
      // Step the slider back and forth between its own allowed positions.
      const min = Number(slider.min);
      const max = Number(slider.max);
      const fraction = 0.2 + 0.6 * ((i * 7) % 11) / 10;
      slider.value = String(min + (max - min) * fraction);
      const start = performance.now();
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      latencies.push((await done) - start);
    }
    return { latencies, frames: window.__bench.frames.slice() };
  }, UPDATES);
}

async function gzipSizes(paths) {
  let total = 0;
  let wasm = 0;
  const rows = [];
  for (const path of paths) {
    const file = join(SERVED, path.endsWith('/') ? `${path}index.html` : path);
    let body;
    try {
      body = await readFile(file);
    } catch {
      continue;
    }
    const gz = gzipSync(body, { level: 9 }).length;
    total += gz;
    if (path.endsWith('.wasm')) wasm += gz;
    rows.push([path, body.length, gz]);
  }
  return { total, wasm, rows };
}

// First visits before anything else runs, each browser process on its own.
const baseline = await writeReferencePage();
const baselineVisits = await measureFirstVisits(baseline, LOADS);
const visits = await measureFirstVisits(SERVED, LOADS);
const firstVisits = visits.map((v) => v.at);

/** The first visits' figures: the ratio to the one-canvas page, and where the time went. */
function printFirstVisits(ms, range) {
  const ratio = (a, b) => `${(quantile(a, 0.5) / quantile(b, 0.5)).toFixed(2)}x`;
  const baselineTimes = baselineVisits.map((v) => v.at);
  console.log(`    first visit (browser running, new site, empty cache, no automation): ${range(firstVisits)}`);
  console.log(`      the same for a one-canvas baseline page: ${range(baselineTimes)}`);
  console.log(`      ratio of the medians: ${ratio(firstVisits, baselineTimes)} (target at most 2x)`);
  const steps = [...new Set(visits.flatMap((v) => Object.keys(v.steps || {})))];
  const known = (name) => visits.map((v) => v.steps?.[name]).filter((x) => Number.isFinite(x));
  const stepText = steps
    .filter((name) => known(name).length)
    .map((name) => [name, quantile(known(name), 0.5)])
    .sort((a, b) => a[1] - b[1])
    .map(([name, at]) => `${name} ${ms(at)}`);
  if (stepText.length) console.log(`      on the way (medians, ms from navigation): ${stepText.join(', ')}`);
}

if (FIRST_VISITS_ONLY) {
  const ms = (v) => `${v.toFixed(1)} ms`;
  const range = (times) => `${ms(quantile(times, 0.5))} (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))})`;
  console.log(`first visits only (${SERVED}), median of ${LOADS}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}:`);
  printFirstVisits(ms, range);
  await rm(baseline, { recursive: true, force: true });
  process.exit(0);
}

const server = await startServer(SERVED);
const baselineServer = await startServer(baseline);
const browser = await launch();
try {
  const load = await measureLoad(browser, server.url);
  const baselineLoad = await measureLoad(browser, baselineServer.url);
  const updates = await measureUpdates(browser, server.url);
  const bytes = await measureBytes(browser, server);
  const sizes = await gzipSizes(bytes.opening);
  const later = await gzipSizes(bytes.analyses);
  const ms = (v) => `${v.toFixed(1)} ms`;
  console.log(`page benchmark (${ROOT_ARG ? SERVED : DIST ? 'dist/, as published' : 'www/, the sources'}): ${os.cpus()[0].model}, ${os.cpus().length} cores, Chromium ${await browser.version()}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const range = (times) => `${ms(quantile(times, 0.5))} (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))})`;
  console.log(`  load to first chart, median of ${LOADS} (target < 500 ms):`);
  const ratio = (a, b) => `${(quantile(a, 0.5) / quantile(b, 0.5)).toFixed(2)}x`;
  printFirstVisits(ms, range);
  console.log(`    warm (reload in the same tab, under Playwright): ${range(load.warm)}`);
  console.log(`    new browser context under Playwright (automation attached): ${range(load.times)}`);
  console.log(`      the same for the one-canvas baseline page: ${range(baselineLoad.times)}`);
  console.log(`      ratio of the medians: ${ratio(load.times, baselineLoad.times)} (target at most 1.5x)`);
  console.log(
    `      the last file before the first chart had arrived at ${ms(quantile(load.lastArrivals, 0.5))} (the one-canvas page's at ${ms(quantile(baselineLoad.lastArrivals, 0.5))}; medians)`,
  );
  const longest = visits.map((v) => v.longest);
  console.log(`  long tasks before the first chart, first visits: longest ${ms(Math.max(...longest))} (median of the visits' longest ${ms(quantile(longest, 0.5))}; target none over 50 ms), blocking time median ${ms(quantile(visits.map((v) => v.blocking), 0.5))}`);
  console.log(`  elements on the first load (3 s after the first chart, no scroll): median ${quantile(visits.map((v) => v.elements), 0.5)} (target under 1,500)`);
  console.log(`  slider input to all four charts + prose updated, ${updates.latencies.length} updates:`);
  console.log(`    median ${ms(quantile(updates.latencies, 0.5))}, p95 ${ms(quantile(updates.latencies, 0.95))} (includes waiting for the next animation frame)`);
  console.log(`  work inside the redraw frame (model + 4 charts + prose), ${updates.frames.length} frames:`);
  console.log(`    median ${ms(quantile(updates.frames, 0.5))}, p95 ${ms(quantile(updates.frames, 0.95))} (targets: median < 8 ms, p95 < 16 ms)`);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`  bytes (gzip -9) on opening the page, until the worker's analyses arrived:`);
  console.log(`    wasm ${kb(sizes.wasm)} (target < 150 KB), whole page ${kb(sizes.total)} (target < 250 KB)`);
  for (const [path, raw, gz] of sizes.rows) {
    console.log(`    ${path.padEnd(40)} ${String(raw).padStart(8)} B  ${String(gz).padStart(7)} B gzip`);
  }
  console.log(`  added on scrolling down to the tornado and the map: ${kb(later.total)}`);
  for (const [path, raw, gz] of later.rows) {
    console.log(`    ${path.padEnd(40)} ${String(raw).padStart(8)} B  ${String(gz).padStart(7)} B gzip`);
  }
} finally {
  await browser.close();
  await server.close();
  await baselineServer.close();
  await rm(baseline, { recursive: true, force: true });
}
if (LIGHTHOUSE) {
  const { lighthouseFigures } = await import('./lighthouse.mjs');
  await lighthouseFigures(SERVED);
}
