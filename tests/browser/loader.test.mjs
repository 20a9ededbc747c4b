// One failed file does not blank the page (issue 15): the loader's fallback and the analyses'
// worker watchdog.
//
// - js/app.js blocked, or never answering (past the loader's time limit, shortened here
//   through window.__layoffWhatifTest): the load-error box's one-line notice, a reload, and
//   the default scenario's build-time numbers (www/fallback/summary.json) labelled as such,
//   in English and in Indonesian; the explorer is hidden, not left empty. A module that
//   arrives after the loader gave up is never started. With the language files held back
//   as well, the notice still comes, in English.
// - A worker that never answers, or dies: started again once (workers are counted by a
//   wrapped window.Worker), then the analyses say "unavailable", not "Updating…". A worker
//   that dies only once is replaced and the analyses arrive.
// - The page as usual: one worker, the analyses arrive, no notice, no errors.
//
// Nothing here measures time: the shortened limits only make the tests quick.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, openPage, waitForRender, waitForSettled, nextFrames, WWW } from './helpers.mjs';

const tables = {
  en: JSON.parse(readFileSync(join(WWW, 'i18n', 'en.json'), 'utf8')),
  id: JSON.parse(readFileSync(join(WWW, 'i18n', 'id.json'), 'utf8')),
};
const SUMMARY = join(WWW, 'fallback', 'summary.json');

let server;
let browser;

before(async () => {
  assert.ok(existsSync(SUMMARY), 'www/fallback/ is missing: run bash scripts/build-dist.sh');
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function lookup(table, key) {
  const value = key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), table);
  assert.equal(typeof value, 'string', `${key} is a sentence`);
  return value;
}

/**
 * Before any script of the page: shortened time limits, and a window.Worker that counts the
 * workers made and (through a BroadcastChannel, which the page does not hear) which messages
 * each received, so a test can tell a restarted worker from no restart.
 */
function hooks({ appTimeoutMs, workerTimeoutMs } = {}) {
  return (page) =>
    page.addInitScript(
      ({ appTimeoutMs, workerTimeoutMs }) => {
        window.__layoffWhatifTest = { appTimeoutMs, workerTimeoutMs };
        window.__workersMade = 0;
        window.__workerLog = [];
        // Held by the window: a channel nothing refers to may be collected with its listener.
        window.__workerChannel = new BroadcastChannel('worker-log');
        window.__workerChannel.onmessage = (event) => window.__workerLog.push(event.data);
        const Original = window.Worker;
        window.Worker = class extends Original {
          constructor(...args) {
            super(...args);
            window.__workersMade += 1;
          }
        };
      },
      { appTimeoutMs, workerTimeoutMs },
    );
}

/** The static fallback in `lang`: the notice, a reload, the build-time numbers labelled as the default scenario. */
async function checkScriptFallback(page, lang) {
  const table = tables[lang];
  const box = page.locator('#load-error');
  await box.waitFor({ state: 'visible' });
  assert.equal(await box.getAttribute('data-kind'), 'script');
  assert.equal((await page.locator('#load-error h2').textContent()).trim(), lookup(table, 'errors.scriptTitle'));
  assert.equal(await page.locator('#load-error > p:not(.load-error__detail)').count(), 0, 'a one-line notice');
  assert.equal((await page.locator('#load-error button').textContent()).trim(), lookup(table, 'errors.reload'));

  const panel = page.locator('#fallback');
  await panel.waitFor({ state: 'visible' });
  assert.equal((await page.locator('#fallback h2').textContent()).trim(), lookup(table, 'fallback.heading'));
  assert.equal((await page.locator('#fallback .fallback__note').textContent()).trim(), lookup(table, 'fallback.scriptNote'));
  // The numbers are the build's, in the page's language, label for label and value for value.
  const built = JSON.parse(readFileSync(SUMMARY, 'utf8')).items[lang];
  const shown = await page.$$eval('#fallback .fallback__item', (rows) =>
    rows.map((row) => ({ label: row.querySelector('dt').textContent, value: row.querySelector('dd').textContent })),
  );
  assert.deepEqual(shown, built);
  await page.waitForFunction(() => document.querySelector('#fallback img')?.complete);
  assert.ok((await page.locator('#fallback img').evaluate((i) => i.naturalWidth)) > 0, 'the fallback chart loads');
  assert.equal(await page.locator('#fallback img').getAttribute('alt'), lookup(table, 'fallback.chartAlt'));

  // The model area is replaced, not left empty; the rest of the page speaks the language.
  assert.ok(await page.locator('#model').isHidden(), 'the empty explorer is hidden');
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
  assert.equal((await page.locator('.headline').textContent()).trim(), lookup(table, 'page.headline'));
  assert.ok(!(await page.locator('.loading').isVisible()), 'no endless "Loading"');
  assert.equal(await page.evaluate(() => document.body.dataset.rendered ?? null), null, 'the app never started');
}

