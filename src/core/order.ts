/**
 * Text orders for sorting, by code point rather than the host's collator (localeCompare): the same order
 * for every analyst whatever their locale, and no collator to start up while the pane opens.
 */

/** Ids and ISO dates: plain code-point order (for them, the same as a collator's). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Names as an analyst scans a list: ignoring case ("xAI" among the X's), ties by code point. */
export function byNameIgnoringCase(a: string, b: string): number {
  return byCodePoint(a.toLowerCase(), b.toLowerCase()) || byCodePoint(a, b);
}
