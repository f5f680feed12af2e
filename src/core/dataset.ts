/**
 * Loading a dataset: schema validation (schema.ts), consistency checks the schema cannot express
 * (references resolve, nothing counted twice, dates in order), then the indexes every formula reads.
 * A dataset is immutable once loaded; a refresh builds a new one and swaps it in whole.
 */
import { factStartDay } from "./dates";
import { normalizeName } from "./names";
import {
  Company,
  DatasetFile,
  Deal,
  DealEvent,
  Position,
  Source,
  Valuation,
  datasetSchema,
} from "./schema";
import { Issue, validate } from "./validate";

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
  /** Companies whose parent chain loops (a consistency error; the loader rejects such data). */
  readonly cyclic: ReadonlySet<string>;
  readonly deals: readonly IndexedDeal[];
  readonly dealById: ReadonlyMap<string, IndexedDeal>;
  /** `${from}|${to}` for every ancestor-or-self of each side → deals, so a parent's query is one lookup. */
  readonly dealsByPair: ReadonlyMap<string, readonly IndexedDeal[]>;
  /** Company id (and each ancestor) → deals it is a party to, with its role. */
  readonly dealsByParty: ReadonlyMap<string, readonly { deal: IndexedDeal; role: "from" | "to" }[]>;
  readonly positionsByPair: ReadonlyMap<string, readonly IndexedPosition[]>;
  /** Company id → valuations, oldest first, same-day ties in rank order. */
  readonly valuationsByCompany: ReadonlyMap<string, readonly IndexedValuation[]>;
  readonly valuationsByDeal: ReadonlyMap<string, readonly IndexedValuation[]>;
  /** Investor id (and each ancestor) → companies it put equity into. */
  readonly investeesByInvestor: ReadonlyMap<string, readonly string[]>;
  readonly sources: ReadonlyMap<string, Source>;
}

export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

const VALUATION_RANK: Record<Valuation["basis"], number> = {
  pre_money: 0,
  secondary: 1,
  reported: 2,
  implied_by_deal: 3,
  post_money: 4,
};

export const pairKey = (from: string, to: string): string => `${from}|${to}`;

/**
 * Validates raw JSON (already parsed) and builds the dataset, or lists every problem found. The dataset
 * keeps `json` itself as its `file` (no copy): pass freshly parsed JSON and never change it afterwards.
 */
export function loadDataset(json: unknown): LoadResult {
  const parsed = validate(datasetSchema, json);
  if (!parsed.ok) return { ok: false, errors: parsed.issues.map(formatIssue) };
  // Index first (it tolerates broken references), then check consistency on the indexes: every
  // fact's day is computed once and the id maps are built once.
  const dataset = buildIndexes(parsed.value);
  const errors = checkConsistency(dataset);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, dataset };
}

function formatIssue(issue: Issue): string {
  return `${issue.path.join(".") || "(root)"}: ${issue.message}`;
}

const MAX_ERRORS = 50;

