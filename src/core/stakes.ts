/**
 * Stakes: the share of a company an investor holds on a day, and the working behind it (STAKE_DETAIL).
 *
 * - Each equity deal (an investment, or shares received as consideration) is priced at the post-money
 *   valuation of its own deal or round, or at the valuation whose price it reused (`pricedAt`); failing
 *   that, at the earliest qualifying valuation (post-money, reported or implied by a deal; never pre-money or
 *   secondary) dated on or after it; failing that it is unpriced, and the stake is a floor ("partial").
 * - A stake bought is diluted by every later priced round up to the day: each multiplies the holdings
 *   before it by (1 − the round's new money ÷ its post-money valuation). A part of a round is bought at the
 *   round's price, so its own round never dilutes it.
 * - A reported stake replaces the working up to its date; later rounds dilute it and later deals add to it
 *   ("reported, adjusted").
 * - Only deals and rounds that were announced, signed or closed count, from that day: talks and unconfirmed
 *   reports buy no shares; an ended deal (a holding sold, a deal terminated) no longer counts.
 */
import {
  Dataset,
  IndexedDeal,
  IndexedPosition,
  IndexedValuation,
  countsFromDay,
  pairKey,
} from "./dataset";
import { PRICING_BASES, dealValueAt, firstDay, latestPositions, latestValuation } from "./facts";
import type { Status } from "./vocabulary";

export type StakeBasis =
  | "reported"
  | "reported, adjusted"
  | "reported, adjusted, partial"
  | "implied"
  | "implied, partial";

/** How a deal's price was found, for the reader of the working. */
export type PricedBy = "own round" | "reused price" | "earliest after";

export type StakeStep =
  | {
      readonly kind: "reported";
      readonly day: number;
      readonly position: IndexedPosition;
      readonly stake: number;
      readonly dilution: number;
    }
  | {
      readonly kind: "deal";
      /** The day the holding counts from: when it was bought, or the day of the price it was bought at. */
      readonly day: number;
      /** When the money went in (a part of a round: the round's day). */
      readonly boughtOn: number;
      readonly deal: IndexedDeal;
      readonly amount: number;
      readonly valuation: IndexedValuation;
      readonly pricedBy: PricedBy;
      readonly stake: number;
      readonly dilution: number;
    }
  | {
      readonly kind: "unpriced";
      readonly day: number;
      readonly deal: IndexedDeal;
      readonly amount: number | null;
      readonly reason: "no-amount" | "no-valuation";
    }
  | {
      readonly kind: "round";
      readonly day: number;
      readonly round: IndexedDeal;
      readonly newMoney: number | null;
      readonly valuation: IndexedValuation | undefined;
      /** 1 − new money ÷ post-money; null when the round cannot be priced (then it is not applied). */
      readonly factor: number | null;
    };

export interface StakeWorking {
  readonly steps: readonly StakeStep[];
  readonly value: number;
  readonly basis: StakeBasis;
  /** The steps added up to more than the whole company (a takeover after earlier purchases): 100%. */
  readonly capped: boolean;
}

export type StakeResult =
  | StakeWorking
  | {
      /** no-equity: no equity deal at all; not-yet: only reported or in talks; ended: all ended (sold). */
      readonly missing: "no-equity" | "not-yet" | "ended" | "no-amount" | "no-valuation";
      readonly deals: readonly string[];
    };

const isPricing = (v: IndexedValuation): boolean => PRICING_BASES.has(v.basis);
const byDayThenRank = (a: IndexedValuation, b: IndexedValuation): number =>
  a.day - b.day || a.rank - b.rank;

/** The valuation of a deal's own round (or the one it reused) known by the day, post-money first on a tie. */
function ownPrice(ds: Dataset, deal: IndexedDeal, day: number): IndexedValuation | undefined {
  const linked = [
    ...(ds.valuationsByDeal.get(deal.id) ?? []),
    ...(deal.partOf ? (ds.valuationsByDeal.get(deal.partOf) ?? []) : []),
  ].sort(byDayThenRank);
  return latestValuation(linked, day, isPricing);
}

function priceOf(
  ds: Dataset,
  deal: IndexedDeal,
  day: number
): { valuation: IndexedValuation; pricedBy: PricedBy } | undefined {
  const own = ownPrice(ds, deal, day);
  if (own) return { valuation: own, pricedBy: "own round" };
  const reused = deal.pricedAt === undefined ? undefined : ds.valuationById.get(deal.pricedAt);
  if (reused && reused.day <= day) return { valuation: reused, pricedBy: "reused price" };
  if (deal.to === null) return undefined;
  const from = firstDay(deal);
  for (const v of ds.valuationsByCompany.get(deal.to) ?? []) {
    if (v.day > day) break;
    if (v.day >= from && isPricing(v)) return { valuation: v, pricedBy: "earliest after" };
  }
  return undefined;
}

const COMMITTED: ReadonlySet<Status> = new Set<Status>(["announced", "signed", "closed"]);

/**
 * The day a deal became real (its first announced, signed or closed event), if it had by the day and had
 * not ended: talks and unconfirmed reports buy no shares and dilute nobody.
 */
function committedDay(deal: IndexedDeal, day: number): number | undefined {
  let committed: number | undefined;
  for (const e of deal.history) {
    if (e.day > day) break;
    if (e.status === "ended") return undefined;
    if (committed === undefined && COMMITTED.has(e.status)) committed = e.day;
  }
  return committed;
}

