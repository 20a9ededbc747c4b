// Benchmark of the analyses (issue 5) in headless Chromium and natively:
//
// - In the page's own Web Worker (www/js/worker.js, its own wasm instance): 1,000 Monte Carlo
//   draws x 48 months, the 41 x 41 regret map and the tornado, as the worker times them
//   (wasm call plus handing the result to JavaScript), and the round trip from posting a
//   request to the last answer arriving on the page.
// - The same three natively, timed the same way (examples/analysis_timings.rs, release build),
//   and the wasm/native ratio. Medians and best runs are both given: on a shared 2-core
//   machine the best run is the steadier estimate of what the code costs, the median what a
//   reader may see.
// - The savings chart with its fan redrawn for a new scenario, by our renderer (model run +
//   chart on a canvas) and by Chart.js (chart only, from data computed beforehand), on the
//   same 48 points: cumulative difference against the baseline and against augment, P10-P90
//   and P25-P75 bands.
//
// Prints the figures; no assertion (shared machines are noisy: figures are read, not
// enforced). `--write` also puts them into docs/PERFORMANCE.md under "Analyses (issue 5)",
// leaving the other sections alone. Chart.js is not in package.json: this script installs the
// pinned version (CHARTJS_VERSION) into .tools/bench/ the first time it runs (npm, no save),
// and serves it to a benchmark page that exists only inside this script: nothing of it is in
// www/, and the tests and builds never download it.
//
//   bash scripts/build.sh && node scripts/bench-analysis.mjs [--write] [--runs N] [--no-native]

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startServer, launch, ROOT } from '../tests/browser/helpers.mjs';

const args = process.argv.slice(2);
const WRITE = args.includes('--write');
const NATIVE = !args.includes('--no-native');
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 9;
const CHART_UPDATES = 60;
/** The Chart.js release measured against; installed on demand into BENCH_TOOLS. */
const CHARTJS_VERSION = '4.6.1';
const BENCH_TOOLS = join(ROOT, '.tools', 'bench');
const CHARTJS_DIR = join(BENCH_TOOLS, 'node_modules', 'chart.js');