function checkConsistency(ds: Dataset): string[] {
  const file = ds.file;
  const errors: string[] = [];
  const fail = (message: string): void => {
    if (errors.length < MAX_ERRORS) errors.push(message);
  };
  const duplicatesIn = (what: string, records: readonly { id: string }[]): void => {
    const seen = new Set<string>();
    for (const { id } of records) {
      if (seen.has(id)) fail(`${what} id '${id}' is used twice`);
      seen.add(id);
    }
  };
  // An id map smaller than its list means a duplicate: look for it only then.
  if (ds.companies.size !== file.companies.length) duplicatesIn("company", file.companies);
  if (ds.sources.size !== file.sources.length) duplicatesIn("source", file.sources);
  if (ds.dealById.size !== file.deals.length) duplicatesIn("deal", file.deals);
  duplicatesIn("position", file.positions);
  duplicatesIn("valuation", file.valuations);
  const asOfDay = factStartDay(file.asOf);
  // The checks below run for every fact of a large file; these report, and build their message, only
  // once a check has failed.
  const unknownCompany = (id: string, where: string): void =>
    fail(`${where}: unknown company '${id}'`);
  const unknownSource = (id: string, where: string): void =>
    fail(`${where}: unknown source '${id}'`);
  const afterAsOf = (date: string, what: string): void => {
    fail(`${what}: date ${date} is after the dataset's as-of date ${file.asOf}`);
  };

  // Names: one normalized name, alias or ticker must mean one company.
  const nameOwner = new Map<string, string>();
  for (const c of file.companies) {
    if (c.parent !== null && !ds.companies.has(c.parent))
      unknownCompany(c.parent, `company ${c.id} parent`);
    for (const name of [c.name, ...c.aliases, ...c.tickers]) {
      const key = normalizeName(name);
      const owner = nameOwner.get(key);
      if (owner !== undefined && owner !== c.id)
        fail(`name '${name}' belongs to both '${owner}' and '${c.id}'`);
      nameOwner.set(key, c.id);
    }
    if (ds.cyclic.has(c.id)) fail(`company '${c.id}' is its own ancestor`);
  }

  /** The company at the top of a company's family (Amazon for AWS). */
  const topOf = (id: string): string => {
    const chain = ds.selfAndAncestors.get(id) ?? [id];
    return chain[chain.length - 1] as string;
  };
  const seenDeal = new Map<string, string>();
  for (const d of ds.deals) {
    if (!ds.companies.has(d.from)) unknownCompany(d.from, `deal ${d.id} from`);
    if (d.to !== null && !ds.companies.has(d.to)) unknownCompany(d.to, `deal ${d.id} to`);
    if (d.from === d.to) fail(`deal ${d.id}: from and to are the same company`);
    else if (d.to !== null && topOf(d.from) === topOf(d.to)) {
      fail(`deal ${d.id}: from and to belong to one company family (${d.from}, ${d.to})`);
    }
    if (d.kind !== "aggregate" && d.to === null && d.type !== "infrastructure") {
      fail(`deal ${d.id}: only infrastructure build-outs and aggregates may have no counterparty`);
    }
    if (d.partOf !== undefined) {
      const round = ds.dealById.get(d.partOf);
      if (!round) fail(`deal ${d.id}: partOf '${d.partOf}' is not a deal`);
      else if (round.kind !== "round") fail(`deal ${d.id}: partOf '${d.partOf}' is not a round`);
      else if (round.to !== d.to) fail(`deal ${d.id}: part of a round into another company`);
    }
    if (d.overlaps) {
      for (const o of d.overlaps)
        if (!ds.dealById.has(o)) fail(`deal ${d.id}: overlaps unknown deal '${o}'`);
    }
    let previous = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < d.history.length; i++) {
      const e = d.history[i] as IndexedEvent;
      if (!ds.sources.has(e.source)) unknownSource(e.source, `deal ${d.id} history[${i}]`);
      if (e.day > asOfDay) afterAsOf(e.date, `deal ${d.id} history[${i}]`);
      if (e.day < previous)
        fail(`deal ${d.id} history[${i}] (${e.date}) is earlier than the event before it`);
      previous = e.day;
      if ((e.amountUsd === null) !== (e.qualifier === null)) {
        fail(`deal ${d.id} history[${i}]: an amount needs a qualifier and a qualifier an amount`);
      }
    }
    // The same transaction entered twice: same parties, type, first date and first amount.
    const first = d.history[0] as IndexedEvent;
    if (d.kind === "transaction" && first.amountUsd !== null) {
      const key = `${d.from}|${d.to}|${d.type}|${first.date}|${first.amountUsd}`;
      const other = seenDeal.get(key);
      if (other !== undefined) {
        fail(
          `deal ${d.id}: looks like a second entry of deal '${other}' (same parties, type, date and amount); merge them`
        );
      }
      seenDeal.set(key, d.id);
    }
  }

  for (const p of file.positions) {
    if (!ds.companies.has(p.investor)) unknownCompany(p.investor, `position ${p.id} investor`);
    if (!ds.companies.has(p.company)) unknownCompany(p.company, `position ${p.id} company`);
    if (!ds.sources.has(p.source)) unknownSource(p.source, `position ${p.id}`);
    if (factStartDay(p.date) > asOfDay) afterAsOf(p.date, `position ${p.id}`);
    for (const c of p.covers) {
      const d = ds.dealById.get(c);
      if (!d) fail(`position ${p.id}: covers unknown deal '${c}'`);
      else if (d.from !== p.investor || d.to !== p.company || d.type !== "equity") {
        fail(
          `position ${p.id}: covers '${c}', which is not an equity deal from ${p.investor} to ${p.company}`
        );
      }
    }
  }
  for (const v of file.valuations) {
    if (!ds.companies.has(v.company)) unknownCompany(v.company, `valuation ${v.id} company`);
    if (!ds.sources.has(v.source)) unknownSource(v.source, `valuation ${v.id}`);
    if (factStartDay(v.date) > asOfDay) afterAsOf(v.date, `valuation ${v.id}`);
    const priced = v.dealId === undefined ? undefined : ds.dealById.get(v.dealId);
    if (v.dealId !== undefined && !priced)
      fail(`valuation ${v.id}: dealId '${v.dealId}' is not a deal`);
    else if (priced && priced.to !== v.company) {
      fail(
        `valuation ${v.id}: values ${v.company} but its deal '${priced.id}' is into ${priced.to}`
      );
    }
  }
  for (const s of file.sources) {
    if (s.date !== undefined && factStartDay(s.date) > asOfDay) afterAsOf(s.date, `source ${s.id}`);
  }
  return errors;
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
    termYears: d.termYears,
    refs: d.refs,
    notes: d.notes,
    history: d.history.map(indexEvent),
  };
}

