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

/** `text` cut to `max` characters (whole code points) with an ellipsis, for messages. */
export function clip(text, max) {
  const chars = [...String(text)];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}
