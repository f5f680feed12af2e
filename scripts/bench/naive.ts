/**
 * The naive baseline: DEAL_VALUE answered by scanning the raw file on every call, with no index and no
 * memo. It follows the same counting rules as the add-in, so its answers can be checked against the
 * add-in's (the benchmark does): names, aliases and tickers compared lower-cased; a party stands for
 * itself and every company below it (one taken over on a date, from that date); aggregates and shares
 * received as consideration left out; each deal at its latest event on or before the as-of date, tranches
 * included, nothing if that event ended it; a cumulative position used instead of the deals it covers
 * when larger.
 * Returns the total, or null where the add-in returns an error (#N/A or #VALUE!).
 */
import { DatasetFile } from "../../src/core/schema";
import { DEAL_TYPES } from "../../src/core/vocabulary";
import { DealValueCall } from "./workload";

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_OFFSET = 25_569;
const DATE_TEXT = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

function resolve(file: DatasetFile, typed: string): string | undefined {
  const wanted = typed.trim().toLowerCase();
  for (const c of file.companies) {
    if (c.name.toLowerCase() === wanted) return c.id;
    for (const a of c.aliases) if (a.toLowerCase() === wanted) return c.id;
    for (const t of c.tickers) if (t.toLowerCase() === wanted) return c.id;
  }
  return undefined;
}

/**
 * The company and every company below it, by repeated passes over the company list, each with the first
 * date it counts there ("" for always): the latest takeover date on its way up.
 */
function selfAndBelow(file: DatasetFile, id: string): Map<string, string> {
  const below = new Map([[id, ""]]);
  for (let grew = true; grew;) {
    grew = false;
    for (const c of file.companies) {
      const parentSince = c.parent === null ? undefined : below.get(c.parent);
      if (parentSince !== undefined && !below.has(c.id)) {
        const own = c.parentSince ?? "";
        below.set(c.id, own > parentSince ? own : parentSince);
        grew = true;
      }
    }
  }
  return below;
}

/** Whether both sides belonged to the asked families by the last day included. */
function inFamilies(
  froms: Map<string, string>,
  tos: Map<string, string>,
  from: string,
  to: string,
  last: string
): boolean {
  const a = froms.get(from);
  const b = tos.get(to);
  return a !== undefined && b !== undefined && a <= last && b <= last;
}

const isoOfDay = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/**
 * The last day included, as YYYY-MM-DD text: fact dates (YYYY, YYYY-MM, YYYY-MM-DD, counted from their
 * first day) compare correctly with it as plain strings. undefined for an unreadable date.
 */
function cutoff(asOf: string | number | null): string | undefined {
  if (asOf === null || asOf === "") return "9999-12-31";
  if (typeof asOf === "number") {
    const serial = Math.floor(asOf);
    return isoOfDay(serial < 61 ? serial - EXCEL_EPOCH_OFFSET + 1 : serial - EXCEL_EPOCH_OFFSET);
  }
  const m = DATE_TEXT.exec(asOf.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return `${year}-12-31`;
  const month = Number(m[2]);
  if (m[3] === undefined) return isoOfDay(Date.UTC(year, month, 1) / MS_PER_DAY - 1);
  return isoOfDay(Date.UTC(year, month - 1, Number(m[3])) / MS_PER_DAY);
}

export function naiveDealValue(file: DatasetFile, call: DealValueCall): number | null {
  const from = resolve(file, call.from);
  const to = resolve(file, call.to);
  if (from === undefined || to === undefined || from === to) return null;
  let type: string | null = null;
  if (call.type !== null) {
    type = call.type.trim().toLowerCase();
    if (!(DEAL_TYPES as readonly string[]).includes(type)) return null;
  }
  const last = cutoff(call.asOf);
  if (last === undefined) return null;
  const froms = selfAndBelow(file, from);
  const tos = selfAndBelow(file, to);

  let matched = 0;
  let total: number | null = null;
  const values = new Map<string, number>();
  for (const d of file.deals) {
    if (d.kind === "aggregate" || d.kind === "consideration") continue;
    if (d.to === null || (type !== null && d.type !== type)) continue;
    if (!inFamilies(froms, tos, d.from, d.to, last)) continue;
    let known = false;
    let ended = false;
    let figure: number | null = null;
    let funded = 0;
    for (const e of d.history) {
      if (e.date > last) break;
      known = true;
      ended = e.status === "ended";
      if (e.amountUsd !== null) figure = e.amountUsd;
      if (e.trancheUsd !== undefined) funded += e.trancheUsd;
    }
    if (!known || ended) continue;
    matched++;
    const value = funded > (figure ?? 0) ? funded : figure;
    if (value !== null) {
      values.set(d.id, value);
      total = (total ?? 0) + value;
    }
  }
  if (matched === 0) return null;

  if (type === null || type === "equity") {
    // The latest position with an amount per exact investor→company pair; on a tie, the later entry.
    const latest = new Map<string, { date: string; invested: number; covers: readonly string[] }>();
    for (const p of file.positions) {
      if (
        p.investedUsd === undefined ||
        p.date > last ||
        !inFamilies(froms, tos, p.investor, p.company, last)
      )
        continue;
      const key = `${p.investor}|${p.company}`;
      const seen = latest.get(key);
      if (seen === undefined || p.date >= seen.date)
        latest.set(key, { date: p.date, invested: p.investedUsd, covers: p.covers });
    }
    for (const p of latest.values()) {
      let covered = 0;
      for (const id of p.covers) covered += values.get(id) ?? 0;
      if (p.invested > covered) total = (total ?? 0) - covered + p.invested;
    }
  }
  return total;
}
