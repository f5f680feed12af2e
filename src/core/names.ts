/** Name matching: how a typed party name is compared with names, aliases and tickers. */

/**
 * Longest name, alias, ticker or id there is: Excel's limit for text typed in a formula, so every name
 * in the data can be typed, and longer text given to a formula is refused before it is matched.
 */
export const MAX_NAME_LENGTH = 255;

/** Case-, accent-, space- and punctuation-insensitive form: "Amazon.com Inc." → "amazoncominc". */
export function normalizeName(name: string): string {
  // Fast paths for plain ASCII, which is nearly every name typed: native lower-casing, then letters,
  // digits and ':' kept.
  const lower = name.toLowerCase();
  if (!NOT_KEPT.test(lower)) return lower;
  if (ASCII.test(name)) return lower.replace(NOT_KEPT_ALL, "");
  return normalizeUnicode(name);
}

const NOT_KEPT = /[^a-z0-9:]/;
const NOT_KEPT_ALL = /[^a-z0-9:]+/g;
// eslint-disable-next-line no-control-regex -- the whole ASCII range is the point
const ASCII = /^[\x00-\x7f]*$/;

function normalizeUnicode(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}:]+/gu, "");
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment), capped for speed. Three reused
 * rows of integers: "Did you mean" runs this against every known name, so it must not allocate per row.
 */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const n = b.length;
  let before = new Int32Array(n + 1); // row i-2
  let prev = new Int32Array(n + 1); // row i-1
  let row = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      // Comparisons rather than Math.min: this is the innermost loop (and Math.min in it is many
      // times slower inside a vm context such as Jest's).
      let v = (prev[j - 1] as number) + (ai === bj ? 0 : 1);
      const deletion = (prev[j] as number) + 1;
      const insertion = (row[j - 1] as number) + 1;
      if (deletion < v) v = deletion;
      if (insertion < v) v = insertion;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const transposition = (before[j - 2] as number) + 1;
        if (transposition < v) v = transposition;
      }
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    [before, prev, row] = [prev, row, before];
  }
  return prev[n] as number;
}

/**
 * The closest known name to a typed one, for "Did you mean …?": a small edit distance, or a typed
 * beginning of a longer name ("Anthrop"). Returns the key of `candidates` or undefined.
 */
export function closestName(typed: string, candidates: Iterable<string>): string | undefined {
  const t = normalizeName(typed);
  if (t.length === 0) return undefined;
  const cap = Math.max(1, Math.floor(t.length / 3));
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    let score = editDistance(t, c, cap);
    if (score > cap && t.length >= 3 && c.startsWith(t)) score = cap;
    if (
      score <= cap &&
      (score < bestScore || (score === bestScore && best !== undefined && c.length < best.length))
    ) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
