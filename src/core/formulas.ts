/**
 * The DEALS formulas as Excel calls them: raw arguments in (strings, numbers, null for an omitted
 * optional, anything a cell can hold), a value or a FormulaError out. Never throws for any input.
 * Reading arguments and wording errors lives here; the arithmetic lives in analytics.ts.
 */
import {
  ExposureBasis,
  FLOW_BACK_TYPES,
  Role,
  circularity,
  dealsOf,
  endedDeals,
  exposure,
  matchingDeals,
  pairTotal,
} from "./analytics";
import { DealState, dealState, dealValueAt, latestValuation } from "./facts";
import { PricedBy, StakeWorking, stakeWorking } from "./stakes";
import { Dataset, IndexedDeal, IndexedValuation } from "./dataset";
import {
  LATEST,
  clip,
  describeAsOf,
  excelSerial,
  formatDay,
  parseAsOf,
  precisionOf,
} from "./dates";
import { FormulaError, invalidValue, isFormulaError, notAvailable } from "./errors";
import { MAX_NAME_LENGTH, closestName, normalizeName } from "./names";
import type { Recurring, ReportedAmount } from "./schema";
import { DEAL_TYPES, DealType, Qualifier, Status } from "./vocabulary";

export type Cell = string | number;
export type Table = Cell[][];

/** Per-dataset memo tables: a refresh brings a new Dataset object and so empty caches. */
interface Caches {
  /** Company text as typed (and trimmed) → company id, or the error naming it unknown. */
  names: Map<string, string | FormulaError>;
  results: Map<string, unknown>;
}
const caches = new WeakMap<Dataset, Caches>();
const MAX_CACHED_RESULTS = 200_000;

function cachesOf(ds: Dataset): Caches {
  let c = caches.get(ds);
  if (!c) {
    c = { names: new Map(), results: new Map() };
    caches.set(ds, c);
  }
  return c;
}

/** Excel recalculates the same formulas over and over; the answer for the same data and arguments never changes. */
function memo<T>(ds: Dataset, key: string, compute: () => T): T {
  const { results } = cachesOf(ds);
  const cached = results.get(key);
  if (cached !== undefined) return cached as T;
  const value = compute();
  if (results.size >= MAX_CACHED_RESULTS) results.clear();
  results.set(key, value);
  return value;
}

const SEP = "\u001f";

/**
 * The memo key of a call: each argument tagged with its type after a separator. Text that itself holds
 * the separator (CHAR(31)) is JSON-quoted, so two different calls never share a key.
 */
function argKey(name: string, args: unknown[]): string {
  let key = name;
  for (const a of args) {
    if (typeof a === "string")
      key += a.includes(SEP) ? `${SEP}j${JSON.stringify(a)}` : `${SEP}s${a}`;
    else if (typeof a === "number") key += `${SEP}n${a}`;
    else key += `${SEP}o${typeof a === "object" && a !== null ? JSON.stringify(a) : String(a)}`;
  }
  return key;
}

// ---------- reading arguments ----------

/**
 * Text argument as Excel may pass it; numbers are read as text (a ticker like 9984). Text longer than any
 * name (a whole cell of it) is refused before matching, which would be the slow part of the call.
 */
function textArg(value: unknown, what: string): string | FormulaError {
  if (Array.isArray(value)) return invalidValue(`Give one ${what}, not a range or an array.`);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string" || value.trim() === "") return invalidValue(`Enter a ${what}.`);
  const text = value.trim();
  if (text.length > MAX_NAME_LENGTH)
    return invalidValue(
      `'${clip(text)}' is ${text.length.toLocaleString("en-US")} characters long; a ${what} has at most ${MAX_NAME_LENGTH}. Check which cell the formula reads.`
    );
  return text;
}

function companyArg(ds: Dataset, value: unknown): string | FormulaError {
  const { names } = cachesOf(ds);
  // Exactly as typed first: the same cell text is resolved once.
  if (typeof value === "string") {
    const seen = names.get(value);
    if (seen !== undefined) return seen;
  }
  const text = textArg(value, "company name, alias or ticker");
  if (isFormulaError(text)) return text;
  const cached = names.get(text);
  if (cached !== undefined) return cached;
  let result: string | FormulaError;
  const id = ds.nameIndex.get(normalizeName(text));
  if (id !== undefined) {
    result = id;
  } else {
    const near = closestName(text, ds.nameIndex.keys());
    const suggestion =
      near === undefined ? undefined : ds.companies.get(ds.nameIndex.get(near) as string)?.name;
    result = notAvailable(
      suggestion !== undefined
        ? `Unknown company '${clip(text)}'. Did you mean '${suggestion}'?`
        : `Unknown company '${clip(text)}'. Use a company name, alias or ticker from the dataset, such as 'OpenAI', 'AWS' or 'MSFT'.`
    );
  }
  if (names.size < 50_000) {
    names.set(text, result);
    if (typeof value === "string") names.set(value, result);
  }
  return result;
}

