// What we don't know, in the browser: the Web Worker's Monte Carlo fan on the savings chart
// and the sentence under it, cancellation of stale work while a slider moves, the tornado and
// the regret map, each checked against a direct call of the same wasm function.
//
// No timing is asserted: every wait is for a state (the worker's answer for the page's
// current scenario), never for a number of milliseconds.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, waitForRender, wasmCall, nextFrames } from './helpers.mjs';

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

/** The page's analysis state (analysis.js is the same module instance the page uses). */
function debug(page) {
  return page.evaluate(async () => (await import('./js/analysis.js')).debug());
}

/** The scenario the page shows, as the wasm functions take it. */
function currentScenario(page) {
  return page.evaluate(async () => {
    const store = await import('./js/state.js');
    return store.scenarioOf(store.getState());
  });
}

/** Waits until the worker's answers of the given kinds belong to the page's current scenario. */
async function waitForAnalyses(page, kinds = ['uncertainty', 'sensitivity', 'map'], { final = true } = {}) {
  // waitForFunction polls a synchronous predicate: hand it the module's debug() first.
  await page.evaluate(async () => {
    window.testAnalysisDebug = (await import('./js/analysis.js')).debug;
  });
  await page.waitForFunction(
    ({ kinds, final }) => {
      const d = window.testAnalysisDebug();
      if (!d.key) return false;
      return kinds.every((kind) => {
        const r = d[kind];
        if (!r || r.key !== d.key) return false;
        if (kind === 'uncertainty' && final && !r.final) return false;
        if (kind === 'map' && r.mapKey !== d.requested?.mapKey) return false;
        return true;
      });
    },
    { kinds, final },
    { timeout: 60000, polling: 50 },
  );
}

test('the fan appears once the worker answers and is the uncertainty() of the same seed', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  await waitForAnalyses(page, ['uncertainty']);
  await page.waitForFunction(() => document.getElementById('uncertainty-note').dataset.state === 'ready');
  const d = await debug(page);
  const scenario = await currentScenario(page);
  const direct = await wasmCall(page, 'uncertainty', { scenario: scenario, draws: 1000, seed: 1 });
  assert.equal(d.uncertainty.result.draws, 1000);
  assert.deepEqual(d.uncertainty.result, direct, "the worker's result is the direct call's, bit for bit");
  assert.equal(d.bandDrawn, `${d.key}|1000|false`, 'the savings chart shows the full band of this scenario');
  // The first frames had no band to draw (the worker had not answered): the savings chart was
  // drawn again when the answers came, outside the page's own frames.
  assert.ok(d.counts.savingsPaints >= 1, 'the fan was added when the worker answered');

  // The savings canvas is what render() draws with this band, and the band changes the picture.
  const pixels = await page.evaluate(async () => {
    const api = await import('./pkg/layoff_whatif.js');
    const charts = await import('./js/charts.js');
    const store = await import('./js/state.js');
    const analysis = await import('./js/analysis.js');
    const onPage = document.getElementById('chart-savings');
    const scenario = store.scenarioOf(store.getState());
    const draw = (band) => {
      const c = document.createElement('canvas');
      c.width = onPage.width;
      c.height = onPage.height;
      api.render({ scenario, charts: [{ kind: 'savings', canvas: c }], options: charts.options(), band });
      return c.toDataURL();
    };
    const band = { uncertainty: analysis.debug().uncertainty.result, faded: false };
    return { page: onPage.toDataURL(), withBand: draw(band), without: draw(null) };
  });
  assert.equal(pixels.page, pixels.withBand, 'the page shows the fan of the worker result');
  assert.notEqual(pixels.withBand, pixels.without, 'the fan is visible');

  // The sentence reports the chance of losing money and the regret range from the same result.
  const note = await page.textContent('#uncertainty-note');
  assert.ok(note.includes('1,000 plausible worlds'), note);
  assert.ok(note.includes(`${Math.round(direct.chanceNpvNegative * 100)}%`), note);
  assert.ok(direct.regretMonth, 'the typical preset has regret in some worlds');
  assert.ok(note.includes(`month ${Math.round(direct.regretMonth[0])} and month ${Math.round(direct.regretMonth[4])}`), note);
  assert.match(note, /evidence/, 'the sentence says the ranges come from the evidence kinds');
  assert.deepEqual(problems, []);
  await context.close();
});

