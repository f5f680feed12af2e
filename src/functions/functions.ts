/**
 * The DEALS custom functions. Each is one line over the pure core (src/core/formulas.ts), reading the
 * dataset in use from the shared runtime's store. The JSDoc here is the source of functions.json:
 * custom-functions-metadata-plugin generates it and appends the CustomFunctions.associate calls. Each
 * function's helpUrl is added by the build at the address it is built for (scripts/help-page.js).
 * Optional arguments arrive from Excel as null; the core reads null as "omitted".
 */
import * as formulas from "../core/formulas";
import { companyCard } from "../core/cards/companyCard";
import { dealCard } from "../core/cards/dealCard";
import { getActiveDataset as data } from "../runtime/datasetStore";
import { cardResult } from "./cardResult";
import { excelResult } from "./excelErrors";

// `any` is how the metadata tooling declares "number or text" (as_of) and mixed tables; it stays in this
// file: every argument goes on to the core as unknown, and the core checks it.

/**
 * Total value in US dollars of the distinct deals from one party to another (investor to company for equity; buyer to provider for compute, chips and infrastructure), each at its latest state as of the date. Subsidiaries count for their parent.
 * @customfunction DEAL_VALUE
 * @param {string} from Who pays: company name, alias or ticker, e.g. "Amazon".
 * @param {string} to Who receives: company name, alias or ticker, e.g. "OpenAI".
 * @param {string} [type] equity, compute, chips, infrastructure, secondary, partnership, or flow_back (compute, chips and infrastructure together); empty for all.
 * @param {any} [as_of] Excel date or text YYYY-MM-DD, YYYY-MM or YYYY; empty for the latest data.
 * @returns {number} US dollars.
 */
export function dealValue(from: string, to: string, type?: string, as_of?: any): number {
  return excelResult(formulas.dealValue(data(), from, to, type, as_of));
}

/**
 * The investor's ownership of the company as a fraction: the reported stake where the data has one, otherwise implied from its equity deals divided by the valuation they priced at. DEALS.STAKE_BASIS says which.
 * @customfunction STAKE_PCT
 * @param {string} investor Company name, alias or ticker of the investor, e.g. "Microsoft".
 * @param {string} company Company name, alias or ticker of the company invested in, e.g. "OpenAI".
 * @param {any} [as_of] Excel date or text YYYY-MM-DD, YYYY-MM or YYYY; empty for the latest data.
 * @returns {number} Stake as a fraction (0.27 is 27%).
 */
export function stakePct(investor: string, company: string, as_of?: any): number {
  return excelResult(formulas.stakePct(data(), investor, company, as_of));
}

/**
 * Whether DEALS.STAKE_PCT for the same arguments is a reported stake ("reported"), a reported stake carried through later rounds and deals ("reported, adjusted"), or implied from deals and valuations ("implied"); ", partial" when some deals could not be priced (the stake is then a floor).
 * @customfunction STAKE_BASIS
 * @param {string} investor Company name, alias or ticker of the investor.
 * @param {string} company Company name, alias or ticker of the company invested in.
 * @param {any} [as_of] Excel date or text YYYY-MM-DD, YYYY-MM or YYYY; empty for the latest data.
 * @returns {string} "reported", "implied" or "implied, partial".
 */
export function stakeBasis(investor: string, company: string, as_of?: any): string {
  return excelResult(formulas.stakeBasis(data(), investor, company, as_of));
}

/**
 * The working behind DEALS.STAKE_PCT, oldest first, with a header row: each deal (id, date, amount), the valuation it was priced at (id, date, amount, basis), the stake it bought, the dilution of the later rounds and the stake it holds; each later round with its factor (1 - new money / post-money); a last row with the total and the basis.
 * @customfunction STAKE_DETAIL
 * @param {string} investor Company name, alias or ticker of the investor, e.g. "Amazon".
 * @param {string} company Company name, alias or ticker of the company invested in, e.g. "Anthropic".
 * @param {any} [as_of] Excel date or text YYYY-MM-DD, YYYY-MM or YYYY; empty for the latest data.
 * @returns {any[][]} A table with a header row; spills.
 */
export function stakeDetail(investor: string, company: string, as_of?: any): any[][] {
  return excelResult(formulas.stakeDetail(data(), investor, company, as_of));
}

