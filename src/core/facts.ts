/**
 * One record on a day: a deal's state (its latest event, figure and tranches) and the latest valuation.
 * The per-record rules every answer builds on; totals (analytics.ts) and stakes (stakes.ts) add them up.
 */
import {
  Dataset,
  IndexedDeal,
  IndexedEvent,
  IndexedPosition,
  IndexedValuation,
  countsFromDay,
  pairKey,
} from "./dataset";
import type { Qualifier, Status } from "./vocabulary";

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
  // The figure rule lives in dealValueAt; when the tranches win, their sum is an exact amount. An ended
  // deal keeps the last figure it had, for the reader; totals skip it (dealValueAt).
  const value = event.status === "ended" ? figure : (dealValueAt(deal, day) ?? null);
  return {
    event,
    status: event.status,
    value,
    qualifier: value === figure ? qualifier : "exact",
    funded,
  };
}

/** A deal's figure on a day without building its state (the hot path of DEAL_VALUE): the value, null
 * when no amount is reported, undefined when nothing was known yet or the deal had ended by then. */
export function dealValueAt(deal: IndexedDeal, day: number): number | null | undefined {
  const history = deal.history;
  if ((history[0] as IndexedEvent).day > day) return undefined;
  let figure: number | null = null;
  let funded = 0;
  let ended = false;
  for (let i = 0; i < history.length; i++) {
    const e = history[i] as IndexedEvent;
    if (e.day > day) break;
    if (e.amountUsd !== null) figure = e.amountUsd;
    if (e.trancheUsd !== undefined) funded += e.trancheUsd;
    ended = e.status === "ended";
  }
  if (ended) return undefined;
  return funded > (figure ?? 0) ? funded : figure;
}

/** The day a deal was first known (talks and reports included): a valuation before it cannot price it. */
export const firstDay = (deal: IndexedDeal): number => (deal.history[0] as IndexedEvent).day;

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

/** Valuations a stake may be priced at: a price paid for new shares, never a pre-money or secondary figure. */
export const PRICING_BASES: ReadonlySet<IndexedValuation["basis"]> = new Set([
  "post_money",
  "reported",
  "implied_by_deal",
]);

/** The latest reported position per exact investor→company pair under a pair key, on or before the day. */
export function latestPositions(
  ds: Dataset,
  from: string,
  to: string,
  day: number,
  keep: (p: IndexedPosition) => boolean
): IndexedPosition[] {
  const key = pairKey(from, to);
  const latest = new Map<string, IndexedPosition>();
  for (const p of ds.positionsByPair.get(key) ?? []) {
    if (p.day > day || !keep(p) || day < countsFromDay(ds, key, `p:${p.id}`)) continue;
    latest.set(pairKey(p.investor, p.company), p);
  }
  return [...latest.values()];
}