/** Problems other than the blocked or held-back app.js itself. */
function otherProblems(problems) {
  return problems.filter((p) => !/\/js\/app\.js\b/.test(p) && !/Failed to (?:load resource|fetch dynamically imported module)/.test(p));
}

for (const lang of ['en', 'id']) {
  test(`app.js blocked (${lang}): the one-line notice and the default scenario's build-time numbers, labelled`, async () => {
    const url = lang === 'en' ? server.url : `${server.url}?lang=${lang}`;
    const { page, context, problems } = await openPage(browser, url, {
      beforeLoad: (p) => p.route('**/js/app.js', (route) => route.abort('failed')),
    });
    await checkScriptFallback(page, lang);
    assert.ok((await page.locator('#load-error .load-error__detail').textContent()).includes('app.js'), 'the detail names the file');
    assert.deepEqual(otherProblems(problems), []);

    // The reload button brings the page back once the file arrives.
    await page.unrouteAll({ behavior: 'wait' });
    await page.locator('#load-error button').click();
    await waitForRender(page);
    assert.ok(await page.locator('#load-error').isHidden());
    assert.ok(await page.locator('#fallback').isHidden());
    await context.close();
  });
}

test('app.js that never comes: after the time limit the same fallback, and the late module is never started', async () => {
  let held = null;
  const { page, context, problems } = await openPage(browser, `${server.url}?lang=id`, {
    beforeLoad: async (p) => {
      await hooks({ appTimeoutMs: 500 })(p);
      await p.route('**/js/app.js', (route) => {
        held = route; // no answer until the test gives one
      });
    },
  });
  await checkScriptFallback(page, 'id');
  assert.equal(await page.locator('#load-error .load-error__detail').count(), 0, 'a late file has no error text');
  assert.ok(held, 'the page asked for app.js');

  // Now let it arrive: the module loads (the page's own import of it resolves) but the page
  // stays on the fallback.
  await held.continue();
  await page.evaluate(() => import('./js/app.js'));
  await nextFrames(page);
  assert.ok(await page.locator('#load-error').isVisible());
  assert.ok(await page.locator('#model').isHidden());
  assert.equal(await page.evaluate(() => document.body.classList.contains('is-loading')), false, 'start() was not called');
  assert.equal(await page.evaluate(() => document.body.dataset.rendered ?? null), null);
  assert.deepEqual(otherProblems(problems), []);
  await context.close();
});