/**
 * The company's latest valuation in US dollars as of the date, whatever its basis (on the same day a post-money figure ranks first); DEALS.VALUATION_LIST shows each one with its basis and source.
 * @customfunction VALUATION
 * @param {string} company Company name, alias or ticker, e.g. "Anthropic".
 * @param {any} [as_of] Excel date or text YYYY-MM-DD, YYYY-MM or YYYY; empty for the latest data.
 * @returns {number} US dollars.
 */
export function valuation(company: string, as_of?: any): number {
  return excelResult(formulas.valuation(data(), company, as_of));
}

/**
 * One field of the valuation DEALS.VALUATION returns (amount, qualifier, basis, date, date_value, deal, source, quote, as_reported), or of the one dated before it (previous_amount, previous_date, previous_date_value).
 * @customfunction VALUATION_FIELD
 * @param {string} company Company name, alias or ticker, e.g. "Anthropic".
 * @param {string} field amount, qualifier, basis, date, date_value, deal, source, quote, as_reported, previous_amount, previous_date or previous_date_value.
 * @param {any} [as_of] Excel date or text YYYY-MM-DD, YYYY-MM or YYYY; empty for the latest data.
 * @returns {any} The field's value.
 */
export function valuationField(company: string, field: string, as_of?: any): any {
  return excelResult(formulas.valuationField(data(), company, field, as_of));
}

/**
 * Every valuation of the company on record up to the date, oldest first, with basis, source and quote; disagreeing sources are all listed.
 * @customfunction VALUATION_LIST
 * @param {string} company Company name, alias or ticker, e.g. "OpenAI".
 * @param {any} [as_of] Excel date or text YYYY-MM-DD, YYYY-MM or YYYY; empty for the latest data.
 * @returns {any[][]} A table with a header row.
 */
export function valuationList(company: string, as_of?: any): any[][] {
  return excelResult(formulas.valuationList(data(), company, as_of));
}

/**
 * An investor's exposure across every company it backs: "capital" (equity committed, the default), "stake_value" (stake times latest valuation) or "compute" (what those companies committed to buy from the investor).
 * @customfunction EXPOSURE
 * @param {string} investor Company name, alias or ticker, e.g. "Amazon".
 * @param {string} [basis] capital, stake_value or compute; empty for capital.
 * @param {any} [as_of] Excel date or text YYYY-MM-DD, YYYY-MM or YYYY; empty for the latest data.
 * @returns {number} US dollars.
 */
export function exposure(investor: string, basis?: string, as_of?: any): number {
  return excelResult(formulas.exposureValue(data(), investor, basis, as_of));
}

/**
 * Money flowing back from the company to the investor (compute, chips and infrastructure bought from it or its subsidiaries) divided by the equity the investor put into the company.
 * @customfunction CIRCULARITY
 * @param {string} investor Company name, alias or ticker of the investor, e.g. "Amazon".
 * @param {string} company Company name, alias or ticker of the company invested in, e.g. "OpenAI".
 * @param {any} [as_of] Excel date or text YYYY-MM-DD, YYYY-MM or YYYY; empty for the latest data.
 * @returns {number} Ratio (2.5 means $2.50 back per $1 invested).
 */
export function circularity(investor: string, company: string, as_of?: any): number {
  return excelResult(formulas.circularityRatio(data(), investor, company, as_of));
}

/**
 * Money flowing back from the company to the investor in US dollars: compute, chips and infrastructure it bought from the investor or its subsidiaries (0 when there are none). The numerator of DEALS.CIRCULARITY.
 * @customfunction FLOW_BACK
 * @param {string} investor Company name, alias or ticker of the investor, e.g. "Microsoft".
 * @param {string} company Company name, alias or ticker of the company invested in, e.g. "OpenAI".
 * @param {any} [as_of] Excel date or text YYYY-MM-DD, YYYY-MM or YYYY; empty for the latest data.
 * @returns {number} US dollars.
 */
export function flowBack(investor: string, company: string, as_of?: any): number {
  return excelResult(formulas.flowBack(data(), investor, company, as_of));
}

/**
 * The statuses of the deals DEALS.DEAL_VALUE counts for the same arguments, most advanced first: closed, signed, announced, in_talks, rumored (ended deals count for nothing and are not listed).
 * @customfunction DEAL_STATUS
 * @param {string} from Who pays: company name, alias or ticker, e.g. "Amazon".
 * @param {string} to Who receives: company name, alias or ticker, e.g. "Anthropic".
 * @param {string} [type] equity, compute, chips, infrastructure, secondary, partnership, or flow_back (compute, chips and infrastructure together); empty for all.
 * @param {any} [as_of] Excel date or text YYYY-MM-DD, YYYY-MM or YYYY; empty for the latest data.
 * @returns {string} For example "closed" or "announced, in_talks".
 */
