/**
 * The benchmark's workload: DEAL_VALUE calls with arguments as a user types them into cells. Names,
 * aliases and tickers in mixed case, an optional type (sometimes capitalized or padded), an optional
 * as-of date as text (a day, a month or a year) or as an Excel date serial. Most calls ask about a pair
 * that has deals (sometimes by a parent's name); the rest about an arbitrary pair (usually #N/A).
 */
import { Company, DatasetFile, Deal } from "../../src/core/schema";
import { DEAL_TYPES } from "../../src/core/vocabulary";
import { Rng } from "./rng";

/** One DEAL_VALUE call's raw arguments, as Excel passes them (null for an omitted optional). */
export interface DealValueCall {
  readonly from: string;
  readonly to: string;
  readonly type: string | null;
  readonly asOf: string | number | null;
}

/** Excel serial 25569 is 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;
const MS_PER_DAY = 86_400_000;

/** The first day of a fact dated YYYY, YYYY-MM or YYYY-MM-DD. */
const startDay = (date: string): number =>
  Date.parse(
    `${date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date}T00:00:00Z`
  ) / MS_PER_DAY;

function typed(rng: Rng, company: Company): string {
  const forms = [company.name, company.name, ...company.aliases, ...company.tickers];
  const form = rng.pick(forms);
  const r = rng.next();
  if (r < 0.4) return form;
  if (r < 0.65) return form.toLowerCase();
  if (r < 0.85) return form.toUpperCase();
  let mixed = "";
  for (const ch of form) mixed += rng.chance(0.5) ? ch.toUpperCase() : ch.toLowerCase();
  return mixed;
}

function typeArg(rng: Rng, deal: Deal | undefined): string | null {
  const r = rng.next();
  if (r < 0.5) return null;
  const type = deal && r < 0.85 ? deal.type : rng.pick(DEAL_TYPES);
  return r < 0.92 ? type : rng.chance(0.5) ? capitalizeFirst(type) : ` ${type.toUpperCase()} `;
}

const capitalizeFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function asOfArg(rng: Rng, firstDay: number, lastDay: number): string | number | null {
  const r = rng.next();
  if (r < 0.45) return null;
  const day = rng.between(firstDay, lastDay);
  if (r < 0.85) {
    const iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    const p = rng.next();
    return p < 0.6 ? iso : p < 0.9 ? iso.slice(0, 7) : iso.slice(0, 4);
  }
  return day + EXCEL_EPOCH_OFFSET;
}

/**
 * `count` DEAL_VALUE calls, every one a distinct argument tuple (so a cold pass computes each of them),
 * in a shuffled order. Deterministic for a given file and seed.
 */
export function dealValueCalls(file: DatasetFile, count: number, seed: number): DealValueCall[] {
  const rng = new Rng(seed);
  const companies = new Map(file.companies.map((c) => [c.id, c]));
  const ancestor = (id: string): Company => {
    let c = companies.get(id) as Company;
    while (c.parent !== null && rng.chance(0.7)) c = companies.get(c.parent) as Company;
    return c;
  };
  const pairDeals = file.deals.filter((d) => d.to !== null);
  const firstDay = startDay("2018-01-01");
  const lastDay = startDay(file.asOf);

  const calls: DealValueCall[] = [];
  const seen = new Set<string>();
  let attempts = 0;
  while (calls.length < count) {
    if (++attempts > count * 50)
      throw new Error(`could only draw ${calls.length} distinct calls of ${count}`);
    let from: Company;
    let to: Company;
    let deal: Deal | undefined;
    if (rng.chance(0.75)) {
      deal = rng.pick(pairDeals);
      from = rng.chance(0.2) ? ancestor(deal.from) : (companies.get(deal.from) as Company);
      to = rng.chance(0.2)
        ? ancestor(deal.to as string)
        : (companies.get(deal.to as string) as Company);
    } else {
      from = rng.pick(file.companies);
      to = rng.pick(file.companies);
    }
    if (from.id === to.id) continue;
    // Asked about a deal, a user mostly picks a date after it began; sometimes any date.
    const dealStart =
      deal && rng.chance(0.8)
        ? startDay((deal.history[0] as Deal["history"][number]).date)
        : firstDay;
    const call: DealValueCall = {
      from: typed(rng, from),
      to: typed(rng, to),
      type: typeArg(rng, deal),
      asOf: asOfArg(rng, Math.min(Math.max(dealStart, firstDay), lastDay), lastDay),
    };
    const key = callKey(call);
    if (seen.has(key)) continue;
    seen.add(key);
    calls.push(call);
  }
  return calls;
}

/**
 * The key a memo table would use for a call, built the way formulas.ts builds its own (argKey): the
 * function's tag, then for each argument a separator, a type tag and the argument's text. The floor
 * builds its keys with this, so it pays the same key-building cost as the memoized formulas.
 */
export function callKey(call: DealValueCall): string {
  return memoKey("DV", [call.from, call.to, call.type, call.asOf]);
}

function memoKey(name: string, args: readonly unknown[]): string {
  let key = name;
  for (const a of args) {
    const tag = typeof a === "string" ? "s" : typeof a === "number" ? "n" : "o";
    key += `\u001f${tag}${typeof a === "object" && a !== null ? JSON.stringify(a) : String(a)}`;
  }
  return key;
}