test('dragging a slider drops stale work: the final fan, tornado and map belong to the final state', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  await waitForAnalyses(page);
  const before = await debug(page);
  const slider = page.locator('input[type=range]#aiResolutionRate');
  await slider.focus();
  for (let i = 0; i < 12; i += 1) await page.keyboard.press('ArrowLeft');
  // While the worker catches up, the page never shows a number of another state as current.
  const midway = await debug(page);
  if (midway.uncertainty.key !== midway.key) {
    assert.notEqual(midway.bandDrawn.split('|').pop(), 'false', 'an earlier band is only ever shown faded');
  }
  await waitForAnalyses(page);
  const d = await debug(page);
  assert.notEqual(d.key, before.key, 'the state changed');
  assert.ok(d.counts.posted > before.counts.posted, 'new states were sent to the worker');
  const scenario = await currentScenario(page);
  const [u, s, m] = await Promise.all([
    wasmCall(page, 'uncertainty', { scenario: scenario, draws: 1000, seed: 1 }),
    wasmCall(page, 'sensitivity', { scenario: scenario }),
    wasmCall(page, 'regretMap', { scenario: scenario, x: 'layoffShare', y: 'aiResolutionRate', cells: 41 }),
  ]);
  assert.deepEqual(d.uncertainty.result, u, 'the final band is the final state’s');
  assert.deepEqual(d.sensitivity.result, s, 'the final tornado is the final state’s');
  assert.deepEqual(d.map.result, m, 'the final map is the final state’s');
  assert.equal(d.bandDrawn, `${d.key}|1000|false`);
  // Once the reader reaches the tornado and the map, they show the final state, not updating.
  await page.locator('#analysis').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('.analysis__figure.is-stale').length === 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the worker keeps only the newest request: old states are never worked on', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  const answers = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        // Requests posted before the worker's module has loaded all arrive before it is
        // ready; only the last may be worked on.
        const worker = new Worker(new URL('./js/worker.js', document.baseURI), { type: 'module' });
        const seen = [];
        worker.onerror = (e) => reject(new Error(e.message));
        worker.onmessage = (event) => {
          const { type, gen, final } = event.data;
          if (type === 'ready') return;
          seen.push({ type, gen, final });
          if (type === 'map' || type === 'error' || type === 'fatal') {
            worker.terminate();
            resolve(seen);
          }
        };
        for (let gen = 1; gen <= 5; gen += 1) {
          worker.postMessage({
            type: 'analyse',
            gen,
            key: `k${gen}`,
            scenario: { preset: 'typical', params: { layoffShare: 0.1 * gen } },
            seed: 1,
            quickDraws: 20,
            draws: 60,
            map: { x: 'layoffShare', y: 'aiResolutionRate', cells: 5 },
          });
        }
      }),
  );
  // All five arrive together: the newest is answered in full, quick pass first. At most the
  // first request can have started before the others arrived, and it is dropped unfinished.
  const newest = answers.filter((a) => a.gen === 5);
  assert.deepEqual(
    newest,
    [
      { type: 'uncertainty', gen: 5, final: false },
      { type: 'sensitivity', gen: 5, final: undefined },
      { type: 'uncertainty', gen: 5, final: true },
      { type: 'map', gen: 5, final: undefined },
    ],
    'the newest request is answered in full, quick pass first',
  );
  const older = answers.filter((a) => a.gen !== 5);
  assert.ok(new Set(older.map((a) => a.gen)).size <= 1, `at most one stale request was started: ${JSON.stringify(older)}`);
  assert.ok(!older.some((a) => a.type === 'map'), 'a stale request is never finished');
  assert.deepEqual(answers.slice(-4), newest, 'nothing stale comes after the newest request starts');

  // A malformed request and a scenario the model refuses come back as error messages, not a
  // dead worker (it is closed only once the model has loaded, so no download is cut off).
  const errors = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const worker = new Worker(new URL('./js/worker.js', document.baseURI), { type: 'module' });
        const seen = [];
        worker.onmessage = (event) => {
          if (event.data.type === 'error') seen.push(event.data);
          if (event.data.type === 'error' && event.data.gen === 7) {
            worker.terminate();
            resolve(seen);
          }
        };
        worker.postMessage({
          type: 'analyse',
          gen: 7,
          key: 'bad',
          scenario: { preset: 'typical', params: { layoffShare: 5 } },
          seed: 1,
          quickDraws: 10,
          draws: 20,
          map: { x: 'layoffShare', y: 'aiResolutionRate', cells: 5 },
        });
        worker.postMessage({ type: 'analyse', gen: 'x' });
      }),
  );
  const malformed = errors.find((e) => e.gen === 'x');
  const refused = errors.find((e) => e.gen === 7);
  assert.match(malformed?.message ?? '', /the analysis request is not valid/);
  assert.equal(refused.key, 'bad');
  assert.match(refused.message, /layoffShare/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the tornado and map are drawn when the reader comes near them, from the one wasm module', async () => {
  const fetched = [];
  const { page, context, problems } = await openPage(browser, server.url, {
    beforeLoad: (p) => p.on('request', (r) => fetched.push(new URL(r.url()).pathname)),
  });
  await waitForRender(page);
  await waitForAnalyses(page);
  await nextFrames(page);
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  const before = await debug(page);
  assert.equal(before.near, false, 'not drawn while the reader is at the top');
  assert.equal(await page.textContent('#chart-desc-tornado'), '', 'no tornado yet');
  // The worker was handed the page's compiled module: the wasm came down once.
  assert.equal(fetched.filter((p) => p.endsWith('/layoff_whatif_bg.wasm')).length, 1, 'the page module was fetched once');
  assert.equal(await page.getAttribute('.analysis__figure--tornado', 'aria-busy'), 'true', 'the waiting tornado says it is busy');
  await page.locator('#analysis').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.getElementById('chart-desc-tornado').textContent.length > 20);
  await page.waitForFunction(() => document.getElementById('chart-desc-map').textContent.length > 20);
  assert.equal((await debug(page)).near, true);
  assert.equal(fetched.filter((p) => p.endsWith('.wasm')).length, 1, 'one wasm module, fetched once');
  assert.equal(await page.getAttribute('.analysis__figure--tornado', 'aria-busy'), 'false');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the tornado ranks by swing, matches sensitivity() and can show every bar', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  await waitForAnalyses(page, ['sensitivity']);
  const d = await debug(page);
  const direct = await wasmCall(page, 'sensitivity', { scenario: await currentScenario(page) });
  assert.deepEqual(d.sensitivity.result, direct);
  const swings = direct.bars.map((b) => b.swing);
  assert.equal(swings[0], Math.max(...swings), 'the first bar is the largest swing');
  for (const b of direct.bars) assert.equal(b.swing, Math.abs(b.npvAtHigh - b.npvAtLow));
  // The text alternative names the first bar in the page's words.
  const label = await page.evaluate(async (key) => (await import('./js/i18n.js')).t(`params.${key}.label`), direct.bars[0].key);
  await page.locator('#analysis').scrollIntoViewIfNeeded();
  await page.waitForFunction((label) => document.getElementById('chart-desc-tornado').textContent.includes(label), label);

  const toggle = page.locator('#tornado-all');
  assert.equal(await toggle.textContent(), `Show all ${direct.bars.length}`);
  const short = await page.locator('#chart-tornado').evaluate((c) => c.getBoundingClientRect().height);
  await toggle.click();
  await page.waitForFunction((h) => document.getElementById('chart-tornado').getBoundingClientRect().height > h, short);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.match(await toggle.textContent(), /top 10/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the map cell at the current scenario equals a single compute(), and the axes can change', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  // Put the scenario on a grid point: the middle cell of both axes.
  const table = (await wasmCall(page, 'tables')).params;
  const spec = Object.fromEntries(table.map((s) => [s.key, s]));
  const mid = (key) => spec[key].min + ((spec[key].max - spec[key].min) * 20) / 40;
  const x = mid('layoffShare');
  const y = mid('aiResolutionRate');
  await page.evaluate(
    async ({ x, y }) => {
      const store = await import('./js/state.js');
      store.setState({ params: { ...store.getState().params, layoffShare: x, aiResolutionRate: y } }, { record: true });
    },
    { x, y },
  );
  await waitForAnalyses(page, ['map']);
  const d = await debug(page);
  const map = d.map.result;
  assert.equal(map.x.length, 41);
  assert.equal(map.y.length, 41);
  assert.deepEqual(map.current, [x, y]);
  assert.equal(map.x[20], x);
  assert.equal(map.y[20], y);
  const single = await wasmCall(page, 'compute', await currentScenario(page));
  assert.equal(map.npv[20][20], single.summary.npv, 'the cell is the single run');
  assert.equal(map.regretMonth[20][20], single.summary.regretMonth ?? null);
  await page.locator('#chart-map').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.getElementById('chart-desc-map').textContent.includes('Net present value over'));

  // Another y axis: the map is worked out again for it, and says so meanwhile.
  await page.selectOption('#map-y', 'aiPricePerConversation');
  await waitForAnalyses(page, ['map']);
  const again = await debug(page);
  assert.equal(again.map.result.yKey, 'aiPricePerConversation');
  assert.equal(again.map.result.xKey, 'layoffShare');
  // Picking the same parameter on both axes swaps them instead of failing.
  await page.selectOption('#map-x', 'aiPricePerConversation');
  assert.equal(await page.inputValue('#map-y'), 'layoffShare');
  await waitForAnalyses(page, ['map']);
  assert.equal((await debug(page)).map.result.xKey, 'aiPricePerConversation');
  // The regret-month colouring.
  await page.check('#map-metric-regret');
  await page.waitForFunction(() => /regret/i.test(document.getElementById('chart-desc-map').textContent));
  assert.deepEqual(problems, []);
  await context.close();
});