/** as_of as typed → the day it means; a pure function, so one table serves every dataset. */
const asOfCache = new Map<unknown, number | FormulaError>();

function asOfArg(value: unknown): number | FormulaError {
  if (typeof value !== "string" && typeof value !== "number") return parseAsOf(value);
  let day = asOfCache.get(value);
  if (day === undefined) {
    day = parseAsOf(value);
    if (asOfCache.size >= 10_000) asOfCache.clear();
    asOfCache.set(value, day);
  }
  return day;
}

/** An optional choice among fixed words: null → the default, else one of the accepted words. */
function choiceArg<T extends string>(
  value: unknown,
  what: string,
  accepted: readonly T[],
  fallback: T | null
): T | null | FormulaError {
  if (value === null || value === undefined || value === "") return fallback;
  const empty = fallback === null ? "all" : fallback;
  return readChoice(
    value,
    what,
    accepted,
    `Use one of: ${accepted.join(", ")}, or leave it empty for ${empty}.`
  );
}

/** A choice that must be made (a field): empty is #VALUE! asking for one, never "leave it empty". */
function requiredChoiceArg<T extends string>(
  value: unknown,
  what: string,
  accepted: readonly T[]
): T | FormulaError {
  const help = `Use one of: ${accepted.join(", ")}.`;
  if (value === null || value === undefined || value === "")
    return invalidValue(`Enter a ${what}. ${help}`);
  return readChoice(value, what, accepted, help);
}

function readChoice<T extends string>(
  value: unknown,
  what: string,
  accepted: readonly T[],
  help: string
): T | FormulaError {
  if (typeof value !== "string")
    return invalidValue(
      `Unknown ${what} ${Array.isArray(value) ? "(a range)" : String(value)}. ${help}`
    );
  // A whole cell of text is no choice: say so before lower-casing and rewriting all of it.
  if (value.length > MAX_NAME_LENGTH)
    return invalidValue(`Unknown ${what} '${clip(value.trim())}'. ${help}`);
  const word = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  const match = accepted.find((a) => a === word);
  return match ?? invalidValue(`Unknown ${what} '${clip(value.trim())}'. ${help}`);
}

/** The company and as_of arguments most formulas take, read in order; the first unreadable one wins. */
export function partyAndDate(
  ds: Dataset,
  party: unknown,
  asOf: unknown
): { id: string; day: number } | FormulaError {
  const id = companyArg(ds, party);
  if (isFormulaError(id)) return id;
  const day = asOfArg(asOf);
  return isFormulaError(day) ? day : { id, day };
}

function partiesAndDate(
  ds: Dataset,
  first: unknown,
  second: unknown,
  asOf: unknown
): { a: string; b: string; day: number } | FormulaError {
  const a = companyArg(ds, first);
  if (isFormulaError(a)) return a;
  const rest = partyAndDate(ds, second, asOf);
  return isFormulaError(rest) ? rest : { a, b: rest.id, day: rest.day };
}

function nameOf(ds: Dataset, id: string | null): string {
  return id === null ? "" : (ds.companies.get(id)?.name ?? id);
}

// ---------- the formulas ----------

/**
 * The type argument's words: each deal type, and flow_back for compute, chips and infrastructure together
 * (what FLOW_BACK counts, the money back of a round trip).
 */
export const TYPE_WORDS = [...DEAL_TYPES, "flow_back"] as const;
export type TypeWord = (typeof TYPE_WORDS)[number];

/** One set per word, made once: DEAL_VALUE's type filter without an allocation per call. */
const TYPE_SETS = new Map<TypeWord, ReadonlySet<DealType>>([
  ...DEAL_TYPES.map((t): [TypeWord, ReadonlySet<DealType>] => [t, new Set([t])]),
  ["flow_back", FLOW_BACK_TYPES],
]);

