/**
 * A deterministic, schema-valid dataset of any size for the benchmark: companies (some under a parent),
 * deals between popularity-skewed parties with 1–3 dated, sourced history events each, funding rounds
 * with named parts, aggregates, cumulative positions and valuations. It passes loadDataset: unique ids,
 * names that mean one company, no cycles, no second entry of one transaction, dates in order and not
 * after the as-of date.
 */
import { normalizeName } from "../../src/core/names";
import {
  Company,
  DatasetFile,
  Deal,
  DealEvent,
  DealType,
  Position,
  Source,
  Status,
  Valuation,
} from "../../src/core/schema";
import { QUALIFIERS, VALUATION_BASES } from "../../src/core/vocabulary";
import { Rng, SkewedPicker } from "./rng";

export interface GenerateOptions {
  deals: number;
  companies: number;
  seed: number;
  /** The dataset's as-of date (YYYY-MM-DD); every fact is on or before it. */
  asOf?: string;
}

const MS_PER_DAY = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
const isoOf = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
/** The first day a fact dated YYYY, YYYY-MM or YYYY-MM-DD counts from (as the loader reads it). */
const startDayOf = (date: string): number =>
  dayOf(date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);

const SYLLABLES = [
  "ka",
  "lo",
  "ve",
  "ri",
  "tan",
  "mor",
  "qui",
  "zen",
  "da",
  "xo",
  "bel",
  "nu",
  "far",
  "os",
  "tri",
  "gal",
  "yen",
  "pra",
  "lux",
  "ce",
  "dor",
  "mi",
  "sa",
  "vo",
  "hel",
  "ru",
];

const SUFFIXES: Record<Company["kind"], readonly string[]> = {
  ai_lab: ["AI", "Labs", "Intelligence", "Research"],
  hyperscaler: ["Cloud", "Compute"],
  neocloud: ["GPU Cloud", "Compute"],
  data_center: ["Data Centers", "Campus"],
  chipmaker: ["Semiconductor", "Silicon", "Chips"],
  investor: ["Capital", "Ventures", "Partners", "Investment Group"],
  group: ["Group", "Holdings"],
  other: ["Industries", "Corp"],
};

const DEAL_TYPE_WEIGHTS: readonly (readonly [DealType, number])[] = [
  ["equity", 40],
  ["compute", 25],
  ["chips", 10],
  ["infrastructure", 10],
  ["secondary", 5],
  ["partnership", 10],
];

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A round amount in USD between about $1M and $30B, log-uniform. */
function amount(rng: Rng): number {
  return Math.max(1, Math.round(Math.pow(10, 6 + rng.next() * 4.5) / 1e6)) * 1e6;
}

function money(usd: number): string {
  return usd >= 1e9 ? `$${+(usd / 1e9).toFixed(2)} billion` : `$${+(usd / 1e6).toFixed(1)} million`;
}