/** Installs Chart.js at the pinned version into .tools/bench/ unless it is already there. */
async function ensureChartJs() {
  const manifest = join(CHARTJS_DIR, 'package.json');
  if (existsSync(manifest) && JSON.parse(await readFile(manifest, 'utf8')).version === CHARTJS_VERSION) return;
  console.error(`bench: installing chart.js ${CHARTJS_VERSION} into ${BENCH_TOOLS} (once)`);
  const npm = spawnSync('npm', ['install', '--prefix', BENCH_TOOLS, '--no-save', '--no-audit', '--no-fund', `chart.js@${CHARTJS_VERSION}`], { stdio: 'inherit' });
  if (npm.status !== 0) throw new Error(`npm could not install chart.js@${CHARTJS_VERSION}`);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

const ms = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

// Kept under the figures in docs/PERFORMANCE.md: what they mean and what was tried.
const NOTES = `Notes:

- The worker's figure is the wasm call plus handing its result to JavaScript (the 41 x 41 map
  is 1,681 numbers and 1,681 months as nested arrays); the native one is the Rust function
  alone. Both run the same model code; the browser build is optimised for size
  (\`opt-level = "z"\`, \`wasm-opt -Oz\`). A build with \`opt-level = 3\` and \`wasm-opt -O3\`
  was tried side by side and was no faster within the noise (Monte Carlo 25.1 against 24.0 ms,
  map 21.9 against 26.3 ms) while 9% larger, so the size profile stays.
- On this shared 2-core machine the figures move with the other work on it: with the load
  average at 14, the same benchmark gave 40-86 ms for the Monte Carlo in the worker and
  84 ms natively. Best runs vary far less than medians.
- While a slider moves, the worker answers each new state with a 100-draw pass first (a few
  milliseconds), so the fan follows the drag; the full 1,000 draws, the tornado and the map
  follow. Work for a state the reader has left is dropped between steps, so a drag never
  queues up work.
- The Chart.js figure is its \`update('none')\` with animation off (it draws synchronously)
  after swapping in two new 48-point series; the fan's four band series are datasets filled
  between each other. Ours includes running the model for the new scenario.
- The analyses add about 70 KB to the wasm module (about 27 KB gzip): the tornado and regret
  map charts and the checked wire inputs that bring the worker's results back for drawing.`;

// The benchmark page: same origin as www/, so the worker and the wasm load as on the real
// page; Chart.js comes from node_modules through a route.
const BENCH_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,">
<script src="/bench/chart.umd.min.js"></script></head>
<body style="margin:0">
<div style="width:800px;height:400px"><canvas id="ours" style="width:800px;height:400px"></canvas></div>
<div style="width:800px;height:400px;position:relative"><canvas id="theirs"></canvas></div>
</body></html>`;

/** The worker: times of each task as the worker reports them, and the whole round trip. */
async function benchWorker(page) {
  return page.evaluate(async (runs) => {
    const worker = new Worker('/js/worker.js', { type: 'module' });
    const ready = new Promise((resolve, reject) => {
      worker.onmessage = (e) => e.data.type === 'ready' && resolve();
      worker.onerror = (e) => reject(new Error(e.message));
    });
    // No compiled module from a page here: the worker loads the wasm itself.
    worker.postMessage({ type: 'module', module: null });
    await ready;
    const times = { uncertainty: [], sensitivity: [], map: [], roundTrip: [] };
    for (let i = 0; i < runs + 2; i += 1) {
      // A fresh key each time, so the worker's cache never answers.
      const done = new Promise((resolve, reject) => {
        const seen = {};
        worker.onmessage = (e) => {
          const m = e.data;
          if (m.type === 'error' || m.type === 'fatal') reject(new Error(m.message));
          seen[m.type] = m.ms;
          if (m.type === 'map') resolve(seen);
        };
      });
      const start = performance.now();
      worker.postMessage({
        type: 'analyse',
        gen: i,
        key: `bench-${i}`,
        scenario: { preset: 'typical', params: {} },
        seed: 1 + i,
        quickDraws: 0,
        draws: 1000,
        map: { x: 'layoffShare', y: 'aiResolutionRate', cells: 41 },
      });
      const seen = await done;
      const roundTrip = performance.now() - start;
      if (i < 2) continue; // warm-up: compilation tiers, allocator growth
      times.uncertainty.push(seen.uncertainty);
      times.sensitivity.push(seen.sensitivity);
      times.map.push(seen.map);
      times.roundTrip.push(roundTrip);
    }
    worker.terminate();
    return times;
  }, RUNS);
}

/** The savings chart with its fan, updated for a new scenario: ours against Chart.js. */
async function benchCharts(page) {
  return page.evaluate(async (updates) => {
    const api = await import('/pkg/layoff_whatif.js');
    await api.default();
    const scenarioOf = (i) => ({ preset: 'typical', params: { layoffShare: 0.2 + (i % 40) * 0.01 } });
    const band = { uncertainty: api.uncertainty({ scenario: { preset: 'typical' }, draws: 1000, seed: 1 }), faded: false };
    const options = { scale: 1, theme: 'light' };

    const ours = document.getElementById('ours');
    ours.width = 800;
    ours.height = 400;
    const target = [{ kind: 'savings', canvas: ours }];
    const oursTimes = [];
    for (let i = 0; i < updates + 5; i += 1) {
      const start = performance.now();
      api.render({ scenario: scenarioOf(i), charts: target, options, band });
      const t = performance.now() - start;
      if (i >= 5) oursTimes.push(t);
    }

    // Chart.js: the same series, prepared outside the timed part.
    const data = [];
    for (let i = 0; i < updates + 5; i += 1) {
      const s = api.compute(scenarioOf(i)).series;
      data.push({ vsBaseline: s.cumulativeDelta, vsAugment: s.cumulativeDeltaVsAugment });
    }
    const labels = band.uncertainty.month;
    const column = (k) => band.uncertainty.cumulativeDelta.map((row) => row[k]);
    const blue = 'rgb(0,114,178)';
    const Chart = window.Chart;
    const chart = new Chart(document.getElementById('theirs'), {
      type: 'line',
      data: {
        labels,
        datasets: [
          { label: 'P90', data: column(4), pointRadius: 0, borderWidth: 0, fill: false },
          { label: '80% of plausible outcomes', data: column(0), pointRadius: 0, borderWidth: 0, backgroundColor: 'rgba(0,114,178,0.12)', fill: '-1' },
          { label: 'P75', data: column(3), pointRadius: 0, borderWidth: 0, fill: false },
          { label: 'P25', data: column(1), pointRadius: 0, borderWidth: 0, backgroundColor: 'rgba(0,114,178,0.16)', fill: '-1' },
          { label: 'vs. no cut', data: data[0].vsBaseline, borderColor: blue, borderWidth: 2.5, pointRadius: 0 },
          { label: 'vs. AI assist', data: data[0].vsAugment, borderColor: 'rgb(213,94,0)', borderDash: [7, 4.5], borderWidth: 2, pointRadius: 0 },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        devicePixelRatio: 1,
        plugins: { legend: { display: true }, tooltip: { enabled: false } },
        scales: { x: { ticks: { maxTicksLimit: 8 } }, y: { ticks: { callback: (v) => `$${(v / 1e6).toFixed(0)}M` } } },
      },
    });
    const theirsTimes = [];
    for (let i = 0; i < updates + 5; i += 1) {
      const start = performance.now();
      chart.data.datasets[4].data = data[i].vsBaseline;
      chart.data.datasets[5].data = data[i].vsAugment;
      chart.update('none');
      const t = performance.now() - start;
      if (i >= 5) theirsTimes.push(t);
    }
    chart.destroy();
    return { ours: oursTimes, theirs: theirsTimes };
  }, CHART_UPDATES);
}

/** The native timings: examples/analysis_timings.rs prints one JSON line of milliseconds. */
function benchNative() {
  if (!NATIVE) return null;
  const run = spawnSync('cargo', ['run', '--quiet', '--release', '--example', 'analysis_timings', '--', String(RUNS)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    console.error(run.stderr.slice(-2000));
    return null;
  }
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

async function main() {
  await ensureChartJs();
  // BENCH_WWW=dir serves another copy of www/ (to compare builds of the wasm module).
  const server = await startServer(process.env.BENCH_WWW || undefined);
  const browser = await launch();
  const chromium = browser.version();
  let worker;
  let chartTimes;
  try {
    const context = await browser.newContext({ viewport: { width: 900, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.route('**/bench/analysis.html', (route) => route.fulfill({ body: BENCH_HTML, contentType: 'text/html' }));
    await page.route('**/bench/chart.umd.min.js', async (route) =>
      route.fulfill({ body: await readFile(join(CHARTJS_DIR, 'dist', 'chart.umd.min.js')), contentType: 'text/javascript' }),
    );
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${server.url}bench/analysis.html`);
    worker = await benchWorker(page);
    chartTimes = await benchCharts(page);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  const native = benchNative();
  const chartjs = JSON.parse(await readFile(join(CHARTJS_DIR, 'package.json'), 'utf8')).version;

  const rows = [
    ['Monte Carlo, 1,000 draws x 48 months', 'uncertainty', 50],
    ['Regret map, 41 x 41 cells', 'map', 100],
    ['Tornado (with switching values)', 'sensitivity', 20],
  ];
  const lines = [];
  const load = os.loadavg().map((x) => x.toFixed(1)).join(', ');
  lines.push(`Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Chromium ${chromium} headless, Node ${process.versions.node}; load average at the end ${load}. ${RUNS} runs of each after 2 warm-up runs: median / best, in milliseconds.`);
  lines.push('');
  lines.push('| Analysis | In the worker (wasm) | Target | Native (release) | wasm / native (median, best) |');
  lines.push('|---|---|---|---|---|');
  const pair = (values) => `${ms(median(values))} / ${ms(Math.min(...values))}`;
  for (const [label, key, target] of rows) {
    const w = worker[key];
    const n = native?.[key];
    const ratio = n ? `${(median(w) / median(n)).toFixed(2)}x, ${(Math.min(...w) / Math.min(...n)).toFixed(2)}x` : 'n/a';
    lines.push(`| ${label} | ${pair(w)} | < ${target} | ${n ? pair(n) : 'n/a'} | ${ratio} |`);
  }
  lines.push('');
  lines.push(
    `One whole request (full Monte Carlo, tornado and map, posted from the page until the map arrives): median ${ms(median(worker.roundTrip))} ms. The page shows a quick pass of 100 draws first, about a tenth of the Monte Carlo time.`,
  );
  lines.push('');
  const ours = median(chartTimes.ours);
  const theirs = median(chartTimes.theirs);
  lines.push(`Savings chart with its fan (800 x 400 canvas, 48 months, ${CHART_UPDATES} updates to a new scenario):`);
  lines.push('');
  lines.push('| Renderer | Median update | p95 | What the time includes |');
  lines.push('|---|---|---|---|');
  lines.push(`| Ours (Rust, plotters display list on a canvas) | ${ms(ours)} ms | ${ms(quantile(chartTimes.ours, 0.95))} ms | model run + chart |`);
  lines.push(`| Chart.js ${chartjs} | ${ms(theirs)} ms | ${ms(quantile(chartTimes.theirs, 0.95))} ms | chart only (data computed beforehand) |`);
  lines.push('');
  lines.push(ours <= theirs ? `Ours is ${(theirs / ours).toFixed(1)}x faster per update.` : `Ours is ${(ours / theirs).toFixed(1)}x slower per update.`);
  const text = lines.join('\n');
  console.log(text);

  if (WRITE) {
    const path = join(ROOT, 'docs', 'PERFORMANCE.md');
    let doc = '';
    try {
      doc = await readFile(path, 'utf8');
    } catch {
      doc = '# Performance\n';
    }
    const heading = '## Analyses (issue 5)';
    const section = `${heading}\n\nMeasured with \`node scripts/bench-analysis.mjs --write\` (after \`bash scripts/build.sh\`).\n\n${text}\n\n${NOTES}\n`;
    const start = doc.indexOf(heading);
    if (start < 0) {
      doc = `${doc.trimEnd()}\n\n${section}`;
    } else {
      const next = doc.indexOf('\n## ', start + heading.length);
      doc = doc.slice(0, start) + section + (next < 0 ? '' : `\n${doc.slice(next + 1)}`);
    }
    await writeFile(path, doc);
    console.log(`\nwrote the section "${heading}" of docs/PERFORMANCE.md`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
