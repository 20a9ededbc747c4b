// The page's entry script: imports app.js (and, through it, every other module) with a time
// limit, so that one module that fails or never arrives leaves the reader the default
// scenario's build-time numbers and a one-line notice instead of an empty model area.
//
//   import('./app.js') within APP_TIMEOUT_MS -> app.start()
//   a failed import, or none in time         -> fallback.js's showLoadError(kind 'script'):
//                                               the notice, a reload button, the numbers
//
// Only i18n.js and fallback.js are imported statically: both import nothing, so the notice
// needs three small files at most, and it gets its words in the reader's language the way
// the page does (i18n.js: the language from the address or the browser, then the language
// file, which is data, not a script module, so a broken module does not take it down). With
// no language file either (or none in time), fallback.js says it in English: its last resort,
// as for the model, since then there is no file to take another language's words from.
// If this file or those two cannot load, no script of ours can run at all.
//
// In the single file (dist/layoff-whatif.html) everything is inline, so no module can fail
// to arrive on its own: scripts/dist.mjs bundles this entry like any other, the import below
// becomes an already-resolved promise and the time limit never matters.
//
// Tests shorten the time limit with window.__layoffWhatifTest = {appTimeoutMs} set before the
// page loads (an init script): an object only code can make, so no address a reader types
// or follows can change it.

import * as i18n from './i18n.js';
import { showLoadError } from './fallback.js';

/**
 * How long the modules may take to arrive before the reader gets the fallback. Generous: the
 * whole module graph is about 150 KB of minified JavaScript (50 KB compressed, dist/), which
 * a slow mobile connection brings in a few seconds; after 15 s a reader is looking at an empty area and is better served by the
 * numbers (with a reload button) than by more waiting.
 */
const APP_TIMEOUT_MS = 15_000;

function timeLimit() {
  const asked = window.__layoffWhatifTest?.appTimeoutMs;
  return Number.isFinite(asked) && asked > 0 ? asked : APP_TIMEOUT_MS;
}

/** The page's modules did not load: the notice and the build-time numbers, translated. */
async function fallBack(error) {
  // A server that holds back app.js may hold back the language file too: the notice waits
  // for it no longer than the modules were waited for.
  const words = i18n.loadLanguage(i18n.chooseLanguage()).then(() => true);
  const late = new Promise((resolve) => setTimeout(() => resolve(false), timeLimit()));
  if (await Promise.race([words, late]).catch(() => false)) i18n.applyStatic();
  // Without a language file showLoadError says it in English and leaves the rest as it is.
  showLoadError(error, i18n, 'script');
}

let timer = null;
const late = new Promise((resolve, reject) => {
  // null: a module that is late, not broken, has no error text to show.
  timer = setTimeout(() => reject(null), timeLimit());
});

Promise.race([import('./app.js'), late]).then(
  (app) => {
    clearTimeout(timer);
    app.start();
  },
  (error) => {
    clearTimeout(timer);
    fallBack(error);
  },
);