/** The arguments DEAL_VALUE and DEAL_STATUS share, read in order; the first unreadable one wins. */
function flowArgs(
  ds: Dataset,
  from: unknown,
  to: unknown,
  type: unknown,
  asOf: unknown
):
  | {
      f: string;
      t: string;
      kind: TypeWord | null;
      types: ReadonlySet<DealType> | null;
      day: number;
    }
  | FormulaError {
  const f = companyArg(ds, from);
  if (isFormulaError(f)) return f;
  const t = companyArg(ds, to);
  if (isFormulaError(t)) return t;
  const kind = choiceArg(type, "type", TYPE_WORDS, null);
  if (isFormulaError(kind)) return kind;
  const day = asOfArg(asOf);
  if (isFormulaError(day)) return day;
  return { f, t, kind, types: kind === null ? null : (TYPE_SETS.get(kind) ?? null), day };
}

/** DEALS.DEAL_VALUE(from, to, [type], [as_of]) */
export function dealValue(
  ds: Dataset,
  from: unknown,
  to: unknown,
  type: unknown,
  asOf: unknown
): number | FormulaError {
  return memo(ds, argKey("DV", [from, to, type, asOf]), () => {
    const args = flowArgs(ds, from, to, type, asOf);
    if (isFormulaError(args)) return args;
    const { f, t, kind, types, day } = args;
    const result = pairTotal(ds, f, t, types, day);
    if (result.total !== null) return result.total;
    const asked = `from ${nameOf(ds, f)} to ${nameOf(ds, t)}${kind ? ` of type ${kind}` : ""} ${describeAsOf(day)}`;
    if (result.count === 0) {
      const ended = endedDeals(ds, f, t, types, day).map((d) => d.id);
      return notAvailable(
        ended.length === 0
          ? `No deals ${asked}.`
          : `No live deals ${asked}: ${ended.join(", ")} ended (DEAL_FIELD(id,"history") says when).`
      );
    }
    const ids = matchingDeals(ds, f, t, types, day).map((d) => d.id);
    const one = ids.length === 1;
    return notAvailable(
      `${one ? "The deal" : `The ${ids.length} deals`} ${asked} ${one ? "has" : "have"} no reported amount (${unreported(ds, ids)}).`
    );
  });
}

function stakeOf(
  ds: Dataset,
  investor: unknown,
  company: unknown,
  asOf: unknown
): (StakeWorking & { day: number; investor: string; company: string }) | FormulaError {
  return memo(ds, argKey("SP", [investor, company, asOf]), () => {
    const args = partiesAndDate(ds, investor, company, asOf);
    if (isFormulaError(args)) return args;
    const { a: i, b: c, day } = args;
    const s = stakeWorking(ds, i, c, day);
    if (!("missing" in s)) return { ...s, day, investor: i, company: c };
    const who = `${nameOf(ds, i)} in ${nameOf(ds, c)} ${describeAsOf(day)}`;
    const ids = s.deals.join(", ");
    const why: Record<typeof s.missing, string> = {
      "no-equity": `No stake of ${who}: no reported position and no equity deal.`,
      "not-yet": `No stake of ${who}: its equity deals were only reported or in talks (${ids}), which buys no shares.`,
      ended: `No stake of ${who}: its equity deals ended (${ids}; DEAL_FIELD(id,"history") says when).`,
      "no-amount": `No stake of ${who} can be implied: its equity deals have no reported amount (${ids}).`,
      "no-valuation": `No stake of ${who} can be implied: no valuation of ${nameOf(ds, c)} on or after its equity deals (${ids}).`,
    };
    return notAvailable(why[s.missing]);
  });
}

/** DEALS.STAKE_PCT(investor, company, [as_of]): a fraction (0.27 = 27%). */
export function stakePct(
  ds: Dataset,
  investor: unknown,
  company: unknown,
  asOf: unknown
): number | FormulaError {
  const s = stakeOf(ds, investor, company, asOf);
  return isFormulaError(s) ? s : s.value;
}

/**
 * DEALS.STAKE_BASIS(investor, company, [as_of]): "reported", "reported, adjusted" (a reported stake carried
 * through later rounds and deals), "implied", and ", partial" when some deals could not be priced (a floor).
 */
export function stakeBasis(
  ds: Dataset,
  investor: unknown,
  company: unknown,
  asOf: unknown
): string | FormulaError {
  const s = stakeOf(ds, investor, company, asOf);
  return isFormulaError(s) ? s : s.basis;
}

const STAKE_DETAIL_HEADER: Cell[] = [
  "Step",
  "ID",
  "Date",
  "Amount (USD)",
  "Priced at",
  "Valuation date",
  "Valuation (USD)",
  "Valuation basis",
  "Stake bought",
  "Dilution",
  "Stake held",
  "Note",
];

const PRICED_BY: Record<PricedBy, string> = {
  "own round": "priced at its own deal's or round's valuation",
  "reused price": "priced at the earlier valuation whose price it reused",
  "earliest after": "priced at the earliest valuation on or after it",
};

