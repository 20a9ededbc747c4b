// Lighthouse on the published build, for scripts/bench-page.mjs --lighthouse (or on its own:
// `node scripts/lighthouse.mjs [DIR] [--runs N]`). It serves DIR (default dist/) with gzip and
// the cache headers of dist/_headers, as a static host does, runs Lighthouse's mobile and
// desktop presets on it and on a one-canvas reference page in the same run, and prints the
// scores and metrics (median of N runs). Figures only: nothing here asserts.
//
// Lighthouse is a benchmark-only tool, so it is not in package.json: the pinned version below
// is installed with npm into .tools/lighthouse-VERSION/ the first time this runs. It drives
// Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) with the flags the browser
// tests use, which this machine's closed network needs. LIGHTHOUSE_KEEP=DIR keeps the reports.

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import os from 'node:os';
import { CHROMIUM_ARGS, CONTENT_TYPES, ROOT } from '../tests/browser/helpers.mjs';

/** The Lighthouse release measured with (issue 15 measured main with Lighthouse 12). */
export const LIGHTHOUSE_VERSION = '12.8.2';
const TOOLS = join(ROOT, '.tools', `lighthouse-${LIGHTHOUSE_VERSION}`);
const CLI = join(TOOLS, 'node_modules', 'lighthouse', 'cli', 'index.js');

/** Installs Lighthouse at the pinned version unless it is already there. */
function ensureLighthouse() {
  const manifest = join(TOOLS, 'node_modules', 'lighthouse', 'package.json');
  if (existsSync(manifest)) return;
  console.error(`bench: installing lighthouse ${LIGHTHOUSE_VERSION} into ${TOOLS} (once)`);
  const npm = spawnSync('npm', ['install', '--prefix', TOOLS, '--no-save', '--no-audit', '--no-fund', `lighthouse@${LIGHTHOUSE_VERSION}`], {
    stdio: 'inherit',
  });
  if (npm.status !== 0) throw new Error(`npm could not install lighthouse@${LIGHTHOUSE_VERSION}`);
}

/** Cache-Control per path from a dist/_headers file ("/path" lines, then indented headers). */
async function cacheRules(root) {
  const rules = new Map();
  let text = '';
  try {
    text = await readFile(join(root, '_headers'), 'utf8');
  } catch {
    return rules;
  }
  let path = null;
  for (const line of text.split('\n')) {
    if (/^\//.test(line)) path = line.trim();
    const match = line.match(/^\s+Cache-Control:\s*(.+)$/i);
    if (path && match) rules.set(path, match[1].trim());
  }
  return rules;
}

const COMPRESSED = new Set(['.html', '.js', '.mjs', '.json', '.css', '.wasm', '.svg', '.txt']);

/** Serves `root` on 127.0.0.1 with gzip (when asked for) and the build's cache headers. */
export async function startCompressedServer(root) {
  const base = resolve(root);
  const rules = await cacheRules(base);
  const server = http.createServer(async (request, response) => {
    try {
      let path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(base, path));
      if (!file.startsWith(base + sep)) return void response.writeHead(403).end();
      const body = await readFile(file);
      const headers = {
        'Content-Type': CONTENT_TYPES[extname(file)] || 'application/octet-stream',
        'Cache-Control': rules.get(path) || 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      };
      const gzip = COMPRESSED.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] || '');
      if (gzip) headers['Content-Encoding'] = 'gzip';
      response.writeHead(200, headers);
      response.end(gzip ? gzipSync(body, { level: 6 }) : body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Runs a command without blocking this process (its servers must go on answering). */
function run(command, args, env, timeoutMs) {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolveRun({ status, stderr });
    });
  });
}

