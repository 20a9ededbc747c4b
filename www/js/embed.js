// Embed mode and the embed snippet.
//
// `?embed=1` lays the page out for an article column, compact by default (about 600 px tall
// at 600 px wide): a title naming the scenario (its preset, or "Your scenario" once changed),
// the chosen charts (`&charts=savings,costs`, default the savings chart), the chosen
// controls (`&controls=layoffShare,aiShare`, default the model's first sliders,
// `policy.firstSliders`; "presets" and "depth" name the case buttons and the level;
// `&controls=none` for a still chart), and a small link to the full explainer with the same
// scenario. No masthead, story, introduction, sources or share bar. Names the page does not
// know are ignored with a notice. The scenario itself comes from the fragment as usual.
//
// The embedded page tells its parent how tall it is with
//   parent.postMessage({type: 'layoff-whatif:height', height}, '*')
// (www/embed-host.js resizes the matching iframe; the full page's own preview of the embed,
// embed-preview.js, sizes its frame the same way). It listens to no messages at all: a host
// page, or any other window, cannot command it.
//
// API: isEmbedded(), setup({paramTable, policy}) -> boolean, showCharts(), placeControls(),
// buildEmbedPanel() (the full page's "Embed" button and snippet), snippet(state, charts).

import { t } from './i18n.js';
import * as store from './state.js';
import * as permalink from './permalink.js';
import { KINDS, setTheme } from './charts.js';
import { el, clip } from './dom.js';
import * as notice from './notice.js';
import { showOptionNotice, optionItem } from './notice.js';
import { createPreview } from './embed-preview.js';

export const MESSAGE_TYPE = 'layoff-whatif:height';
export const DEFAULT_CHARTS = ['savings'];
const SPECIAL_CONTROLS = ['presets', 'depth'];
/** `&controls=none` (or `0`): no controls, a still chart. */
const NO_CONTROLS = ['none', '0'];
/** `&theme=`: the host's scheme; "auto" (the default) follows the reader's system. */
export const THEMES = ['auto', 'light', 'dark'];
const MAX_NAMES = 30;

let embedded = false;
// The sliders an embed shows when its address names none: the model's first sliders (the
// tables' policy), set by setup().
let defaultControls = [];
let chosenCharts = DEFAULT_CHARTS;
let chosenControls = defaultControls;
let openLink = null;
let initial = null; // the scenario the embed opened with (its Reset goes back to it)
let lastHeight = 0;

/** True when the page was opened with ?embed=1. */
export function isEmbedded(search = location.search) {
  return new URLSearchParams(search).get('embed') === '1';
}

/** Reads a comma list from the query: {names, unknown}; `allowed` decides what is known. */
function readList(params, name, allowed, fallback) {
  if (!params.has(name)) return { names: fallback, unknown: [] };
  const names = [];
  const unknown = [];
  for (const part of params.getAll(name).join(',').split(',').slice(0, MAX_NAMES)) {
    const item = part.trim();
    if (!item) continue;
    if (allowed(item)) {
      if (!names.includes(item)) names.push(item);
    } else {
      unknown.push(item);
    }
  }
  return { names: names.length ? names : fallback, unknown };
}

/**
 * Turns on embed mode when the address asks for it (before the first frame, so there is no
 * flash of the full page). Returns whether the page is embedded.
 */