test('analysis drawing refuses malformed data with a clear message', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  await waitForAnalyses(page, ['uncertainty', 'sensitivity', 'map']);
  const messages = await page.evaluate(async () => {
    const api = await import('./pkg/layoff_whatif.js');
    const analysis = await import('./js/analysis.js');
    const d = analysis.debug();
    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 300;
    const attempt = (f) => {
      try {
        f();
        return 'no error';
      } catch (error) {
        return String(error.message);
      }
    };
    const u = d.uncertainty.result;
    const short = { ...u, month: u.month.slice(0, -1), cumulativeDelta: u.cumulativeDelta.slice(0, -1) };
    const nan = { ...u, cumulativeDelta: u.cumulativeDelta.map((r, i) => (i === 3 ? [r[0], NaN, r[2], r[3], r[4]] : r)) };
    const scenario = { preset: 'typical' };
    const map = d.map.result;
    return {
      shortBand: attempt(() => api.render({ scenario, charts: [], band: { uncertainty: short } })),
      nanBand: attempt(() => api.render({ scenario, charts: [], band: { uncertainty: nan } })),
      notBand: attempt(() => api.render({ scenario, charts: [], band: { uncertainty: 5 } })),
      tornado: attempt(() => api.renderTornado({ sensitivity: { npv: 1, bars: [{ key: 'nope', low: 0, high: 1, npvAtLow: 0, npvAtHigh: 1 }] }, canvas })),
      ragged: attempt(() => api.renderRegretMap({ map: { ...map, npv: map.npv.slice(1) }, canvas, metric: 'npv' })),
      metric: attempt(() => api.renderRegretMap({ map, canvas, metric: 'colour' })),
      fine: attempt(() => api.renderRegretMap({ map, canvas, metric: 'regret' })),
      misspelt: attempt(() => api.renderRegretMap({ map, canvas, metrc: 'regret' })),
    };
  });
  assert.match(messages.shortBand, /band has 47 months but the outcome has 48/);
  assert.match(messages.nanBand, /not finite|not valid/);
  assert.match(messages.notBand, /render: band is not valid: .*expected \{uncertainty, faded\}/);
  assert.match(messages.tornado, /unknown tornado parameter 'nope'/);
  assert.match(messages.ragged, /41 rows of 41 values/);
  assert.match(messages.metric, /unknown map metric 'colour'/);
  assert.equal(messages.fine, 'no error');
  assert.match(messages.misspelt, /renderRegretMap: unknown field .metrc./);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without a worker the page says the ranges could not be worked out, and everything else works', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/js/worker.js', (route) => route.abort());
  await page.goto(server.url);
  await waitForRender(page);
  await page.waitForFunction(() => document.getElementById('uncertainty-note').dataset.state === 'error');
  assert.match(await page.textContent('#uncertainty-note'), /could not be worked out/);
  assert.match(await page.textContent('.analysis__figure--tornado .analysis__status'), /could not be worked out/);
  assert.match(await page.textContent('#story'), /\$\d/, 'the story still has its numbers');
  assert.deepEqual(errors, [], 'no uncaught error');
  await context.close();
});

