// Builds what scripts/build-dist.sh publishes, from an already built www/ (www/pkg present):
//
//   1. www/fallback/: the default scenario's key numbers in every language (summary.json,
//      computed and written by the page's own wasm module run in Node; numbers.html) and its
//      savings chart (savings.svg, savings-dark.svg, drawn by the CLI), for readers without
//      JavaScript or WebAssembly (js/fallback.js and index.html's <noscript> use them).
//   2. dist/: every file of www/ but the dev-only ones, with content hashes in the names of
//      everything but the HTML pages (app.3f9c2a1b7e.js) and every reference rewritten: HTML
//      src/href/srcset, CSS url(), JS string literals (static and dynamic imports, the
//      wasm-bindgen glue's wasm URL, fetch paths) and template literals over a folder of
//      assets (the i18n fetch `./i18n/${code}.json`). A name's hash covers the file and
//      everything it references, so a changed dependency gives its importers new names too.
//      Plus _headers, .htaccess and README.txt for the host (application/wasm, long caching
//      for hashed names, no caching for the pages), and the <noscript> numbers written in.
//      The JavaScript is minified by terser (an npm dev dependency) file by file, before the
//      references are found: readers download about half the bytes, while www/ keeps the
//      readable sources (and the comments that say why). js/app.js in dist/ is the app
//      bundle: app.js and the modules it imports in one file (appBundle), so a first visit
//      fetches six scripts, not thirty-three.
//   3. dist/layoff-whatif.html: one self-contained file for file:// (a USB stick, an email):
//      the ES modules concatenated in dependency order into one inline module script (each
//      module wrapped in a function, imports and exports rewritten to plain bindings; this is
//      build tooling for one artifact, not a general bundler; the entry is index.html's, the
//      loader, whose import('./app.js') is bundled as an already-resolved promise: in one
//      file no module can fail to arrive on its own), the stylesheets inline, the
//      wasm as base64 handed to wasm-bindgen's init, JSON and SVG assets served to the page's
//      own fetch() calls from an inline table, the analyses' Web Worker run on the page's
//      thread behind a Worker-shaped object (file:// pages cannot start workers from files),
//      and a CSP of sha256 hashes.
//
//   4. Link previews: the <!-- social:start --> block of index.html written for each preset
//      (Open Graph and Twitter card tags), a copy of the page per preset (preset-NAME.html)
//      that the host serves for ?preset=NAME (rules in _redirects and .htaccess), and a
//      1200x630 preview image per preset drawn by the Rust chart code
//      (layoff-whatif-preview). With --base-url (the published folder's absolute address)
//      the pages also get og:url, og:image, the canonical link and the oEmbed discovery link,
//      and oembed/NAME.json is written per preset; without it those are left out, because
//      crawlers need absolute addresses and a guessed one would be wrong.
//
// Usage: node scripts/dist.mjs [--cli PATH] [--preview PATH] [--base-url URL] [--out DIR] [--fallback-only]
// Plain text rewriting; anything it does not understand stops the build with a message.

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(ROOT, 'www');
let DIST = join(ROOT, 'dist');
const SINGLE = 'layoff-whatif.html';