/**
 * DEALS.STAKE_DETAIL(investor, company, [as_of]): the working of STAKE_PCT, oldest first. Deal rows: the
 * stake bought (amount ÷ valuation), the dilution of the rounds below it, the stake held. Round rows: the
 * factor 1 − new money ÷ post-money. The last row: the total and the basis. Checkable by hand.
 */
export function stakeDetail(
  ds: Dataset,
  investor: unknown,
  company: unknown,
  asOf: unknown
): Table | FormulaError {
  return memo(ds, argKey("SD", [investor, company, asOf]), () => {
    const s = stakeOf(ds, investor, company, asOf);
    if (isFormulaError(s)) return s;
    const blank = (n: number): Cell[] => new Array<Cell>(n).fill("");
    const valuationCells = (v: IndexedValuation): Cell[] => [v.id, v.date, v.valueUsd, v.basis];
    const rows: Cell[][] = s.steps.map((step): Cell[] => {
      switch (step.kind) {
        case "reported": {
          const p = step.position;
          const held = step.stake * step.dilution;
          const note = `reported by ${sourceLabel(ds, p.source)}: "${p.quote}"; replaces the working before it`;
          return [
            "reported",
            p.id,
            p.date,
            p.investedUsd ?? "",
            ...blank(4),
            step.stake,
            step.dilution,
            held,
            note,
          ];
        }
        case "deal": {
          const d = step.deal;
          const held = step.stake * step.dilution;
          const later =
            step.day > step.boughtOn
              ? `; counts from ${formatDay(step.day)}, the valuation's date`
              : "";
          const note = `${d.kind === "consideration" ? "shares received as consideration; " : ""}${PRICED_BY[step.pricedBy]}${later}`;
          return [
            "deal",
            d.id,
            formatDay(step.boughtOn),
            step.amount,
            ...valuationCells(step.valuation),
            step.stake,
            step.dilution,
            held,
            note,
          ];
        }
        case "unpriced": {
          const d = step.deal;
          const note =
            step.reason === "no-amount"
              ? "no reported amount: left out, so the stake is a floor"
              : `no valuation of ${nameOf(ds, d.to)} on or after it: left out, so the stake is a floor`;
          return ["deal", d.id, formatDay(step.day), step.amount ?? "", ...blank(7), note];
        }
        case "round": {
          const r = step.round;
          const v = step.valuation;
          const note =
            step.factor === null
              ? `not applied: ${step.newMoney === null ? "no reported size" : "no post-money valuation"}`
              : `dilutes the holdings above: 1 − ${money(step.newMoney as number, "exact")} ÷ ${money((v as IndexedValuation).valueUsd, "exact")}`;
          return [
            "round",
            r.id,
            formatDay(step.day),
            step.newMoney ?? "",
            ...(v ? valuationCells(v) : blank(4)),
            "",
            step.factor ?? "",
            "",
            note,
          ];
        }
      }
    });
    const basis = s.capped ? `${s.basis}; the rows add up to more than 100%, so 100%` : s.basis;
    const total: Cell[] = ["total", "", describeAsOf(s.day), ...blank(7), s.value, basis];
    return [STAKE_DETAIL_HEADER, ...rows, total];
  });
}

/** DEALS.VALUATION(company, [as_of]) */
export function valuation(ds: Dataset, company: unknown, asOf: unknown): number | FormulaError {
  return memo(ds, argKey("VA", [company, asOf]), () => {
    const args = partyAndDate(ds, company, asOf);
    if (isFormulaError(args)) return args;
    const { id: c, day } = args;
    const v = latestValuation(ds.valuationsByCompany.get(c), day);
    return v ? v.valueUsd : notAvailable(`No valuation of ${nameOf(ds, c)} ${describeAsOf(day)}.`);
  });
}

const VALUATION_HEADER: Cell[] = [
  "Date",
  "Valuation (USD)",
  "Qualifier",
  "Basis",
  "Deal",
  "Source",
  "Quote",
  "As reported",
];

/** A figure reported in another currency, with the rate it was converted at; "" for US dollars. */
function asReported(ds: Dataset, reported: ReportedAmount | undefined): string {
  if (reported === undefined) return "";
  const rate = ds.fxRates.get(reported.fx);
  return `${inCurrency(reported.amount, reported.currency)}${rate ? `, converted at ${rate.usdPerUnit} USD per ${rate.currency} (${rate.date})` : ""}`;
}

