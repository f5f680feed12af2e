/**
 * Loading a dataset: schema validation (zod), consistency checks the schema cannot express
 * (references resolve, nothing counted twice, dates in order), then the indexes every formula reads.
 * A dataset is immutable once loaded; a refresh builds a new one and swaps it in whole.
 */
import { z } from "zod";
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
  /** Company id → itself and every company below it (AWS under Amazon). */
  readonly selfAndDescendants: ReadonlyMap<string, readonly string[]>;
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

/** Validates raw JSON (already parsed) and builds the dataset, or lists every problem found. */
export function loadDataset(json: unknown): LoadResult {
  const parsed = datasetSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error) };
  const errors = checkConsistency(parsed.data);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, dataset: buildIndexes(parsed.data) };
}

function formatIssues(error: z.ZodError): string[] {
  return error.issues
    .slice(0, 50)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
}

function checkConsistency(file: DatasetFile): string[] {
  const errors: string[] = [];
  const unique = (what: string, ids: string[]): Set<string> => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) errors.push(`${what} id '${id}' is used twice`);
      seen.add(id);
    }
    return seen;
  };
  const companyIds = unique(
    "company",
    file.companies.map((c) => c.id)
  );
  const sourceIds = unique(
    "source",
    file.sources.map((s) => s.id)
  );
  const dealIds = unique(
    "deal",
    file.deals.map((d) => d.id)
  );
  unique(
    "position",
    file.positions.map((p) => p.id)
  );
  unique(
    "valuation",
    file.valuations.map((v) => v.id)
  );
  const asOfDay = factStartDay(file.asOf);
  const byId = new Map(file.deals.map((d) => [d.id, d]));

  const knownCompany = (where: string, id: string | null): void => {
    if (id !== null && !companyIds.has(id)) errors.push(`${where}: unknown company '${id}'`);
  };
  const knownSource = (where: string, id: string): void => {
    if (!sourceIds.has(id)) errors.push(`${where}: unknown source '${id}'`);
  };
  const notAfterAsOf = (where: string, date: string): void => {
    if (factStartDay(date) > asOfDay)
      errors.push(`${where}: date ${date} is after the dataset's as-of date ${file.asOf}`);
  };

  // Names: one normalized name, alias or ticker must mean one company.
  const nameOwner = new Map<string, string>();
  for (const c of file.companies) {
    knownCompany(`company ${c.id} parent`, c.parent);
    for (const name of [c.name, ...c.aliases, ...c.tickers]) {
      const key = normalizeName(name);
      const owner = nameOwner.get(key);
      if (owner !== undefined && owner !== c.id)
        errors.push(`name '${name}' belongs to both '${owner}' and '${c.id}'`);
      nameOwner.set(key, c.id);
    }
  }
  const parents = new Map(file.companies.map((c) => [c.id, c.parent]));
  for (const c of file.companies) {
    const seen = new Set<string>();
    for (let p: string | null | undefined = c.id; p; p = parents.get(p)) {
      if (seen.has(p)) {
        errors.push(`company '${c.id}' is its own ancestor`);
        break;
      }
      seen.add(p);
    }
  }

  const seenDeal = new Map<string, string>();
  for (const d of file.deals) {
    const where = `deal ${d.id}`;
    knownCompany(`${where} from`, d.from);
    knownCompany(`${where} to`, d.to);
    if (d.from === d.to) errors.push(`${where}: from and to are the same company`);
    if (d.kind !== "aggregate" && d.to === null && d.type !== "infrastructure") {
      errors.push(
        `${where}: only infrastructure build-outs and aggregates may have no counterparty`
      );
    }
    if (d.partOf !== undefined) {
      const round = byId.get(d.partOf);
      if (!round) errors.push(`${where}: partOf '${d.partOf}' is not a deal`);
      else if (round.kind !== "round") errors.push(`${where}: partOf '${d.partOf}' is not a round`);
      else if (round.to !== d.to) errors.push(`${where}: part of a round into another company`);
    }
    for (const o of d.overlaps ?? [])
      if (!dealIds.has(o)) errors.push(`${where}: overlaps unknown deal '${o}'`);
    let previous = Number.NEGATIVE_INFINITY;
    d.history.forEach((e, i) => {
      knownSource(`${where} history[${i}]`, e.source);
      notAfterAsOf(`${where} history[${i}]`, e.date);
      const day = factStartDay(e.date);
      if (day < previous)
        errors.push(`${where}: history[${i}] (${e.date}) is earlier than the event before it`);
      previous = day;
      if ((e.amountUsd === null) !== (e.qualifier === null)) {
        errors.push(
          `${where} history[${i}]: an amount needs a qualifier and a qualifier an amount`
        );
      }
    });
    // The same transaction entered twice: same parties, type, first date and first amount.
    const first = d.history[0] as DealEvent;
    if (d.kind === "transaction" && first.amountUsd !== null) {
      const key = [d.from, d.to, d.type, first.date, first.amountUsd].join("|");
      const other = seenDeal.get(key);
      if (other !== undefined)
        errors.push(
          `${where}: looks like a second entry of deal '${other}' (same parties, type, date and amount); merge them`
        );
      seenDeal.set(key, d.id);
    }
  }

  for (const p of file.positions) {
    const where = `position ${p.id}`;
    knownCompany(`${where} investor`, p.investor);
    knownCompany(`${where} company`, p.company);
    knownSource(where, p.source);
    notAfterAsOf(where, p.date);
    for (const c of p.covers) {
      const d = byId.get(c);
      if (!d) errors.push(`${where}: covers unknown deal '${c}'`);
      else if (d.from !== p.investor || d.to !== p.company || d.type !== "equity") {
        errors.push(
          `${where}: covers '${c}', which is not an equity deal from ${p.investor} to ${p.company}`
        );
      }
    }
  }
  for (const v of file.valuations) {
    const where = `valuation ${v.id}`;
    knownCompany(`${where} company`, v.company);
    knownSource(where, v.source);
    notAfterAsOf(where, v.date);
    if (v.dealId !== undefined && !dealIds.has(v.dealId))
      errors.push(`${where}: dealId '${v.dealId}' is not a deal`);
  }
  for (const s of file.sources) if (s.date !== undefined) notAfterAsOf(`source ${s.id}`, s.date);
  return errors;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildIndexes(file: DatasetFile): Dataset {
  const companies = new Map(file.companies.map((c) => [c.id, c]));
  const nameIndex = new Map<string, string>();
  for (const c of file.companies) {
    for (const name of [c.name, ...c.aliases, ...c.tickers])
      nameIndex.set(normalizeName(name), c.id);
  }
  const selfAndAncestors = (id: string): string[] => {
    const chain: string[] = [];
    for (let p: string | null | undefined = id; p; p = companies.get(p)?.parent) chain.push(p);
    return chain;
  };
  const ancestorsOf = new Map(file.companies.map((c) => [c.id, selfAndAncestors(c.id)]));
  const selfAndDescendants = new Map<string, string[]>();
  for (const c of file.companies)
    for (const a of ancestorsOf.get(c.id) ?? []) push(selfAndDescendants, a, c.id);

  const deals: IndexedDeal[] = file.deals.map((d) => ({
    ...d,
    history: d.history.map((e) => ({ ...e, day: factStartDay(e.date) })),
  }));
  const dealById = new Map(deals.map((d) => [d.id, d]));
  const dealsByPair = new Map<string, IndexedDeal[]>();
  const dealsByParty = new Map<string, { deal: IndexedDeal; role: "from" | "to" }[]>();
  const investees = new Map<string, Set<string>>();
  const addInvestee = (investor: string, company: string): void => {
    for (const a of ancestorsOf.get(investor) ?? []) {
      const set = investees.get(a) ?? new Set<string>();
      set.add(company);
      investees.set(a, set);
    }
  };
  for (const d of deals) {
    const froms = ancestorsOf.get(d.from) ?? [];
    for (const f of froms) push(dealsByParty, f, { deal: d, role: "from" as const });
    if (d.to === null) continue;
    const tos = ancestorsOf.get(d.to) ?? [];
    for (const t of tos) {
      // A deal inside one family (AWS to Amazon) belongs to no pair of distinct parties.
      if (!froms.includes(t)) push(dealsByParty, t, { deal: d, role: "to" as const });
    }
    for (const f of froms) for (const t of tos) if (f !== t) push(dealsByPair, pairKey(f, t), d);
    if (d.type === "equity" && d.kind === "transaction") addInvestee(d.from, d.to);
  }
  const positions = file.positions.map((p) => ({ ...p, day: factStartDay(p.date) }));
  const positionsByPair = new Map<string, IndexedPosition[]>();
  for (const p of positions) {
    for (const f of ancestorsOf.get(p.investor) ?? []) {
      for (const t of ancestorsOf.get(p.company) ?? []) push(positionsByPair, pairKey(f, t), p);
    }
    addInvestee(p.investor, p.company);
  }
  for (const list of positionsByPair.values()) list.sort((a, b) => a.day - b.day);

  const valuationsByCompany = new Map<string, IndexedValuation[]>();
  const valuationsByDeal = new Map<string, IndexedValuation[]>();
  for (const v of file.valuations) {
    const iv: IndexedValuation = { ...v, day: factStartDay(v.date), rank: VALUATION_RANK[v.basis] };
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
    selfAndDescendants,
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
