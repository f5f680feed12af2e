/**
 * A loaded dataset: the file and the indexes every formula reads (by id, by pair of parties, by party,
 * valuations by company and deal). Building them assumes a checked file: the add-in's bundled file is
 * checked by the build and a refreshed one by load.ts before it is indexed. A dataset never changes once
 * built; a refresh builds a new one and swaps it in whole.
 */
import { factStartDay } from "./dates";
import { normalizeName } from "./names";
import type {
  Company,
  DatasetFile,
  Deal,
  DealEvent,
  FxRate,
  Position,
  Source,
  Valuation,
} from "./schema";

/** A deal event with its start day precomputed. */
export interface IndexedEvent extends DealEvent {
  readonly day: number;
}

export interface IndexedDeal extends Omit<Deal, "history"> {
  readonly history: readonly IndexedEvent[];
}

export interface IndexedValuation extends Valuation {
  readonly day: number;
  /** Same-day tie-break: a post-money figure beats an implied one, which beats a pre-money one. */
  readonly rank: number;
}

export interface IndexedPosition extends Position {
  readonly day: number;
}

export interface Dataset {
  readonly file: DatasetFile;
  readonly companies: ReadonlyMap<string, Company>;
  /** Normalized name, alias or ticker → company id. */
  readonly nameIndex: ReadonlyMap<string, string>;
  /** Company id → itself and every company above it, nearest first (AWS: AWS, Amazon). */
  readonly selfAndAncestors: ReadonlyMap<string, readonly string[]>;
  /** Company id → for each entry of selfAndAncestors, the first day it belongs there (-Infinity: always). */
  readonly memberSince: ReadonlyMap<string, readonly number[]>;
  /**
   * The first day a record counts under a pair of ancestors when a parent took a company over on a date
   * (`${pairKey}|${record id}`; positions' ids behind "p:"). Records absent here count from their own date.
   */
  readonly countsFrom: ReadonlyMap<string, number>;
  /** Companies whose parent chain loops (a consistency error; the loader rejects such data). */
  readonly cyclic: ReadonlySet<string>;
  readonly deals: readonly IndexedDeal[];
  readonly dealById: ReadonlyMap<string, IndexedDeal>;
  /** `${from}|${to}` for every ancestor-or-self of each side → deals, so a parent's query is one lookup. */
  readonly dealsByPair: ReadonlyMap<string, readonly IndexedDeal[]>;
  /** Company id (and each ancestor) → deals it is a party to, with its role and the first day it counts there. */
  readonly dealsByParty: ReadonlyMap<string, readonly PartyDeal[]>;
  readonly positionsByPair: ReadonlyMap<string, readonly IndexedPosition[]>;
  /** Company id → valuations, oldest first, same-day ties in rank order. */
  readonly valuationsByCompany: ReadonlyMap<string, readonly IndexedValuation[]>;
  readonly valuationsByDeal: ReadonlyMap<string, readonly IndexedValuation[]>;
  readonly valuationById: ReadonlyMap<string, IndexedValuation>;
  /** Investor id (and each ancestor) → companies it put equity into. */
  readonly investeesByInvestor: ReadonlyMap<string, readonly string[]>;
  readonly sources: ReadonlyMap<string, Source>;
  readonly fxRates: ReadonlyMap<string, FxRate>;
}

export interface PartyDeal {
  readonly deal: IndexedDeal;
  readonly role: "from" | "to";
  /** -Infinity, or the day the party took over the company that is the deal's party. */
  readonly since: number;
}

const VALUATION_RANK: Record<Valuation["basis"], number> = {
  pre_money: 0,
  secondary: 1,
  reported: 2,
  implied_by_deal: 3,
  post_money: 4,
};

export const pairKey = (from: string, to: string): string => `${from}|${to}`;

