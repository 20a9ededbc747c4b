// The embed panel's live preview (issue 15): the embed exactly as the snippet gives it (a frame
// on the snippet's own src), inside the panel, following the author's choices while it is open.
//
// - Nothing loads while the panel is closed, so the page's first load is what it was; closing
//   the panel removes the frame, so the embedded copy stops computing.
// - Each new address loads a NEW iframe element rather than changing the src of the one on
//   view: a frame's second navigation adds an entry to the parent page's session history (Back
//   would step through old previews instead of leaving the page), and a src that differs only
//   in its fragment (a new scenario) would be a same-document navigation, which the embed
//   ignores. A new frame's first load replaces its initial about:blank and adds no entry. The
//   new frame loads unseen behind the current one and takes its place once it has posted its
//   height, so the author never sees a blank frame between two versions.
// - Width: as wide as the panel (at most an article column, style.css), never shrunk with a CSS
//   transform. The embed is responsive, so at the panel's width it IS what a reader sees in a
//   column that wide, with text at its real size; a transform would show a wider layout with
//   unreadably small text on a phone, and would need every posted height rescaled.
// - Height: the snippet's suggested height (its height="…") until the embed posts its own
//   ({type: MESSAGE_TYPE, height}), then that, as www/embed-host.js sizes a publisher's frame:
//   the whole embed, with no scroll bar inside the panel. Only messages from the preview's own
//   frame window and that frame's origin are read; this is the page's only message listener,
//   and it is attached only while the panel is open.
// - No sandbox attribute, unlike the snippet's frame: on the page's own origin a sandbox that
//   allows scripts and same-origin access can be lifted by the framed page (Chromium warns in
//   the console), so it would protect nothing; the framed page is this explainer's own embed,
//   which only posts its height to its parent.
// - A frame that never posts its height (a browser or host that refuses to let the page frame
//   itself) is never shown: after GIVE_UP_MS the panel says so in one line instead.
//
// API: createPreview({messageType}) -> {element, show(src, height), hide()}

import { t } from './i18n.js';
import { el } from './dom.js';

/** How long the author's choices must rest before the preview reloads. */
const DEBOUNCE_MS = 300;
/** How long a frame may take to post its first height before the panel says it cannot. */
const GIVE_UP_MS = 12000;
/** Heights outside these are not an embed's (the same bounds as embed-host.js). */
const MIN_HEIGHT = 50;
const MAX_HEIGHT = 20000;

/**
 * Whether a message's origin is that of the address a frame was given. A file:// page posts
 * with the origin "null" (each file is its own opaque origin), while a file: address's
 * URL.origin reads "file://" in Chromium and "null" in Firefox.
 */
function fromOriginOf(origin, src) {
  const url = new URL(src);
  return origin === url.origin || (url.protocol === 'file:' && origin === 'null');
}

/**
 * The preview's figure (caption, frame, status line) and its two calls: show(src, height)
 * with the snippet's address and suggested height, on opening and after each change, and
 * hide() when the panel closes.
 */
export function createPreview({ messageType }) {
  const element = el('figure', 'embed-preview');
  element.id = 'embed-preview';
  const caption = el('figcaption', 'embed-preview__caption', t('share.embed.previewCaption'));
  const stage = el('div', 'embed-preview__stage');
  const status = el('p', 'embed-preview__status');
  status.setAttribute('role', 'status');
  stage.append(status);
  element.append(caption, stage);

  let shown = null; // {frame, src, loaded, height}: the frame on view
  let loading = null; // the next one, loading unseen
  let timer = 0;
  let giveUp = 0;
  let listening = false;
  setState('closed');

  function setState(state) {
    element.dataset.state = state;
    status.hidden = state !== 'loading' && state !== 'unavailable';
    stage.classList.toggle('is-unavailable', state === 'unavailable');
    if (state === 'loading') status.textContent = t('share.embed.previewLoading');
    if (state === 'unavailable') status.textContent = t('share.embed.previewUnavailable');
  }

  // The stage is as tall as the frame on view (before the first, the suggested height); the
  // frames stand in it absolutely, so the one loading behind changes nothing around it.
  const fit = (height) => {
    stage.style.height = `${height}px`;
  };

  const onMessage = (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== messageType) return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height < MIN_HEIGHT || height > MAX_HEIGHT) return;
    const entry = [shown, loading].find((e) => e && event.source && e.frame.contentWindow === event.source);
    if (!entry || !fromOriginOf(event.origin, entry.src)) return;
    entry.height = Math.ceil(height);
    entry.frame.height = String(entry.height);
    if (entry === shown) fit(entry.height);
    else swapIn();
  };

  const listen = (on) => {
    if (on === listening) return;
    listening = on;
    if (on) window.addEventListener('message', onMessage);
    else window.removeEventListener('message', onMessage);
  };

  // The loading frame takes the place of the shown one once it has loaded and told its height.
  function swapIn() {
    if (!loading || !loading.loaded || !loading.height) return;
    shown?.frame.remove();
    shown = loading;
    loading = null;
    clearTimeout(giveUp);
    shown.frame.inert = false;
    shown.frame.classList.remove('is-loading');
    fit(shown.height);
    setState('ready');
  }

  function load(src, height) {
    loading?.frame.remove();
    const frame = el('iframe', 'embed-preview__frame is-loading');
    frame.title = t('share.embed.previewFrameTitle');
    frame.height = String(height);
    // Out of reach while it loads behind the shown one: no focus, no clicks, not read out.
    frame.inert = true;
    frame.src = src;
    const entry = { frame, src, loaded: false, height: 0 };
    frame.addEventListener('load', () => {
      entry.loaded = true;
      if (entry === loading) swapIn();
    });
    loading = entry;
    stage.append(frame);
    if (!shown) {
      fit(height);
      setState('loading');
    }
    clearTimeout(giveUp);
    giveUp = setTimeout(() => {
      // Never a stale or broken frame: the line says why there is none. A frame that posts
      // later (a very slow machine) still takes its place.
      shown?.frame.remove();
      shown = null;
      stage.style.height = '';
      setState('unavailable');
    }, GIVE_UP_MS);
  }

  /** Shows the embed at `src`: at once when nothing is on view, else once choices rest. */
  function show(src, height) {
    listen(true);
    clearTimeout(timer);
    if (src === (loading || shown)?.src) return; // a change undone before it loaded
    if (!shown && !loading) load(src, height);
    else timer = setTimeout(() => load(src, height), DEBOUNCE_MS);
  }

  /** Removes the frames and stops listening (the panel closed). */
  function hide() {
    clearTimeout(timer);
    clearTimeout(giveUp);
    listen(false);
    shown?.frame.remove();
    loading?.frame.remove();
    shown = null;
    loading = null;
    stage.style.height = '';
    setState('closed');
  }

  return { element, show, hide };
}