function buildIndexes(file: DatasetFile): Dataset {
  const companies = new Map(file.companies.map((c) => [c.id, c]));
  const nameIndex = new Map<string, string>();
  for (const c of file.companies) {
    for (const name of [c.name, ...c.aliases, ...c.tickers])
      nameIndex.set(normalizeName(name), c.id);
  }
  const cyclic = new Set<string>();
  const selfAndAncestors = (id: string): string[] => {
    const chain: string[] = [];
    for (let p: string | null | undefined = id; p; p = companies.get(p)?.parent) {
      if (chain.includes(p)) {
        cyclic.add(id);
        break;
      }
      chain.push(p);
    }
    return chain;
  };
  const ancestorsOf = new Map(file.companies.map((c) => [c.id, selfAndAncestors(c.id)]));
  const chainOf = (id: string): string[] => ancestorsOf.get(id) ?? [id];

  const deals = file.deals.map(indexDeal);
  const dealById = new Map(deals.map((d) => [d.id, d]));
  const dealsByPair = new Map<string, IndexedDeal[]>();
  const dealsByParty = new Map<string, { deal: IndexedDeal; role: "from" | "to" }[]>();
  const investees = new Map<string, Set<string>>();
  const addInvestee = (investor: string, company: string): void => {
    for (const a of chainOf(investor)) {
      const set = investees.get(a) ?? new Set<string>();
      set.add(company);
      investees.set(a, set);
    }
  };
  for (const d of deals) {
    const froms = chainOf(d.from);
    for (const f of froms) push(dealsByParty, f, { deal: d, role: "from" as const });
    if (d.to === null) continue;
    const tos = chainOf(d.to);
    for (const t of tos) {
      // A deal inside one family (AWS to Amazon) belongs to no pair of distinct parties.
      if (!froms.includes(t)) push(dealsByParty, t, { deal: d, role: "to" as const });
    }
    for (const f of froms) for (const t of tos) if (f !== t) push(dealsByPair, pairKey(f, t), d);
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
      stakePct: p.stakePct,
      stakeQualifier: p.stakeQualifier,
      covers: p.covers,
      refs: p.refs,
      source: p.source,
      quote: p.quote,
      note: p.note,
      day: factStartDay(p.date),
    };
    for (const f of chainOf(p.investor))
      for (const t of chainOf(p.company)) push(positionsByPair, pairKey(f, t), ip);
    addInvestee(p.investor, p.company);
  }
  for (const list of positionsByPair.values()) list.sort((a, b) => a.day - b.day);

  const valuationsByCompany = new Map<string, IndexedValuation[]>();
  const valuationsByDeal = new Map<string, IndexedValuation[]>();
  for (const v of file.valuations) {
    const iv: IndexedValuation = {
      id: v.id,
      company: v.company,
      date: v.date,
      valueUsd: v.valueUsd,
      qualifier: v.qualifier,
      basis: v.basis,
      dealId: v.dealId,
      refs: v.refs,
      source: v.source,
      quote: v.quote,
      note: v.note,
      day: factStartDay(v.date),
      rank: VALUATION_RANK[v.basis],
    };
    push(valuationsByCompany, v.company, iv);
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
    cyclic,
    deals,
    dealById,
    dealsByPair,
    dealsByParty,
    positionsByPair,
    valuationsByCompany,
    valuationsByDeal,
    investeesByInvestor: new Map([...investees].map(([k, v]) => [k, [...v]])),
    sources: new Map(file.sources.map((s) => [s.id, s])),
  };
}
