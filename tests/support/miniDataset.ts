/**
 * A small hand-built dataset with answers worked out by hand: one lab, its rounds and valuations, and a
 * few investors. Rule tests start from it and add the one thing they are about.
 */
import { Dataset } from "../../src/core/dataset";
import { loadDataset } from "../../src/core/load";
import { DatasetFile, Deal, DealEvent, Valuation } from "../../src/core/schema";

export const M = 1e6;
export const B = 1e9;

export function event(
  date: string,
  amountUsd: number | null,
  status: DealEvent["status"] = "closed"
): DealEvent {
  return {
    date,
    status,
    amountUsd,
    qualifier: amountUsd === null ? null : "exact",
    source: "test",
    quote: "The sentence of the test source that states the figure.",
  };
}

export function deal(
  id: string,
  from: string,
  to: string | null,
  history: DealEvent[],
  more: Partial<Deal> = {}
): Deal {
  return {
    id,
    title: id,
    from,
    to,
    type: "equity",
    kind: "transaction",
    refs: ["test"],
    history,
    ...more,
  };
}

export function valuation(
  id: string,
  date: string,
  valueUsd: number,
  basis: Valuation["basis"],
  dealId?: string
): Valuation {
  return {
    id,
    company: "lab",
    date,
    valueUsd,
    qualifier: "exact",
    basis,
    ...(dealId ? { dealId } : {}),
    refs: ["test"],
    source: "test",
    quote: "The sentence of the test source that states the valuation.",
  };
}

const company = (
  id: string,
  kind: DatasetFile["companies"][0]["kind"],
  parent: string | null = null
) => ({
  id,
  name: id.charAt(0).toUpperCase() + id.slice(1),
  kind,
  aliases: [],
  tickers: [],
  parent,
});

/**
 * The lab's history:
 * - 2020-01-01 Series A: $100M at $500M post; Alpha's $100M part (20%).
 * - 2021-06-01 Alpha $50M alone, no price of its own: priced at Series B's post-money (2.5%).
 * - 2021-09-01 Series B: $400M at $2B post (holdings before it × 0.8).
 * - 2022-03-01 Series C: $1B at $10B post (× 0.9); Beta's $250M part (2.5%).
 * - 2022-04-15 Beta $120M alone; 2022-05-01 a $12B pre-money and a $15B secondary figure (never prices a
 *   stake), so it is priced at Series D's $20B (0.6%).
 * - 2023-02-01 Gamma reports a 10% stake.
 * - 2023-06-01 Series D: $2B at $20B post (× 0.9).
 * - 2023-09-01 Alpha $30M, and no valuation after it: unpriced, so Alpha's stake is a floor.
 */
export function miniFile(): DatasetFile {
  return {
    schemaVersion: 2,
    version: "2024.01.01",
    asOf: "2024-01-01",
    title: "test",
    sources: [{ id: "test", url: null, title: "A test source" }],
    companies: [
      company("lab", "ai_lab"),
      company("alpha", "investor"),
      company("beta", "investor"),
      company("gamma", "hyperscaler"),
      company("delta", "investor"),
      company("multiple-investors", "group"),
    ],
    deals: [
      deal("lab-series-a", "multiple-investors", "lab", [event("2020-01-01", 100 * M)], {
        kind: "round",
      }),
      deal("alpha-lab-a", "alpha", "lab", [event("2020-01-01", 100 * M)], {
        partOf: "lab-series-a",
      }),
      deal("alpha-lab-2021", "alpha", "lab", [event("2021-06-01", 50 * M)]),
      deal("lab-series-b", "multiple-investors", "lab", [event("2021-09-01", 400 * M)], {
        kind: "round",
      }),
      deal("lab-series-c", "multiple-investors", "lab", [event("2022-03-01", 1 * B)], {
        kind: "round",
      }),
      deal("beta-lab-c", "beta", "lab", [event("2022-03-01", 250 * M)], { partOf: "lab-series-c" }),
      deal("beta-lab-2022", "beta", "lab", [event("2022-04-15", 120 * M)], {
        distinctFrom: [{ deal: "beta-lab-c", why: "A second purchase after the round closed." }],
      }),
      deal("alpha-lab-2023", "alpha", "lab", [event("2023-09-01", 30 * M)]),
      deal("lab-series-d", "multiple-investors", "lab", [event("2023-06-01", 2 * B)], {
        kind: "round",
      }),
    ],
    positions: [
      {
        id: "gamma-lab-2023",
        investor: "gamma",
        company: "lab",
        date: "2023-02-01",
        stakePct: 0.1,
        stakeQualifier: "approx",
        covers: [],
        refs: ["test"],
        source: "test",
        quote: "Gamma owns about 10% of the lab.",
      },
    ],
    valuations: [
      valuation("lab-a-post", "2020-01-01", 500 * M, "post_money", "lab-series-a"),
      valuation("lab-b-post", "2021-09-01", 2 * B, "post_money", "lab-series-b"),
      valuation("lab-c-post", "2022-03-01", 10 * B, "post_money", "lab-series-c"),
      valuation("lab-2022-05-pre", "2022-05-01", 12 * B, "pre_money"),
      valuation("lab-2022-05-secondary", "2022-05-01", 15 * B, "secondary"),
      valuation("lab-d-post", "2023-06-01", 20 * B, "post_money", "lab-series-d"),
    ],
  };
}

export function load(file: DatasetFile): Dataset {
  const r = loadDataset(file);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.dataset;
}

export function loadErrors(file: DatasetFile): string[] {
  const r = loadDataset(file);
  return r.ok ? [] : r.errors;
}
