/**
 * The analytics behind the formulas, on resolved company ids and day numbers. Pure and typed:
 * argument reading and error wording live in formulas.ts.
 *
 * Counting rules (each transaction once):
 * - a deal's history (talks → announcement, tranches) is one deal; its figure is its latest state;
 * - a round counts for its round party ("Multiple investors"); its named investors' parts count for them;
 * - a reported cumulative position ("invested $13B") and the deals it covers: the larger of the two;
 * - aggregates (headline totals across counterparties) are listed, never added.
 */
import {
  Dataset,
  IndexedDeal,
  IndexedEvent,
  IndexedPosition,
  IndexedValuation,
  pairKey,
} from "./dataset";
import { DealType, Qualifier, Status } from "./schema";

export interface DealState {
  /** The latest event on or before the day. */
  readonly event: IndexedEvent;
  readonly status: Status;
  /** The deal's figure: the latest stated amount, or what its tranches add up to if larger. */
  readonly value: number | null;
  readonly qualifier: Qualifier | null;
  /** Sum of tranches paid so far (0 when none are recorded). */
  readonly funded: number;
}

/** A deal as it stood on a day, or undefined if nothing about it was known yet. */
export function dealState(deal: IndexedDeal, day: number): DealState | undefined {
  let event: IndexedEvent | undefined;
  let figure: number | null = null;
  let qualifier: Qualifier | null = null;
  let funded = 0;
  for (const e of deal.history) {
    if (e.day > day) break;
    event = e;
    if (e.amountUsd !== null) {
      figure = e.amountUsd;
      qualifier = e.qualifier;
    }
    if (e.trancheUsd !== undefined) funded += e.trancheUsd;
  }
  if (!event) return undefined;
  // The figure rule lives in dealValueAt; when the tranches win, their sum is an exact amount.
  const value = dealValueAt(deal, day) ?? null;
  return {
    event,
    status: event.status,
    value,
    qualifier: value === figure ? qualifier : "exact",
    funded,
  };
}

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

/** A deal's figure on a day without building its state (the hot path of DEAL_VALUE):
 * the value, null when no amount is reported, undefined when nothing was known yet. */
export function dealValueAt(deal: IndexedDeal, day: number): number | null | undefined {
  const history = deal.history;
  if ((history[0] as IndexedEvent).day > day) return undefined;
  let figure: number | null = null;
  let funded = 0;
  for (let i = 0; i < history.length; i++) {
    const e = history[i] as IndexedEvent;
    if (e.day > day) break;
    if (e.amountUsd !== null) figure = e.amountUsd;
    if (e.trancheUsd !== undefined) funded += e.trancheUsd;
  }
  return funded > (figure ?? 0) ? funded : figure;
}

/** The latest position per exact investor→company pair on or before the day, filtered. */
function latestPositions(
  ds: Dataset,
  from: string,
  to: string,
  day: number,
  keep: (p: IndexedPosition) => boolean
): IndexedPosition[] {
  const latest = new Map<string, IndexedPosition>();
  for (const p of ds.positionsByPair.get(pairKey(from, to)) ?? []) {
    if (p.day > day || !keep(p)) continue;
    latest.set(pairKey(p.investor, p.company), p);
  }
  return [...latest.values()];
}

const counts = (d: IndexedDeal, types: ReadonlySet<DealType> | null): boolean =>
  d.kind !== "aggregate" && (types === null || types.has(d.type));

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

