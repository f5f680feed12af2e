/**
 * DEAL_VALUE answers from a per-pair timeline (one binary search per as-of date). It must give exactly
 * what looking at every deal gives, for every pair, type and date, on the bundled data and on a large
 * generated dataset with revised figures, tranches and undisclosed amounts.
 */
import { pairTotal } from "../../src/core/analytics";
import { Dataset, loadDataset } from "../../src/core/dataset";
import { factStartDay, LATEST } from "../../src/core/dates";
import { DatasetFile, DEAL_TYPES, DealType } from "../../src/core/schema";
import bundled from "../../src/data/dataset.json";
import { generateDataset } from "../../scripts/bench/generate-dataset";

function load(json: unknown): Dataset {
  const r = loadDataset(json);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.dataset;
}

/**
 * The rules of DEAL_VALUE written out plainly over the raw file, sharing no code with analytics.ts:
 * every deal between the two families, at its latest stated amount or its tranches' sum if larger, and
 * each pair's latest cumulative position replacing the deals it covers when it is larger.
 */
function reference(
  ds: Dataset,
  from: string,
  to: string,
  types: ReadonlySet<DealType> | null,
  day: number
) {
  const under = (id: string, top: string) => (ds.selfAndAncestors.get(id) ?? [id]).includes(top);
  const values = new Map<string, number>();
  let total: number | null = null;
  let count = 0;
  for (const d of ds.file.deals) {
    if (d.kind === "aggregate" || d.to === null || (types !== null && !types.has(d.type))) continue;
    if (!under(d.from, from) || !under(d.to, to)) continue;
    const known = d.history.filter((e) => factStartDay(e.date) <= day);
    if (known.length === 0) continue;
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
      if (!under(p.investor, from) || !under(p.company, to)) continue;
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

function compareAll(ds: Dataset): number {
  // Pairs of more than 16 deals take the timeline path; the generated set has many.
  const typeSets: (ReadonlySet<DealType> | null)[] = [null, ...DEAL_TYPES.map((t) => new Set([t]))];
  let compared = 0;
  for (const [key, deals] of ds.dealsByPair) {
    const [from, to] = key.split("|") as [string, string];
    const days = new Set<number>([LATEST, -1e6]);
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