export function setup({ paramTable, policy }) {
  defaultControls = [...(policy?.firstSliders || [])];
  chosenControls = defaultControls;
  embedded = isEmbedded();
  if (!embedded) {
    // embed=yes, embed=true...: only "1" turns the embed layout on (and "0" says no). Anything
    // else is named to the author, who sees the full page instead of the layout they meant.
    const asked = new URLSearchParams(location.search).get('embed');
    if (asked !== null && asked !== '0') {
      showOptionNotice([optionItem('embed', asked, t('share.embed.unknownValue'))]);
    }
    return false;
  }
  document.documentElement.classList.add('is-embed');
  const params = new URLSearchParams(location.search);
  const keys = new Set(paramTable.map((s) => s.key).filter((k) => k !== 'modelDepth'));
  const charts = readList(params, 'charts', (n) => KINDS.includes(n), DEFAULT_CHARTS);
  const controls = NO_CONTROLS.includes(params.get('controls'))
    ? { names: [], unknown: [] }
    : readList(params, 'controls', (n) => keys.has(n) || SPECIAL_CONTROLS.includes(n), defaultControls);
  chosenCharts = charts.names;
  chosenControls = controls.names;
  const problems = [
    ...charts.unknown.map((name) => t('share.embed.unknownChart', { name: clip(name, 30), allowed: KINDS.join(', ') })),
    ...controls.unknown.map((name) => t('share.embed.unknownControl', { name: clip(name, 30) })),
  ];
  // The host's colour scheme: page colours (style.css html[data-theme]) and chart theme.
  const theme = params.get('theme');
  if (theme !== null && !THEMES.includes(theme)) problems.push(t('embedTheme.unknown', { name: clip(theme, 30), allowed: THEMES.join(', ') }));
  else if (theme === 'light' || theme === 'dark') {
    document.documentElement.dataset.theme = theme;
    setTheme(theme);
  }
  if (problems.length) notice.show('embed', { title: t('share.embed.noticeTitle'), items: problems });
  buildFrame();
  startHeightReports();
  return true;
}

// The small bar at the bottom: the explainer's name and the link to the full page.
function buildFrame() {
  const bar = el('p', 'embed-bar');
  bar.append(el('span', 'embed-bar__name', t('share.embed.credit')));
  openLink = el('a', 'embed-bar__open', t('share.embed.openFull'));
  openLink.target = '_blank';
  openLink.rel = 'noopener';
  const arrow = el('span', '', ' ↗');
  arrow.setAttribute('aria-hidden', 'true');
  openLink.append(arrow, el('span', 'sr-only', ` (${t('share.embed.newTab')})`));
  bar.append(openLink);
  const main = document.getElementById('main');
  // The masthead is hidden in the frame; its headline stays the page's heading for screen readers.
  main?.prepend(el('h1', 'sr-only', t('page.headline')));
  main?.append(bar);
  // What the chart shows, named: the preset while it is unchanged, else the reader's own.
  const title = document.getElementById('embed-title') || el('h2', 'embed-title');
  const update = () => {
    const state = store.getState();
    openLink.href = permalink.linkUrl(state);
    const own = !state.preset || store.changedKeys(state).length > 0;
    title.textContent = own ? t('share.embed.yourScenario') : t(`presets.${state.preset}.title`);
  };
  update();
  store.subscribe(() => update());
}

/** Shows only the chosen charts (call after charts.buildCharts). */
export function showCharts() {
  if (!embedded) return;
  for (const kind of KINDS) {
    const figure = document.querySelector(`.chart--${kind}`);
    if (figure) figure.hidden = !chosenCharts.includes(kind);
  }
  const others = document.getElementById('charts');
  const section = others?.closest('.charts-wrap');
  if (section) section.hidden = !chosenCharts.some((k) => k !== 'savings');
  const hero = document.getElementById('chart-hero')?.closest('.charts-wrap');
  if (hero) hero.hidden = !chosenCharts.includes('savings');
  document.getElementById('presets')?.toggleAttribute('hidden', !chosenControls.includes('presets'));
  document.getElementById('depth')?.toggleAttribute('hidden', !chosenControls.includes('depth'));
}

/**
 * Moves the chosen slider rows into one short list, in the order asked for (call after
 * controls.buildSliders). The rows keep their listeners; controls.js still keeps them in sync.
 */
export function placeControls() {
  if (!embedded) return;
  const aside = document.getElementById('controls');
  const groups = document.getElementById('groups');
  if (!aside || !groups) return;
  const list = el('div', 'embed-controls');
  for (const key of chosenControls) {
    const row = document.getElementById(`control-${key}`);
    if (row) list.append(row);
  }
  groups.hidden = true;
  groups.after(list);
  const head = aside.querySelector('.controls__head');
  const resetAll = document.getElementById('reset-all');
  if (resetAll) resetAll.hidden = true;
  initial = store.getState();
  const reset = el('button', 'button button--quiet embed-reset', t('share.embed.reset'));
  reset.type = 'button';
  reset.title = t('share.embed.resetTitle');
  reset.addEventListener('click', () => {
    store.setState({ preset: initial.preset, params: initial.params, depth: initial.depth }, { record: true, source: 'embed-reset' });
  });
  head?.append(reset);
  // Undo and Redo beside Reset: one row of the frame's height, not two.
  const history = aside.querySelector('.history');
  if (history && head) head.append(history);
  if (!list.childElementCount) list.hidden = true;
}

