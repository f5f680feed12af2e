/**
 * The analytics behind the formulas, on resolved company ids and day numbers. Pure and typed:
 * argument reading and error wording live in formulas.ts.
 *
 * Counting rules (each transaction once):
 * - a deal's history (talks → announcement, tranches) is one deal; its figure is its latest state;
 * - a round counts for its round party ("Multiple investors"); its named investors' parts count for them;
 * - a reported cumulative position ("invested $13B") and the deals it covers: the larger of the two;
 * - aggregates (headline totals across counterparties) are listed, never added;
 * - shares received as consideration for a contract are ownership, not money invested: never added.
 * Stakes (pricing and dilution) live in stakes.ts; one record's state on a day in facts.ts.
 */
import { Dataset, IndexedDeal, ancestorsOn, countsFromDay, pairKey } from "./dataset";
import { DealState, dealState, dealValueAt, latestPositions, latestValuation } from "./facts";
import type { DealType } from "./vocabulary";
import { byCodePoint } from "./order";
import { factStartDay } from "./dates";
import { stakeWorking } from "./stakes";

export const FLOW_BACK_TYPES: ReadonlySet<DealType> = new Set<DealType>([
  "compute",
  "chips",
  "infrastructure",
]);
export const EQUITY: ReadonlySet<DealType> = new Set<DealType>(["equity"]);

export interface PairTotal {
  /** Sum of known figures, cumulative positions reconciled; null when no matching deal has a figure. */
  readonly total: number | null;
  /** How many matching deals were known on the day (with or without a figure). */
  readonly count: number;
}

/** Whether a deal adds to totals of these types: aggregates and consideration never do. */
const counts = (d: IndexedDeal, types: ReadonlySet<DealType> | null): boolean =>
  (d.kind === "transaction" || d.kind === "round") && (types === null || types.has(d.type));

/** A deal's figure on a day as a pair sees it: nothing before the day a parent took a party over. */
function valueForPair(
  ds: Dataset,
  key: string,
  d: IndexedDeal,
  day: number
): number | null | undefined {
  return day < countsFromDay(ds, key, d.id) ? undefined : dealValueAt(d, day);
}

/**
 * A pair's total over time, for one set of types: at each day some matching deal changed, the running
 * total, how many deals had a figure and how many were known. Built on the first question about the pair
 * (so loading stays fast), then every as-of date is one binary search however many deals the pair has.
 */
interface Timeline {
  readonly days: number[];
  readonly sums: number[];
  readonly withFigure: number[];
  readonly known: number[];
}

const timelines = new WeakMap<Dataset, Map<string, Timeline>>();
/** Pairs with at most this many deals are added up deal by deal. */
const SCAN_AT_MOST = 16;

function buildTimeline(ds: Dataset, key: string, types: ReadonlySet<DealType> | null): Timeline {
  // One change per deal and distinct event day: how the deal's figure moved that day. A deal that only
  // counts for the pair from a takeover's day appears then, at its state that day.
  const changes: { day: number; sum: number; figure: number; known: number }[] = [];
  for (const d of ds.dealsByPair.get(key) ?? []) {
    if (!counts(d, types)) continue;
    const from = countsFromDay(ds, key, d.id);
    let before: number | null | undefined;
    let last = Number.NEGATIVE_INFINITY;
    for (const e of d.history) {
      const day = Math.max(e.day, from);
      if (day === last) continue; // same day: already taken
      last = day;
      const now = dealValueAt(d, day);
      changes.push({
        day,
        sum: (now ?? 0) - (before ?? 0),
        figure:
          (now !== null && now !== undefined ? 1 : 0) -
          (before !== null && before !== undefined ? 1 : 0),
        known: (now !== undefined ? 1 : 0) - (before !== undefined ? 1 : 0),
      });
      before = now;
    }
  }
  changes.sort((a, b) => a.day - b.day);
  const t: Timeline = { days: [], sums: [], withFigure: [], known: [] };
  let sum = 0;
  let figure = 0;
  let known = 0;
  for (const c of changes) {
    sum += c.sum;
    figure += c.figure;
    known += c.known;
    if (t.days[t.days.length - 1] === c.day) {
      t.sums[t.sums.length - 1] = sum;
      t.withFigure[t.withFigure.length - 1] = figure;
      t.known[t.known.length - 1] = known;
    } else {
      t.days.push(c.day);
      t.sums.push(sum);
      t.withFigure.push(figure);
      t.known.push(known);
    }
  }
  return t;
}