/** DEALS.VALUATION_LIST(company, [as_of]): every valuation on record, so disagreeing sources stay visible. */
export function valuationList(ds: Dataset, company: unknown, asOf: unknown): Table | FormulaError {
  return memo(ds, argKey("VL", [company, asOf]), () => {
    const args = partyAndDate(ds, company, asOf);
    if (isFormulaError(args)) return args;
    const { id: c, day } = args;
    const rows = (ds.valuationsByCompany.get(c) ?? []).filter((v) => v.day <= day);
    if (rows.length === 0)
      return notAvailable(`No valuation of ${nameOf(ds, c)} ${describeAsOf(day)}.`);
    return [
      VALUATION_HEADER,
      ...rows.map((v) => [
        v.date,
        v.valueUsd,
        v.qualifier,
        v.basis,
        v.dealId ?? "",
        sourceLabel(ds, v.source),
        v.quote,
        asReported(ds, v.reported),
      ]),
    ];
  });
}

export const VALUATION_FIELDS = [
  "amount",
  "qualifier",
  "basis",
  "date",
  "date_value",
  "deal",
  "source",
  "quote",
  "as_reported",
  "previous_amount",
  "previous_date",
  "previous_date_value",
] as const;
type ValuationField = (typeof VALUATION_FIELDS)[number];

/**
 * DEALS.VALUATION_FIELD(company, field, [as_of]): one field of the valuation DEALS.VALUATION returns, or of
 * the one before it ("previous_…": the latest valuation dated before it, so a second source for the same
 * day never reads as the previous round).
 */
export function valuationField(
  ds: Dataset,
  company: unknown,
  field: unknown,
  asOf: unknown
): Cell | FormulaError {
  return memo(ds, argKey("VF", [company, field, asOf]), () => {
    const c = companyArg(ds, company);
    if (isFormulaError(c)) return c;
    const f = requiredChoiceArg(field, "field", VALUATION_FIELDS);
    if (isFormulaError(f)) return f;
    const day = asOfArg(asOf);
    if (isFormulaError(day)) return day;
    const list = ds.valuationsByCompany.get(c);
    const latest = latestValuation(list, day);
    if (!latest) return notAvailable(`No valuation of ${nameOf(ds, c)} ${describeAsOf(day)}.`);
    if (!f.startsWith("previous_")) return valuationFieldOf(ds, latest, f);
    const previous = latestValuation(list, latest.day - 1);
    if (!previous)
      return notAvailable(
        `No valuation of ${nameOf(ds, c)} before the one of ${latest.date} on record.`
      );
    return valuationFieldOf(ds, previous, f.slice("previous_".length) as ValuationField);
  });
}

function valuationFieldOf(ds: Dataset, v: IndexedValuation, field: ValuationField): Cell {
  switch (field) {
    case "qualifier":
      return v.qualifier;
    case "basis":
      return v.basis;
    case "date":
      return v.date;
    case "date_value":
      return excelSerial(v.day);
    case "deal":
      return v.dealId ?? "";
    case "source":
      return sourceLabel(ds, v.source);
    case "quote":
      return v.quote;
    case "as_reported":
      return asReported(ds, v.reported) || `${money(v.valueUsd, "exact")} (US dollars as reported)`;
    default:
      return v.valueUsd;
  }
}

/** DEALS.FLOW_BACK(investor, company, [as_of]): compute, chips and infrastructure the company buys from the investor. */
export function flowBack(
  ds: Dataset,
  investor: unknown,
  company: unknown,
  asOf: unknown
): number | FormulaError {
  return memo(ds, argKey("FB", [investor, company, asOf]), () => {
    const args = partiesAndDate(ds, investor, company, asOf);
    if (isFormulaError(args)) return args;
    const { a: i, b: c, day } = args;
    const back = pairTotal(ds, c, i, FLOW_BACK_TYPES, day);
    // No contract back is a real zero (as in EXPOSURE's compute basis); contracts without an amount are unknown.
    if (back.total !== null || back.count === 0) return back.total ?? 0;
    const ids = matchingDeals(ds, c, i, FLOW_BACK_TYPES, day).map((d) => d.id);
    return notAvailable(
      `The compute, chips and infrastructure deals from ${nameOf(ds, c)} to ${nameOf(ds, i)} ${describeAsOf(day)} have no reported amount (${unreported(ds, ids)}).`
    );
  });
}

/** Most advanced stage first: what a reader wants to know about a pair is how far it got. */
const STATUS_ORDER: readonly Status[] = ["closed", "signed", "announced", "in_talks", "rumored"];