// ---- Height reports ------------------------------------------------------------------------

function reportHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (!Number.isFinite(height) || height === lastHeight) return;
  lastHeight = height;
  window.parent.postMessage({ type: MESSAGE_TYPE, height }, '*');
}

function startHeightReports() {
  if (window.parent === window) return;
  const observer = new ResizeObserver(() => reportHeight());
  observer.observe(document.documentElement);
  window.addEventListener('load', reportHeight);
  reportHeight();
}

// ---- The snippet (full page) ---------------------------------------------------------------

function escapeAttribute(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function pageBase() {
  const url = new URL(location.href);
  url.hash = '';
  url.search = '';
  return url;
}

/** The embed address for a state and a list of charts (and controls). */
export function embedUrl(state, charts = DEFAULT_CHARTS, controls = defaultControls, theme = 'auto') {
  const url = pageBase();
  const query = new URLSearchParams(location.search);
  const search = new URLSearchParams();
  search.set('embed', '1');
  const chartList = KINDS.filter((k) => charts.includes(k));
  if (chartList.join(',') !== DEFAULT_CHARTS.join(',')) search.set('charts', chartList.join(','));
  if (controls.join(',') !== defaultControls.join(',')) search.set('controls', controls.length ? controls.join(',') : NO_CONTROLS[0]);
  if (query.get('lang')) search.set('lang', query.get('lang'));
  if (theme !== 'auto' && THEMES.includes(theme)) search.set('theme', theme);
  const fragment = permalink.encode({ ...state, tables: [] }); // the article's reader opens tables themselves
  return `${url.origin === 'null' ? url.href.split('?')[0] : `${url.origin}${url.pathname}`}?${search.toString().replace(/%2C/g, ',')}${fragment ? `#${fragment}` : ''}`;
}

/**
 * A height that fits the chosen charts and controls without the host script: the compact
 * layout's title, controls row and link, each chart (the savings chart is the compact one)
 * and each slider, with a little to spare for longer words in another language.
 */
export function suggestedHeight(charts, controls = defaultControls) {
  const perChart = { savings: 330, headcount: 480, costs: 480, quality: 560 };
  const chartHeight = charts.reduce((sum, k) => sum + (perChart[k] || 480), 0);
  return 140 + chartHeight + controls.length * 105;
}

/** The iframe and host-script snippet for a state: {frame, script, src, height}. */
export function snippet(state, charts = DEFAULT_CHARTS, theme = 'auto') {
  const src = embedUrl(state, charts, defaultControls, theme);
  const host = new URL('embed-host.js', pageBase()).href;
  const height = suggestedHeight(charts);
  const frame = `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(t('share.embed.frameTitle'))}" width="100%" height="${height}" frameborder="0" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" data-layoff-whatif></iframe>`;
  const script = `<script src="${escapeAttribute(host)}" async></script>`;
  return { frame, script, src, height };
}

/**
 * The "Embed" button and its panel for the share bar: chart choices, a live preview of the
 * embed (embed-preview.js), the ready snippet and the optional host script, each with a Copy
 * button.
 */
export function buildEmbedPanel() {
  const button = el('button', 'button share__button', t('share.embed.button'));
  button.type = 'button';
  button.id = 'embed-button';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'embed-panel');

  const panel = el('div', 'embed-panel');
  panel.id = 'embed-panel';
  panel.hidden = true;
  const heading = el('h3', 'embed-panel__title', t('share.embed.heading'));
  heading.id = 'embed-panel-title';
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-labelledby', 'embed-panel-title');
  panel.append(heading, el('p', 'embed-panel__intro', t('share.embed.intro')));

  const fieldset = el('fieldset', 'embed-panel__charts');
  fieldset.append(el('legend', '', t('share.embed.charts')));
  const boxes = KINDS.map((kind) => {
    const label = el('label', 'embed-panel__choice');
    const box = el('input');
    box.type = 'checkbox';
    box.value = kind;
    box.checked = DEFAULT_CHARTS.includes(kind);
    box.id = `embed-chart-${kind}`;
    label.append(box, document.createTextNode(` ${t(`charts.${kind}.title`)}`));
    fieldset.append(label);
    return box;
  });
  panel.append(fieldset);

  // The host's colour scheme (issue 16): auto follows the reader's system.
  const themes = el('fieldset', 'embed-panel__charts embed-panel__themes');
  themes.append(el('legend', '', t('embedTheme.legend')));
  const themeInputs = THEMES.map((theme) => {
    const label = el('label', 'embed-panel__choice');
    const input = el('input');
    input.type = 'radio';
    input.name = 'embed-theme';
    input.value = theme;
    input.checked = theme === 'auto';
    input.id = `embed-theme-${theme}`;
    label.append(input, document.createTextNode(` ${t(`embedTheme.${theme}`)}`));
    themes.append(label);
    return input;
  });
  panel.append(themes);

  // What the choices give, live, between the choices and the code: nothing loads until the
  // panel opens (refresh below returns while it is hidden).
  const preview = createPreview({ messageType: MESSAGE_TYPE });
  panel.append(preview.element);

  const makeCode = (id, labelKey, rows) => {
    const wrap = el('div', 'embed-panel__code');
    const label = el('label', 'embed-panel__label', t(labelKey));
    label.htmlFor = id;
    const area = el('textarea', 'embed-panel__text');
    area.id = id;
    area.readOnly = true;
    area.rows = rows;
    area.spellcheck = false;
    const copy = el('button', 'button button--quiet', t('share.embed.copy'));
    copy.type = 'button';
    const status = el('span', 'share__status');
    status.setAttribute('aria-live', 'polite');
    copy.addEventListener('click', async () => {
      const copied = await permalink.copyText(area.value, { status, copiedKey: 'share.embed.copied' });
      if (!copied) {
        area.focus();
        area.select();
      }
    });
    const actions = el('div', 'embed-panel__actions');
    actions.append(copy, status);
    wrap.append(label, area, actions);
    return { wrap, area };
  };
  const frameCode = makeCode('embed-code', 'share.embed.code', 4);
  const hostCode = makeCode('embed-host-code', 'share.embed.hostCode', 2);
  panel.append(frameCode.wrap, el('p', 'embed-panel__note', t('share.embed.hostNote')), hostCode.wrap);
  panel.append(el('p', 'embed-panel__note', t('share.embed.controlsNote', { example: '&controls=layoffShare,aiShare' })));
  // What each option adds to the address, as code, for the current choices.
  const options = el('dl', 'embed-panel__options');
  options.id = 'embed-options';
  panel.append(el('h4', 'embed-panel__label', t('embedTheme.optionsHeading')), options);

  const refresh = () => {
    if (panel.hidden) return;
    const charts = boxes.filter((b) => b.checked).map((b) => b.value);
    const theme = themeInputs.find((i) => i.checked)?.value || 'auto';
    const { frame, script, src, height } = snippet(store.getState(), charts.length ? charts : DEFAULT_CHARTS, theme);
    frameCode.area.value = frame;
    hostCode.area.value = script;
    preview.show(src, height);
    const chosen = (charts.length ? charts : DEFAULT_CHARTS).join(',');
    const rows = [
      ['charts', `&charts=${chosen}`],
      ['theme', theme === 'auto' ? t('embedTheme.autoCode') : `&theme=${theme}`],
      ['controls', `&controls=${defaultControls.join(',')}`],
      ['still', `&controls=${NO_CONTROLS[0]}`],
      ['lang', '&lang=id'],
    ];
    options.replaceChildren(
      ...rows.flatMap(([name, code]) => {
        const dt = el('dt', '', t(`embedTheme.option.${name}`));
        const dd = el('dd');
        dd.append(el('code', '', code));
        dd.dataset.option = name;
        return [dt, dd];
      }),
    );
  };
  for (const box of [...boxes, ...themeInputs]) box.addEventListener('change', refresh);
  button.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    button.setAttribute('aria-expanded', String(!panel.hidden));
    if (panel.hidden) preview.hide();
    refresh();
  });
  store.subscribe((state, previous, meta) => {
    if (meta.record || !String(meta.source).startsWith('range:')) refresh();
  });
  return { button, panel };
}