function timelineOf(ds: Dataset, key: string, types: ReadonlySet<DealType> | null): Timeline {
  let byKey = timelines.get(ds);
  if (!byKey) {
    byKey = new Map();
    timelines.set(ds, byKey);
  }
  const typesKey = types === null ? "*" : [...types].sort().join(",");
  const cacheKey = `${key}|${typesKey}`;
  let t = byKey.get(cacheKey);
  if (!t) {
    t = buildTimeline(ds, key, types);
    byKey.set(cacheKey, t);
  }
  return t;
}

/** DEAL_VALUE: the distinct deals from one party to another, each at its latest state. */
export function pairTotal(
  ds: Dataset,
  from: string,
  to: string,
  types: ReadonlySet<DealType> | null,
  day: number
): PairTotal {
  const key = pairKey(from, to);
  const deals = ds.dealsByPair.get(key);
  let total: number | null = null;
  let count = 0;
  if (deals !== undefined && deals.length > SCAN_AT_MOST) {
    const t = timelineOf(ds, key, types);
    const at = lastAtOrBefore(t.days, day);
    if (at >= 0) {
      total = (t.withFigure[at] as number) > 0 ? (t.sums[at] as number) : null;
      count = t.known[at] as number;
    }
  } else if (deals !== undefined) {
    // Small pairs (most of them) are cheaper to add up than to build a timeline for.
    for (const d of deals) {
      if (!counts(d, types)) continue;
      const v = valueForPair(ds, key, d, day);
      if (v === undefined) continue;
      count++;
      if (v !== null) total = (total ?? 0) + v;
    }
  }
  if ((types !== null && !types.has("equity")) || !ds.positionsByPair.has(key))
    return { total, count };
  // A cumulative position replaces the deals it covers when it is larger than they add up to.
  for (const p of latestPositions(ds, from, to, day, (q) => q.investedUsd !== undefined)) {
    let covered = 0;
    for (const id of p.covers) {
      const d = ds.dealById.get(id);
      if (d !== undefined && counts(d, types)) covered += valueForPair(ds, key, d, day) ?? 0;
    }
    const invested = p.investedUsd as number;
    if (invested > covered) total = (total ?? 0) - covered + invested;
  }
  return { total, count };
}

/** Index of the last day on or before `day` in an ascending list, or -1. */
function lastAtOrBefore(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] as number) <= day) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at;
}

/** The deals pairTotal counted, for messages that name them. */
export function matchingDeals(
  ds: Dataset,
  from: string,
  to: string,
  types: ReadonlySet<DealType> | null,
  day: number
): IndexedDeal[] {
  const key = pairKey(from, to);
  return (ds.dealsByPair.get(key) ?? []).filter(
    (d) => counts(d, types) && valueForPair(ds, key, d, day) !== undefined
  );
}

/** Deals of the pair that had ended by the day (talks broken off, terminated): why a total may be empty. */
export function endedDeals(
  ds: Dataset,
  from: string,
  to: string,
  types: ReadonlySet<DealType> | null,
  day: number
): IndexedDeal[] {
  const key = pairKey(from, to);
  return (ds.dealsByPair.get(key) ?? []).filter(
    (d) =>
      counts(d, types) &&
      day >= countsFromDay(ds, key, d.id) &&
      dealState(d, day)?.status === "ended"
  );
}

/**
 * Companies the investor (or a company below it) put equity into by the day. A company whose parent is
 * also listed is left out: the parent's pair already holds its deals, and adding both would count twice.
 */
export function investeesOf(ds: Dataset, investor: string, day: number): string[] {
  const backed = (ds.investeesByInvestor.get(investor) ?? []).filter(
    (c) =>
      pairTotal(ds, investor, c, EQUITY, day).count > 0 ||
      latestPositions(ds, investor, c, day, () => true).length > 0
  );
  const listed = new Set(backed);
  return backed.filter((c) => !ancestorsOn(ds, c, day).some((a) => a !== c && listed.has(a)));
}

export type ExposureBasis = "capital" | "stake_value" | "compute";

