// Small DOM and text helpers every page module shares. Text only: nothing here parses markup.
//
// API: el(tag, className, text), clip(text, max), whenNear(element, build), yieldToBrowser().

/** A new element with an optional class and text content (never HTML). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// Characters never echoed as themselves (the same set as the CLI's, src/validate.rs
// must_escape): C0 and C1 controls, DEL, bidirectional marks, overrides and isolates, line and
// paragraph separators, the byte-order mark.
const MUST_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/;

/**
 * Text from outside made safe to quote in a message: cut to `max` characters (whole code
 * points) with an ellipsis, and every character above shown as "\u001b" (as in JSON), so
 * a crafted value can neither reorder the sentence around it nor hide in it.
 */
export function clip(text, max) {
  const chars = [...String(text)];
  const shown = chars
    .slice(0, max)
    .map((c) => (MUST_ESCAPE.test(c) ? `\\u${c.codePointAt(0).toString(16).padStart(4, '0')}` : c))
    .join('');
  return chars.length <= max ? shown : `${shown}…`;
}

/**
 * How far below (and above) the screen a late part is built: about two phone screens, so it
 * is there before a reader who scrolls at a normal pace reaches it.
 */
const NEAR_MARGIN = '1600px 0px';

/**
 * Calls `build()` once, when `element` comes within NEAR_MARGIN of the screen, and returns a
 * function that builds it at once instead (for a link or a print that needs it now). Parts of
 * the page far below the first screen are built this way, so the first load builds only what
 * a reader can see (issue 15: under 1,500 elements). Without IntersectionObserver it builds
 * at once.
 */
export function whenNear(element, build) {
  let done = false;
  let observer = null;
  const now = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    build();
  };
  if (!element || typeof IntersectionObserver !== 'function') {
    now();
    return now;
  }
  observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) now();
  }, { rootMargin: NEAR_MARGIN });
  observer.observe(element);
  return now;
}

/**
 * Resolves in a new task, so the browser can paint and answer input in between: the page's
 * start is cut into tasks of under 50 ms each (issue 15), which a reader's tap can get
 * between. scheduler.yield() keeps this work ahead of other tasks where the browser has it.
 */
export function yieldToBrowser() {
  if (typeof globalThis.scheduler?.yield === 'function') return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