/** Equity deals of the investor in exactly this company known by the day (a parent's shares are not a subsidiary's). */
function equityDeals(ds: Dataset, investor: string, company: string, day: number): IndexedDeal[] {
  const key = pairKey(investor, company);
  return (ds.dealsByPair.get(key) ?? []).filter(
    (d) =>
      d.type === "equity" &&
      (d.kind === "transaction" || d.kind === "consideration") &&
      d.to === company &&
      firstDay(d) <= day &&
      day >= countsFromDay(ds, key, d.id)
  );
}

/** Those that had given it shares by the day: announced, signed or closed, and not ended. */
function holdingDeals(ds: Dataset, investor: string, company: string, day: number): IndexedDeal[] {
  return equityDeals(ds, investor, company, day).filter((d) => committedDay(d, day) !== undefined);
}

/** Why there is no stake at all: no equity deal, deals still only reported or in talks, or all ended. */
function whyNone(ds: Dataset, investor: string, company: string, day: number): StakeResult {
  const known = equityDeals(ds, investor, company, day);
  if (known.length === 0) return { missing: "no-equity", deals: [] };
  const ended = known.filter((d) => d.history.some((e) => e.day <= day && e.status === "ended"));
  return {
    missing: ended.length === known.length ? "ended" : "not-yet",
    deals: known.map((d) => d.id),
  };
}

/** The day a deal's shares count from: a part of a round is bought with the round, never before it. */
function holdingDay(ds: Dataset, deal: IndexedDeal, day: number): number {
  const own = committedDay(deal, day) as number;
  const round = deal.partOf === undefined ? undefined : ds.dealById.get(deal.partOf);
  const roundDay = round === undefined ? undefined : committedDay(round, day);
  return roundDay === undefined ? own : Math.max(own, roundDay);
}

/** STAKE_PCT and STAKE_DETAIL: the investor's share of the company on the day, with every step of it. */
export function stakeWorking(
  ds: Dataset,
  investor: string,
  company: string,
  day: number
): StakeResult {
  const reported = latestPositions(ds, investor, company, day, (p) => p.stakePct !== undefined);
  const anchorDay = reported.length > 0 ? Math.max(...reported.map((p) => p.day)) : undefined;
  const deals = holdingDeals(ds, investor, company, day).filter(
    (deal) => anchorDay === undefined || holdingDay(ds, deal, day) > anchorDay
  );
  if (reported.length === 0 && deals.length === 0) return whyNone(ds, investor, company, day);

  // Each holding counts from when the money went in, or from the valuation it was priced at if that is
  // later: a stake priced at a round's post-money already reflects that round, so it never dilutes it.
  const steps: StakeStep[] = reported.map((position) => ({
    kind: "reported",
    day: anchorDay as number,
    position,
    stake: position.stakePct as number,
    dilution: 1,
  }));
  for (const deal of deals) {
    const at = holdingDay(ds, deal, day);
    const amount = dealValueAt(deal, day) ?? null;
    const price = amount === null ? undefined : priceOf(ds, deal, day);
    if (amount === null || price === undefined) {
      const reason = amount === null ? "no-amount" : "no-valuation";
      steps.push({ kind: "unpriced", day: at, deal, amount, reason });
    } else {
      steps.push({
        kind: "deal",
        day: Math.max(at, price.valuation.day),
        boughtOn: at,
        deal,
        amount,
        valuation: price.valuation,
        pricedBy: price.pricedBy,
        stake: amount / price.valuation.valueUsd,
        dilution: 1,
      });
    }
  }
  const start = Math.min(...steps.map((s) => s.day));
  for (const round of roundsOf(ds, company)) {
    const at = committedDay(round, day);
    if (at === undefined || at <= start) continue;
    const newMoney = dealValueAt(round, day) ?? null;
    const valuation = ownPrice(ds, round, day);
    const factor =
      newMoney !== null && valuation !== undefined && newMoney < valuation.valueUsd
        ? 1 - newMoney / valuation.valueUsd
        : null;
    steps.push({ kind: "round", day: at, round, newMoney, valuation, factor });
  }
  // Oldest first; on one day a round comes before the holdings bought at its price.
  const order = (s: StakeStep): number => (s.kind === "reported" ? 0 : s.kind === "round" ? 1 : 2);
  steps.sort((a, b) => a.day - b.day || order(a) - order(b));

  let dilution = 1;
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i] as StakeStep;
    if (s.kind === "round") dilution *= s.factor ?? 1;
    else if (s.kind === "deal" || s.kind === "reported") steps[i] = { ...s, dilution };
  }

  const held = steps.filter((s) => s.kind === "deal" || s.kind === "reported");
  const unpriced = steps.filter((s) => s.kind === "unpriced");
  if (held.length === 0) {
    const noValuation = unpriced.filter((s) => s.reason === "no-valuation");
    return {
      missing: noValuation.length > 0 ? "no-valuation" : "no-amount",
      deals: (noValuation.length > 0 ? noValuation : unpriced).map((s) => s.deal.id),
    };
  }
  const sum = held.reduce((total, s) => total + s.stake * s.dilution, 0);
  const partial = unpriced.length > 0 ? ", partial" : "";
  let basis: StakeBasis;
  if (reported.length === 0) basis = partial ? "implied, partial" : "implied";
  else {
    const adjusted = steps.some(
      (s) => s.kind === "deal" || (s.kind === "round" && s.factor !== null)
    );
    basis =
      !adjusted && !partial
        ? "reported"
        : partial
          ? "reported, adjusted, partial"
          : "reported, adjusted";
  }
  return { steps, value: Math.min(sum, 1), basis, capped: sum > 1 };
}

/** The funding rounds of exactly this company. */
function roundsOf(ds: Dataset, company: string): IndexedDeal[] {
  return (ds.dealsByParty.get(company) ?? [])
    .filter((p) => p.role === "to" && p.deal.kind === "round" && p.deal.to === company)
    .map((p) => p.deal);
}