export interface Exposure {
  readonly value: number;
  /** Companies the investor backs by the day. */
  readonly companies: readonly string[];
  /** How many of them had a figure for this basis (an amount, or a stake and a valuation). */
  readonly counted: number;
}

/** EXPOSURE: one investor across every company it backs. */
export function exposure(
  ds: Dataset,
  investor: string,
  basis: ExposureBasis,
  day: number
): Exposure | undefined {
  const companies = investeesOf(ds, investor, day);
  if (companies.length === 0) return undefined;
  let value = 0;
  let counted = 0;
  for (const c of companies) {
    if (basis === "capital") {
      const total = pairTotal(ds, investor, c, EQUITY, day).total;
      if (total !== null) {
        value += total;
        counted++;
      }
    } else if (basis === "compute") {
      const back = pairTotal(ds, c, investor, FLOW_BACK_TYPES, day);
      // No contract back is a real zero; contracts back with no reported amount are unknown.
      if (back.total !== null || back.count === 0) {
        value += back.total ?? 0;
        counted++;
      }
    } else {
      const s = stakeWorking(ds, investor, c, day);
      const v = latestValuation(ds.valuationsByCompany.get(c), day);
      if ("value" in s && v) {
        value += s.value * v.valueUsd;
        counted++;
      }
    }
  }
  return { value, companies, counted };
}

export type CircularityResult =
  | { readonly ratio: number }
  | { readonly missing: "no-equity" }
  | { readonly missing: "no-amount"; readonly deals: readonly string[] };

/** CIRCULARITY: compute, chips and infrastructure the company buys from the investor ÷ the investor's equity in it. */
export function circularity(
  ds: Dataset,
  investor: string,
  company: string,
  day: number
): CircularityResult {
  const equity = pairTotal(ds, investor, company, EQUITY, day).total;
  if (equity === null || equity <= 0) return { missing: "no-equity" };
  const back = pairTotal(ds, company, investor, FLOW_BACK_TYPES, day);
  if (back.total === null && back.count > 0) {
    const deals = matchingDeals(ds, company, investor, FLOW_BACK_TYPES, day).map((d) => d.id);
    return { missing: "no-amount", deals };
  }
  return { ratio: (back.total ?? 0) / equity };
}

export type Role = "from" | "to" | "any";

/** DEAL_LIST: the deals a party is in, in the given role, known by the day, oldest first. */
export function dealsOf(
  ds: Dataset,
  party: string,
  role: Role,
  day: number
): { deal: IndexedDeal; state: DealState }[] {
  const rows: { deal: IndexedDeal; state: DealState }[] = [];
  const seen = new Set<string>();
  for (const { deal, role: r, since } of ds.dealsByParty.get(party) ?? []) {
    if ((role !== "any" && r !== role) || seen.has(deal.id) || day < since) continue;
    const state = dealState(deal, day);
    if (!state) continue;
    seen.add(deal.id);
    rows.push({ deal, state });
  }
  return rows.sort(
    (a, b) => a.state.event.day - b.state.event.day || byCodePoint(a.deal.id, b.deal.id)
  );
}

/**
 * The investors in a company by the day, as its card lists them: whoever made an equity deal into it
 * (or received its shares as consideration) or holds a reported position in it, each under its topmost
 * parent on the day (AWS's deals count for Amazon, as every pair total counts them). Rounds stand for
 * many investors at once and name none, so they add nobody. The company's own family is left out.
 */
export function investorsOf(ds: Dataset, company: string, day: number): string[] {
  const family = new Set(ancestorsOn(ds, company, day));
  const top = (id: string): string => ancestorsOn(ds, id, day).at(-1) ?? id;
  const found = new Set<string>();
  for (const { deal, role, since } of ds.dealsByParty.get(company) ?? []) {
    if (role !== "to" || deal.type !== "equity" || deal.kind === "round" || day < since) continue;
    if (deal.kind === "aggregate" || dealState(deal, day) === undefined) continue;
    found.add(top(deal.from));
  }
  for (const p of ds.file.positions)
    if (factStartDay(p.date) <= day && ancestorsOn(ds, p.company, day).includes(company))
      found.add(top(p.investor));
  return [...found].filter((id) => !family.has(id)).sort(byCodePoint);
}