/** Files in www/ that readers never need. */
const DEV_ONLY = [/^\./, /\/\./, /\.map$/, /\.d\.ts$/, /^pkg\/package\.json$/, /\.md$/i, /(^|\/)fixtures?\//, /(^|\/)tests?\//];
/** Extensions whose files get a content hash in their name (entry pages keep theirs). */
const HASHED = new Set(['.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.png', '.ico', '.webp', '.woff2', '.txt']);
/** Files other sites link to by name (the embed helper script): they keep it, and a short cache. */
const STABLE = new Set(['embed-host.js']);
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt']);
const TYPES = {
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
  '.css': 'text/css',
  '.png': 'image/png',
};

function fail(message) {
  console.error(`dist: ${message}`);
  process.exit(1);
}

function sha256(data, encoding = 'hex') {
  return createHash('sha256').update(data).digest(encoding);
}

function writeIfChanged(path, content) {
  if (existsSync(path) && readFileSync(path).equals(Buffer.from(content))) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

// ---- 1. The fallback: numbers and chart from the CLI ----------------------------------------

function lookup(table, key) {
  let node = table;
  for (const part of key.split('.')) node = node == null ? undefined : node[part];
  return node;
}

/** t() over a language file, enough for build-time text (placeholders and plurals). */
function translator(table) {
  const plural = new Intl.PluralRules(table.meta?.lang || 'en');
  return (key, vars = {}) => {
    let entry = lookup(table, key);
    if (entry && typeof entry === 'object' && 'other' in entry) {
      const n = [vars.count, vars.n, vars.v].find((x) => typeof x === 'number');
      entry = entry[n === undefined ? 'other' : plural.select(n)] ?? entry.other;
    }
    if (typeof entry !== 'string') fail(`${table.meta?.lang}.json has no text for '${key}'`);
    return entry.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
  };
}

/**
 * The page's own wasm module, run here in Node: the fallback's numbers are computed and
 * written by the same code as the page's (src/present), not by a copy of it.
 */
async function loadModel() {
  const glue = join(WWW, 'pkg', 'layoff_whatif.js');
  const wasm = join(WWW, 'pkg', 'layoff_whatif_bg.wasm');
  if (!existsSync(glue) || !existsSync(wasm)) fail('www/pkg is not built (bash scripts/build.sh)');
  const model = await import(pathToFileURL(glue).href);
  model.initSync({ module: readFileSync(wasm) });
  return model;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

async function buildFallback(cli) {
  if (!existsSync(cli)) fail(`the CLI is not built at ${cli} (cargo build --bin layoff-whatif)`);
  const run = (...args) => execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const model = await loadModel();
  const result = model.compute({ preset: 'typical' });
  const keep = ['horizonMonths', 'discountRatePerYear', 'modelDepth', 'layoffShare', 'aiShare'];
  const summary = {
    preset: result.preset,
    params: Object.fromEntries(keep.map((k) => [k, result.params[k]])),
    summary: result.summary,
    items: {},
  };
  const svg = run('chart', '--preset', 'typical', '--kind', 'savings', '--width', '800', '--height', '500');
  const svgDark = run('chart', '--preset', 'typical', '--kind', 'savings', '--width', '800', '--height', '500', '--theme', 'dark');
  if (!svg.startsWith('<svg') && !svg.startsWith('<?xml')) fail('the CLI chart is not SVG');

  // The page's own item list (js/fallback.js has no imports, so it loads here as it is), in
  // every language, with the numbers written by the model's formatter.
  const source = readFileSync(join(WWW, 'js', 'fallback.js'), 'utf8');
  const { fallbackItems } = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
  let t = null;
  for (const file of readdirSync(join(WWW, 'i18n')).filter((f) => f.endsWith('.json')).sort()) {
    const table = JSON.parse(readFileSync(join(WWW, 'i18n', file), 'utf8'));
    const lang = table.meta.lang;
    const numbers = new model.NumberFormatter({ locale: lang, currency: table.money.currency, ratePerUsd: Number(table.money.ratePerUsd) });
    const tl = translator(table);
    summary.items[lang] = fallbackItems(summary.summary, summary.params, {
      t: tl,
      money: (usd) => numbers.money(usd),
      count: (n) => numbers.count(n),
      month: (m) => tl('numbers.eventMonth', { m: numbers.number(m, 0) }),
    });
    if (lang === 'en') t = tl;
  }
  const items = summary.items.en;
  // The block index.html's <noscript> gets in dist/ (paths relative to the page).
  const block = (prefix) =>
    [
      `<dl class="fallback__numbers">`,
      ...items.map((i) => `  <div class="fallback__item"><dt>${escapeHtml(i.label)}</dt><dd>${escapeHtml(i.value)}</dd></div>`),
      `</dl>`,
      `<figure class="fallback__chart">`,
      `  <picture>`,
      `    <source srcset="${prefix}fallback/savings-dark.svg" media="(prefers-color-scheme: dark)">`,
      `    <img src="${prefix}fallback/savings.svg" width="800" height="500" alt="${escapeHtml(t('fallback.chartAlt'))}">`,
      `  </picture>`,
      `  <figcaption>${escapeHtml(t('charts.savings.caption'))}</figcaption>`,
      `</figure>`,
    ].join('\n');
  const index = readFileSync(join(WWW, 'index.html'), 'utf8');
  const csp = index.match(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/);
  if (!csp) fail('www/index.html has no Content-Security-Policy meta');
  const numbersPage = `<!doctype html>
<html lang="en" dir="ltr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  ${csp[0]}
  <meta name="referrer" content="no-referrer">
  <meta name="color-scheme" content="light dark">
  <title>${escapeHtml(t('fallback.heading'))} · ${escapeHtml(t('meta.title'))}</title>
  <link rel="icon" href="../favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="../style.css">
</head>
<body>
  <main class="fallback">
    <p class="kicker">${escapeHtml(t('page.kicker'))}</p>
    <h1 class="fallback__title">${escapeHtml(t('fallback.heading'))}</h1>
    <p class="fallback__note">${escapeHtml(t('fallback.note'))}</p>
${block('../').replace(/^/gm, '    ')}
    <p><a href="../index.html">${escapeHtml(t('page.headline'))}</a></p>
  </main>
</body>
</html>
`;
  const dir = join(WWW, 'fallback');
  writeIfChanged(join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  writeIfChanged(join(dir, 'savings.svg'), svg);
  writeIfChanged(join(dir, 'savings-dark.svg'), svgDark);
  writeIfChanged(join(dir, 'numbers.html'), numbersPage);
  return { block: block(''), t };
}

/** Puts the numbers block between index.html's fallback markers (inside its <noscript>). */
function withFallback(html, block) {
  const re = /([ \t]*)<!-- fallback:start[^>]*-->[\s\S]*?<!-- fallback:end -->/;
  const match = html.match(re);
  if (!match) fail('www/index.html has no <!-- fallback:start --> ... <!-- fallback:end --> markers');
  return html.replace(re, () => block.replace(/^/gm, match[1]));
}

// ---- 2. dist/ with hashed names ----------------------------------------------------------------

function walk(dir, base = dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...walk(path, base));
    else files.push(relative(base, path).split('\\').join('/'));
  }
  return files;
}

/**
 * The asset a reference points to: resolved against the referring file's folder, then (for
 * fetch() paths, which resolve against the page) against the site root. Null if none.
 */
function resolveRef(ref, fromFile, assets) {
  if (!ref || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\/)/i.test(ref)) return null; // absolute or a fragment
  const clean = ref.split(/[?#]/)[0];
  const candidates = [posix.normalize(posix.join(posix.dirname(fromFile), clean)), posix.normalize(clean)];
  return candidates.find((c) => assets.has(c)) ?? null;
}

/** Every reference in a text file: {start, end, target} spans whose text is a path to replace. */
function findRefs(file, text, assets) {
  const ext = extname(file);
  const refs = [];
  const add = (start, value) => {
    const target = resolveRef(value, file, assets);
    if (target) refs.push({ start, end: start + value.length, value, target });
  };
  if (ext === '.html' || ext === '.svg') {
    for (const m of text.matchAll(/\b(src|href|srcset)\s*=\s*"([^"]*)"/g)) {
      const start = m.index + m[0].indexOf('"') + 1;
      if (m[1] === 'srcset') {
        for (const part of m[2].matchAll(/[^\s,][^\s]*/g)) add(start + part.index, part[0].replace(/,$/, ''));
      } else add(start, m[2]);
    }
  }
  if (ext === '.css' || ext === '.html') {
    for (const m of text.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) add(m.index + m[0].indexOf(m[2]), m[2]);
  }
  if (ext === '.js' || ext === '.mjs') {
    for (const m of text.matchAll(/(['"`])((?:\.{1,2}\/)?[\w@/.-]+\.[a-z0-9]+)\1/gi)) add(m.index + 1, m[2]);
  }
  return refs;
}

/** Template literals such as `./i18n/${code}.json` that pick one file of a folder of assets. */
function findTemplates(file, text, assets) {
  const found = [];
  if (!['.js', '.mjs'].includes(extname(file))) return found;
  for (const m of text.matchAll(/`((?:\.{1,2}\/)?[\w/.-]*\/)\$\{([\w.]+)\}(\.[a-z0-9]+)`/gi)) {
    const [whole, prefix, expr, suffix] = m;
    const dirs = [posix.normalize(posix.join(posix.dirname(file), prefix)), posix.normalize(prefix)];
    for (const dir of dirs) {
      const options = [...assets].filter((a) => a.startsWith(dir) && a.endsWith(suffix) && !a.slice(dir.length).includes('/'));
      if (options.length) {
        found.push({ start: m.index, end: m.index + whole.length, prefix, expr, suffix, dir, options });
        break;
      }
    }
  }
  return found;
}

function hashedName(path, hash) {
  const ext = extname(path);
  return `${path.slice(0, -ext.length)}.${hash.slice(0, 10)}${ext}`;
}

/**
 * dist/'s js/app.js: app.js and every module it imports in one file, so that a first visit
 * fetches one script for the page instead of about thirty (issue 15: the requests, not the
 * bytes, kept the first chart waiting). The modules are wrapped as in the single file. Three
 * kinds stay files that the bundle imports, so each module still exists once on the page:
 * the loader's own imports (i18n.js, fallback.js: it needs them when app.js cannot load),
 * the wasm-bindgen glue (it finds its .wasm from its own address) and the analyses' worker.
 * Returns the bundle's source and the modules folded into it (app.js's own file excepted).
 */
function appBundle(read) {
  const entry = read('index.html').match(/<script type="module" src="([^"]+)"><\/script>/)?.[1];
  if (!entry) fail('www/index.html has no <script type="module" src="...">');
  const loader = read(entry).replace(/^\s*\/\/.*$/gm, ''); // its comments name import('./app.js') too
  const from = posix.dirname(entry);
  const dynamic = [...loader.matchAll(/\bimport\(\s*(['"])([^'"]+)\1\s*\)/g)].map((m) => posix.normalize(posix.join(from, m[2])));
  if (dynamic.length !== 1) fail(`${entry} must import exactly one module with import() (app.js), not ${dynamic.length}`);
  const [app] = dynamic;
  const external = new Set(walk(join(WWW, 'pkg')).filter((f) => f.endsWith('.js')).map((f) => `pkg/${f}`));
  for (const m of loader.matchAll(/^import\s+[^'";]*?\s*from\s*(['"])([^'"]+)\1/gm)) {
    for (const p of moduleOrder(posix.normalize(posix.join(from, m[2])), read, { followWorkers: false }).order) external.add(p);
  }
  const { order } = moduleOrder(app, read, { external, followWorkers: false });
  // Every bundled module's relative addresses (the worker, the wasm) resolve from the bundle.
  const astray = order.filter((p) => posix.dirname(p) !== posix.dirname(app));
  if (astray.length) fail(`${astray.join(', ')}: only modules in ${posix.dirname(app)}/ can join the app bundle`);
  const ids = new Map(moduleIds(order));
  const imports = new Map(); // external path -> its namespace binding
  const idOf = (q) => {
    if (ids.has(q)) return ids.get(q);
    if (!external.has(q)) return undefined;
    if (!imports.has(q)) imports.set(q, `__x${imports.size}_${q.replace(/\W/g, '_')}`);
    return imports.get(q);
  };
  let exported = [];
  const modules = order.map((p) => {
    const wrapped = wrapModule(p, read(p), idOf, { inlineWorkers: false });
    if (p === app) exported = wrapped.exported;
    return moduleConst(p, ids.get(p), wrapped.body);
  });
  if (exported.includes('default')) fail(`${app}: a default export cannot be re-exported by the bundle`);
  const head = [...imports].map(([q, id]) => {
    const rel = posix.relative(posix.dirname(app), q);
    return `import * as ${id} from '${rel.startsWith('.') ? rel : `./${rel}`}';`;
  });
  const source = [
    `// ${app} and the modules it imports, bundled by scripts/dist.mjs (see its appBundle).`,
    ...head,
    ...modules,
    `export const { ${exported.join(', ')} } = ${ids.get(app)};`,
    '',
  ].join('\n');
  return { app, source, folded: order.filter((p) => p !== app) };
}

/**
 * Every JavaScript file of dist/, minified: whitespace and comments out, local names short.
 * Each file stays an ES module with the same imports and exports (the publishers' classic
 * embed-host.js stays a classic script), so the page works the same; a file terser cannot
 * read stops the build. The app bundle is minified in place of app.js; the modules folded
 * into it are not published on their own.
 */
async function minifiedScripts(bundle) {
  const { minify } = await import('terser');
  const out = new Map();
  for (const f of walk(WWW).filter((x) => x.endsWith('.js') && !DEV_ONLY.some((re) => re.test(x)) && !bundle.folded.includes(x))) {
    const source = f === bundle.app ? bundle.source : readFileSync(join(WWW, f), 'utf8');
    const module = f !== 'embed-host.js';
    try {
      const result = await minify(source, { module, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
      out.set(f, Buffer.from(result.code));
    } catch (error) {
      fail(`${f}: terser could not minify it: ${error.message}`);
    }
  }
  return out;
}

function buildDist(fallbackBlock, minified, bundle) {
  const published = walk(WWW).filter((f) => !DEV_ONLY.some((re) => re.test(f)));
  const files = published.filter((f) => !bundle.folded.includes(f));
  if (!files.includes('index.html')) fail('www/index.html is missing');
  if (!files.some((f) => f.endsWith('.wasm'))) fail('www/pkg has no .wasm: run scripts/build.sh first');
  const assets = new Set(files);
  const content = new Map();
  for (const f of files) {
    let data = minified.get(f) ?? readFileSync(join(WWW, f));
    if (f === 'index.html') {
      // The folded modules arrive inside the bundle: no preload hint for files that are gone.
      const html = withFallback(data.toString('utf8'), fallbackBlock).replace(/^[ \t]*<link rel="modulepreload" href="([^"]+)">\n/gm, (line, href) =>
        bundle.folded.includes(resolveRef(href, f, new Set(published))) ? '' : line,
      );
      data = Buffer.from(html);
    }
    content.set(f, data);
  }
  // Nothing published may still point at a folded module (it would be a broken address).
  for (const f of files.filter((x) => TEXT.has(extname(x)) && extname(x) !== '.json')) {
    const gone = findRefs(f, content.get(f).toString('utf8'), new Set(published)).filter((r) => bundle.folded.includes(r.target));
    if (gone.length) fail(`${f} refers to ${gone.map((r) => r.target).join(', ')}, which the app bundle folds in`);
  }
  // The graph of references, then each file's name from the hash of everything it reaches.
  const refs = new Map();
  const templates = new Map();
  for (const f of files) {
    if (!TEXT.has(extname(f)) || extname(f) === '.json') {
      refs.set(f, []);
      templates.set(f, []);
      continue;
    }
    const text = content.get(f).toString('utf8');
    refs.set(f, findRefs(f, text, assets));
    templates.set(f, findTemplates(f, text, assets));
  }
  const reach = (start) => {
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length) {
      const f = stack.pop();
      const next = [...refs.get(f).map((r) => r.target), ...templates.get(f).flatMap((t) => t.options)];
      for (const n of next) if (!seen.has(n)) (seen.add(n), stack.push(n));
    }
    return [...seen].sort();
  };
  const names = new Map();
  for (const f of files) {
    if (!HASHED.has(extname(f)) || STABLE.has(f)) {
      names.set(f, f);
      continue;
    }
    const h = createHash('sha256');
    for (const g of reach(f)) h.update(g).update('\0').update(content.get(g)).update('\0');
    names.set(f, hashedName(f, h.digest('hex')));
  }
  rmSync(DIST, { recursive: true, force: true });
  const rewritten = new Map();
  for (const f of files) {
    let data = content.get(f);
    const edits = [
      ...refs.get(f).map((r) => ({ ...r, text: r.value.replace(/[^/]*$/, posix.basename(names.get(r.target))) })),
      ...templates.get(f).map((t) => {
        const map = Object.fromEntries(t.options.map((o) => [o.slice(t.dir.length, -t.suffix.length), t.prefix + posix.basename(names.get(o))]));
        return { ...t, text: `(${JSON.stringify(map)}[${t.expr}] ?? \`${t.prefix}\${${t.expr}}${t.suffix}\`)` };
      }),
    ].sort((a, b) => b.start - a.start);
    if (edits.length) {
      let text = data.toString('utf8');
      for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
      data = Buffer.from(text);
    }
    rewritten.set(f, data);
    const out = join(DIST, names.get(f));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, data);
  }
  writeHostFiles(files, names);
  return { files, names, rewritten };
}

function writeHostFiles(files, names) {
  const immutable = 'public, max-age=31536000, immutable';
  const headers = ['# Headers for Netlify and Cloudflare Pages (other hosts: see README.txt).', '/*', '  X-Content-Type-Options: nosniff', '  Referrer-Policy: no-referrer', ''];
  for (const f of files.filter((x) => names.get(x) !== x).sort()) {
    headers.push(`/${names.get(f)}`);
    if (f.endsWith('.wasm')) headers.push('  Content-Type: application/wasm');
    headers.push(`  Cache-Control: ${immutable}`, '');
  }
  for (const f of files.filter((x) => names.get(x) === x).sort()) {
    headers.push(`/${f}`, '  Cache-Control: no-cache', '');
    if (f === 'index.html') headers.push('/', '  Cache-Control: no-cache', '');
  }
  headers.push(`/${SINGLE}`, '  Cache-Control: no-cache', '');
  writeFileSync(join(DIST, '_headers'), headers.join('\n'));
  writeFileSync(
    join(DIST, '.htaccess'),
    [
      '# Apache: serve WebAssembly with its type, cache hashed names for a year, pages never.',
      'AddType application/wasm .wasm',
      '<IfModule mod_headers.c>',
      '  Header set X-Content-Type-Options "nosniff"',
      '  Header set Referrer-Policy "no-referrer"',
      '  <FilesMatch "\\.[0-9a-f]{10}\\.(js|css|wasm|json|svg|png|ico)$">',
      `    Header set Cache-Control "${immutable}"`,
      '  </FilesMatch>',
      '  <FilesMatch "\\.html$">',
      '    Header set Cache-Control "no-cache"',
      '  </FilesMatch>',
      '</IfModule>',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(DIST, 'README.txt'),
    `Layoff What-If: the published explainer

Copy this whole folder to any static host; index.html is the page. Nothing here talks to
another server: the model runs in the reader's browser.

- Serve .wasm files as "application/wasm" (most hosts do; _headers and .htaccess say so for
  Netlify, Cloudflare Pages and Apache; nginx: "types { application/wasm wasm; }").
- Files with a 10-digit hash in their name never change: cache them for a year
  ("Cache-Control: public, max-age=31536000, immutable"). The .html pages must not be cached
  for long ("Cache-Control: no-cache"), so a new version reaches readers at once.
- ${SINGLE} is the whole explainer in one file (model included) for a USB stick or an email:
  it opens from the disk with no server.
- embed-host.js keeps its name (publishers' pages load it by that name): cache it briefly.
- Embedding: <iframe src="https://YOUR-HOST/PATH/?embed=1" title="Layoff What-If"
  style="width:100%;border:0" height="900"></iframe> (the page's Embed button writes the
  snippet for the reader's current scenario).
`,
  );
}

// ---- 3. The single file ------------------------------------------------------------------------

function parseNames(list) {
  // "a, b as c, default as d" -> [[imported/local name, exported/bound name]]
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = s.match(/^([\w$]+)(?:\s+as\s+([\w$]+))?$/);
      if (!m) fail(`cannot read the import/export list entry '${s}'`);
      return [m[1], m[2] || m[1]];
    });
}

/**
 * Turns one ES module into a function body: imports become bindings, exports a namespace.
 * Returns the body and the names it exports. With `inlineWorkers` (the single file) a
 * `new Worker(new URL(...))` becomes an inline one; without (dist/'s bundle) it stays a real
 * worker, whose URL the bundle resolves from its own folder as the module did.
 */
function wrapModule(file, source, idOf, { inlineWorkers = true } = {}) {
  let text = source.replace(/^\/\/# sourceMappingURL=.*$/gm, '');
  const exported = []; // [local, exportedAs]
  const target = (spec) => {
    const path = posix.normalize(posix.join(posix.dirname(file), spec));
    const id = idOf(path);
    if (id === undefined) fail(`${file}: cannot bundle the import of '${spec}'`);
    return id;
  };
  const head = [];
  text = text.replace(/^import\s+([^'";]*?)\s*from\s*(['"])([^'"]+)\2\s*;?/gm, (whole, clause, q, spec) => {
    const ns = target(spec);
    const m = clause.match(/^(?:([\w$]+)\s*,?\s*)?(?:\*\s+as\s+([\w$]+)|\{([^}]*)\})?$/s);
    if (!m) fail(`${file}: cannot read the import '${whole.slice(0, 80)}'`);
    if (m[1]) head.push(`const ${m[1]} = ${ns}.default;`);
    if (m[2]) head.push(`const ${m[2]} = ${ns};`);
    if (m[3] !== undefined) {
      const pairs = parseNames(m[3]);
      if (pairs.length) head.push(`const { ${pairs.map(([a, b]) => (a === b ? a : `${a}: ${b}`)).join(', ')} } = ${ns};`);
    }
    return '';
  });
  text = text.replace(/^import\s*(['"])([^'"]+)\1\s*;?/gm, (whole, q, spec) => {
    target(spec);
    return '';
  });
  // A dynamic import (the loader's of app.js) gets the module bundled above it: evaluated
  // already, handed over as a resolved promise, as the browser would once it had arrived.
  text = text.replace(/\bimport\(\s*(['"])([^'"]+)\1\s*\)/g, (whole, q, spec) => `Promise.resolve(${target(spec)})`);
  // A worker runs on the page's thread behind a Worker-shaped object: file:// pages cannot
  // start workers from files, and an inline copy keeps the CSP to the one script hash.
  if (inlineWorkers) text = text.replace(WORKER, (whole, q, spec) => `new __InlineWorker(${target(spec)})`);
  if (/\bimport\s*\(/.test(text)) fail(`${file}: a dynamic import() of a computed path cannot be bundled`);
  text = text.replace(/^export\s+(async\s+function\*?|function\*?|class)\s+([\w$]+)/gm, (whole, kind, name) => {
    exported.push([name, name]);
    return `${kind} ${name}`;
  });
  text = text.replace(/^export\s+(const|let|var)\s+([\w$]+)/gm, (whole, kind, name) => {
    if (kind !== 'const') fail(`${file}: 'export ${kind} ${name}' is a live binding; use a const or a function`);
    exported.push([name, name]);
    return `${kind} ${name}`;
  });
  text = text.replace(/^export\s+default\s+(async\s+function\*?|function\*?|class)\s+([\w$]+)/gm, (whole, kind, name) => {
    exported.push([name, 'default']);
    return `${kind} ${name}`;
  });
  text = text.replace(/^export\s+default\s+/gm, () => {
    exported.push(['__default', 'default']);
    return 'const __default = ';
  });
  text = text.replace(/^export\s*\{([^}]*)\}\s*;?/gm, (whole, list) => {
    for (const [local, as] of parseNames(list)) exported.push([local, as]);
    return '';
  });
  const left = text.match(/^\s*(import|export)\b.*$/m);
  if (left) fail(`${file}: cannot bundle '${left[0].trim().slice(0, 80)}'`);
  if (/^\s*await\b/m.test(text) && !/async/.test(text)) fail(`${file}: top-level await cannot be bundled`);
  // The wasm-bindgen glue: its default export (init) loads the inline bytes instead of a URL.
  const isGlue = exported.some(([local, as]) => local === '__wbg_init' && as === 'default');
  const members = exported.map(([local, as]) =>
    isGlue && as === 'default'
      ? `default: (options) => __wbg_init(options ?? { module_or_path: __inlineWasm(${JSON.stringify(posix.basename(file, '.js'))}) })`
      : `get ${as}() { return ${local}; }`,
  );
  return {
    body: `${head.join('\n')}\n${text.trim()}\nreturn Object.freeze({ __proto__: null, ${members.join(', ')} });`,
    exported: exported.map(([, as]) => as),
  };
}

/** A binding name for each bundled module, in order: [path, name] pairs. */
function moduleIds(order) {
  return order.map((p, i) => [p, `__m${i}_${p.replace(/\W/g, '_')}`]);
}

/** One bundled module: its wrapped body run once, its namespace bound to `id`. */
function moduleConst(path, id, body) {
  return `// ---- ${path}\nconst ${id} = (() => {\n${body}\n})();`;
}

/** `new Worker(new URL('./w.js', import.meta.url), {type: 'module'})`: the one worker form bundled. */
const WORKER = /new\s+Worker\(\s*new\s+URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)\s*(?:,\s*\{[^}]*\}\s*)?\)/g;

/**
 * The module graph from the entry, in dependency order (dependencies first), and the worker
 * modules it starts (their own imports join the order; the workers become factories).
 * Modules in `external` are left out with everything only they import (dist/'s bundle
 * imports them as files); `followWorkers: false` leaves workers out too.
 */
function moduleOrder(entry, read, { external = new Set(), followWorkers = true } = {}) {
  const order = [];
  const workers = [];
  const state = new Map(); // path -> 'visiting' | 'done'
  const importsOf = (text) => [
    ...[...text.matchAll(/^import\s+[^'";]*?\s*from\s*(['"])([^'"]+)\1/gm)].map((m) => m[2]),
    ...[...text.matchAll(/^import\s*(['"])([^'"]+)\1/gm)].map((m) => m[2]),
    ...[...text.matchAll(/\bimport\(\s*(['"])([^'"]+)\1\s*\)/g)].map((m) => m[2]),
    ...[...text.matchAll(/^export\s*(?:\*|\{[^}]*\})\s*from\s*(['"])([^'"]+)\1/gm)].map((m) => m[2]),
  ];
  const visit = (path, chain) => {
    if (external.has(path) || state.get(path) === 'done') return;
    if (state.get(path) === 'visiting') fail(`an import cycle cannot be bundled: ${[...chain, path].join(' -> ')}`);
    state.set(path, 'visiting');
    const text = read(path);
    if (/^export\s*(?:\*|\{[^}]*\})\s*from/m.test(text)) fail(`${path}: re-exports ('export ... from') cannot be bundled`);
    for (const spec of importsOf(text)) visit(posix.normalize(posix.join(posix.dirname(path), spec)), [...chain, path]);
    for (const m of followWorkers ? text.matchAll(WORKER) : []) {
      const worker = posix.normalize(posix.join(posix.dirname(path), m[2]));
      if (workers.includes(worker)) continue;
      workers.push(worker);
      for (const spec of importsOf(read(worker))) visit(posix.normalize(posix.join(posix.dirname(worker), spec)), [...chain, path, worker]);
    }
    if (/new\s+(?:Shared)?Worker\s*\(/.test(text.replace(WORKER, ''))) fail(`${path}: only new Worker(new URL('...', import.meta.url), ...) can be bundled`);
    state.set(path, 'done');
    order.push(path);
  };
  visit(entry, []);
  return { order, workers };
}

function escapeScript(text) {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function dataUri(path, data) {
  return `data:${TYPES[extname(path)] || 'application/octet-stream'};base64,${data.toString('base64')}`;
}

function buildSingle(fallbackBlock) {
  let html = withFallback(readFileSync(join(WWW, 'index.html'), 'utf8'), fallbackBlock);
  const read = (p) => readFileSync(join(WWW, p), 'utf8');
  const entry = html.match(/<script type="module" src="([^"]+)"><\/script>/);
  if (!entry) fail('www/index.html has no <script type="module" src="...">');
  const { order, workers } = moduleOrder(posix.normalize(entry[1]), read);
  const ids = new Map([
    ...moduleIds(order),
    ...workers.map((p, i) => [p, `__w${i}_${p.replace(/\W/g, '_')}`]),
  ]);
  // Each wasm-bindgen module's bytes, by the glue's name (pkg/NAME.js loads pkg/NAME_bg.wasm).
  const wasmFiles = walk(join(WWW, 'pkg')).filter((f) => f.endsWith('_bg.wasm'));
  if (wasmFiles.length === 0) fail('www/pkg has no _bg.wasm: run scripts/build.sh first');
  const wasms = wasmFiles.map((f) => [posix.basename(f, '_bg.wasm'), readFileSync(join(WWW, 'pkg', f))]);
  // JSON and SVG files the page may fetch() (language files, the fallback), by path.
  const inline = {};
  for (const f of walk(WWW).filter((x) => !DEV_ONLY.some((re) => re.test(x)))) {
    if (['.json', '.svg', '.txt'].includes(extname(f))) inline[f] = readFileSync(join(WWW, f), 'utf8');
  }
  const prelude = `// Layoff What-If in one file: the modules of www/js (and the wasm-bindgen glue) below, each
// in its own function scope, in dependency order; generated by scripts/dist.mjs.
const __inlineAssets = JSON.parse(document.getElementById('inline-assets').textContent);
const __inlineWasm = (name) => Uint8Array.from(atob(document.getElementById(\`inline-wasm-\${name}\`).textContent.trim()), (c) => c.charCodeAt(0));
const __assetTypes = ${JSON.stringify(TYPES)};
/** fetch() for the inlined files (no server behind file://); anything else goes to the real fetch. */
const fetch = (input, init) => {
  const url = new URL(typeof input === 'string' ? input : input.url, document.baseURI);
  const path = Object.keys(__inlineAssets).find((p) => url.pathname.endsWith('/' + p));
  if (path === undefined) return globalThis.fetch(input, init);
  const type = __assetTypes[path.slice(path.lastIndexOf('.'))] || 'text/plain';
  return Promise.resolve(new Response(__inlineAssets[path], { status: 200, headers: { 'content-type': type } }));
};
/** A Worker-shaped object running a bundled worker module on this thread; messages are copied and asynchronous, as with a real worker. */
class __InlineWorker {
  constructor(factory) {
    this.onmessage = null;
    this.onerror = null;
    this.onmessageerror = null;
    this.listeners = { message: new Set(), error: new Set() };
    this.closed = false;
    const page = this;
    this.scope = {
      onmessage: null,
      postMessage(data) {
        const copy = structuredClone(data);
        setTimeout(() => page.closed || page.dispatch('message', { data: copy }));
      },
      addEventListener(type, fn) {
        if (type === 'message') this.onmessage = fn;
      },
    };
    setTimeout(() => {
      try {
        factory(this.scope);
      } catch (error) {
        this.dispatch('error', { message: String(error && error.message ? error.message : error), preventDefault() {} });
      }
    });
  }
  dispatch(type, event) {
    this['on' + type]?.(event);
    for (const fn of this.listeners[type] || []) fn(event);
  }
  addEventListener(type, fn) {
    this.listeners[type]?.add(fn);
  }
  removeEventListener(type, fn) {
    this.listeners[type]?.delete(fn);
  }
  postMessage(data) {
    const copy = structuredClone(data);
    setTimeout(() => this.closed || this.scope.onmessage?.({ data: copy }));
  }
  terminate() {
    this.closed = true;
  }
}
`;
  // Worker modules are factories called with the worker's `self`; they come first (a
  // function declaration reads the page modules only when a worker is made).
  const factories = workers.map((p) => `// ---- ${p} (worker)\nfunction ${ids.get(p)}(self) {\n${wrapModule(p, read(p), (q) => ids.get(q)).body}\n}`);
  const modules = [
    ...factories,
    ...order.map((p) => moduleConst(p, ids.get(p), wrapModule(p, read(p), (q) => ids.get(q)).body)),
  ];
  const script = escapeScript(`\n${prelude}\n${modules.join('\n\n')}\n`);
  // The stylesheets inline (each keeps its media), any url() in them as a data: URI.
  const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"(?: media="([^"]+)")?>/g)].map((m) => {
    const css = read(m[1]).replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (whole, q, ref) => {
      const target = resolveRef(ref, m[1], new Set(Object.keys(inline)));
      return target ? `url("${dataUri(target, readFileSync(join(WWW, target)))}")` : whole;
    });
    const text = `\n${css.replace(/<\/(style)/gi, '<\\/$1')}\n`;
    return { tag: m[0], media: m[2], text, hash: sha256(text, 'base64') };
  });
  if (!sheets.length) fail('www/index.html has no stylesheet link');
  // Classic scripts in the head (js/early.js: the layout before the first paint) go inline
  // as they are, each allowed by its own hash.
  const classics = [...html.matchAll(/<script src="([^"]+)"><\/script>/g)].map((m) => {
    const text = `\n${escapeScript(read(m[1]))}\n`;
    return { tag: m[0], text, hash: sha256(text, 'base64') };
  });
  const scriptHash = sha256(script, 'base64');
  const csp = [
    "default-src 'none'",
    // In the order the scripts stand in the page: early.js in the head, then the module.
    `script-src ${classics.map((x) => `'sha256-${x.hash}' `).join('')}'sha256-${scriptHash}' 'wasm-unsafe-eval'`,
    `style-src ${sheets.map((x) => `'sha256-${x.hash}'`).join(' ')}`,
    'img-src data:',
    "connect-src 'none'",
    // The embed panel's preview frames this same file (?embed=1): 'self', which Chromium
    // matches for a file:// page's own file; a browser that does not gets the panel's
    // one-line "no preview here" instead (www/js/embed-preview.js).
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const replaceOnce = (re, to, what) => {
    if (!re.test(html)) fail(`www/index.html: cannot find ${what}`);
    html = html.replace(re, to);
  };
  replaceOnce(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'the CSP meta');
  html = html.replace(/^[ \t]*<!--[^>]*modulepreload[^>]*-->\n/gm, '');
  html = html.replace(/^[ \t]*<link rel="(?:modulepreload|preload)"[^>]*>\n/gm, '');
  // Placeholders first: the page's own markup is rewritten before any code goes in.
  sheets.forEach((sheet, i) => {
    html = html.replace(sheet.tag, () => `<style${sheet.media ? ` media="${sheet.media}"` : ''}>\0STYLE${i}\0</style>`);
  });
  replaceOnce(/<script type="module" src="[^"]+"><\/script>/, '<script type="module">\0SCRIPT\0</script>', 'the module script');
  classics.forEach((classic, i) => {
    html = html.replace(classic.tag, () => `<script>\0CLASSIC${i}\0</script>`);
  });
  html = html.replace(/(<link rel="icon" href=")([^"]+)(")/, (whole, a, ref, b) => {
    const target = resolveRef(ref, 'index.html', new Set(Object.keys(inline)));
    return target ? `${a}${dataUri(target, readFileSync(join(WWW, target)))}${b}` : whole;
  });
  // Remaining references to files (the <noscript> chart) become data: URIs.
  html = html.replace(/\b(src|srcset)="([^"]+)"/g, (whole, attr, ref) => {
    const target = resolveRef(ref, 'index.html', new Set(Object.keys(inline)));
    return target ? `${attr}="${dataUri(target, readFileSync(join(WWW, target)))}"` : whole;
  });
  html = html.replace(/<p><a href="fallback\/[^"]*"[^>]*>[^<]*<\/a><\/p>\n?/g, '');
  const leftover = [...html.matchAll(/\b(?:src|href)="(?!data:|#|https?:)([^"]+)"/g)].map((m) => m[1]);
  if (leftover.length) fail(`${SINGLE} still refers to files: ${leftover.join(', ')}`);
  const data =
    `  <script type="application/json" id="inline-assets">${JSON.stringify(inline).replace(/</g, '\\u003c')}</script>\n` +
    wasms.map(([name, bytes]) => `  <script type="application/octet-stream" id="inline-wasm-${name}">${bytes.toString('base64')}</script>\n`).join('');
  replaceOnce(/<\/body>/, () => `${data}</body>`, '</body>');
  sheets.forEach((sheet, i) => {
    html = html.replace(`\0STYLE${i}\0`, () => sheet.text);
  });
  html = html.replace('\0SCRIPT\0', () => script);
  classics.forEach((classic, i) => {
    html = html.replace(`\0CLASSIC${i}\0`, () => classic.text);
  });
  writeFileSync(join(DIST, SINGLE), html);
  return { bytes: Buffer.byteLength(html), modules: order, workers, scriptHash };
}


// ---- 4. Link previews ------------------------------------------------------------------------

/** The published folder's absolute address with a trailing slash, or the build stops. */
function checkBaseUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    fail(`--base-url '${String(text).slice(0, 80)}' is not an absolute address (e.g. https://example.org/layoff-whatif/)`);
  }
  if (!/^https?:$/.test(url.protocol)) fail(`--base-url must start with https:// or http://, not '${url.protocol}'`);
  if (url.search || url.hash || /[\s"'<>?#]/.test(text)) fail(`--base-url '${text.slice(0, 80)}' must be a plain folder address: no query (?), fragment (#), spaces, quotes or angle brackets`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The page a preset's link opens: the default preset is the folder itself. */
function presetPageName(preset, defaultPreset) {
  return preset === defaultPreset ? 'index.html' : `preset-${preset}.html`;
}

/** The <head> block of link-preview tags for one preset's page. */
function socialBlock({ t, preset, defaultPreset, base, image }) {
  const isDefault = preset === defaultPreset;
  const title = isDefault ? t('meta.title') : `${t(`presets.${preset}.title`)} · ${t('meta.title')}`;
  const description = isDefault ? t('meta.description') : t(`presets.${preset}.summary`);
  const link = base && (isDefault ? base : `${base}?preset=${encodeURIComponent(preset)}`);
  const tags = [
    `<meta property="og:type" content="website">`,
    `<meta property="og:site_name" content="Layoff What-If">`,
    `<meta property="og:title" content="${escapeHtml(title)}">`,
    `<meta property="og:description" content="${escapeHtml(description)}">`,
  ];
  if (base) {
    tags.push(
      `<meta property="og:url" content="${escapeHtml(link)}">`,
      `<link rel="canonical" href="${escapeHtml(link)}">`,
      `<meta property="og:image" content="${escapeHtml(base + image)}">`,
      `<meta property="og:image:type" content="image/png">`,
      `<meta property="og:image:width" content="1200">`,
      `<meta property="og:image:height" content="630">`,
      `<meta property="og:image:alt" content="${escapeHtml(t('preview.imageAlt', { preset: t(`presets.${preset}.title`) }))}">`,
      `<meta name="twitter:card" content="summary_large_image">`,
      `<meta name="twitter:image" content="${escapeHtml(base + image)}">`,
      `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(`${base}oembed/${preset}.json`)}" title="${escapeHtml(title)}">`,
    );
  } else {
    tags.push(`<meta name="twitter:card" content="summary">`);
  }
  tags.push(`<meta name="twitter:title" content="${escapeHtml(title)}">`, `<meta name="twitter:description" content="${escapeHtml(description)}">`);
  return tags;
}

function withSocial(html, tags) {
  const re = /([ \t]*)<!-- social:start[^>]*-->[\s\S]*?<!-- social:end -->/;
  const match = html.match(re);
  if (!match) fail('www/index.html has no <!-- social:start --> ... <!-- social:end --> markers');
  return html.replace(re, () => tags.map((tag) => match[1] + tag).join('\n'));
}

/** The oEmbed document of one preset (https://oembed.com/, type "rich": an iframe). */
function oembedDocument({ t, preset, defaultPreset, base, image }) {
  const page = preset === defaultPreset ? base : `${base}?preset=${encodeURIComponent(preset)}`;
  const src = `${base}?embed=1${preset === defaultPreset ? '' : `&preset=${encodeURIComponent(preset)}`}`;
  const title = preset === defaultPreset ? t('meta.title') : `${t(`presets.${preset}.title`)} · ${t('meta.title')}`;
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: 'Layoff What-If',
    provider_url: base,
    url: page,
    html: `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" style="width:100%;border:0" height="900" loading="lazy"></iframe>`,
    width: 720,
    height: 900,
    thumbnail_url: base + image,
    thumbnail_width: 1200,
    thumbnail_height: 630,
    license: 'CC BY 4.0 (text and charts); code MIT',
  };
}

/**
 * Writes the preview images (one per preset, by the Rust chart code), the per-preset pages,
 * the oEmbed documents (with a base URL) and the host rules that serve ?preset=NAME its page.
 */
function buildPreviews({ previewBin, base, t, presets, defaultPreset }) {
  if (!existsSync(previewBin)) fail(`the preview tool is not built at ${previewBin} (cargo build --bin layoff-whatif-preview)`);
  const tmp = join(DIST, '.previews');
  execFileSync(previewBin, ['--out-dir', tmp, ...(base ? ['--base-url', base] : [])], { stdio: ['ignore', 'ignore', 'inherit'] });
  const images = new Map();
  for (const preset of presets) {
    const data = readFileSync(join(tmp, `preview-${preset}.png`));
    const name = `previews/${preset}.${sha256(data).slice(0, 10)}.png`;
    mkdirSync(join(DIST, 'previews'), { recursive: true });
    writeFileSync(join(DIST, name), data);
    images.set(preset, name);
  }
  rmSync(tmp, { recursive: true, force: true });
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  const pages = [];
  for (const preset of presets) {
    const image = images.get(preset);
    const page = presetPageName(preset, defaultPreset);
    writeFileSync(join(DIST, page), withSocial(index, socialBlock({ t, preset, defaultPreset, base, image })));
    pages.push(page);
    if (base) {
      mkdirSync(join(DIST, 'oembed'), { recursive: true });
      writeFileSync(join(DIST, 'oembed', `${preset}.json`), `${JSON.stringify(oembedDocument({ t, preset, defaultPreset, base, image }), null, 2)}\n`);
    }
  }
  // The host serves ?preset=NAME the page whose tags describe NAME (a rewrite, not a redirect:
  // the address keeps its query and fragment, and the page reads them as usual).
  const others = presets.filter((p) => p !== defaultPreset);
  const redirects = ['# Netlify: ?preset=NAME gets the page with NAME\'s link preview (same page, other <head> tags).'];
  for (const p of others) redirects.push(`/ preset=${p} /preset-${p}.html 200`, `/index.html preset=${p} /preset-${p}.html 200`);
  writeFileSync(join(DIST, '_redirects'), `${redirects.join('\n')}\n`);
  const htaccess = readFileSync(join(DIST, '.htaccess'), 'utf8');
  writeFileSync(
    join(DIST, '.htaccess'),
    `${htaccess}# ?preset=NAME gets the page with NAME's link preview (same page, other <head> tags).\n<IfModule mod_rewrite.c>\n  RewriteEngine On\n  RewriteCond %{QUERY_STRING} (?:^|&)preset=(${others.join('|')})(?:&|$)\n  RewriteRule ^(?:index\\.html)?$ preset-%1.html [L]\n</IfModule>\n`,
  );
  const headers = readFileSync(join(DIST, '_headers'), 'utf8');
  const extra = others.map((p) => `/preset-${p}.html\n  Cache-Control: no-cache\n`).join('\n');
  const immutable = [...images.values()].map((i) => `/${i}\n  Cache-Control: public, max-age=31536000, immutable\n`).join('\n');
  writeFileSync(join(DIST, '_headers'), `${headers}${extra}\n${immutable}`);
  return { images, pages };
}

// ---- main -------------------------------------------------------------------------------------

const args = process.argv.slice(2);
let cli = join(ROOT, 'target', 'debug', 'layoff-whatif');
let previewBin = null;
let base = null;
let fallbackOnly = false;
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--cli') cli = resolve(args[++i] ?? fail('--cli needs a path'));
  else if (args[i] === '--preview') previewBin = resolve(args[++i] ?? fail('--preview needs a path'));
  else if (args[i] === '--base-url') base = checkBaseUrl(args[++i] ?? fail('--base-url needs an address, e.g. https://example.org/layoff-whatif/'));
  else if (args[i] === '--out') DIST = resolve(args[++i] ?? fail('--out needs a folder'));
  else if (args[i] === '--fallback-only') fallbackOnly = true;
  else fail(`unknown option '${String(args[i]).slice(0, 80)}' (allowed: --cli PATH, --preview PATH, --base-url URL, --out DIR, --fallback-only)`);
}
previewBin ??= join(dirname(cli), 'layoff-whatif-preview');
const { block, t } = await buildFallback(cli);
console.error('dist: www/fallback/ (summary.json, numbers.html, savings.svg, savings-dark.svg)');
if (!fallbackOnly) {
  const bundle = appBundle((p) => readFileSync(join(WWW, p), 'utf8'));
  const { files, names } = buildDist(block, await minifiedScripts(bundle), bundle);
  const single = buildSingle(block);
  const presets = JSON.parse(execFileSync(cli, ['presets', '--format', 'json'], { encoding: 'utf8' })).map((p) => p.name);
  const { images, pages } = buildPreviews({ previewBin, base, t, presets, defaultPreset: 'typical' });
  const hashed = files.filter((f) => names.get(f) !== f).length;
  console.error(`dist: ${relative(ROOT, DIST) || DIST}/ ${files.length} files (${hashed} with hashed names), _headers, _redirects, .htaccess, README.txt`);
  console.error(`dist: ${bundle.app} bundles ${bundle.folded.length + 1} modules (${bundle.folded.length} not published on their own)`);
  console.error(`dist: ${images.size} preview images, ${pages.length} pages (one per preset)${base ? `, oEmbed documents, absolute link tags for ${base}` : '; no --base-url, so no og:image, og:url, canonical or oEmbed'}`);
  console.error(`dist: ${SINGLE} ${single.bytes} bytes (${single.modules.length} modules and ${single.workers.length} worker inline, wasm as base64)`);
}