test('app.js and the language files held back: a notice in English all the same, with a reload', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?lang=id`, {
    beforeLoad: async (p) => {
      await hooks({ appTimeoutMs: 300 })(p);
      await p.route('**/js/app.js', () => {}); // never answered
      await p.route('**/i18n/*.json', () => {});
    },
  });
  const box = page.locator('#load-error');
  await box.waitFor({ state: 'visible' });
  assert.equal(await box.getAttribute('data-kind'), 'script');
  assert.equal((await page.locator('#load-error h2').textContent()).trim(), lookup(tables.en, 'errors.loadTitle'));
  assert.equal((await page.locator('#load-error button').textContent()).trim(), lookup(tables.en, 'errors.reload'));
  assert.ok(await page.locator('#model').isHidden(), 'the empty explorer is hidden');
  assert.deepEqual(otherProblems(problems), []);
  await context.close();
});

/** Waits until the analyses have given up, then checks they say so in English (not "Updating…"). */
async function checkUnavailable(page) {
  await page.locator('#analysis').scrollIntoViewIfNeeded();
  const unavailable = lookup(tables.en, 'analysis.unavailable');
  await page.waitForFunction(
    (text) => [...document.querySelectorAll('.analysis__status')].some((s) => s.textContent === text),
    unavailable,
  );
  await nextFrames(page);
  const statuses = await page.$$eval('.analysis__status', (nodes) => nodes.map((n) => n.textContent));
  assert.ok(statuses.length >= 2, 'the tornado and the map');
  assert.deepEqual(statuses, statuses.map(() => unavailable), 'every analysis says it is unavailable');
  assert.ok(!statuses.includes(lookup(tables.en, 'analysis.updating')));
  assert.equal(await page.locator('[aria-busy="true"]').count(), 0, 'nothing is left busy');
  assert.equal(await page.evaluate(() => document.getElementById('uncertainty-note').dataset.state), 'error');
  assert.equal((await page.textContent('#uncertainty-note')).trim(), lookup(tables.en, 'analysis.fan.error'));
  assert.match(await page.textContent('#story'), /\$\d/, 'the story keeps its numbers');
}

test('a worker that never answers is started again once, then the analyses say they are unavailable', async () => {
  const { page, context, problems } = await openPage(browser, server.url, {
    beforeLoad: async (p) => {
      await hooks({ workerTimeoutMs: 500 })(p);
      // A worker that hears everything and answers nothing; it tells the test what it heard.
      await p.route('**/js/worker.js', (route) =>
        route.fulfill({
          contentType: 'text/javascript',
          body: "// silent\nconst log = new BroadcastChannel('worker-log');\nself.onmessage = (event) => log.postMessage(event.data?.type);\n",
        }),
      );
    },
  });
  await waitForRender(page);
  await checkUnavailable(page);
  assert.equal(await page.evaluate(() => window.__workersMade), 2, 'one worker, then one restart');
  // Each worker was given the compiled module and the newest request.
  await page.waitForFunction(() => window.__workerLog.length >= 4, null, { timeout: 10_000 }).catch(() => {});
  assert.deepEqual(await page.evaluate(() => window.__workerLog), ['module', 'analyse', 'module', 'analyse']);
  assert.deepEqual(problems, []);
  await context.close();
});

const DYING = [
  ['whose script cannot be fetched', (route) => route.abort('failed')],
  ['that throws as it starts', (route) => route.fulfill({ contentType: 'text/javascript', body: "// dies\nthrow new Error('this worker dies');\n" })],
];

for (const [name, dies] of DYING) {
  test(`a worker ${name} is started again once, then the analyses say they are unavailable`, async () => {
    const { page, context, problems } = await openPage(browser, server.url, {
      beforeLoad: async (p) => {
        await hooks()(p);
        await p.route('**/js/worker.js', dies);
      },
    });
    await waitForRender(page);
    await checkUnavailable(page);
    assert.equal(await page.evaluate(() => window.__workersMade), 2, 'one worker, then one restart');
    assert.deepEqual(problems.filter((p) => !/worker\.js|this worker dies/.test(p)), []);
    await context.close();
  });
}

test('a worker that dies once is replaced, and the analyses arrive from the new one', async () => {
  let asked = 0;
  const { page, context, problems } = await openPage(browser, server.url, {
    beforeLoad: async (p) => {
      await hooks()(p);
      await p.route('**/js/worker.js', (route) => {
        asked += 1;
        if (asked === 1) return route.fulfill({ contentType: 'text/javascript', body: "// dies\nthrow new Error('this worker dies');\n" });
        return route.continue();
      });
    },
  });
  await waitForRender(page);
  await waitForSettled(page);
  assert.equal(await page.evaluate(() => document.getElementById('uncertainty-note').dataset.state), 'ready');
  assert.equal(await page.evaluate(() => window.__workersMade), 2);
  const statuses = await page.$$eval('.analysis__status', (nodes) => nodes.map((n) => n.textContent));
  assert.deepEqual(statuses, statuses.map(() => ''), 'no status: the charts are current');
  assert.deepEqual(problems.filter((p) => !/this worker dies/.test(p)), []);
  await context.close();
});

test('the page as usual: the loader starts the app, one worker, the analyses arrive, no notice', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { beforeLoad: hooks() });
  await waitForRender(page);
  await waitForSettled(page);
  assert.equal(await page.evaluate(() => document.getElementById('uncertainty-note').dataset.state), 'ready');
  assert.equal(await page.evaluate(() => window.__workersMade), 1);
  assert.ok(await page.locator('#load-error').isHidden());
  assert.ok(await page.locator('#fallback').isHidden());
  assert.ok(await page.locator('#model').isVisible());
  assert.equal(await page.evaluate(() => document.querySelector('script[type="module"][src]')?.getAttribute('src')), 'js/loader.js');
  assert.deepEqual(problems, []);
  await context.close();
});