/** One Lighthouse run; returns the path of its JSON report. */
async function runOnce(url, preset, outDir, n) {
  const out = join(outDir, `${preset}-${n}.json`);
  const flags = [...CHROMIUM_ARGS.filter((a) => a !== '--headless'), '--headless=new'].join(' ');
  const args = [
    CLI,
    url,
    '--output=json',
    `--output-path=${out}`,
    `--chrome-flags=${flags}`,
    '--only-categories=performance,accessibility,best-practices,seo',
  ];
  if (preset === 'desktop') args.push('--preset=desktop');
  const env = { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' };
  // A browser that loses its page under a heavily loaded machine ("Target closed") is
  // started again once before the run counts as failed.
  for (let attempt = 1; ; attempt++) {
    const { status, stderr } = await run(process.execPath, args, env, 300_000);
    if (status === 0) return out;
    if (attempt === 2) throw new Error(`lighthouse ${preset} failed:\n${stderr}`);
  }
}

function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Medians of N runs of one preset on one page. */
async function measure(url, preset, runs, outDir, label) {
  const reports = [];
  for (let n = 0; n < runs; n++) {
    const file = await runOnce(url, preset, outDir, `${label}-${n}`);
    reports.push(JSON.parse(await readFile(file, 'utf8')));
  }
  const score = (id) => median(reports.map((r) => Math.round((r.categories[id]?.score ?? NaN) * 100)));
  const audit = (id) => median(reports.map((r) => r.audits[id]?.numericValue));
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    si: audit('speed-index'),
    elements: audit('dom-size'),
    allPerformance: reports.map((r) => Math.round(r.categories.performance.score * 100)),
  };
}

/**
 * The one-canvas reference page of every load benchmark (here and bench-page.mjs): one module
 * script that draws on one canvas in its first frame and sets the page's own mark,
 * whatif:first-chart. What any page costs on the machine, in the same run.
 */
export async function writeReferencePage() {
  const folder = await mkdtemp(join(os.tmpdir(), 'whatif-reference-'));
  await writeFile(
    join(folder, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<meta name="description" content="A one-canvas reference page."><title>Reference</title>' +
      '<script type="module" src="first.js"></script></head><body><main><h1>Reference</h1>' +
      '<canvas id="chart" width="640" height="400" aria-label="A chart"></canvas></main></body></html>',
  );
  await writeFile(
    join(folder, 'first.js'),
    "requestAnimationFrame(() => { const c = document.getElementById('chart').getContext('2d');" +
      " c.fillRect(10, 10, 100, 100); c.fillText('chart', 200, 200); performance.mark('whatif:first-chart'); });",
  );
  return folder;
}

/**
 * Runs Lighthouse (mobile and desktop) on `root` served with gzip, and on the reference page,
 * and prints the figures. Returns them.
 */
export async function lighthouseFigures(root, { runs = 3 } = {}) {
  ensureLighthouse();
  const reference = await writeReferencePage();
  const outDir = process.env.LIGHTHOUSE_KEEP || (await mkdtemp(join(os.tmpdir(), 'whatif-lh-')));
  const page = await startCompressedServer(root);
  const ref = await startCompressedServer(reference);
  const figures = {};
  try {
    for (const preset of ['mobile', 'desktop']) {
      figures[preset] = await measure(page.url, preset, runs, outDir, 'page');
      figures[`${preset}Reference`] = await measure(ref.url, preset, runs, outDir, 'reference');
    }
  } finally {
    await page.close();
    await ref.close();
    await rm(reference, { recursive: true, force: true });
    if (!process.env.LIGHTHOUSE_KEEP) await rm(outDir, { recursive: true, force: true });
  }
  const ms = (v) => `${Math.round(v)} ms`;
  console.log(`  Lighthouse ${LIGHTHOUSE_VERSION}, ${root} served with gzip, median of ${runs} runs each:`);
  for (const preset of ['mobile', 'desktop']) {
    const f = figures[preset];
    const r = figures[`${preset}Reference`];
    const target = preset === 'mobile' ? 90 : 98;
    console.log(
      `    ${preset.padEnd(7)} performance ${f.performance} (runs ${f.allPerformance.join(', ')}; target >= ${target}), ` +
        `accessibility ${f.accessibility}, best practices ${f.bestPractices}, SEO ${f.seo}`,
    );
    console.log(`            FCP ${ms(f.fcp)}, LCP ${ms(f.lcp)}, TBT ${ms(f.tbt)}, CLS ${f.cls.toFixed(3)}, speed index ${ms(f.si)}, elements ${f.elements}`);
    console.log(`            one-canvas reference page: performance ${r.performance}, FCP ${ms(r.fcp)}, LCP ${ms(r.lcp)}, TBT ${ms(r.tbt)}`);
  }
  return figures;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--runs');
  const runs = at >= 0 ? Number(args[at + 1]) : 3;
  const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') || join(ROOT, 'dist');
  await lighthouseFigures(resolve(dir), { runs });
}
