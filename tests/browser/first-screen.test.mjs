// The first screen (issue 15): on a 1280 x 800 laptop and a 390 x 844 phone, before any
// scroll, the question, the answer in one sentence, the savings chart with its markers and
// the two sliders that change the story most; nothing jumps while the page loads or after a
// preset (layout shifts measured by the browser's own PerformanceObserver, as CLS counts
// them: shifts within 500 ms of the reader's input do not count); and on a phone the savings
// chart stays in view while any slider is dragged, without covering it, as it does on a
// laptop while a sidebar slider is dragged with no chart in view, beside the sidebar.

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

const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** What of the first screen is inside the viewport, whole, and not covered by anything. */
function firstScreen(page) {
  return page.evaluate(() => {
    const inView = (element) => {
      if (!element) return false;
      const r = element.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    };
    const uncovered = (element) => {
      const r = element.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit === element || element.contains(hit);
    };
    const headline = document.querySelector('.headline');
    const lineHeight = parseFloat(getComputedStyle(headline).lineHeight);
    const sliders = [...document.querySelectorAll('#first-controls input[type="range"]')];
    return {
      scrollY,
      headline: inView(headline),
      headlineLines: Math.round(headline.getBoundingClientRect().height / lineHeight),
      answer: document.getElementById('answer').textContent.trim(),
      answerInView: inView(document.getElementById('answer')),
      chart: inView(document.getElementById('chart-savings')),
      sliders: sliders.map((s) => ({ id: s.id, inView: inView(s), uncovered: uncovered(s) })),
    };
  });
}

