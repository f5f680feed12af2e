/**
 * Reads the figures a sentence states, as a reader of news in several languages writes them: "$10 billion",
 * "$2.75bn", "US$650 million", "$14.3B", "€1.7 billion", "$10.000 millones", "$1,4 trillion",
 * "1 billion dollars", "$1.25 billion a month", "27%". A number whose separator could be a thousands mark
 * or a decimal point ("$10.000 billion" in the seed article is ten billion) gives every reading; a record's
 * figure must equal one of them. Used by `npm run data -- check` and the quote test.
 */

export type Per = "month" | "year";

export interface StatedFigure {
  /** ISO code, or null when the sentence gives no currency at this number. */
  readonly currency: string | null;
  /** Every value the written number can mean, in units (not millions). */
  readonly values: readonly number[];
  readonly per: Per | null;
  /** The text it was read from, for messages. */
  readonly text: string;
}

const CURRENCY_PREFIXES: readonly (readonly [RegExp, string])[] = [
  [/^US\s?\$|^USD\s?|^U\.S\.\s?\$/i, "USD"],
  [/^A\$|^AUD\s?/i, "AUD"],
  [/^S\$|^SGD\s?/i, "SGD"],
  [/^C\$|^CAD\s?/i, "CAD"],
  [/^\$/, "USD"],
  [/^€|^EUR\s?/i, "EUR"],
  [/^£|^GBP\s?/i, "GBP"],
  [/^¥|^JPY\s?/i, "JPY"],
  [/^₩|^KRW\s?/i, "KRW"],
  [/^₹|^Rs\.?\s?|^INR\s?/i, "INR"],
  [/^SAR\s?/i, "SAR"],
  [/^AED\s?/i, "AED"],
];
const CURRENCY_WORDS: readonly (readonly [RegExp, string])[] = [
  [/^(US |U\.S\. )?dollars?\b|^USD\b/i, "USD"],
  [/^euros?\b|^EUR\b/i, "EUR"],
  [/^pounds?( sterling)?\b|^GBP\b/i, "GBP"],
  [/^yen\b|^JPY\b/i, "JPY"],
  [/^won\b|^KRW\b/i, "KRW"],
  [/^riyals?\b|^SAR\b/i, "SAR"],
  [/^dirhams?\b|^AED\b/i, "AED"],
];
/** Scale words after a number, longest first so "mil millones" wins over "mil". */
const SCALES: readonly (readonly [RegExp, number])[] = [
  [/^mil millones\b/i, 1e9],
  [/^(trillion|tn|trn|tln)\b/i, 1e12],
  [/^T\b/, 1e12],
  [/^(billion|billions|bn|bln|milliards?|miliardi|Milliarden|Mrd)\b/i, 1e9],
  [/^B\b/, 1e9],
  [/^b\b/, 1e9],
  [/^(million|millions|millones|milhões|milioni|Millionen|mn|mln|Mio)\b/i, 1e6],
  [/^M\b/, 1e6],
  [/^m\b/, 1e6],
  [/^(thousand|k)\b/i, 1e3],
];
const PER: readonly (readonly [RegExp, Per])[] = [
  [/^(a|per|each|every) month\b|^monthly\b|^\/month\b|^\/mo\b/i, "month"],
  [/^(a|per|each|every) year\b|^annually\b|^yearly\b|^\/year\b|^\/yr\b|^a year\b/i, "year"],
];

const NUMBER = /\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?/g;

/** Every value a written number can mean: "10.000" is ten (decimal) or ten thousand (grouped). */
export function readingsOf(written: string): number[] {
  const seps = [...written.matchAll(/[.,]/g)].map((m) => m.index as number);
  if (seps.length === 0) return [Number(written)];
  const digits = (s: string): string => s.replace(/[.,]/g, "");
  const lastSep = seps[seps.length - 1] as number;
  const kinds = new Set(seps.map((i) => written[i]));
  if (kinds.size === 2) {
    // "1,234.5" or "1.234,5": the last mark is the decimal one.
    return [Number(`${digits(written.slice(0, lastSep))}.${written.slice(lastSep + 1)}`)];
  }
  const groupsOfThree = seps.every((i, k) => {
    const next = k + 1 < seps.length ? (seps[k + 1] as number) : written.length;
    return next - i - 1 === 3;
  });
  const readings = new Set<number>();
  if (groupsOfThree) readings.add(Number(digits(written)));
  if (seps.length === 1) readings.add(Number(written.replace(",", ".")));
  return [...readings];
}

