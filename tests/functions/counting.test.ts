/**
 * Totals never count one transaction twice: seed and news rows of one deal, talks and the later
 * announcement, tranches and their cumulative total, a round and its per-investor parts, aggregates.
 */
import { B, excel } from "../support/excel";

describe("no double counting", () => {
  it("a seed row and a news row of the same contract count once", async () => {
    // openai-aws-compute-2025 holds the seed's ~$38B and the news report's $38B: $38B, not $76B.
    expect(await excel("DEAL_VALUE", "OpenAI", "AWS", "compute", "2025-12")).toBe(38 * B);
    expect(await excel("DEAL_FIELD", "openai-aws-compute-2025", "sources")).toContain("; ");
  });

  it("talks and the later announcement are one deal at its latest state", async () => {
    expect(await excel("DEAL_VALUE", "Amazon", "OpenAI", "equity", "2026-01")).toBe(10 * B);
    expect(await excel("DEAL_VALUE", "Amazon", "OpenAI", "equity", "2026-02-27")).toBe(50 * B); // not 10 + 10 + 50
  });

  it("a letter of intent replaced by a smaller commitment counts at its latest figure", async () => {
    expect(await excel("DEAL_VALUE", "Nvidia", "OpenAI", "equity", "2025-12")).toBe(100.1 * B);
    expect(await excel("DEAL_VALUE", "Nvidia", "OpenAI", "equity")).toBeCloseTo(30.1 * B, 0);
  });

  it("a tranche completes its commitment instead of adding to it", async () => {
    // Amazon: up to $4B (Sep 2023), of which $2.75B paid in Mar 2024; then $4B more (Nov 2024).
    expect(await excel("DEAL_VALUE", "Amazon", "Anthropic", null, "2024-06")).toBe(4 * B);
    expect(await excel("DEAL_FIELD", "amazon-anthropic-2023", "funded")).toBe(2.75 * B);
    expect(await excel("DEAL_VALUE", "Amazon", "Anthropic", null, "2024-12")).toBe(8 * B);
  });

  it("tranches with no stated total add up to what was paid", async () => {
    // SoftBank's part of the 2025 round: $7.5B (Apr) + $22.5B (Dec), plus $0.5B in Oct 2024.
    // Its commitment is on record from 31 March 2025 with no stated share; the payments then count.
    expect(await excel("DEAL_FIELD", "softbank-openai-2025", "first_date")).toBe("2025-03-31");
    expect(await excel("DEAL_VALUE", "SoftBank", "OpenAI", "equity", "2025-03-31")).toBe(0.5 * B);
    expect(await excel("DEAL_VALUE", "SoftBank", "OpenAI", "equity", "2025-06")).toBe(8 * B);
    expect(await excel("DEAL_VALUE", "SoftBank", "OpenAI", "equity", "2025-12")).toBe(30.5 * B);
  });

  it("a cumulative total and the deals it covers: the larger, never both", async () => {
    // Microsoft's itemized deals add to $11B ($1B + $10B; two undisclosed); the reported total is $13B.
    expect(await excel("DEAL_VALUE", "Microsoft", "OpenAI", "equity", "2025-11")).toBe(11 * B);
    expect(await excel("DEAL_VALUE", "Microsoft", "OpenAI", "equity", "2025-12")).toBe(13 * B);
    // Amazon's covered deals add to exactly the reported "at least $8B"; a later deal adds on top.
    expect(await excel("DEAL_VALUE", "Amazon", "Anthropic", "equity")).toBe(33 * B);
  });

  it("a round counts for the round; its named investors' parts count for them", async () => {
    // Oct 2024: $6.6B round; Thrive ~$1.25B, SoftBank ~$0.5B, Nvidia ~$0.1B inside it.
    expect(await excel("DEAL_VALUE", "Multiple investors", "OpenAI", "equity", "2024-12")).toBe(
      6.6 * B
    );
    expect(await excel("DEAL_VALUE", "Thrive Capital", "OpenAI", "equity", "2024-12")).toBe(
      1.25 * B
    );
    // Feb 2026 round announced at $110B, closed at $122B: one round, its latest figure.
    expect(await excel("DEAL_VALUE", "Multiple investors", "OpenAI", "equity", "2026-03-01")).toBe(
      (6.6 + 40 + 110) * B
    );
    expect(await excel("DEAL_VALUE", "Multiple investors", "OpenAI", "equity")).toBe(
      (6.6 + 40 + 122) * B
    );
  });

  it("expansions are separate contracts that add up to the reported cumulative value", async () => {
    // CoreWeave: $11.9B + $4B + $6.5B = the $22.4B the Sept 2025 report gives as the total.
    expect(await excel("DEAL_VALUE", "OpenAI", "CoreWeave", "compute")).toBeCloseTo(22.4 * B, 0);
  });

  it("aggregates are listed but never added to a pair's total", async () => {
    const list = (await excel("DEAL_LIST", "OpenAI", "from")) as unknown[][];
    expect(list.some((r) => r[0] === "openai-commitments-aggregate" && r[5] === "aggregate")).toBe(
      true
    );
    expect(await excel("DEAL_VALUE", "OpenAI", "Nvidia")).toMatchObject({ error: "#N/A" });
  });

  it("a subsidiary's deals count once for its parent (AWS for Amazon)", async () => {
    expect(await excel("DEAL_VALUE", "OpenAI", "Amazon")).toBe(
      await excel("DEAL_VALUE", "OpenAI", "AWS")
    );
    expect(await excel("DEAL_VALUE", "Anthropic", "Alphabet", "compute")).toBe(200 * B);
    const rows = (await excel("DEAL_LIST", "Amazon")) as unknown[][];
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
  });

  it("a stake's value uses each deal once, at the valuation it priced at", async () => {
    // Microsoft: reported 27% × OpenAI's $852B, plus $5B bought at Anthropic's implied $350B, now worth $965B.
    expect(await excel("EXPOSURE", "Microsoft", "stake_value")).toBeCloseTo(
      0.27 * 852 * B + (5 / 350) * 965 * B,
      -3
    );
  });
});

describe("lead investors of a round", () => {
  it("are listed with the lab they back, their undisclosed amount never guessed", async () => {
    const list = (await excel("DEAL_LIST", "GIC")) as unknown[][];
    expect(list[1]?.slice(0, 10)).toEqual([
      "gic-anthropic-series-g",
      "2026-02",
      "GIC",
      "Anthropic",
      "equity",
      "transaction",
      "",
      "",
      "closed",
      "anthropic-series-g",
    ]);
    expect(await excel("DEAL_VALUE", "GIC", "Anthropic")).toEqual({
      error: "#N/A",
      message:
        "The deal from GIC to Anthropic in the latest data has no reported amount (gic-anthropic-series-g).",
    });
    expect(await excel("EXPOSURE", "Coatue")).toEqual({
      error: "#N/A",
      message:
        "No reported amounts for the equity deals of Coatue Management in the latest data (it backs Anthropic).",
    });
    // The round's own total is unchanged by its named leads.
    expect(await excel("DEAL_VALUE", "Multiple investors", "Anthropic", "equity", "2026-02")).toBe(
      (0.3 + 0.45 + 3.5 + 13 + 30) * B
    );
  });
});
