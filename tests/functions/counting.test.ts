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
    expect(await excel("DEAL_VALUE", "Amazon", "OpenAI", "equity", "2025-12-31")).toBe(10 * B);
    expect(await excel("DEAL_VALUE", "Amazon", "OpenAI", "equity", "2026-02-27")).toBe(50 * B); // not 10 + 10 + 50 + 50
  });

  it("a letter of intent replaced by a smaller commitment never counts beside it", async () => {
    // Sep 2025: up to $100B by letter of intent; Feb 2026 talks of ~$20B, then $30B in the round, as
    // the letter ended: the two are never added.
    expect(await excel("DEAL_VALUE", "Nvidia", "OpenAI", "equity", "2025-12")).toBe(100.1 * B);
    expect(await excel("DEAL_VALUE", "Nvidia", "OpenAI", "equity", "2026-02-10")).toBeCloseTo(
      20.1 * B,
      0
    );
    expect(await excel("DEAL_VALUE", "Nvidia", "OpenAI", "equity")).toBeCloseTo(30.1 * B, 0);
    expect(await excel("DEAL_FIELD", "nvidia-openai-loi-2025", "status")).toBe("ended");
  });

  it("a tranche completes its commitment instead of adding to it", async () => {
    // Amazon: up to $4B (Sep 2023), $1.25B paid then and $2.75B on 27 Mar 2024; then $4B more (Nov 2024).
    expect(await excel("DEAL_VALUE", "Amazon", "Anthropic", null, "2024-06")).toBe(4 * B);
    expect(await excel("DEAL_FIELD", "amazon-anthropic-2023", "funded")).toBe(4 * B);
    expect(await excel("DEAL_VALUE", "Amazon", "Anthropic", null, "2024-12")).toBe(8 * B);
  });

  it("tranches paid into a stated commitment do not add to it", async () => {
    // SoftBank's part of the 2025 round: up to $30B, paid $7.5B (Apr) + $22.5B (26 Dec); plus $0.5B in Oct 2024.
    expect(await excel("DEAL_VALUE", "SoftBank", "OpenAI", "equity", "2025-03-31")).toBe(30.5 * B);
    expect(await excel("DEAL_VALUE", "SoftBank", "OpenAI", "equity", "2025-12-31")).toBe(30.5 * B);
    expect(await excel("DEAL_FIELD", "softbank-openai-2025", "funded")).toBe(30 * B);
  });

  it("a cumulative total and the deals it covers: the larger, never both", async () => {
    // Microsoft's itemized deals add to $11B ($1B + $10B; the 2021 round undisclosed); the total reported
    // on 21 Oct 2023 is $13B.
    expect(await excel("DEAL_VALUE", "Microsoft", "OpenAI", "equity", "2023-10-20")).toBe(11 * B);
    expect(await excel("DEAL_VALUE", "Microsoft", "OpenAI", "equity", "2023-10-21")).toBe(13 * B);
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
    // The 2025 round closed at $41B; the Feb 2026 round announced at $110B, closed at $122B: each one
    // round, at its latest figure.
    expect(await excel("DEAL_VALUE", "Multiple investors", "OpenAI", "equity", "2026-03-01")).toBe(
      (6.6 + 41 + 110) * B
    );
    expect(await excel("DEAL_VALUE", "Multiple investors", "OpenAI", "equity")).toBe(
      (6.6 + 41 + 122) * B
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
    // OpenAI's Nvidia systems (at least 10 GW) have no stated value: not reported, not the aggregate.
    expect(await excel("DEAL_VALUE", "OpenAI", "Nvidia")).toMatchObject({
      error: "#N/A",
      message: expect.stringMatching(/no reported amount \(openai-nvidia-systems-2025\)/),
    });
  });

  it("a subsidiary's deals count once for its parent (AWS for Amazon)", async () => {
    expect(await excel("DEAL_VALUE", "OpenAI", "Amazon")).toBe(
      await excel("DEAL_VALUE", "OpenAI", "AWS")
    );
    // Google Cloud's reported $200B (five years) and the 2023 contract's more than $3B.
    expect(await excel("DEAL_VALUE", "Anthropic", "Alphabet", "compute")).toBe(203 * B);
    const rows = (await excel("DEAL_LIST", "Amazon")) as unknown[][];
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
  });

  it("a stake's value uses each deal once, at the valuation it priced at", async () => {
    // Microsoft: reported 27% × OpenAI's $852B; $5B in Anthropic's Series G at $380B post-money, diluted
    // by the Series H ($65B at $965B) and worth Anthropic's $965B; its €15M in Mistral AI likewise.
    const anthropic = (5 / 380) * (1 - 65 / 965) * 965 * B;
    const mistral = (await excel("STAKE_PCT", "Microsoft", "Mistral")) as number;
    const mistralValue = mistral * ((await excel("VALUATION", "Mistral")) as number);
    expect(await excel("EXPOSURE", "Microsoft", "stake_value")).toBeCloseTo(
      0.27 * 852 * B + anthropic + mistralValue,
      -3
    );
  });
});

describe("lead investors of a round", () => {
  it("are listed with the lab they back, their undisclosed amount never guessed", async () => {
    const list = (await excel("DEAL_LIST", "ICONIQ")) as unknown[][];
    expect(list[1]?.slice(0, 10)).toEqual([
      "iconiq-anthropic-series-f",
      "2025-09",
      "ICONIQ",
      "Anthropic",
      "equity",
      "transaction",
      "",
      "",
      "closed",
      "anthropic-series-f",
    ]);
    expect(await excel("DEAL_VALUE", "ICONIQ", "Anthropic")).toEqual({
      error: "#N/A",
      message:
        "The deal from ICONIQ to Anthropic in the latest data has no reported amount (iconiq-anthropic-series-f).",
    });
    expect(await excel("EXPOSURE", "ICONIQ")).toEqual({
      error: "#N/A",
      message:
        "No reported amounts for the equity deals of ICONIQ in the latest data (it backs Anthropic).",
    });
    // The round's own total is unchanged by its named leads (Series A to G).
    expect(
      await excel("DEAL_VALUE", "Multiple investors", "Anthropic", "equity", "2026-02-28")
    ).toBeCloseTo((0.124 + 0.58 + 0.45 + 3.5 + 13 + 30) * B, 0);
  });
});