/** DEALS.DEAL_STATUS(from, to, [type], [as_of]): the statuses of the deals DEAL_VALUE counts, most advanced first. */
export function dealStatus(
  ds: Dataset,
  from: unknown,
  to: unknown,
  type: unknown,
  asOf: unknown
): string | FormulaError {
  return memo(ds, argKey("DS", [from, to, type, asOf]), () => {
    const args = flowArgs(ds, from, to, type, asOf);
    if (isFormulaError(args)) return args;
    const { f, t, kind, types, day } = args;
    const seen = new Set<Status>();
    for (const d of matchingDeals(ds, f, t, types, day)) {
      const state = dealState(d, day);
      if (state) seen.add(state.status);
    }
    if (seen.size === 0)
      return notAvailable(
        `No deals from ${nameOf(ds, f)} to ${nameOf(ds, t)}${kind ? ` of type ${kind}` : ""} ${describeAsOf(day)}.`
      );
    return STATUS_ORDER.filter((s) => seen.has(s)).join(", ");
  });
}

/**
 * DEALS.UNREPORTED(from, to, [type], [as_of]): how many of the deals DEAL_VALUE counts have no reported
 * amount (0 when every one has). A total with such deals in it is a floor.
 */
export function unreportedCount(
  ds: Dataset,
  from: unknown,
  to: unknown,
  type: unknown,
  asOf: unknown
): number | FormulaError {
  return memo(ds, argKey("UN", [from, to, type, asOf]), () => {
    const args = flowArgs(ds, from, to, type, asOf);
    if (isFormulaError(args)) return args;
    const { f, t, types, day } = args;
    return matchingDeals(ds, f, t, types, day).filter((d) => dealValueAt(d, day) === null).length;
  });
}

const BASES: readonly ExposureBasis[] = ["capital", "stake_value", "compute"];

/** DEALS.EXPOSURE(investor, [basis], [as_of]) */
export function exposureValue(
  ds: Dataset,
  investor: unknown,
  basis: unknown,
  asOf: unknown
): number | FormulaError {
  return memo(ds, argKey("EX", [investor, basis, asOf]), () => {
    const i = companyArg(ds, investor);
    if (isFormulaError(i)) return i;
    const b = choiceArg(basis, "basis", BASES, "capital");
    if (isFormulaError(b)) return b;
    const day = asOfArg(asOf);
    if (isFormulaError(day)) return day;
    const e = exposure(ds, i, b ?? "capital", day);
    if (!e) return notAvailable(`No equity investments by ${nameOf(ds, i)} ${describeAsOf(day)}.`);
    if (e.counted === 0) {
      const names = e.companies.map((c) => nameOf(ds, c)).join(", ");
      return notAvailable(
        b === "stake_value"
          ? `No stake with a valuation to price it for ${nameOf(ds, i)} ${describeAsOf(day)} (it backs ${names}).`
          : b === "compute"
            ? `The deals back to ${nameOf(ds, i)} from the companies it backs (${names}) have no reported amount ${describeAsOf(day)}.`
            : `No reported amounts for the equity deals of ${nameOf(ds, i)} ${describeAsOf(day)} (it backs ${names}).`
      );
    }
    return e.value;
  });
}

/** DEALS.CIRCULARITY(investor, company, [as_of]) */
export function circularityRatio(
  ds: Dataset,
  investor: unknown,
  company: unknown,
  asOf: unknown
): number | FormulaError {
  return memo(ds, argKey("CI", [investor, company, asOf]), () => {
    const args = partiesAndDate(ds, investor, company, asOf);
    if (isFormulaError(args)) return args;
    const { a: i, b: c, day } = args;
    const r = circularity(ds, i, c, day);
    if (!("missing" in r)) return r.ratio;
    return notAvailable(
      r.missing === "no-equity"
        ? `No equity with a reported amount from ${nameOf(ds, i)} to ${nameOf(ds, c)} ${describeAsOf(day)}; circularity is money flowing back divided by that equity.`
        : `The compute, chips and infrastructure deals from ${nameOf(ds, c)} to ${nameOf(ds, i)} ${describeAsOf(day)} have no reported amount (${unreported(ds, r.deals)}).`
    );
  });
}

const ROLES: readonly Role[] = ["from", "to", "any"];
const DEAL_LIST_HEADER: Cell[] = [
  "ID",
  "Date",
  "From",
  "To",
  "Type",
  "Kind",
  "Amount (USD)",
  "Qualifier",
  "Status",
  "Part of",
  "Source",
  "Quote",
];

