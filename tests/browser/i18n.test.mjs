// The language file covers every string the page needs: the static page, every parameter,
// unit, group, evidence kind, preset, error code and chart word (TEXT_KEYS). A translator can
// copy en.json, translate the values and see the page fully in the new language.
//
// The lists of keys come from the model itself (its tables: params, presets and the
// policy's chartTextKeys; the sources the build writes from it), so a parameter or a chart
// word added in Rust without words here fails this test.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, openPage, waitForRender, wasmCall, WWW } from './helpers.mjs';

let server;
let browser;
let en;

before(async () => {
  server = await startServer();
  browser = await launch();
  en = JSON.parse(await readFile(join(WWW, 'i18n', 'en.json'), 'utf8'));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function lookup(table, key) {
  return key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), table);
}

function assertText(key) {
  const value = lookup(en, key);
  const ok = typeof value === 'string' ? value.length > 0 : value && typeof value === 'object' && typeof value.other === 'string';
  assert.ok(ok, `en.json has "${key}"`);
}

const ERROR_CODES = ['notANumber', 'notFinite', 'outOfRange', 'notWhole', 'tooLong', 'wrongType', 'cutAfterHorizon', 'empty', 'generic'];

test('every key the page uses exists in en.json', async () => {
  const { page, context } = await openPage(browser, server.url);
  await waitForRender(page);
  const { params, presets } = await wasmCall(page, 'tables');
  const sources = await page.evaluate(async () => (await fetch('./pkg/sources.json')).json());

  const html = await readFile(join(WWW, 'index.html'), 'utf8');
  for (const [, key] of html.matchAll(/data-i18n="([^"]+)"/g)) assertText(key);
  for (const [, pairs] of html.matchAll(/data-i18n-attr="([^"]+)"/g)) {
    for (const pair of pairs.split(';')) assertText(pair.split(':')[1].trim());
  }

  // Keys written in the modules as t('literal.key', ...).
  const jsDir = join(WWW, 'js');
  for (const file of await readdir(jsDir)) {
    const code = await readFile(join(jsDir, file), 'utf8');
    for (const [, key] of code.matchAll(/\bt\('([a-zA-Z]+(?:\.[a-zA-Z0-9-]+)+)'/g)) assertText(key);
  }

  for (const spec of params) {
    assertText(`params.${spec.key}.label`);
    assertText(`params.${spec.key}.help`);
    assertText(`units.${spec.unit}.value`);
    assertText(`units.${spec.unit}.spoken`);
    assert.ok(typeof lookup(en, `units.${spec.unit}.short`) === 'string', `units.${spec.unit}.short`);
    assertText(`groups.${spec.group}.title`);
    assertText(`evidence.${spec.evidence}.label`);
    assertText(`evidence.${spec.evidence}.meaning`);
  }
  for (const preset of presets) {
    for (const part of ['title', 'summary', 'caveat']) assertText(`presets.${preset.name}.${part}`);
  }
  for (const source of sources) assertText(`evidence.${source.evidence}.label`);
  for (const code of ERROR_CODES) assertText(`errors.${code}`);
  for (const level of [1, 2, 3, 4]) {
    assertText(`depth.${level}.title`);
    assertText(`depth.${level}.adds`);
  }
  for (const kind of ['savings', 'headcount', 'costs', 'quality']) {
    for (const part of ['title', 'caption']) assertText(`charts.${kind}.${part}`);
  }

  // Chart words: the keys the model's charts use, as the model publishes them.
  const chartKeys = (await wasmCall(page, 'tables')).policy.chartTextKeys;
  assert.ok(chartKeys.length > 50, 'the model lists its chart words');
  for (const key of chartKeys) {
    assert.equal(typeof en.chartText?.[key], 'string', `en.json chartText has "${key}"`);
  }
  await context.close();
});

test('plural forms and placeholders are well formed', () => {
  const walk = (node, path) => {
    if (typeof node === 'string') {
      for (const [, name] of node.matchAll(/\{([^}]*)\}/g)) {
        assert.match(name, /^\w+$/, `${path}: placeholder {${name}}`);
      }
      return;
    }
    if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${path}[${i}]`));
    if (node && typeof node === 'object') {
      const keys = Object.keys(node);
      if (keys.includes('one') || keys.includes('few') || keys.includes('many')) {
        assert.ok(keys.includes('other'), `${path} is a plural without "other"`);
      }
      for (const key of keys) walk(node[key], path ? `${path}.${key}` : key);
    }
  };
  walk(en, '');
});
