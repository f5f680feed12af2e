/**
 * The classes of error the December 2026 review found, each checked on the bundled data as an analyst
 * would ask: one transaction is one deal, totals are dated when they were first reported, final states
 * and exact days are there, a reused price is no new valuation, reported stakes win, an unconfirmed
 * report is not "signed", shares received are not money invested, and a relationship without a figure
 * answers "not reported", never 0.
 */
import * as f from "../../src/core/formulas";
import { indexDataset } from "../../src/core/dataset";
import { DatasetFile } from "../../src/core/schema";
import bundledJson from "../../src/data/dataset.json";

const file = bundledJson as unknown as DatasetFile;
const ds = indexDataset(file);
const B = 1e9;
const na = { kind: "#N/A" };

it("1. an early report and the close of a round are one deal (the loader refuses the pattern)", () => {
  // The Information's March 2023 report of a $300M round led by Spark was the Series C that closed in May.
  expect(f.dealField(ds, "anthropic-series-c", "history")).toMatch(
    /^2023-03-09 rumored \$300M .*; 2023-05 closed \$450M/
  );
  expect(f.dealField(ds, "spark-anthropic-2023-03", "part_of")).toBe("anthropic-series-c");
  // Oracle's 4.5 GW contract and the $300B reports are one contract.
  expect(file.deals.filter((d) => d.from === "openai" && d.to === "oracle")).toHaveLength(2);
  expect(f.dealValue(ds, "OpenAI", "Oracle", "compute", null)).toBe(300 * B);
});

it("2. a reported total counts from when it was first reported, not when a later article restated it", () => {
  expect(f.dealValue(ds, "Microsoft", "OpenAI", "equity", "2023-12-31")).toBe(13 * B);
  expect(f.dealValue(ds, "Amazon", "Anthropic", "equity", "2024-12-31")).toBe(8 * B);
});

it("3. closings and tranches are dated to the day where the day is public", () => {
  expect(f.valuation(ds, "Anthropic", "2026-02-11")).not.toBe(380 * B);
  expect(f.valuation(ds, "Anthropic", "2026-02-12")).toBe(380 * B);
  expect(f.dealField(ds, "amazon-anthropic-2023", "history")).toMatch(
    /2024-03-27 \w+ tranche \$2\.75B/
  );
  const events = file.deals.flatMap((d) => d.history);
  const days = events.filter((e) => e.date.length === 10).length;
  console.log(`dates: ${days} of ${events.length} deal events dated to the day`);
});

it("4. a round whose final size and close were announced shows them", () => {
  expect(f.dealField(ds, "openai-round-2025-03", "amount")).toBe(41 * B);
  expect(f.dealField(ds, "openai-round-2025-03", "status")).toBe("closed");
  expect(f.dealField(ds, "openai-round-2026", "amount")).toBe(122 * B);
});

it("5. a later deal at an earlier round's price is no new valuation: no valuation falls back to an earlier price", () => {
  // Google's April 2026 $10B at the Series G's $350B pre-money: priced at the Series G, no new figure.
  expect(f.valuation(ds, "Anthropic", "2026-04-30")).toBe(380 * B);
  expect(f.dealField(ds, "google-anthropic-2026-04", "priced_at")).toBe(
    "anthropic-2026-02-post-money"
  );
  // Anywhere: a valuation implied by a deal or reported later that repeats an earlier company figure,
  // after a higher one, is a reused price.
  const reused: string[] = [];
  const byCompany = new Map<string, DatasetFile["valuations"]>();
  for (const v of file.valuations)
    byCompany.set(v.company, [...(byCompany.get(v.company) ?? []), v]);
  for (const list of byCompany.values()) {
    const sorted = [...list].sort((a, b) => a.date.localeCompare(b.date));
    sorted.forEach((v, i) => {
      if (v.basis !== "implied_by_deal" && v.basis !== "reported") return;
      const earlier = sorted.slice(0, i).filter((w) => w.date < v.date);
      const repeat = earlier.findIndex(
        (w) => w.dealId !== v.dealId && Math.abs(w.valueUsd - v.valueUsd) <= 0.005 * v.valueUsd
      );
      if (repeat >= 0 && earlier.slice(repeat).some((w) => w.valueUsd > v.valueUsd * 1.05))
        reused.push(v.id);
    });
  }
  expect(reused).toEqual([]);
});

it.each<[string, string, string, number]>([
  ["Microsoft", "OpenAI", "2025-10-28", 0.27],
  ["OpenAI Foundation", "OpenAI", "2025-10-28", 0.26],
  ["SoftBank", "OpenAI", "2025-12-31", 0.11],
  ["Google", "Anthropic", "2025-03-31", 0.14],
  ["Meta", "Scale AI", "2025-06-30", 0.49],
  ["ASML", "Mistral AI", "2025-09-30", 0.11],
  ["Nvidia", "Intel", "2025-12-31", 0.044],
])("6. a reported stake wins as of its date: %s in %s", (investor, company, asOf, stake) => {
  expect(f.stakePct(ds, investor, company, asOf)).toBe(stake);
  expect(f.stakeBasis(ds, investor, company, asOf)).toBe("reported");
});

it("7. a single unconfirmed report is 'rumored', never 'signed'", () => {
  expect(f.dealField(ds, "anthropic-google-cloud-2026-05", "status")).toBe("rumored");
  expect(f.dealField(ds, "google-anthropic-2025-01", "status")).toBe("rumored");
  // The WSJ's $300B Oracle report (people familiar) stayed unconfirmed until OpenAI's own statement.
  expect(f.dealStatus(ds, "OpenAI", "Oracle", "compute", "2025-09-15")).not.toMatch(/signed/);
  expect(f.dealStatus(ds, "OpenAI", "Oracle", "compute", "2025-09-30")).toMatch(/^signed/);
});

it("8. shares received as consideration for a contract are ownership, not capital invested", () => {
  expect(f.dealField(ds, "openai-coreweave-equity-2025-03", "kind")).toBe("consideration");
  expect(f.dealValue(ds, "OpenAI", "CoreWeave", "equity", null)).toMatchObject(na);
  expect(f.dealValue(ds, "OpenAI", "CoreWeave", "compute", null)).toBeGreaterThan(0);
  expect(f.stakeDetail(ds, "OpenAI", "CoreWeave", null)).toEqual(
    expect.arrayContaining([expect.arrayContaining(["deal", "openai-coreweave-equity-2025-03"])])
  );
});

it("9. a relationship known without a figure: money back reads 'not reported', never 0, until a figure exists", () => {
  // The seed: AWS is Anthropic's preferred infrastructure provider; no amount until April 2026.
  const back = f.flowBack(ds, "Amazon", "Anthropic", "2025-12-17");
  expect(back).toMatchObject(na);
  expect((back as { message: string }).message).toMatch(
    /no reported amount \(.*anthropic-aws-compute-2023/
  );
  expect(f.circularityRatio(ds, "Amazon", "Anthropic", "2025-12-17")).toMatchObject(na);
  expect(f.flowBack(ds, "Amazon", "Anthropic", null)).toBe(100 * B);
  // Microsoft has been OpenAI's cloud since 2019: before the $250B commitment, not reported rather than 0.
  expect(f.flowBack(ds, "Microsoft", "OpenAI", "2024-12-31")).toMatchObject(na);
});