/** DEALS.DEAL_LIST(party, [role], [as_of]): a table with a header row, one row per deal at its latest state. */
export function dealList(
  ds: Dataset,
  party: unknown,
  role: unknown,
  asOf: unknown
): Table | FormulaError {
  return memo(ds, argKey("DL", [party, role, asOf]), () => {
    const p = companyArg(ds, party);
    if (isFormulaError(p)) return p;
    const r = choiceArg(role, "role", ROLES, "any");
    if (isFormulaError(r)) return r;
    const day = asOfArg(asOf);
    if (isFormulaError(day)) return day;
    const rows = dealsOf(ds, p, r ?? "any", day);
    if (rows.length === 0) {
      return notAvailable(
        `No deals ${r === "any" || r === null ? "with" : r === "from" ? "from" : "to"} ${nameOf(ds, p)} ${describeAsOf(day)}.`
      );
    }
    return [
      DEAL_LIST_HEADER,
      ...rows.map(({ deal, state }) => [
        deal.id,
        state.event.date,
        nameOf(ds, deal.from),
        nameOf(ds, deal.to),
        deal.type,
        deal.kind,
        state.value ?? "",
        state.qualifier ?? "",
        state.status,
        partOfAsOf(ds, deal, day),
        sourceLabel(ds, state.event.source),
        state.event.quote,
      ]),
    ];
  });
}

export const DEAL_FIELDS = [
  "title",
  "from",
  "to",
  "type",
  "kind",
  "amount",
  "qualifier",
  "status",
  "date",
  "date_value",
  "date_precision",
  "first_date",
  "funded",
  "term_years",
  "part_of",
  "overlaps",
  "source",
  "quote",
  "sources",
  "history",
  "notes",
  "currency",
  "amount_in_currency",
  "fx_rate",
  "fx_source",
  "recurring",
  "priced_at",
] as const;
type DealField = (typeof DEAL_FIELDS)[number];

/** DEALS.DEAL_FIELD(deal_id, field): one field of a deal at its latest state. */
export function dealField(ds: Dataset, dealId: unknown, field: unknown): Cell | FormulaError {
  return memo(ds, argKey("DF", [dealId, field]), () => {
    const idText = textArg(dealId, "deal id (the ID column of DEALS.DEAL_LIST)");
    if (isFormulaError(idText)) return idText;
    const f = requiredChoiceArg(field, "field", DEAL_FIELDS);
    if (isFormulaError(f)) return f;
    const deal = findDeal(ds, idText);
    return isFormulaError(deal) ? deal : fieldOf(ds, deal, f);
  });
}

/** A deal id argument (any case) → the deal, or #N/A naming the nearest id. */
export function dealArg(ds: Dataset, dealId: unknown): IndexedDeal | FormulaError {
  const idText = textArg(dealId, "deal id (the ID column of DEALS.DEAL_LIST)");
  return isFormulaError(idText) ? idText : findDeal(ds, idText);
}

function findDeal(ds: Dataset, idText: string): IndexedDeal | FormulaError {
  const deal = ds.dealById.get(idText.toLowerCase());
  if (deal) return deal;
  const near = closestName(idText, ds.dealById.keys());
  return notAvailable(
    `Unknown deal id '${clip(idText)}'.${near ? ` Did you mean '${near}'?` : ""} Deal ids are in the ID column of DEALS.DEAL_LIST.`
  );
}