export function dealStatus(from: string, to: string, type?: string, as_of?: any): string {
  return excelResult(formulas.dealStatus(data(), from, to, type, as_of));
}

/**
 * How many of the deals DEALS.DEAL_VALUE counts for the same arguments have no reported amount (0 when every one has one): where it is above 0, that total is a floor.
 * @customfunction UNREPORTED
 * @param {string} from Who pays: company name, alias or ticker, e.g. "OpenAI".
 * @param {string} to Who receives: company name, alias or ticker, e.g. "Microsoft".
 * @param {string} [type] equity, compute, chips, infrastructure, secondary, partnership, or flow_back (compute, chips and infrastructure together); empty for all.
 * @param {any} [as_of] Excel date or text YYYY-MM-DD, YYYY-MM or YYYY; empty for the latest data.
 * @returns {number} A count of deals.
 */
export function unreported(from: string, to: string, type?: string, as_of?: any): number {
  return excelResult(formulas.unreportedCount(data(), from, to, type, as_of));
}

/**
 * The deals a party is in, one row per deal at its latest state as of the date, with a header row: ID, date, from, to, type, kind, amount, qualifier, status, part of, source, quote.
 * @customfunction DEAL_LIST
 * @param {string} party Company name, alias or ticker, e.g. "OpenAI".
 * @param {string} [role] from (it pays), to (it receives) or any; empty for any.
 * @param {any} [as_of] Excel date or text YYYY-MM-DD, YYYY-MM or YYYY; empty for the latest data.
 * @returns {any[][]} A table with a header row; spills.
 */
export function dealList(party: string, role?: string, as_of?: any): any[][] {
  return excelResult(formulas.dealList(data(), party, role, as_of));
}

/**
 * One field of one deal at its latest state: amount, status, date, qualifier, source, quote, history, and more.
 * @customfunction DEAL_FIELD
 * @param {string} deal_id The deal's ID, from the ID column of DEALS.DEAL_LIST, e.g. "amazon-openai-equity".
 * @param {string} field title, from, to, type, kind, amount, qualifier, status, date, date_value, date_precision, first_date, funded, term_years, part_of, overlaps, source, quote, sources, history, notes, currency, amount_in_currency, fx_rate, fx_source, recurring or priced_at.
 * @returns {any} The field's value.
 */
export function dealField(deal_id: string, field: string): any {
  return excelResult(formulas.dealField(data(), deal_id, field));
}

/**
 * The company as of the date, as a card: the cell shows its name; the card shows its valuation and the one before it, its investors (stake, capital, money back, circularity), money raised by round and its deal count, each figure with its source. Read a field with dot syntax, e.g. =A1.Valuation. Hosts without CustomFunctionsRuntime 1.4 get the name as text.
 * @customfunction COMPANY
 * @param {string} name Company name, alias or ticker, e.g. "Anthropic".
 * @param {any} [as_of] Excel date or text YYYY-MM-DD, YYYY-MM or YYYY; empty for the latest data.
 * @returns {any} A company card (entity value), or the company's name as text.
 */
export function company(name: string, as_of?: any): any {
  return cardResult(() => companyCard(data(), name, as_of));
}

/**
 * One deal as a card: the cell shows its title; the card shows its parties, type, amount, status, date, term, the round it is part of, the sentence that states its figure with the source, and its dated history. Read a field with dot syntax, e.g. =A1.Amount. Hosts without CustomFunctionsRuntime 1.4 get the title as text.
 * @customfunction DEAL
 * @param {string} deal_id The deal's ID, from the ID column of DEALS.DEAL_LIST, e.g. "amazon-anthropic-2023".
 * @returns {any} A deal card (entity value), or the deal's title as text.
 */
export function deal(deal_id: string): any {
  return cardResult(() => dealCard(data(), deal_id));
}

/**
 * The version and as-of date of the deal dataset in use.
 * @customfunction DATA_VERSION
 * @returns {string} For example "2026.11.26 (data as of 2026-11-26)".
 */
export function dataVersion(): string {
  return formulas.dataVersion(data());
}
