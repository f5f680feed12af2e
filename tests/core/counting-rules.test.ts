/**
 * The counting rules on small variations of the bundled data, for cases today's data does not contain:
 * each variation changes one thing and checks the answer an analyst would expect.
 */
import { Dataset } from "../../src/core/dataset";
import { loadDataset } from "../../src/core/load";
import { DatasetFile } from "../../src/core/schema";
import * as formulas from "../../src/core/formulas";
import bundledJson from "../../src/data/dataset.json";

const B = 1e9;
const bundled = bundledJson as unknown as DatasetFile;

function variant(change: (d: DatasetFile) => void): Dataset {
  const d = JSON.parse(JSON.stringify(bundled)) as DatasetFile;
  change(d);
  const r = loadDataset(d);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.dataset;
}

const event = (date: string, amountUsd: number | null) => ({
  date,
  status: "closed" as const,
  amountUsd,
  qualifier: amountUsd === null ? null : ("exact" as const),
  source: "seed",
  quote: "A sentence of the source that states the figure.",
});

it("an aggregate with a named counterparty is still never added to the pair's total", () => {
  const ds = variant((d) =>
    d.deals.push({
      id: "openai-nvidia-aggregate",
      title: "All OpenAI chip commitments to Nvidia",
      from: "openai",
      to: "nvidia",
      type: "chips",
      kind: "aggregate",
      refs: ["test"],
      history: [event("2025-11", 500 * B)],
    })
  );
  expect(formulas.dealValue(ds, "OpenAI", "Nvidia", null, null)).toMatchObject({ kind: "#N/A" });
  expect(
    (formulas.dealList(ds, "Nvidia", "to", null) as unknown[][]).some(
      (r) => r[0] === "openai-nvidia-aggregate"
    )
  ).toBe(true);
});

it("a cumulative figure smaller than the deals it covers gives way to them", () => {
  const ds = variant((d) => {
    const p = d.positions.find((x) => x.id === "microsoft-openai-seed");
    if (p) p.investedUsd = 5 * B; // below the itemized $1B + $10B + ~$0.75B
  });
  expect(formulas.dealValue(ds, "Microsoft", "OpenAI", "equity", null)).toBe(11.75 * B);
});

it("an investor in a company and in its subsidiary is counted once per deal in EXPOSURE", () => {
  const ds = variant((d) => {
    d.deals.push({
      id: "thrive-google-test",
      title: "t",
      from: "thrive-capital",
      to: "google",
      type: "equity",
      kind: "transaction",
      refs: ["test"],
      history: [event("2025-01", 2 * B)],
    });
    d.deals.push({
      id: "thrive-google-cloud-test",
      title: "t",
      from: "thrive-capital",
      to: "google-cloud",
      type: "equity",
      kind: "transaction",
      refs: ["test"],
      history: [event("2025-02", 1 * B)],
    });
  });
  // Thrive's existing ~$1.25B in OpenAI, plus $2B into Google and $1B into Google Cloud.
  expect(formulas.exposureValue(ds, "Thrive Capital", "capital", null)).toBe((1.25 + 2 + 1) * B);
});

it("a valuation older than a deal does not price it; a pre-money figure never does", () => {
  const ds = variant(() => undefined);
  // 2020: Microsoft's 2019 $1B has no valuation on or after it yet. 2021: it is priced at that year's
  // reported $14B, never at the $20B secondary figure; the 2021 round has no amount, so it is a floor.
  expect(formulas.stakePct(ds, "Microsoft", "OpenAI", "2020-12-31")).toMatchObject({
    kind: "#N/A",
  });
  expect(formulas.stakePct(ds, "Microsoft", "OpenAI", "2021-12-31")).toBeCloseTo(1 / 14, 12);
  expect(formulas.stakeBasis(ds, "Microsoft", "OpenAI", "2021-12-31")).toBe("implied, partial");
  // 27 Feb 2026: the round's $730B pre-money and $840B post-money on one day: the stake uses $840B.
  expect(formulas.stakePct(ds, "Amazon", "OpenAI", "2026-03-01")).toBeCloseTo(50 / 840, 12);
});

it("deals whose amount is unknown give #N/A naming them, not a zero", () => {
  const ds = variant(() => undefined);
  expect(formulas.stakePct(ds, "ICONIQ", "Anthropic", null)).toMatchObject({
    kind: "#N/A",
    message:
      "No stake of ICONIQ in Anthropic in the latest data can be implied: its equity deals have no reported amount (iconiq-anthropic-series-f).",
  });
  // Anthropic's Google Cloud contracts before a size was reported (in 2023) have no disclosed value.
  expect(formulas.circularityRatio(ds, "Google", "Anthropic", "2023-06")).toMatchObject({
    kind: "#N/A",
    message: expect.stringMatching(
      /^The compute, chips and infrastructure deals from Anthropic to Google as of 2023-06-30 have no reported amount \(anthropic-google-cloud-2023\)\.$/
    ),
  });
});
