/** Name matching: how a typed party name is compared with names, aliases and tickers. */

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

/** Edit distance with adjacent transpositions (optimal string alignment), capped for speed. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (prevPrev[j - 2] as number) + 1);
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] as number;
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