/** The first day a record counts for a pair: -Infinity unless a parent took one side over on a date. */
export function countsFromDay(ds: Dataset, key: string, recordId: string): number {
  return ds.countsFrom.size === 0
    ? Number.NEGATIVE_INFINITY
    : (ds.countsFrom.get(`${key}|${recordId}`) ?? Number.NEGATIVE_INFINITY);
}

/** The company's family on a day: itself and the ancestors it belonged to by then, nearest first. */
export function ancestorsOn(ds: Dataset, id: string, day: number): string[] {
  const chain = ds.selfAndAncestors.get(id) ?? [id];
  const since = ds.memberSince.get(id);
  return since === undefined ? [...chain] : chain.filter((_, i) => (since[i] as number) <= day);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// Indexed records are built as literals with every property present in one order, so each kind of
// record shares one hidden class in the JavaScript engine and the hot loops read them fast.
function indexEvent(e: DealEvent): IndexedEvent {
  return {
    date: e.date,
    status: e.status,
    amountUsd: e.amountUsd,
    qualifier: e.qualifier,
    trancheUsd: e.trancheUsd,
    parts: e.parts,
    reported: e.reported,
    recurring: e.recurring,
    source: e.source,
    quote: e.quote,
    note: e.note,
    day: factStartDay(e.date),
  };
}

function indexDeal(d: Deal): IndexedDeal {
  return {
    id: d.id,
    title: d.title,
    from: d.from,
    to: d.to,
    type: d.type,
    kind: d.kind,
    partOf: d.partOf,
    overlaps: d.overlaps,
    distinctFrom: d.distinctFrom,
    pricedAt: d.pricedAt,
    termYears: d.termYears,
    refs: d.refs,
    notes: d.notes,
    history: d.history.map(indexEvent),
  };
}

/** The indexes of a checked file. Keeps the file itself as the dataset's `file`: never change it afterwards. */
export function indexDataset(file: DatasetFile): Dataset {
  const companies = new Map(file.companies.map((c) => [c.id, c]));
  const nameIndex = new Map<string, string>();
  for (const c of file.companies) {
    for (const name of [c.name, ...c.aliases, ...c.tickers])
      nameIndex.set(normalizeName(name), c.id);
  }
  const cyclic = new Set<string>();
  const ancestorsOf = new Map<string, string[]>();
  const memberSince = new Map<string, number[]>();
  for (const c of file.companies) {
    const chain: string[] = [];
    const since: number[] = [];
    let from = Number.NEGATIVE_INFINITY;
    for (let p: Company | undefined = c; p; p = p.parent ? companies.get(p.parent) : undefined) {
      if (chain.includes(p.id)) {
        cyclic.add(c.id);
        break;
      }
      chain.push(p.id);
      since.push(from);
      // Above this company, membership starts when it was taken over (and no earlier than below it).
      if (p.parentSince !== undefined) from = Math.max(from, factStartDay(p.parentSince));
    }
    ancestorsOf.set(c.id, chain);
    if (since.some((d) => d !== Number.NEGATIVE_INFINITY)) memberSince.set(c.id, since);
  }
  const chainOf = (id: string): string[] => ancestorsOf.get(id) ?? [id];
  const sinceOf = (id: string, i: number): number =>
    memberSince.get(id)?.[i] ?? Number.NEGATIVE_INFINITY;
  const countsFrom = new Map<string, number>();

  const deals = file.deals.map(indexDeal);
  const dealById = new Map(deals.map((d) => [d.id, d]));
  const dealsByPair = new Map<string, IndexedDeal[]>();
  const dealsByParty = new Map<string, PartyDeal[]>();
  const investees = new Map<string, Set<string>>();
  const addInvestee = (investor: string, company: string): void => {
    for (const a of chainOf(investor)) {
      const set = investees.get(a) ?? new Set<string>();
      set.add(company);
      investees.set(a, set);
    }
  };
  /** Files a record under every pair of ancestors, noting the day it starts to count there if not always. */
  const underPairs = (
    from: string,
    to: string,
    recordKey: string,
    file: (key: string) => void
  ): void => {
    const froms = chainOf(from);
    const tos = chainOf(to);
    froms.forEach((f, i) =>
      tos.forEach((t, j) => {
        if (f === t) return; // inside one family: no pair of distinct parties
        const key = pairKey(f, t);
        file(key);
        const since = Math.max(sinceOf(from, i), sinceOf(to, j));
        if (since !== Number.NEGATIVE_INFINITY) countsFrom.set(`${key}|${recordKey}`, since);
      })
    );
  };
  for (const d of deals) {
    const froms = chainOf(d.from);
    froms.forEach((f, i) =>
      push(dealsByParty, f, { deal: d, role: "from" as const, since: sinceOf(d.from, i) })
    );
    if (d.to === null) continue;
    chainOf(d.to).forEach((t, j) => {
      // A deal inside one family (AWS to Amazon) belongs to no pair of distinct parties.
      if (!froms.includes(t))
        push(dealsByParty, t, { deal: d, role: "to", since: sinceOf(d.to as string, j) });
    });
    underPairs(d.from, d.to, d.id, (key) => push(dealsByPair, key, d));
    if (d.type === "equity" && d.kind === "transaction") addInvestee(d.from, d.to);
  }
  const positionsByPair = new Map<string, IndexedPosition[]>();
  for (const p of file.positions) {
    const ip: IndexedPosition = {
      id: p.id,
      investor: p.investor,
      company: p.company,
      date: p.date,
      investedUsd: p.investedUsd,
      investedQualifier: p.investedQualifier,
      investedParts: p.investedParts,
      stakePct: p.stakePct,
      stakeQualifier: p.stakeQualifier,
      covers: p.covers,
      refs: p.refs,
      source: p.source,
      quote: p.quote,
      note: p.note,
      day: factStartDay(p.date),
    };
    underPairs(p.investor, p.company, `p:${p.id}`, (key) => push(positionsByPair, key, ip));
    addInvestee(p.investor, p.company);
  }
  for (const list of positionsByPair.values()) list.sort((a, b) => a.day - b.day);

  const valuationsByCompany = new Map<string, IndexedValuation[]>();
  const valuationsByDeal = new Map<string, IndexedValuation[]>();
  const valuationById = new Map<string, IndexedValuation>();
  for (const v of file.valuations) {
    const iv: IndexedValuation = {
      id: v.id,
      company: v.company,
      date: v.date,
      valueUsd: v.valueUsd,
      qualifier: v.qualifier,
      basis: v.basis,
      dealId: v.dealId,
      parts: v.parts,
      reported: v.reported,
      refs: v.refs,
      source: v.source,
      quote: v.quote,
      note: v.note,
      day: factStartDay(v.date),
      rank: VALUATION_RANK[v.basis],
    };
    push(valuationsByCompany, v.company, iv);
    valuationById.set(v.id, iv);
    if (v.dealId !== undefined) push(valuationsByDeal, v.dealId, iv);
  }
  const byDayThenRank = (a: IndexedValuation, b: IndexedValuation): number =>
    a.day - b.day || a.rank - b.rank;
  for (const list of valuationsByCompany.values()) list.sort(byDayThenRank);
  for (const list of valuationsByDeal.values()) list.sort(byDayThenRank);

  return {
    file,
    companies,
    nameIndex,
    selfAndAncestors: ancestorsOf,
    memberSince,
    countsFrom,
    cyclic,
    deals,
    dealById,
    dealsByPair,
    dealsByParty,
    positionsByPair,
    valuationsByCompany,
    valuationsByDeal,
    valuationById,
    investeesByInvestor: new Map([...investees].map(([k, v]) => [k, [...v]])),
    sources: new Map(file.sources.map((s) => [s.id, s])),
    fxRates: new Map((file.fxRates ?? []).map((r) => [r.id, r])),
  };
}
