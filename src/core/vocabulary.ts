/**
 * The dataset's words: deal types, statuses, qualifiers, valuation bases, company and deal kinds,
 * currencies. Plain lists, so the formulas can use them without the schema's validators (which only
 * checking a file needs).
 */

export const DEAL_TYPES = [
  "equity",
  "compute",
  "chips",
  "infrastructure",
  "secondary",
  "partnership",
] as const;
/** How far a deal got. `ended`: talks broke off, a deal was terminated or withdrawn; from then on it counts for nothing. */
export const STATUSES = ["rumored", "in_talks", "announced", "signed", "closed", "ended"] as const;
export const QUALIFIERS = ["exact", "approx", "at_least", "up_to", "more_than"] as const;
export const VALUATION_BASES = [
  "post_money",
  "pre_money",
  "secondary",
  "implied_by_deal",
  "reported",
] as const;
export const COMPANY_KINDS = [
  "ai_lab",
  "hyperscaler",
  "neocloud",
  "data_center",
  "chipmaker",
  "investor",
  "group",
  "other",
] as const;
/**
 * transaction: one deal, counted in totals. round: a funding round whose named investors' parts point to it
 * with partOf. aggregate: a headline figure summing or tracking other deals, listed but never added to them.
 * consideration: shares or warrants a company received as part of a commercial contract: ownership (it
 * counts toward a stake) but not money invested (never in capital totals).
 */
export const DEAL_KINDS = ["transaction", "round", "aggregate", "consideration"] as const;
/** Currencies a figure may be reported in besides US dollars (stored as reported, converted at a stated rate). */
export const CURRENCIES = [
  "EUR",
  "GBP",
  "JPY",
  "CNY",
  "SAR",
  "AED",
  "KRW",
  "INR",
  "CAD",
  "CHF",
] as const;
/** The file formats this loader reads: 2 added currencies, parts, rates, parents since a date, pricedAt. */
export const SCHEMA_VERSIONS: readonly number[] = [1, 2];

export type DealType = (typeof DEAL_TYPES)[number];
export type Status = (typeof STATUSES)[number];
export type Qualifier = (typeof QUALIFIERS)[number];
export type ValuationBasis = (typeof VALUATION_BASES)[number];
export type CompanyKind = (typeof COMPANY_KINDS)[number];
export type DealKind = (typeof DEAL_KINDS)[number];
export type Currency = (typeof CURRENCIES)[number];
