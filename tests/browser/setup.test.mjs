// Set-up that matches what people type (issue 16): `npm start` builds when needed and serves
// dist/, `npm test` is the README's test command, `npm run preview` serves dist/ as it is,
// serve.sh serves what it built; Cargo.toml's rust-version and package.json's engines are
// set and scripts/setup.sh refuses an older toolchain with a message; benchmark-only tools
// are not dependencies; every build tool is named in the README and docs/SECURITY.md.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

const read = (path) => readFile(join(ROOT, path), 'utf8');

test('npm scripts: start, test, preview, serve do what the README says', async () => {
  const pkg = JSON.parse(await read('package.json'));
  const readme = await read('README.md');
  const ci = await read('.ci/run');
  const testCommand = readme.match(/^bash scripts\/test\.sh/m)?.[0];
  assert.ok(testCommand, 'the README names its test command');
  assert.equal(pkg.scripts.test, testCommand, 'npm test runs the README’s test command');
  assert.match(ci, /exec bash scripts\/test\.sh/, 'and so does CI');
  assert.equal(pkg.scripts.start, 'bash scripts/serve.sh --if-needed');
  assert.equal(pkg.scripts.preview, 'bash scripts/serve.sh --no-build');
  assert.match(await read('scripts/serve.sh'), /--directory dist\n?$/m, 'serve.sh serves what it built');
  for (const name of ['npm start', 'npm test', 'npm run preview']) assert.ok(readme.includes(name), `README mentions ${name}`);
});

test('benchmark-only tools are not dependencies; the benchmark installs its own, pinned', async () => {
  const pkg = JSON.parse(await read('package.json'));
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  for (const name of ['chart.js', 'lighthouse']) assert.equal(deps[name], undefined, `${name} is not in package.json`);
  const lock = JSON.parse(await read('package-lock.json'));
  assert.equal(lock.packages['node_modules/chart.js'], undefined, 'nor in package-lock.json');
  const bench = await read('scripts/bench-analysis.mjs');
  assert.match(bench, /const CHARTJS_VERSION = '\d+\.\d+\.\d+';/, 'a pinned version');
  assert.match(bench, /npm', \['install', '--prefix', BENCH_TOOLS/, 'installed on demand');
});

test('every build tool is named in the README and docs/SECURITY.md', async () => {
  const readme = await read('README.md');
  const security = await read('docs/SECURITY.md');
  const pkg = JSON.parse(await read('package.json'));
  for (const tool of [...Object.keys(pkg.devDependencies), 'wasm-bindgen']) {
    assert.ok(security.includes(`\`${tool}\``) || security.includes(tool), `SECURITY.md names ${tool}`);
  }
  for (const tool of ['terser', 'wasm-opt', 'wasm-bindgen', 'playwright-core', 'axe-core']) assert.ok(readme.includes(tool), `README names ${tool}`);
  for (const crate of ['miniz_oxide', 'ab_glyph', 'DejaVu']) assert.ok(security.includes(crate), `SECURITY.md names ${crate}`);
});

test('rust-version and engines are set, and setup.sh refuses an older toolchain', async () => {
  const cargo = await read('Cargo.toml');
  const want = cargo.match(/^rust-version = "(\d+)\.(\d+)"$/m);
  assert.ok(want, 'Cargo.toml has rust-version');
  assert.ok(Number(want[1]) === 1 && Number(want[2]) >= 87, 'at least 1.87 (is_multiple_of)');
  const pkg = JSON.parse(await read('package.json'));
  assert.match(pkg.engines?.node ?? '', /^>=\d+$/);
  // A fake rustc one minor version too old, first on PATH: setup.sh stops with a message.
  const dir = await mkdtemp(join(tmpdir(), 'layoff-whatif-toolchain-'));
  try {
    const old = `${want[1]}.${Number(want[2]) - 1}.0`;
    await writeFile(join(dir, 'rustc'), `#!/bin/sh\necho "rustc ${old} (0000000 2025-01-01)"\n`);
    await chmod(join(dir, 'rustc'), 0o755);
    const run = spawnSync('bash', [join(ROOT, 'scripts', 'setup.sh')], { env: { ...process.env, PATH: `${dir}:${process.env.PATH}` }, encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, new RegExp(`Rust ${want[1]}\\.${want[2]} or later is needed .*found '${old.replace(/\./g, '\\.')}'`));
    // And a Node.js older than engines.
    await rm(join(dir, 'rustc'));
    await writeFile(join(dir, 'node'), `#!/bin/sh\nif [ "$1" = "--version" ]; then echo v18.0.0; else exec ${process.execPath} "$@"; fi\n`);
    await chmod(join(dir, 'node'), 0o755);
    const node = spawnSync('bash', [join(ROOT, 'scripts', 'setup.sh')], { env: { ...process.env, PATH: `${dir}:${process.env.PATH}` }, encoding: 'utf8' });
    assert.equal(node.status, 2);
    assert.match(node.stderr, /Node\.js \d+ or later is needed .*found '18\.0\.0'/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('npm run preview serves dist/ and says so when it is missing', async (t) => {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) t.skip('dist/ is not built (bash scripts/build-dist.sh)');
  const port = 20000 + (process.pid % 20000);
  const child = spawn('bash', [join(ROOT, 'scripts', 'serve.sh'), '--no-build'], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let body = '';
    for (let i = 0; i < 100 && !body; i += 1) {
      body = await fetch(`http://127.0.0.1:${port}/index.html`).then((r) => r.text(), () => '');
      // Poll until the server answers (it starts in a moment; nothing here is timed).
      if (!body) await new Promise((ok) => setTimeout(ok, 100));
    }
    assert.equal(body, await read('dist/index.html'), 'the page served is dist/index.html');
  } finally {
    child.kill();
  }
  const bad = spawnSync('bash', [join(ROOT, 'scripts', 'serve.sh'), '--nope'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown option '--nope' \(allowed: --if-needed, --no-build\)/);
});