function buildTimeline(
  deals: readonly IndexedDeal[],
  types: ReadonlySet<DealType> | null
): Timeline {
  // One change per deal and distinct event day: how the deal's figure moved that day.
  const changes: { day: number; sum: number; figure: number; known: number }[] = [];
  for (const d of deals) {
    if (!counts(d, types)) continue;
    let before: number | null | undefined;
    for (const e of d.history) {
      if (e.day === changes[changes.length - 1]?.day && before !== undefined) continue; // same day: already taken
      const now = dealValueAt(d, e.day);
      changes.push({
        day: e.day,
        sum: (now ?? 0) - (before ?? 0),
        figure:
          (now !== null && now !== undefined ? 1 : 0) -
          (before !== null && before !== undefined ? 1 : 0),
        known: before === undefined ? 1 : 0,
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
    t = buildTimeline(ds.dealsByPair.get(key) ?? [], types);
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
      const v = dealValueAt(d, day);
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
      if (d !== undefined && counts(d, types)) covered += dealValueAt(d, day) ?? 0;
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
  return (ds.dealsByPair.get(pairKey(from, to)) ?? []).filter(
    (d) => counts(d, types) && dealValueAt(d, day) !== undefined
  );
}

export interface Stake {
  readonly value: number;
  readonly basis: "reported" | "implied" | "implied, partial";
}

const PRICING_BASES: ReadonlySet<IndexedValuation["basis"]> = new Set([
  "post_money",
  "reported",
  "implied_by_deal",
]);

/** The latest valuation on or before the day from a list sorted oldest first (ties in rank order). */
export function latestValuation(
  list: readonly IndexedValuation[] | undefined,
  day: number,
  keep?: (v: IndexedValuation) => boolean
): IndexedValuation | undefined {
  let found: IndexedValuation | undefined;
  for (const v of list ?? []) {
    if (v.day > day) break;
    if (!keep || keep(v)) found = v;
  }
  return found;
}

/**
 * The valuation a deal is priced at: the latest valuation linked to the deal or its round, else the
 * company's latest valuation as of the day, but only one dated on or after the deal: a valuation from
 * before the money went in says nothing about the stake it bought (it would give 70% for $10B priced
 * at a two-year-old $14B). Never a pre-money or secondary figure.
 */
function pricingValuation(
  ds: Dataset,
  deal: IndexedDeal,
  day: number
): IndexedValuation | undefined {
  const keep = (v: IndexedValuation): boolean => PRICING_BASES.has(v.basis);
  const linked = [
    ...(ds.valuationsByDeal.get(deal.id) ?? []),
    ...(deal.partOf ? (ds.valuationsByDeal.get(deal.partOf) ?? []) : []),
  ];
  linked.sort((a, b) => a.day - b.day || a.rank - b.rank);
  const own = latestValuation(linked, day, keep);
  if (own || deal.to === null) return own;
  const first = (deal.history[0] as IndexedEvent).day;
  return latestValuation(
    ds.valuationsByCompany.get(deal.to),
    day,
    (v) => keep(v) && v.day >= first
  );
}

export type StakeResult =
  | Stake
  | {
      readonly missing: "no-equity" | "no-amount" | "no-valuation";
      readonly deals: readonly string[];
    };

/**
 * STAKE_PCT: the reported ownership where there is one, else each equity deal's amount divided by the
 * valuation it was priced at. If some deals with an amount cannot be priced, the stake is "implied,
 * partial": a floor, and STAKE_BASIS says so.
 */
export function stake(ds: Dataset, investor: string, company: string, day: number): StakeResult {
  const reported = latestPositions(ds, investor, company, day, (p) => p.stakePct !== undefined);
  if (reported.length > 0) {
    return { value: reported.reduce((s, p) => s + (p.stakePct as number), 0), basis: "reported" };
  }
  let value = 0;
  let priced = 0;
  const unpriced: string[] = [];
  const withoutAmount: string[] = [];
  for (const d of ds.dealsByPair.get(pairKey(investor, company)) ?? []) {
    if (d.type !== "equity" || d.kind !== "transaction") continue;
    const amount = dealValueAt(d, day);
    if (amount === undefined) continue;
    if (amount === null) {
      withoutAmount.push(d.id);
      continue;
    }
    const valuation = pricingValuation(ds, d, day);
    if (!valuation) {
      unpriced.push(d.id);
      continue;
    }
    value += amount / valuation.valueUsd;
    priced++;
  }
  if (priced === 0) {
    if (unpriced.length > 0) return { missing: "no-valuation", deals: unpriced };
    if (withoutAmount.length > 0) return { missing: "no-amount", deals: withoutAmount };
    return { missing: "no-equity", deals: [] };
  }
  return { value, basis: unpriced.length > 0 ? "implied, partial" : "implied" };
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
  return backed.filter(
    (c) => !(ds.selfAndAncestors.get(c) ?? []).some((a) => a !== c && listed.has(a))
  );
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
      const s = stake(ds, investor, c, day);
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
  for (const { deal, role: r } of ds.dealsByParty.get(party) ?? []) {
    if ((role !== "any" && r !== role) || seen.has(deal.id)) continue;
    const state = dealState(deal, day);
    if (!state) continue;
    seen.add(deal.id);
    rows.push({ deal, state });
  }
  return rows.sort(
    (a, b) => a.state.event.day - b.state.event.day || a.deal.id.localeCompare(b.deal.id)
  );
}
