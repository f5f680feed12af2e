/**
 * The sourcing rule on the bundled dataset: every figure is written in the sentence quoted for it (deal
 * amounts, tranches and rates, valuations, amounts invested, stakes, exchange rates), or is the sum of
 * stated parts that are. No exceptions list: a figure a quote does not state does not enter the data.
 */
import { quoteProblems } from "../../scripts/data/quoteCheck";
import { DatasetFile } from "../../src/core/schema";
import bundledJson from "../../src/data/dataset.json";

const bundled = bundledJson as unknown as DatasetFile;
const copy = (): DatasetFile => JSON.parse(JSON.stringify(bundled)) as DatasetFile;

it("every figure of the bundled dataset is stated in its quote", () => {
  expect(quoteProblems(bundled)).toEqual([]);
  const figures =
    bundled.deals.flatMap((d) => d.history).filter((e) => e.amountUsd !== null).length +
    bundled.valuations.length;
  console.log(`quote test: ${figures} deal figures and valuations, each stated in its quote`);
});

it("a figure its quote does not state is named with its path", () => {
  const file = copy();
  const deal = file.deals.find(
    (d) => d.id === "openai-aws-compute-2026"
  ) as DatasetFile["deals"][0];
  (deal.history[0] as { amountUsd: number }).amountUsd = 110e9;
  const position = file.positions.find(
    (p) => p.stakePct !== undefined
  ) as DatasetFile["positions"][0];
  position.stakePct = 0.3333;
  expect(quoteProblems(file).map((p) => p.path)).toEqual([
    "deals.openai-aws-compute-2026.history.0.amountUsd",
    `positions.${position.id}.stakePct`,
  ]);
});

it("a tranche, a rate of spending and an amount invested are each checked against their quote", () => {
  const file = copy();
  const event = (id: string, i: number) =>
    (file.deals.find((d) => d.id === id) as DatasetFile["deals"][0]).history[i] as {
      trancheUsd?: number;
      recurring?: { amountUsd: number; per: "month" | "year" };
    };
  (event("amazon-anthropic-2023", 1) as { trancheUsd: number }).trancheUsd = 1.3e9;
  // The right amount over the wrong period is not what the sentence says.
  (event("anthropic-spacex-colossus-2026", 1).recurring as { per: string }).per = "year";
  const position = file.positions.find(
    (p) => p.id === "amazon-anthropic-2024-03-27"
  ) as DatasetFile["positions"][0];
  position.investedUsd = 5e9;
  expect(quoteProblems(file).map((p) => [p.path, p.message.split(" is not")[0]])).toEqual([
    ["deals.amazon-anthropic-2023.history.1.trancheUsd", "USD 1,300,000,000"],
    ["deals.anthropic-spacex-colossus-2026.history.1.recurring", "USD 1,250,000,000 a year"],
    [`positions.${position.id}.investedUsd`, "USD 5,000,000,000"],
  ]);
});

it("a sum must list its parts, and each part must be stated", () => {
  const file = copy();
  const amazon = file.deals.find((d) => d.id === "amazon-openai-equity") as DatasetFile["deals"][0];
  const signed = amazon.history.find(
    (e) => e.parts !== undefined
  ) as DatasetFile["deals"][0]["history"][0];
  expect(signed.parts).toEqual([15e9, 35e9]);
  delete signed.parts;
  expect(quoteProblems(file).map((p) => p.message)).toEqual([
    expect.stringMatching(/^USD 50,000,000,000 is not written in its quote/),
  ]);
});

it("a figure reported in euros is checked in euros, and its rate against the amounts its page states", () => {
  const file = copy();
  const eur = file.deals.flatMap((d) => d.history).find((e) => e.reported?.currency === "EUR");
  expect(eur).toBeDefined();
  (eur as { reported: { amount: number } }).reported.amount += 1e6;
  const rate = (file.fxRates ?? []).find((r) => r.statedAs !== undefined) as NonNullable<
    DatasetFile["fxRates"]
  >[0];
  (rate.statedAs as { usd: number }).usd += 1e6;
  const problems = quoteProblems(file).map((p) => p.path);
  expect(problems).toContain(`fxRates.${rate.id}`);
  expect(problems.some((p) => p.endsWith(".amountUsd"))).toBe(true);
});
