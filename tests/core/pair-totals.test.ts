/**
 * DEAL_VALUE answers from a per-pair timeline (one binary search per as-of date). It must give exactly
 * what looking at every deal gives, for every pair, type and date, on the bundled data and on a large
 * generated dataset with revised figures, tranches and undisclosed amounts.
 */
import { pairTotal } from "../../src/core/analytics";
import { Dataset } from "../../src/core/dataset";
import { loadDataset } from "../../src/core/load";
import { factStartDay, LATEST } from "../../src/core/dates";
import { DatasetFile } from "../../src/core/schema";
import { DEAL_TYPES, DealType } from "../../src/core/vocabulary";
import bundled from "../../src/data/dataset.json";
import { generateDataset } from "../../scripts/bench/generate-dataset";

function load(json: unknown): Dataset {
  const r = loadDataset(json);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.dataset;
}

/**
 * The rules of DEAL_VALUE written out plainly over the raw file, sharing no code with analytics.ts:
 * every deal between the two families (a company counts under a parent from the day the parent took it
 * over), at its latest stated amount or its tranches' sum if larger, nothing for a deal that had ended,
 * aggregates and shares received as consideration never; and each pair's latest cumulative position
 * replacing the deals it covers when it is larger.
 */
function reference(
  ds: Dataset,
  from: string,
  to: string,
  types: ReadonlySet<DealType> | null,
  day: number
) {
  const underFrom = familyOf(ds, from);
  const underTo = familyOf(ds, to);
  const counts = (a: string, b: string) => {
    const sa = underFrom.get(a);
    const sb = underTo.get(b);
    return sa !== undefined && sb !== undefined && day >= Math.max(sa, sb);
  };
  const values = new Map<string, number>();
  let total: number | null = null;
  let count = 0;
  for (const d of ds.file.deals) {
    if (d.kind === "aggregate" || d.kind === "consideration") continue;
    if (d.to === null || (types !== null && !types.has(d.type))) continue;
    if (!counts(d.from, d.to)) continue;
    const known = d.history.filter((e) => factStartDay(e.date) <= day);
    if (known.length === 0 || known[known.length - 1]?.status === "ended") continue;
    count++;
    const stated = [...known].reverse().find((e) => e.amountUsd !== null)?.amountUsd ?? null;
    const funded = known.reduce((sum, e) => sum + (e.trancheUsd ?? 0), 0);
    const value = funded > (stated ?? 0) ? funded : stated;
    if (value !== null) {
      total = (total ?? 0) + value;
      values.set(d.id, value);
    }
  }
  if (types === null || types.has("equity")) {
    const latest = new Map<string, DatasetFile["positions"][number]>();
    for (const p of ds.file.positions) {
      if (p.investedUsd === undefined || factStartDay(p.date) > day) continue;
      if (!counts(p.investor, p.company)) continue;
      const previous = latest.get(`${p.investor}|${p.company}`);
      if (!previous || factStartDay(previous.date) <= factStartDay(p.date))
        latest.set(`${p.investor}|${p.company}`, p);
    }
    for (const p of latest.values()) {
      const covered = p.covers.reduce((sum, id) => sum + (values.get(id) ?? 0), 0);
      if ((p.investedUsd as number) > covered)
        total = (total ?? 0) - covered + (p.investedUsd as number);
    }
  }
  return { total, count };
}

const takeovers = new WeakMap<Dataset, Map<string, number | undefined>>();
/** The first day company `id` counts under `top` (-Infinity: always), or undefined if `top` is not above it. */
function takeoverDay(ds: Dataset, id: string, top: string): number | undefined {
  let memo = takeovers.get(ds);
  if (!memo) takeovers.set(ds, (memo = new Map()));
  const key = `${id}>${top}`;
  if (memo.has(key)) return memo.get(key);
  const byId = new Map(ds.file.companies.map((c) => [c.id, c]));
  let since = Number.NEGATIVE_INFINITY;
  let found: number | undefined;
  for (let c = byId.get(id); c; c = c.parent ? byId.get(c.parent) : undefined) {
    if (c.id === top) {
      found = since;
      break;
    }
    if (c.parentSince) since = Math.max(since, factStartDay(c.parentSince));
  }
  memo.set(key, found);
  return found;
}

const families = new WeakMap<Dataset, Map<string, Map<string, number>>>();
/** Every company under `top` (itself included) → the first day it counts there. */
function familyOf(ds: Dataset, top: string): Map<string, number> {
  let byTop = families.get(ds);
  if (!byTop) families.set(ds, (byTop = new Map()));
  let family = byTop.get(top);
  if (!family) {
    family = new Map();
    for (const c of ds.file.companies) {
      const since = takeoverDay(ds, c.id, top);
      if (since !== undefined) family.set(c.id, since);
    }
    byTop.set(top, family);
  }
  return family;
}

function compareAll(ds: Dataset): number {
  // Pairs of more than 16 deals take the timeline path; the generated set has many.
  const typeSets: (ReadonlySet<DealType> | null)[] = [null, ...DEAL_TYPES.map((t) => new Set([t]))];
  let compared = 0;
  for (const [key, deals] of ds.dealsByPair) {
    const [from, to] = key.split("|") as [string, string];
    const days = new Set<number>([LATEST, -1e6]);
    for (const d of deals)
      for (const c of ds.file.companies)
        if (c.parentSince && (c.id === d.from || c.id === d.to))
          for (const k of [-1, 0, 1]) days.add(factStartDay(c.parentSince) + k);
    for (const d of deals)
      for (const e of d.history)
        days
          .add(e.day)
          .add(e.day - 1)
          .add(e.day + 1);
    for (const types of typeSets) {
      for (const day of days) {
        const fast = pairTotal(ds, from, to, types, day);
        const slow = reference(ds, from, to, types, day);
        if (fast.total !== slow.total || fast.count !== slow.count) {
          throw new Error(
            `${key} ${types ? [...types] : "*"} day ${day}: ${JSON.stringify(fast)} vs ${JSON.stringify(slow)}`
          );
        }
        compared++;
      }
    }
  }
  return compared;
}

it("matches a deal-by-deal scan on the bundled dataset", () => {
  expect(compareAll(load(bundled))).toBeGreaterThan(2_000);
});

it("matches a deal-by-deal scan on a generated dataset of 3,000 deals", () => {
  const ds = load(generateDataset({ deals: 3_000, companies: 120, seed: 7 }));
  // Enough large pairs that the timeline path, not only the small-pair scan, is what is compared.
  const large = [...ds.dealsByPair.values()].filter((deals) => deals.length > 16).length;
  expect(large).toBeGreaterThan(5);
  expect(compareAll(ds)).toBeGreaterThan(50_000);
});
