/**
 * The dataset's schema: the one definition of what a deal file may contain.
 * Used at build time (scripts/check-dataset.ts, run by webpack) and at load time (dataset.ts),
 * so a file that passes the build is exactly a file the add-in accepts.
 */
import {
  Infer,
  Rule,
  array,
  atMost,
  httpsUrl,
  matches,
  nullable,
  number,
  object,
  oneOf,
  optional,
  positive,
  string,
} from "./validate";
import { MAX_NAME_LENGTH } from "./names";
import {
  COMPANY_KINDS,
  CURRENCIES,
  DEAL_KINDS,
  DEAL_TYPES,
  QUALIFIERS,
  SCHEMA_VERSIONS,
  STATUSES,
  VALUATION_BASES,
} from "./vocabulary";

export type { Currency, DealType, Qualifier, Status } from "./vocabulary";

/** Whether a YYYY-MM-DD names a real day (arithmetic, no Date: this runs for every date of every fact). */
function isCalendarDay(s: string): boolean {
  if (s.length < 10) return true;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const length = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= length;
}

/** A fact's date, as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD. */
export const factDate = string(
  matches(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    "expected YYYY, YYYY-MM or YYYY-MM-DD"
  ),
  [isCalendarDay, "not a calendar date"]
);

const shortEnough: Rule<string> = [
  (s) => s.length <= MAX_NAME_LENGTH,
  `must be at most ${MAX_NAME_LENGTH} characters (a formula could not name it)`,
];
const id = string(
  matches(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case letters, digits and dashes"),
  shortEnough
);
const usd = number(positive);
/** Text with something in it (checked, not trimmed: the data is stored as given). */
const text = string(matches(/\S/, "must not be empty"));
/** A company's name, alias or ticker: what an analyst types into a formula. */
const name = string(matches(/\S/, "must not be empty"), shortEnough);

export const dealType = oneOf(DEAL_TYPES);
export const status = oneOf(STATUSES);
export const qualifier = oneOf(QUALIFIERS);

/** Where a figure comes from: every fact carries a source id and the sentence that states it. */
const sourced = {
  source: id,
  quote: text,
  note: optional(text),
};

/** The stated pieces a figure adds up to ("$15 billion, followed by another $35 billion"), each in the quote. */
const parts = optional(array(number(positive), 2));

/**
 * A figure reported in another currency: the amount as reported, and the rate (in `fxRates`) it was
 * converted to US dollars at. The record's USD figure is that amount times the rate.
 */
export const reportedAmountSchema = object({
  currency: oneOf(CURRENCIES),
  amount: number(positive),
  parts,
  fx: id,
});

/** A stated exchange rate: US dollars per unit of the currency, on a date, with its source and sentence. */
export const fxRateSchema = object({
  id,
  currency: oneOf(CURRENCIES),
  usdPerUnit: number(positive),
  date: factDate,
  /** Where the rate is a page's own conversion ("€1.7 billion ($2 billion)"): the two amounts it states. */
  statedAs: optional(object({ amount: number(positive), usd: number(positive) })),
  ...sourced,
});

export const sourceSchema = object({
  id,
  url: nullable(string(httpsUrl)),
  title: text,
  date: optional(factDate),
  /** What the source reports besides its figures (context that is not a deal). */
  notes: optional(text),
});

export const companySchema = object({
  id,
  name,
  kind: oneOf(COMPANY_KINDS),
  aliases: array(name),
  tickers: array(name),
  parent: nullable(id),
  /** When the parent took it over (SpaceX owns xAI since 2026): before it, its deals are its own alone. */
  parentSince: optional(factDate),
});

/** One reported state of a deal. The deal's figure as of a date is the latest event's amount on or before it.
 * A deal's valuation (post-money, implied) lives in `valuations`, linked by dealId, with its own quote. */
export const dealEventSchema = object({
  date: factDate,
  status,
  amountUsd: nullable(usd),
  qualifier: nullable(qualifier),
  /** A tranche paid into an existing commitment: adds to what is funded, not to the commitment. */
  trancheUsd: optional(usd),
  /** amountUsd as the sum of stated parts. */
  parts,
  /** amountUsd as reported in another currency. */
  reported: optional(reportedAmountSchema),
  /** A stated rate of spending ("$1.25 billion a month") where no total is stated: shown, never added up. */
  recurring: optional(object({ amountUsd: usd, per: oneOf(["month", "year"]) })),
  ...sourced,
});

/** Why two deals that look like one transaction (see the loader's duplicate checks) are distinct. */
const distinctFrom = object({ deal: id, why: text });

export const dealSchema = object({
  id,
  title: text,
  from: id,
  /** null: no single counterparty (an own build-out such as Stargate's sites, or an aggregate across many). */
  to: nullable(id),
  type: dealType,
  kind: oneOf(DEAL_KINDS),
  partOf: optional(id),
  /** Deals that may hold some of the same money (for a reader: totals never use it; see notes). */
  overlaps: optional(array(id)),
  /** Deals this one resembles (same company, same months, same investors) and why it is not the same one. */
  distinctFrom: optional(array(distinctFrom, 1)),
  /** A valuation whose price this deal reused ("at the valuation set in its Series G"): it prices the stake. */
  pricedAt: optional(id),
  termYears: optional(number(positive, atMost(50))),
  /** The research notes this deal was built from (S = the seed article, D = reference rows, L = coverage
   * leads, R = later research). */
  refs: array(text, 1),
  notes: optional(text),
  history: array(dealEventSchema, 1),
});

/** A reported cumulative position: "has invested $13B and owns about 27%". */
export const positionSchema = object(
  {
    id,
    investor: id,
    company: id,
    date: factDate,
    investedUsd: optional(usd),
    investedQualifier: optional(qualifier),
    investedParts: parts,
    stakePct: optional(number(positive, atMost(1))),
    stakeQualifier: optional(qualifier),
    /** Deals this cumulative figure includes, so totals take the larger of the two, never both. */
    covers: array(id),
    refs: array(text, 1),
    ...sourced,
  },
  [
    (p) => p.investedUsd !== undefined || p.stakePct !== undefined,
    "a position states an amount invested, a stake, or both",
  ]
);

export const valuationSchema = object({
  id,
  company: id,
  date: factDate,
  valueUsd: usd,
  qualifier: qualifier,
  basis: oneOf(VALUATION_BASES),
  dealId: optional(id),
  parts,
  reported: optional(reportedAmountSchema),
  refs: array(text, 1),
  ...sourced,
});

export const datasetSchema = object({
  schemaVersion: number([
    (n) => SCHEMA_VERSIONS.includes(n),
    `expected one of ${SCHEMA_VERSIONS.join(", ")} (a newer file needs a newer add-in)`,
  ]),
  /** Increases with every published dataset; a refresh never goes back to a lower one. */
  version: string(matches(/^\d{4}\.\d{2}\.\d{2}(\.\d+)?$/, "expected YYYY.MM.DD or YYYY.MM.DD.N")),
  asOf: factDate,
  title: text,
  sources: array(sourceSchema, 1),
  companies: array(companySchema, 1),
  deals: array(dealSchema),
  positions: array(positionSchema),
  valuations: array(valuationSchema),
  fxRates: optional(array(fxRateSchema)),
});

export type Source = Infer<typeof sourceSchema>;
export type Company = Infer<typeof companySchema>;
export type DealEvent = Infer<typeof dealEventSchema>;
export type Deal = Infer<typeof dealSchema>;
export type Position = Infer<typeof positionSchema>;
export type Valuation = Infer<typeof valuationSchema>;
export type DatasetFile = Infer<typeof datasetSchema>;
export type FxRate = Infer<typeof fxRateSchema>;
export type ReportedAmount = Infer<typeof reportedAmountSchema>;
/** A rate of spending ("$1.25 billion a month"): stated, never added up into a total. */
export type Recurring = NonNullable<DealEvent["recurring"]>;