export function generateDataset(options: GenerateOptions): DatasetFile {
  const rng = new Rng(options.seed);
  const asOf = options.asOf ?? "2026-11-26";
  const asOfDay = dayOf(asOf);
  const firstDay = dayOf("2016-01-01");

  // ---------- sources ----------
  const sources: Source[] = [];
  const sourceCount = Math.max(10, Math.round(options.deals / 50));
  for (let i = 0; i < sourceCount; i++) {
    const s: Source = {
      id: `src-${i}`,
      url: rng.chance(0.9) ? `https://news.example.com/ai/${2016 + (i % 11)}/article-${i}` : null,
      title: `Generated report ${i} on AI-infrastructure deals`,
    };
    if (rng.chance(0.7)) s.date = isoOf(rng.between(firstDay, asOfDay));
    sources.push(s);
  }
  const sourceIds = sources.map((s) => s.id);

  // ---------- companies ----------
  const usedNames = new Set<string>();
  const claim = (name: string): boolean => {
    const key = normalizeName(name);
    if (key === "" || usedNames.has(key)) return false;
    usedNames.add(key);
    return true;
  };
  const companies: Company[] = [
    {
      id: "multiple-investors",
      name: "Multiple investors",
      kind: "investor",
      aliases: ["Various investors"],
      tickers: [],
      parent: null,
    },
  ];
  claim("Multiple investors");
  claim("Various investors");
  const usedIds = new Set<string>(["multiple-investors"]);
  while (companies.length < options.companies) {
    const syllables = rng.chance(0.5) ? 2 : 3;
    let word = "";
    for (let s = 0; s < syllables; s++) word += rng.pick(SYLLABLES);
    const kind = rng.weighted<Company["kind"]>([
      ["ai_lab", 30],
      ["hyperscaler", 15],
      ["chipmaker", 10],
      ["investor", 35],
      ["group", 10],
    ]);
    const name = `${capitalize(word)} ${rng.pick(SUFFIXES[kind])}`;
    const id = normalizeName(name) === "" ? "" : name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    if (id === "" || usedIds.has(id) || !claim(name)) continue;
    usedIds.add(id);
    const aliases: string[] = [];
    if (rng.chance(0.6) && claim(capitalize(word))) aliases.push(capitalize(word));
    if (rng.chance(0.3) && claim(`${name} Inc.`)) aliases.push(`${name} Inc.`);
    const tickers: string[] = [];
    if (rng.chance(0.4)) {
      let ticker = "";
      for (let k = rng.between(3, 4); k > 0; k--) ticker += String.fromCharCode(65 + rng.int(26));
      if (claim(ticker)) tickers.push(ticker);
    }
    // A parent among the companies created before this one: no cycles by construction.
    const parentCandidate =
      companies.length > 50 && rng.chance(0.12)
        ? companies[rng.between(1, companies.length - 1)]
        : undefined;
    const company: Company = {
      id,
      name,
      kind,
      aliases,
      tickers,
      parent: parentCandidate ? parentCandidate.id : null,
    };
    // Some subsidiaries were taken over on a date: their deals count for the parent from then.
    if (parentCandidate && rng.chance(0.3))
      company.parentSince = isoOf(rng.between(firstDay, asOfDay));
    companies.push(company);
  }

  // ---------- deals ----------
  const popularity = new SkewedPicker(rng, companies.length - 1, 0.9);
  // Popularity ranks in a shuffled order, so parents and kinds are spread over popular and rare parties.
  const byRank = rng.shuffle(companies.slice(1));
  const party = (): Company => byRank[popularity.pick()] as Company;
  const byId = new Map(companies.map((c) => [c.id, c]));
  /** The company at the top of a company's family (parents are created first, so no cycles). */
  const topOf = (c: Company): string => {
    let top = c;
    while (top.parent !== null) top = byId.get(top.parent) as Company;
    return top.id;
  };

  const deals: Deal[] = [];
  const roundsInto = new Map<string, Deal[]>();
  const equityByPair = new Map<string, string[]>();
  const seenTransactions = new Set<string>();

  for (let i = 0; deals.length < options.deals; i++) {
    const kind = rng.weighted<Deal["kind"]>([
      ["transaction", 90],
      ["round", 8],
      ["aggregate", 2],
    ]);
    const type: DealType = kind === "round" ? "equity" : rng.weighted(DEAL_TYPE_WEIGHTS);
    const fromCompany = kind === "round" ? (companies[0] as Company) : party();
    let toCompany: Company | null = party();
    // Deals are between companies of different families (the loader rejects Amazon to AWS).
    while (topOf(toCompany) === topOf(fromCompany)) toCompany = party();
    if (
      (type === "infrastructure" && kind === "transaction" && rng.chance(0.1)) ||
      (kind === "aggregate" && rng.chance(0.3))
    )
      toCompany = null;

    // History: 1–3 events, ascending, none after the as-of date.
    const events = rng.weighted([
      [1, 60],
      [2, 30],
      [3, 10],
    ]);
    const history: DealEvent[] = [];
    let day = rng.between(firstDay, asOfDay - 30);
    let figure: number | null = rng.chance(0.12) ? null : amount(rng);
    let previousStart = Number.NEGATIVE_INFINITY;
    for (let e = 0; e < events; e++) {
      if (e > 0) {
        day += rng.between(1, 400);
        if (day > asOfDay) break;
        const r = rng.next();
        if (r < 0.3 && figure !== null)
          figure = Math.max(1, Math.round((figure * (0.5 + rng.next() * 1.5)) / 1e6)) * 1e6;
        else if (r < 0.45) figure = null;
        else if (figure === null) figure = amount(rng);
      }
      // Coarser dates (a month, a year) only where they cannot fall before the previous event.
      let date = isoOf(day);
      const precision = rng.next();
      if (precision < 0.25) date = date.slice(0, 7);
      else if (precision < 0.3) date = date.slice(0, 4);
      if (startDayOf(date) < previousStart) date = isoOf(day);
      previousStart = startDayOf(date);

      const status: Status =
        e === 0
          ? rng.pick(["rumored", "in_talks", "announced", "announced"] as const)
          : rng.weighted<Status>([
              ["announced", 32],
              ["signed", 32],
              ["closed", 32],
              ["ended", 4],
            ]);
      const toName = toCompany ? toCompany.name : "its own sites";
      const event: DealEvent = {
        date,
        status,
        amountUsd: figure,
        qualifier: figure === null ? null : rng.pick(QUALIFIERS),
        source: rng.pick(sourceIds),
        quote:
          figure === null
            ? `${fromCompany.name} is ${status === "rumored" ? "said to be weighing" : "in"} a ${type} deal with ${toName}, terms undisclosed`
            : `${fromCompany.name} agreed to a ${money(figure)} ${type} deal with ${toName}`,
      };
      if (
        e > 0 &&
        (type === "equity" || type === "compute") &&
        figure !== null &&
        rng.chance(0.15)
      ) {
        event.trancheUsd = Math.max(1, Math.round((figure * rng.next() * 0.6) / 1e6)) * 1e6;
      }
      history.push(event);
    }

    const first = history[0] as DealEvent;
    if (kind === "transaction" && first.amountUsd !== null) {
      // The loader rejects a second entry of one transaction (same parties, type, first date and amount).
      const base = [fromCompany.id, toCompany?.id ?? null, type, first.date].join("|");
      while (seenTransactions.has(`${base}|${first.amountUsd}`)) first.amountUsd += 1e6;
      seenTransactions.add(`${base}|${first.amountUsd}`);
    }

    const deal: Deal = {
      id: `${fromCompany.id}-${toCompany?.id ?? "own"}-${i.toString(36)}`,
      title: `${fromCompany.name} ${kind === "round" ? "round into" : `${type} deal with`} ${toCompany?.name ?? "its own sites"}`,
      from: fromCompany.id,
      to: toCompany?.id ?? null,
      type,
      kind,
      refs: [`G${i}`],
      history,
    };
    if (kind === "transaction" && type === "equity" && toCompany) {
      const rounds = roundsInto.get(toCompany.id);
      if (rounds && rng.chance(0.3)) deal.partOf = rng.pick(rounds).id;
      const pair = `${fromCompany.id}|${toCompany.id}`;
      const list = equityByPair.get(pair);
      if (list) list.push(deal.id);
      else equityByPair.set(pair, [deal.id]);
    }
    if (kind === "round" && toCompany) {
      const rounds = roundsInto.get(toCompany.id);
      if (rounds) rounds.push(deal);
      else roundsInto.set(toCompany.id, [deal]);
    }
    if (type === "compute" && rng.chance(0.4)) deal.termYears = rng.between(1, 10);
    if (deals.length > 0 && rng.chance(0.005)) deal.overlaps = [rng.pick(deals).id];
    if (rng.chance(0.1)) deal.notes = `Generated deal ${i}; figures are synthetic.`;
    deals.push(deal);
  }

  // Generated histories put deals of one pair close together by chance; a real file states why two such
  // deals are distinct (the loader refuses the pattern of one transaction entered twice otherwise).
  const byCompany = new Map<string, { deal: Deal; day: number }[]>();
  for (const d of deals) {
    if (d.type !== "equity" || d.to === null || d.kind === "aggregate") continue;
    const list = byCompany.get(d.to) ?? [];
    list.push({ deal: d, day: startDayOf((d.history[0] as DealEvent).date) });
    byCompany.set(d.to, list);
  }
  for (const list of byCompany.values()) {
    list.sort((a, b) => a.day - b.day);
    list.forEach(({ deal: b, day }, j) => {
      for (let i = j - 1; i >= 0 && day - (list[i] as { day: number }).day <= 90; i--) {
        const a = (list[i] as { deal: Deal }).deal;
        if (a.kind === b.kind && (a.kind === "round" || a.from === b.from))
          (b.distinctFrom ??= []).push({ deal: a.id, why: "Generated: a separate deal." });
      }
    });
  }

  // ---------- cumulative positions ----------
  const positions: Position[] = [];
  const equityPairs = [...equityByPair.entries()];
  const positionCount = Math.min(equityPairs.length, Math.max(4, Math.round(options.deals / 100)));
  rng.shuffle(equityPairs);
  for (let i = 0; i < positionCount; i++) {
    const [pair, covers] = equityPairs[i] as [string, string[]];
    const [investor, company] = pair.split("|") as [string, string];
    const p: Position = {
      id: `pos-${i}`,
      investor,
      company,
      date: isoOf(rng.between(firstDay, asOfDay)),
      covers: rng.chance(0.8) ? covers : [],
      refs: [`P${i}`],
      source: rng.pick(sourceIds),
      quote: `${investor} has invested in ${company} over several rounds`,
    };
    const invested = rng.chance(0.75);
    if (invested) {
      p.investedUsd = amount(rng);
      p.investedQualifier = rng.pick(QUALIFIERS);
    }
    if (!invested || rng.chance(0.5)) {
      p.stakePct = Math.round((0.005 + rng.next() * 0.6) * 1000) / 1000;
      p.stakeQualifier = rng.pick(QUALIFIERS);
    }
    positions.push(p);
  }

  // ---------- valuations ----------
  const valuations: Valuation[] = [];
  const valuationCount = Math.max(10, Math.round(options.deals / 20));
  for (let i = 0; i < valuationCount; i++) {
    const company = party();
    const rounds = roundsInto.get(company.id);
    const v: Valuation = {
      id: `val-${i}`,
      company: company.id,
      date: isoOf(rng.between(firstDay, asOfDay)),
      valueUsd: amount(rng) * rng.between(5, 40),
      qualifier: rng.pick(QUALIFIERS),
      basis: rng.pick(VALUATION_BASES),
      refs: [`V${i}`],
      source: rng.pick(sourceIds),
      quote: `a deal that values ${company.name} at a new high`,
    };
    if (rounds && rng.chance(0.4)) v.dealId = rng.pick(rounds).id;
    valuations.push(v);
  }

  return {
    schemaVersion: 2,
    version: `${asOf.replace(/-/g, ".")}.1`,
    asOf,
    title: `Generated benchmark dataset: ${options.deals} deals, ${options.companies} companies (seed ${options.seed})`,
    sources,
    companies,
    deals,
    positions,
    valuations,
  };
}
