/**
 * DEAL_VALUE answers from a per-pair timeline (one binary search per as-of date). It must give exactly
 * what looking at every deal gives, for every pair, type and date, on the bundled data and on a large
 * generated dataset with revised figures, tranches and undisclosed amounts.
 */
import { pairTotal, scanPairTotal } from "../../src/core/analytics";
import { Dataset, loadDataset, pairKey } from "../../src/core/dataset";
import { LATEST } from "../../src/core/dates";
import { DEAL_TYPES, DealType } from "../../src/core/schema";
import bundled from "../../src/data/dataset.json";
import { generateDataset } from "../../scripts/bench/generate-dataset";

function load(json: unknown): Dataset {
  const r = loadDataset(json);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.dataset;
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
        const slow = scanPairTotal(ds, pairKey(from, to), from, to, types, day);
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
