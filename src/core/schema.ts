/**
 * The dataset's schema: the one definition of what a deal file may contain.
 * Used at build time (scripts/check-dataset.ts, run by webpack) and at load time (dataset.ts),
 * so a file that passes the build is exactly a file the add-in accepts.
 */
import { z } from "zod";

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
export const factDate = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    "expected YYYY, YYYY-MM or YYYY-MM-DD"
  )
  .refine(isCalendarDay, { message: "not a calendar date" });

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case letters, digits and dashes");
const usd = z.number().finite().positive();
/** Text with something in it (checked, not trimmed: the data is stored as given). */
const text = z.string().regex(/\S/, "must not be empty");

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

export const dealType = z.enum(DEAL_TYPES);
export const status = z.enum(STATUSES);
export const qualifier = z.enum(QUALIFIERS);

/** Where a figure comes from: every fact carries a source id and the sentence that states it. */
const sourced = {
  source: id,
  quote: text,
  note: text.optional(),
};

export const sourceSchema = z.strictObject({
  id,
  url: z.url({ protocol: /^https$/ }).nullable(),
  title: text,
  date: factDate.optional(),
  /** What the source reports besides its figures (context that is not a deal). */
  notes: text.optional(),
});

export const companySchema = z.strictObject({
  id,
  name: text,
  kind: z.enum(COMPANY_KINDS),
  aliases: z.array(text),
  tickers: z.array(text),
  parent: id.nullable(),
});

/** One reported state of a deal. The deal's figure as of a date is the latest event's amount on or before it.
 * A deal's valuation (post-money, implied) lives in `valuations`, linked by dealId, with its own quote. */
export const dealEventSchema = z.strictObject({
  date: factDate,
  status,
  amountUsd: usd.nullable(),
  qualifier: qualifier.nullable(),
  /** A tranche paid into an existing commitment: adds to what is funded, not to the commitment. */
  trancheUsd: usd.optional(),
  ...sourced,
});

export const dealSchema = z.strictObject({
  id,
  title: text,
  from: id,
  /** null: no single counterparty (an own build-out such as Stargate's sites, or an aggregate across many). */
  to: id.nullable(),
  type: dealType,
  kind: z.enum(DEAL_KINDS),
  partOf: id.optional(),
  /** Deals that may hold some of the same money (for a reader: totals never use it; see notes). */
  overlaps: z.array(id).optional(),
  termYears: z.number().positive().max(50).optional(),
  /** Rows of shared/reference/deals.csv this deal was built from (S = seed article). */
  refs: z.array(text).min(1),
  notes: text.optional(),
  history: z.array(dealEventSchema).min(1),
});

/** A reported cumulative position: "has invested $13B and owns about 27%". */
export const positionSchema = z
  .strictObject({
    id,
    investor: id,
    company: id,
    date: factDate,
    investedUsd: usd.optional(),
    investedQualifier: qualifier.optional(),
    stakePct: z.number().gt(0).max(1).optional(),
    stakeQualifier: qualifier.optional(),
    /** Deals this cumulative figure includes, so totals take the larger of the two, never both. */
    covers: z.array(id),
    refs: z.array(text).min(1),
    ...sourced,
  })
  .refine((p) => p.investedUsd !== undefined || p.stakePct !== undefined, {
    message: "a position states an amount invested, a stake, or both",
  });

export const valuationSchema = z.strictObject({
  id,
  company: id,
  date: factDate,
  valueUsd: usd,
  qualifier: qualifier,
  basis: z.enum(VALUATION_BASES),
  dealId: id.optional(),
  refs: z.array(text).min(1),
  ...sourced,
});

export const datasetSchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** Increases with every published dataset; a refresh never goes back to a lower one. */
  version: z.string().regex(/^\d{4}\.\d{2}\.\d{2}(\.\d+)?$/, "expected YYYY.MM.DD or YYYY.MM.DD.N"),
  asOf: factDate,
  title: text,
  sources: z.array(sourceSchema).min(1),
  companies: z.array(companySchema).min(1),
  deals: z.array(dealSchema),
  positions: z.array(positionSchema),
  valuations: z.array(valuationSchema),
});

export type DealType = z.infer<typeof dealType>;
export type Status = z.infer<typeof status>;
export type Qualifier = z.infer<typeof qualifier>;
export type Source = z.infer<typeof sourceSchema>;
export type Company = z.infer<typeof companySchema>;
export type DealEvent = z.infer<typeof dealEventSchema>;
export type Deal = z.infer<typeof dealSchema>;
export type Position = z.infer<typeof positionSchema>;
export type Valuation = z.infer<typeof valuationSchema>;
export type DatasetFile = z.infer<typeof datasetSchema>;