function fieldOf(ds: Dataset, deal: IndexedDeal, field: DealField): Cell | FormulaError {
  // Every deal has at least one event (the schema requires it), so it has a latest state.
  const state = dealState(deal, LATEST) as DealState;
  const missing = (what: string): FormulaError =>
    notAvailable(`Deal '${deal.id}' has no reported ${what}.`);
  const e = state.event;
  switch (field) {
    case "title":
      return deal.title;
    case "from":
      return nameOf(ds, deal.from);
    case "to":
      return nameOf(ds, deal.to);
    case "type":
      return deal.type;
    case "kind":
      return deal.kind;
    case "amount":
      return state.value ?? missing("amount");
    case "qualifier":
      return state.qualifier ?? missing("amount");
    case "status":
      return state.status;
    case "date":
      return e.date;
    case "date_value":
      return excelSerial(e.day);
    case "date_precision":
      return precisionOf(e.date);
    case "first_date":
      return (deal.history[0] as { date: string }).date;
    case "funded":
      return state.funded > 0 ? state.funded : missing("tranche payment");
    case "term_years":
      return deal.termYears ?? missing("term");
    case "part_of":
      return deal.partOf ?? "";
    case "overlaps":
      return (deal.overlaps ?? []).join(", ");
    case "source":
      return sourceLabel(ds, e.source);
    case "quote":
      return e.quote;
    case "sources":
      return [...new Set(deal.history.map((h) => sourceLabel(ds, h.source)))].join("; ");
    case "history":
      return deal.history
        .map(
          (h) =>
            `${h.date} ${h.status.replace("_", " ")}${h.amountUsd !== null ? ` ${money(h.amountUsd, h.qualifier)}` : ""}${h.reported ? ` (${inCurrency(h.reported.amount, h.reported.currency)})` : ""}${h.recurring ? ` ${rateText(h.recurring)}` : ""}${h.trancheUsd !== undefined ? ` tranche ${money(h.trancheUsd, "exact")}` : ""} [${h.source}]`
        )
        .join("; ");
    case "notes":
      return deal.notes ?? "";
    case "currency":
      return reportedOf(deal, state)?.currency ?? "USD";
    case "amount_in_currency": {
      if (state.value === null) return missing("amount");
      return reportedOf(deal, state)?.amount ?? state.value;
    }
    case "fx_rate":
    case "fx_source": {
      const r = reportedOf(deal, state);
      const rate = r === undefined ? undefined : ds.fxRates.get(r.fx);
      if (rate === undefined)
        return field === "fx_rate" ? 1 : "US dollars as reported: no conversion";
      return field === "fx_rate"
        ? rate.usdPerUnit
        : `1 ${rate.currency} = ${rate.usdPerUnit} USD on ${rate.date}: ${sourceLabel(ds, rate.source)} ("${rate.quote}")`;
    }
    case "recurring": {
      const r = latestRate(deal);
      return r ? rateText(r) : missing("recurring figure");
    }
    case "priced_at":
      return deal.pricedAt ?? "";
  }
}

/** The currency figure behind the deal's current amount: on the event that last stated an amount. */
function reportedOf(deal: IndexedDeal, state: DealState): ReportedAmount | undefined {
  let reported: ReportedAmount | undefined;
  for (const h of deal.history) {
    if (h.day > state.event.day) break;
    if (h.amountUsd !== null) reported = h.reported;
  }
  return reported;
}

const CURRENCY_SIGN: Partial<Record<string, string>> = { EUR: "€", GBP: "£", JPY: "¥" };

function inCurrency(amount: number, currency: string): string {
  const sign = CURRENCY_SIGN[currency];
  const figure = money(amount, "exact").slice(1);
  return sign ? `${sign}${figure}` : `${currency} ${figure}`;
}

/** DEALS.DATA_VERSION() */
export function dataVersion(ds: Dataset): string {
  return `${ds.file.version} (data as of ${ds.file.asOf})`;
}

// ---------- formatting ----------

/** Deal ids for a message, each with its rate of spending where one is stated but no total. */
function unreported(ds: Dataset, ids: readonly string[]): string {
  return ids
    .map((id) => {
      const deal = ds.dealById.get(id);
      const rate = deal && latestRate(deal);
      return rate ? `${id}: ${rateText(rate)}, a rate, never added up` : id;
    })
    .join(", ");
}

/** The deal's latest stated rate of spending ("$1.25B a month"), if any. */
function latestRate(deal: IndexedDeal): Recurring | undefined {
  return [...deal.history].reverse().find((h) => h.recurring !== undefined)?.recurring;
}

const rateText = (r: Recurring): string => `${money(r.amountUsd, "exact")} a ${r.per}`;

/** The round a deal is part of, once that round is known: the December talks are not yet "part of" February's round. */
function partOfAsOf(ds: Dataset, deal: IndexedDeal, day: number): string {
  const round = deal.partOf === undefined ? undefined : ds.dealById.get(deal.partOf);
  return round !== undefined && dealState(round, day) !== undefined ? round.id : "";
}

export function sourceLabel(ds: Dataset, sourceId: string): string {
  const s = ds.sources.get(sourceId);
  return s ? (s.url ?? s.title) : sourceId;
}

const QUALIFIER_SIGN: Record<Qualifier, string> = {
  exact: "",
  approx: "~",
  at_least: "≥",
  up_to: "≤",
  more_than: ">",
};

export function money(usd: number, qualifier: Qualifier | null): string {
  const sign = qualifier ? QUALIFIER_SIGN[qualifier] : "";
  return usd >= 1e12
    ? `${sign}$${+(usd / 1e12).toFixed(2)}T`
    : usd >= 1e9
      ? `${sign}$${+(usd / 1e9).toFixed(2)}B`
      : `${sign}$${+(usd / 1e6).toFixed(1)}M`;
}