test("the map's axes and colouring live in the link; a broken map= is named and ignored", async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await waitForRender(page);
  await page.locator('#analysis').scrollIntoViewIfNeeded();
  await page.selectOption('#map-x', 'aiPricePerConversation');
  await page.check('#map-metric-regret');
  await page.waitForFunction(() => location.hash.includes('map=aiPricePerConversation,aiResolutionRate,regret'));
  const link = await page.evaluate(() => location.href);
  await context.close();

  // The link opens the same map: axes, colouring and the worker's answer for them.
  const fresh = await openPage(browser, link);
  await waitForRender(fresh.page);
  await waitForAnalyses(fresh.page, ['map']);
  assert.equal(await fresh.page.inputValue('#map-x'), 'aiPricePerConversation');
  assert.equal(await fresh.page.inputValue('#map-y'), 'aiResolutionRate');
  assert.equal(await fresh.page.isChecked('#map-metric-regret'), true);
  const d = await debug(fresh.page);
  assert.deepEqual([d.map.result.xKey, d.map.result.yKey], ['aiPricePerConversation', 'aiResolutionRate']);
  assert.equal(await fresh.page.locator('#notices .link-notice').count(), 0, 'no notice for a good link');
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();

  // The same parameter twice: the usual axes, and a notice that says why.
  const broken = await openPage(browser, `${server.url}#v=2&map=layoffShare,layoffShare,npv`);
  await waitForRender(broken.page);
  await broken.page.waitForFunction(() => document.querySelector('#notices .link-notice'));
  assert.match(await broken.page.textContent('#notices .link-notice'), /regret map needs two different parameters/);
  assert.equal(await broken.page.inputValue('#map-x'), 'layoffShare');
  assert.equal(await broken.page.inputValue('#map-y'), 'aiResolutionRate');
  assert.deepEqual(broken.problems, []);
  await broken.context.close();
  assert.deepEqual(problems, []);
});
