// Small DOM and text helpers every page module shares. Text only: nothing here parses markup.
//
// API: el(tag, className, text), clip(text, max).

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