for (const [name, viewport, query] of [
  ['laptop', LAPTOP, ''],
  ['phone', PHONE, ''],
  ['phone, Indonesian', PHONE, '?lang=id'],
  ['laptop, Indonesian', LAPTOP, '?lang=id'],
]) {
  test(`first screen (${name}): the question, the answer, the savings chart and the two sliders, without scrolling`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}${query}#v=2&p=typical`, { viewport });
    await waitForRender(page);
    const seen = await firstScreen(page);
    assert.equal(seen.scrollY, 0);
    assert.ok(seen.headline, 'the question is in view');
    if (viewport === LAPTOP) assert.equal(seen.headlineLines, 1, 'the question in one line on a laptop');
    assert.ok(seen.answerInView, 'the answer is in view');
    assert.ok(seen.chart, 'the whole savings chart is in view');
    const policy = await wasmCall(page, 'tables', undefined).then((t) => t.policy.firstSliders);
    assert.deepEqual(seen.sliders.map((s) => s.id), policy, 'the policy’s first sliders, in its order');
    for (const s of seen.sliders) {
      assert.ok(s.inView, `${s.id} is in view`);
      assert.ok(s.uncovered, `${s.id} is not covered`);
    }
    // The answer is the model's: the typical cut's regret month as the model computes it.
    const { summary } = await wasmCall(page, 'compute', { version: 1, preset: 'typical', params: {} });
    assert.ok(summary.regretMonth > 0);
    assert.ok(seen.answer.includes(`${query ? 'bulan' : 'month'} ${summary.regretMonth}`), seen.answer);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the answer follows the sliders: from the typical cut’s regret month to the baseline', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#v=2&p=typical`, { viewport: LAPTOP });
  await waitForRender(page);
  const before = await page.textContent('#answer');
  assert.match(before, /cost more than it saved/, before);
  // Both first sliders to zero, as a reader would drag them: nothing cut, no AI.
  await page.evaluate(() => {
    for (const id of ['layoffShare', 'aiShare']) {
      const r = document.getElementById(id);
      r.value = r.min;
      r.dispatchEvent(new Event('input', { bubbles: true }));
      r.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
  await page.waitForFunction((text) => document.getElementById('answer').textContent !== text, before);
  const after = await page.textContent('#answer');
  assert.match(after, /^Nobody is cut and no AI takes any contacts: this is the baseline/, after);
  assert.doesNotMatch(after, /cost more than it saved/);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Opens `url` with a layout-shift observer from the first paint on. */
async function observed(url, viewport) {
  const { page, context, problems } = await openPage(browser, 'about:blank', { viewport });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__shifts.push({ value: entry.value, at: entry.startTime, recent: entry.hadRecentInput });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url);
  return { page, context, problems };
}

/** The layout shifts that count (not within 500 ms of the reader's input) since `from` ms. */
function shiftsSince(page, from = 0) {
  return page.evaluate((t) => {
    const counted = window.__shifts.filter((s) => !s.recent && s.at >= t);
    return { total: counted.reduce((sum, s) => sum + s.value, 0), count: counted.length };
  }, from);
}

for (const [name, viewport, query] of [
  ['laptop', LAPTOP, ''],
  ['phone', PHONE, ''],
  ['Indonesian', LAPTOP, '?lang=id'],
  ['Indonesian phone', PHONE, '?lang=id'],
  ['presentation', LAPTOP, '?present=1'],
  ['embed', { width: 600, height: 800 }, '?embed=1'],
  ['narrow embed', { width: 360, height: 700 }, '?embed=1'],
]) {
  test(`nothing jumps (${name}): layout shift under 0.02 over the first 3 s and after a preset`, async () => {
    const { page, context, problems } = await observed(`${server.url}${query}`, viewport);
    await waitForRender(page);
    await page.waitForTimeout(3000);
    const load = await shiftsSince(page);
    assert.ok(load.total < 0.02, `CLS while loading: ${load.total.toFixed(4)} in ${load.count} shifts`);
    // A preset: its own shifts (within 500 ms of the click) do not count; what comes late does.
    const preset = page.locator('button[data-preset="klarna-like"]');
    if (await preset.isVisible()) {
      const clickedAt = await page.evaluate(() => performance.now());
      await preset.click();
      await page.waitForTimeout(3000);
      const after = await shiftsSince(page, clickedAt);
      assert.ok(after.total < 0.02, `CLS after a preset: ${after.total.toFixed(4)} in ${after.count} shifts`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('on a phone the savings chart stays in view while a slider far below is dragged, and never covers it', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#v=2&p=typical`, { viewport: PHONE, deviceScaleFactor: 2 });
  await waitForRender(page);
  await page.evaluate(() => document.querySelectorAll('#groups details').forEach((d) => (d.open = true)));
  // A slider deep in the list, in the upper part of the screen (where a pinned chart would
  // cover it), below the result line that stays at the top of the controls.
  const range = page.locator('#attritionPerYear');
  // Twice: the first scroll brings late parts of the page into being, which moves it.
  for (let i = 0; i < 2; i += 1) {
    await page.evaluate(() => {
      const r = document.getElementById('attritionPerYear');
      window.scrollTo({ top: r.getBoundingClientRect().top + scrollY - 200, behavior: 'instant' });
    });
    await nextFrames(page);
  }
  const startY = await page.evaluate(() => scrollY);
  assert.ok(startY > 3000, `the slider is far below the chart (${startY} px)`);
  const box = await range.boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i += 1) await page.mouse.move(box.x + box.width * (0.3 + i * 0.04), box.y + box.height / 2);
  const during = await page.evaluate(() => {
    const chart = document.getElementById('chart-savings').getBoundingClientRect();
    const slider = document.getElementById('attritionPerYear').getBoundingClientRect();
    return { dragging: document.documentElement.classList.contains('is-dragging'), chartTop: chart.top, chartBottom: chart.bottom, sliderTop: slider.top, sliderBottom: slider.bottom, height: innerHeight };
  });
  assert.ok(during.dragging, 'the page knows a slider is dragged');
  assert.ok(during.chartTop >= 0 && during.chartBottom <= during.height, `the chart is in view (${during.chartTop}-${during.chartBottom})`);
  assert.ok(during.sliderTop >= during.chartBottom, `the slider is below the chart, not under it (${during.sliderTop} vs ${during.chartBottom})`);
  assert.ok(during.sliderBottom <= during.height, 'and still in view');
  await page.mouse.up();
  await page.waitForFunction(() => !document.documentElement.classList.contains('is-dragging'));
  assert.notEqual(await page.getAttribute('#attritionPerYear', 'data-value'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Boxes of the savings chart, the sidebar and a slider, in viewport pixels, and the drag. */
function dragView(page, sliderId) {
  return page.evaluate((id) => {
    const box = (element) => {
      const r = element.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const slider = document.getElementById(id);
    const s = slider.getBoundingClientRect();
    const hit = document.elementFromPoint(s.left + s.width / 2, s.top + s.height / 2);
    const inView = (r) => r.top < innerHeight && r.bottom > 0;
    return {
      dragging: document.documentElement.classList.contains('is-dragging'),
      chart: box(document.getElementById('chart-savings')),
      aside: box(document.getElementById('controls')),
      slider: box(slider),
      sliderUncovered: hit === slider || slider.contains(hit),
      // Every chart of the left column (outside the sidebar) any part of which is in view.
      chartsInView: [...document.querySelectorAll('#model canvas')]
        .filter((c) => !c.closest('#controls') && inView(c.getBoundingClientRect()))
        .map((c) => c.id),
      height: innerHeight,
      width: innerWidth,
    };
  }, sliderId);
}

test('on a laptop the savings chart is pinned atop its column while a sidebar slider is dragged with no chart in view', async () => {
  const { page, context, problems } = await observed(`${server.url}#v=2&p=typical`, LAPTOP);
  await waitForRender(page);
  // Presets, model levels and the story in the left column; the first group's sliders in the
  // sidebar. Twice: the first scroll brings late parts of the page into being, which moves it.
  for (let i = 0; i < 2; i += 1) {
    await page.evaluate(() => window.scrollTo({ top: 800, behavior: 'instant' }));
    await nextFrames(page);
  }
  const id = 'layoffMonth';
  const before = await dragView(page, id);
  assert.deepEqual(before.chartsInView, [], 'no chart of the left column is in view');
  assert.ok(before.slider.top >= 0 && before.slider.bottom <= before.height, 'the sidebar slider is in view');
  assert.ok(before.slider.left >= before.aside.left, 'the slider is in the sidebar');
  const pressedAt = await page.evaluate(() => performance.now());
  const range = await page.locator(`#${id}`).boundingBox();
  const y = range.y + range.height / 2;
  await page.mouse.move(range.x + range.width * 0.3, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i += 1) await page.mouse.move(range.x + range.width * (0.3 + i * 0.04), y);
  await nextFrames(page);
  const during = await dragView(page, id);
  assert.ok(during.dragging, 'the page knows a slider is dragged');
  const { chart, aside, slider } = during;
  assert.ok(chart.top >= 0 && chart.bottom <= during.height, `the chart is in view (${chart.top}-${chart.bottom})`);
  assert.ok(chart.left >= 0 && chart.right <= during.width, 'the whole width of the chart is in view');
  const overlaps = chart.left < aside.right && aside.left < chart.right && chart.top < aside.bottom && aside.top < chart.bottom;
  assert.ok(!overlaps, `the chart (${chart.left}-${chart.right}) keeps off the sidebar (${aside.left}-${aside.right})`);
  assert.ok(slider.top >= 0 && slider.bottom <= during.height, 'the dragged slider is still in view');
  assert.ok(during.sliderUncovered, 'and nothing covers it');
  await page.mouse.up();
  await page.waitForFunction(() => !document.documentElement.classList.contains('is-dragging'));
  await nextFrames(page);
  const after = await dragView(page, id);
  // Back in its place, out of view; within a pixel, as the answer above it rewraps with the
  // new value by a fraction of one.
  assert.deepEqual(after.chartsInView, [], 'the chart is back out of view');
  assert.ok(Math.abs(after.chart.top - before.chart.top) < 1, `the chart is back in its place (${before.chart.top} -> ${after.chart.top})`);
  assert.equal(await page.locator('#hero.is-pinned').count(), 0, 'and no longer pinned');
  // The pin moves what the reader sees, not the page: no shift that counts since the press.
  const shifts = await shiftsSince(page, pressedAt);
  assert.ok(shifts.total < 0.02, `CLS over the drag: ${shifts.total.toFixed(4)} in ${shifts.count} shifts`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a laptop nothing is pinned while a slider is dragged with a chart in view', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}#v=2&p=typical`, { viewport: LAPTOP });
  await waitForRender(page);
  const range = await page.locator('#layoffShare').boundingBox();
  const y = range.y + range.height / 2;
  await page.mouse.move(range.x + range.width * 0.3, y);
  await page.mouse.down();
  for (let i = 1; i <= 5; i += 1) await page.mouse.move(range.x + range.width * (0.3 + i * 0.04), y);
  await nextFrames(page);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('is-dragging')));
  assert.equal(await page.locator('#hero.is-pinned').count(), 0, 'the chart beside the slider is not pinned');
  await page.mouse.up();
  await page.waitForFunction(() => !document.documentElement.classList.contains('is-dragging'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the compact embed: at most 640 px tall at 600 px wide, named, with the chart, two sliders and the link', async () => {
  for (const [query, title] of [['', 'Klarna-like'], ['&lang=id', 'Mirip Klarna']]) {
    const { page, context, problems } = await openPage(browser, `${server.url}?embed=1${query}#v=2&p=klarna-like`, { viewport: { width: 600, height: 900 } });
    await waitForRender(page);
    const seen = await page.evaluate(() => ({
      height: document.documentElement.getBoundingClientRect().height,
      title: document.getElementById('embed-title').textContent,
      sliders: [...document.querySelectorAll('.embed-controls input[type="range"]')].map((r) => r.id),
      chart: document.getElementById('chart-savings').getBoundingClientRect().height > 150,
      link: document.querySelector('.embed-bar__open')?.href ?? '',
      notices: document.getElementById('notices').hidden,
    }));
    assert.ok(seen.height <= 640, `${seen.height} px tall${query}`);
    assert.equal(seen.title, title);
    const policy = await wasmCall(page, 'tables').then((t) => t.policy.firstSliders);
    assert.deepEqual(seen.sliders, policy, 'the default sliders are the model’s first two');
    assert.ok(seen.chart);
    assert.match(seen.link, /klarna-like/);
    assert.ok(seen.notices, 'no notice for the default embed');
    // A changed value makes it the reader's own scenario.
    await page.evaluate(() => {
      const r = document.getElementById('aiShare');
      r.value = String(Number(r.value) + 50);
      r.dispatchEvent(new Event('input', { bubbles: true }));
      r.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForFunction((t) => document.getElementById('embed-title').textContent !== t, title);
    assert.equal(await page.textContent('#embed-title'), query ? 'Skenario Anda' : 'Your scenario');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a narrow embed keeps no empty room under its chart: the room kept from the first paint is what the chart shows', async () => {
  for (const query of ['', '&lang=id']) {
    for (const width of [320, 360, 480]) {
      const { page, context, problems } = await openPage(browser, `${server.url}?embed=1${query}#v=2&p=klarna-like`, { viewport: { width, height: 700 } });
      await waitForRender(page);
      const { kept, shown } = await page.evaluate(() => {
        const wrap = document.querySelector('.charts-wrap--hero');
        const shown = [...wrap.children].reduce((sum, child) => sum + child.getBoundingClientRect().height, 0);
        return { kept: wrap.getBoundingClientRect().height, shown };
      });
      assert.ok(kept - shown <= 4, `${width} px${query}: ${(kept - shown).toFixed(1)} px of empty room under the chart`);
      assert.ok(shown <= kept + 0.5, `${width} px${query}: the chart fits the room kept for it`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
});

test('controls=none gives a still chart without a notice; an author who lists more sliders gets them', async () => {
  const still = await openPage(browser, `${server.url}?embed=1&controls=none`, { viewport: { width: 600, height: 900 } });
  await waitForRender(still.page);
  assert.equal(await still.page.locator('.embed-controls input[type="range"]').count(), 0);
  assert.equal(await still.page.isHidden('#notices'), true, 'controls=none is a documented spelling, not an unknown control');
  assert.deepEqual(still.problems, []);
  await still.context.close();
  const more = await openPage(browser, `${server.url}?embed=1&controls=layoffShare,aiShare,aiResolutionRate`, { viewport: { width: 600, height: 900 } });
  await waitForRender(more.page);
  assert.deepEqual(await more.page.$$eval('.embed-controls input[type="range"]', (rs) => rs.map((r) => r.id)), ['layoffShare', 'aiShare', 'aiResolutionRate']);
  assert.deepEqual(more.problems, []);
  await more.context.close();
});

/**
 * Drags a slider from its left end to its right end the way a reader's pointer does, and
 * returns how far (CSS pixels) the slider ever stood from where it was once the drag had
 * started (the phone's first move scrolls it below the pinned chart on purpose), and
 * whether a plausibility warning showed on the way.
 */
async function dragAcross(page, id) {
  const range = page.locator(`#${id}`);
  // Twice: the first scroll brings late parts of the page into being, which moves it.
  for (let i = 0; i < 2; i += 1) {
    await range.evaluate((r) => {
      const box = r.getBoundingClientRect();
      if (box.top < 0 || box.bottom > innerHeight) r.scrollIntoView({ block: 'center', behavior: 'instant' });
    });
    await nextFrames(page);
  }
  const start = await range.boundingBox();
  const y = () => range.boundingBox().then((b) => b.y + b.height / 2);
  await page.mouse.move(start.x + 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + 4, await y());
  await nextFrames(page);
  const placedTop = (await range.boundingBox()).y;
  let farthest = 0;
  let warned = false;
  for (let step = 1; step <= 20; step += 1) {
    await page.mouse.move(start.x + (start.width * step) / 20, await y());
    await nextFrames(page);
    const moved = (await range.boundingBox()).y - placedTop;
    if (Math.abs(moved) > Math.abs(farthest)) farthest = moved;
    warned ||= await page.locator('#warnings').isVisible();
  }
  await page.mouse.up();
  return { farthest, warned };
}

test('a dragged slider stays under the pointer while the answer rewraps or a warning appears above it', async () => {
  // The views and sliders where it moved before: a sidebar slider under the Indonesian answer
  // and result line, sliders whose far end raises a plausibility warning atop the sidebar, a
  // phone slider under the pinned chart whose fan sentence grows, an embed's slider.
  const cases = [
    ['laptop, Indonesian', LAPTOP, '?lang=id', 'layoffMonth', false],
    ['laptop, Indonesian', LAPTOP, '?lang=id', 'aiPricePerConversation', true],
    ['1100 px, Indonesian', { width: 1100, height: 800 }, '?lang=id', 'contactsPerCustomerPerMonth', true],
    ['phone', PHONE, '', 'contactsPerCustomerPerMonth', true],
    ['phone, Indonesian', PHONE, '?lang=id', 'layoffMonth', false],
    ['embed', { width: 600, height: 700 }, '?embed=1', 'layoffShare', true],
    ['embed with a listed slider', { width: 600, height: 700 }, '?embed=1&controls=layoffShare,contactsPerCustomerPerMonth', 'contactsPerCustomerPerMonth', true],
  ];
  for (const [view, viewport, query, id, warns] of cases) {
    const { page, context, problems } = await openPage(browser, `${server.url}${query}#v=2&p=typical`, { viewport });
    await waitForRender(page);
    await page.evaluate(() => document.querySelectorAll('#groups details').forEach((d) => (d.open = true)));
    const { farthest, warned } = await dragAcross(page, id);
    if (warns) assert.ok(warned, `${view}, ${id}: the drag raised a warning (the case under test)`);
    assert.ok(Math.abs(farthest) <= 1.5, `${view}, ${id}: the slider moved ${farthest.toFixed(1)} px during the drag`);
    assert.deepEqual(problems, [], view);
    await context.close();
  }
});

test('on a phone the chart stays in view for the last slider of the page too, and a first slider is not scrolled away', async () => {
  for (const query of ['', '?lang=id']) {
    const { page, context, problems } = await openPage(browser, `${server.url}${query}#v=2&p=typical`, { viewport: PHONE });
    await waitForRender(page);
    await page.waitForFunction(() => document.body.dataset.ready === '1');
    await page.evaluate(() => document.querySelectorAll('#groups details').forEach((d) => (d.open = true)));
    // The last slider, near the top of the screen: the end of its section is close below.
    const last = await page.evaluate(() => [...document.querySelectorAll('#groups input[type="range"]')].at(-1).id);
    for (let i = 0; i < 2; i += 1) {
      await page.evaluate((id) => {
        window.scrollBy({ top: document.getElementById(id).getBoundingClientRect().top - 150, behavior: 'instant' });
      }, last);
      await nextFrames(page);
    }
    const box = await page.locator(`#${last}`).boundingBox();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
    await page.mouse.down();
    await nextFrames(page);
    const seen = await dragView(page, last);
    assert.ok(seen.chart.top >= 0 && seen.chart.bottom <= seen.height, `${query} ${last}: the chart is in view (${seen.chart.top}-${seen.chart.bottom})`);
    assert.ok(seen.slider.top >= seen.chart.bottom && seen.sliderUncovered, `${query} ${last}: the slider is below the chart, uncovered`);
    await page.mouse.up();
    await page.waitForFunction(() => !document.documentElement.classList.contains('is-dragging'));
    // A first slider with the chart below it in view: pressing it scrolls nothing.
    await page.evaluate(() => window.scrollTo({ top: 246, behavior: 'instant' }));
    await nextFrames(page);
    const first = await page.locator('#layoffShare').boundingBox();
    await page.mouse.move(first.x + first.width * 0.4, first.y + first.height / 2);
    await page.mouse.down();
    await nextFrames(page);
    const pressed = await page.locator('#layoffShare').boundingBox();
    assert.ok(Math.abs(pressed.y - first.y) <= 1, `${query}: the first slider stayed under the finger (${first.y} -> ${pressed.y})`);
    await page.mouse.up();
    assert.deepEqual(problems, []);
    await context.close();
  }
});