function prefixCurrency(before: string): string | null {
  const tail = before.slice(-6);
  for (const [pattern, code] of CURRENCY_PREFIXES) {
    for (let i = 0; i < tail.length; i++) {
      const piece = tail.slice(i);
      const m = pattern.exec(piece);
      if (m && m[0].length === piece.length) return code;
    }
  }
  return null;
}

function startsWith<T>(text: string, table: readonly (readonly [RegExp, T])[]): [T, number] | null {
  for (const [pattern, value] of table) {
    const m = pattern.exec(text);
    if (m) return [value, m[0].length];
  }
  return null;
}

/** Every money figure in a sentence: a number with a currency or a scale word (a bare "2019" is no figure). */
export function statedFigures(sentence: string): StatedFigure[] {
  const found: StatedFigure[] = [];
  for (const m of sentence.matchAll(NUMBER)) {
    const start = m.index as number;
    let end = start + m[0].length;
    // A number glued to letters or digits before it ("Q3", "GB300") is a name, not a figure.
    if (
      start > 0 &&
      /[A-Za-z0-9]/.test(sentence[start - 1] as string) &&
      !/[$€£¥₩₹]/.test(sentence[start - 1] as string)
    ) {
      if (prefixCurrency(sentence.slice(0, start)) === null) continue;
    }
    let currency = prefixCurrency(sentence.slice(Math.max(0, start - 6), start));
    let rest = sentence.slice(end).replace(/^[\s\u00a0-]+/, (s) => s);
    const gap = /^[\s\u00a0]*-?[\s\u00a0]*/.exec(rest)?.[0].length ?? 0;
    let scale = 1;
    const scaled = startsWith(rest.slice(gap), SCALES);
    if (scaled) {
      scale = scaled[0];
      end += gap + scaled[1];
      rest = sentence.slice(end);
    }
    const wordGap = /^[\s\u00a0]*(of )?/i.exec(rest)?.[0].length ?? 0;
    const word = startsWith(rest.slice(wordGap), CURRENCY_WORDS);
    if (word && currency === null) {
      currency = word[0];
      end += wordGap + word[1];
      rest = sentence.slice(end);
    }
    if (currency === null && scale === 1) continue;
    const perGap = /^[\s\u00a0]*/.exec(rest)?.[0].length ?? 0;
    const per = startsWith(rest.slice(perGap), PER);
    found.push({
      currency,
      values: readingsOf(m[0]).map((v) => round(v * scale)),
      per: per ? per[0] : null,
      text: sentence.slice(start, end + (per ? perGap + per[1] : 0)),
    });
  }
  return found;
}

/** Every percentage a sentence states ("27%", "27 percent", "about 27 per cent"), as fractions. */
export function statedPercents(sentence: string): number[] {
  const found: number[] = [];
  for (const m of sentence.matchAll(/(\d+(?:[.,]\d+)?)\s?(%|percent\b|per cent\b|pct\b)/gi)) {
    for (const v of readingsOf(m[1] as string)) found.push(round(v / 100));
  }
  return found;
}

/** Rates and plain numbers ("1 EUR = 1.1765 USD"): every number written, for a stated exchange rate. */
export function statedNumbers(sentence: string): number[] {
  return [...sentence.matchAll(NUMBER)].flatMap((m) => readingsOf(m[0]));
}

/** Rounds away binary noise (1.7 × 1e9), keeping every digit a sentence can state. */
function round(v: number): number {
  return Number(v.toPrecision(12));
}

/** Whether a sentence states this figure in this currency (a sentence with no currency at a number
 * counts for the currency the sentence uses elsewhere, or dollars if it names none). */
export function states(
  sentence: string,
  value: number,
  currency: string,
  per: Per | null = null
): boolean {
  const figures = statedFigures(sentence);
  const named = new Set(figures.map((f) => f.currency).filter((c): c is string => c !== null));
  const assumed = named.size === 0 ? "USD" : named.size === 1 ? [...named][0] : null;
  return figures.some(
    (f) =>
      (f.currency ?? assumed) === currency &&
      f.per === per &&
      f.values.some((v) => Math.abs(v - value) <= 1e-9 * Math.max(1, Math.abs(value)))
  );
}
