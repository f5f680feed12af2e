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
  literal,
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

export const DEAL_TYPES = [
  "equity",
  "compute",
  "chips",
  "infrastructure",
  "secondary",
  "partnership",
] as const;
export const STATUSES = ["rumored", "in_talks", "announced", "signed", "closed"] as const;
export const QUALIFIERS = ["exact", "approx", "at_least", "up_to", "more_than"] as const;
export const VALUATION_BASES = [
  "post_money",
  "pre_money",
  "secondary",
  "implied_by_deal",
  "reported",
] as const;
export const COMPANY_KINDS = ["ai_lab", "hyperscaler", "chipmaker", "investor", "group"] as const;
/** transaction: one deal, counted in totals. round: a funding round whose named investors' parts point to it
 * with partOf. aggregate: a headline figure summing or tracking other deals, listed but never added to them. */
export const DEAL_KINDS = ["transaction", "round", "aggregate"] as const;

export const dealType = oneOf(DEAL_TYPES);
export const status = oneOf(STATUSES);
export const qualifier = oneOf(QUALIFIERS);

/** Where a figure comes from: every fact carries a source id and the sentence that states it. */
const sourced = {
  source: id,
  quote: text,
  note: optional(text),
};

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
  ...sourced,
});

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
  termYears: optional(number(positive, atMost(50))),
  /** Rows of shared/reference/deals.csv this deal was built from (S = seed article). */
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
  refs: array(text, 1),
  ...sourced,
});

export const datasetSchema = object({
  schemaVersion: literal(1),
  /** Increases with every published dataset; a refresh never goes back to a lower one. */
  version: string(matches(/^\d{4}\.\d{2}\.\d{2}(\.\d+)?$/, "expected YYYY.MM.DD or YYYY.MM.DD.N")),
  asOf: factDate,
  title: text,
  sources: array(sourceSchema, 1),
  companies: array(companySchema, 1),
  deals: array(dealSchema),
  positions: array(positionSchema),
  valuations: array(valuationSchema),
});

export type DealType = Infer<typeof dealType>;
export type Status = Infer<typeof status>;
export type Qualifier = Infer<typeof qualifier>;
export type Source = Infer<typeof sourceSchema>;
export type Company = Infer<typeof companySchema>;
export type DealEvent = Infer<typeof dealEventSchema>;
export type Deal = Infer<typeof dealSchema>;
export type Position = Infer<typeof positionSchema>;
export type Valuation = Infer<typeof valuationSchema>;
export type DatasetFile = Infer<typeof datasetSchema>;
