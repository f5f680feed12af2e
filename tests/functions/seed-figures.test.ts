/**
 * The seed article's figures, typed as an analyst would type them, as of the article's date
 * (mid-December 2025; 17 Dec 2025 is the corroborating report's date) and as of today's data.
 */
import { B, excel } from "../support/excel";
import { versionLabel } from "../support/datasets";

const ARTICLE = "2025-12-17";
const ARTICLE_SERIAL = 46008; // =DATE(2025,12,17)

describe("the seed article through the formulas, as of its date", () => {
  it("Amazon in talks to put about $10B into OpenAI", async () => {
    expect(await excel("DEAL_VALUE", "Amazon", "OpenAI", null, ARTICLE)).toBe(10 * B);
    expect(await excel("DEAL_VALUE", "Amazon", "OpenAI", "equity", ARTICLE_SERIAL)).toBe(10 * B);
    expect(await excel("DEAL_FIELD", "amazon-openai-equity", "history")).toMatch(
      /^2025-12-17 in talks ~\$10B \[seed\]; 2025-12-17 in talks ≥\$10B/
    );
  });

  it("which would value OpenAI at over $500B (beside the round's talks at about $750B the same day)", async () => {
    const list = (await excel("VALUATION_LIST", "OpenAI", ARTICLE)) as unknown[][];
    expect(list.filter((r) => r[0] === ARTICLE).map((r) => r.slice(1, 5))).toEqual(
      expect.arrayContaining([
        [500 * B, "more_than", "implied_by_deal", "amazon-openai-equity"],
        [750 * B, "approx", "implied_by_deal", "openai-round-2026"],
      ])
    );
    expect(await excel("VALUATION", "OpenAI", "2025-12-16")).toBe(500 * B);
  });

  it("OpenAI's seven-year, $38B compute contract with AWS", async () => {
    expect(await excel("DEAL_VALUE", "OpenAI", "AWS", "compute", ARTICLE)).toBe(38 * B);
    expect(await excel("DEAL_VALUE", "OpenAI", "Amazon", "compute", ARTICLE)).toBe(38 * B);
    expect(await excel("DEAL_FIELD", "openai-aws-compute-2025", "term_years")).toBe(7);
  });

  it("Microsoft: more than $13B invested since 2019, about 27% owned", async () => {
    expect(await excel("DEAL_VALUE", "Microsoft", "OpenAI", "equity", ARTICLE)).toBe(13 * B);
    expect(await excel("STAKE_PCT", "Microsoft", "OpenAI", ARTICLE)).toBe(0.27);
    expect(await excel("STAKE_BASIS", "Microsoft", "OpenAI", ARTICLE)).toBe("reported");
  });

  it("the new framework ended Microsoft's right of first refusal on compute (no amount)", async () => {
    expect(await excel("DEAL_FIELD", "microsoft-openai-recap-2025", "status")).toBe("signed");
    expect(await excel("DEAL_FIELD", "microsoft-openai-recap-2025", "sources")).toMatch(
      /Amazon negotiates a major investment/
    );
    expect(await excel("DEAL_VALUE", "Microsoft", "OpenAI", "partnership", ARTICLE)).toEqual({
      error: "#N/A",
      message:
        "The deal from Microsoft to OpenAI of type partnership as of 2025-12-17 has no reported amount (microsoft-openai-recap-2025).",
    });
  });

  it("Amazon has invested at least $8B in Anthropic", async () => {
    expect(await excel("DEAL_VALUE", "Amazon", "Anthropic", "equity", ARTICLE)).toBe(8 * B);
  });

  it("Microsoft up to $5B and Nvidia up to $10B more into Anthropic", async () => {
    expect(await excel("DEAL_VALUE", "Microsoft", "Anthropic", null, ARTICLE)).toBe(5 * B);
    expect(await excel("DEAL_VALUE", "Nvidia", "Anthropic", null, ARTICLE)).toBe(10 * B);
    expect(await excel("DEAL_FIELD", "nvidia-anthropic-2025-11", "qualifier")).toBe("up_to");
  });

  it("OpenAI's more than $1.4 trillion of infrastructure commitments, as an aggregate", async () => {
    expect(await excel("DEAL_FIELD", "openai-commitments-aggregate", "amount")).toBe(1.4e12);
    expect(await excel("DEAL_FIELD", "openai-commitments-aggregate", "kind")).toBe("aggregate");
    expect(await excel("DEAL_FIELD", "openai-commitments-aggregate", "qualifier")).toBe(
      "more_than"
    );
  });

  it("the secondary sales at valuations close to $500B", async () => {
    expect(await excel("DEAL_FIELD", "openai-secondary-2025-10", "type")).toBe("secondary");
    const list = (await excel("VALUATION_LIST", "OpenAI", ARTICLE)) as unknown[][];
    expect(list.find((r) => r[0] === "2025-10-02")?.slice(1, 4)).toEqual([
      500 * B,
      "exact",
      "secondary",
    ]);
  });

  it("the 'circular' worry as a number: $38B of AWS compute per $10B of Amazon equity", async () => {
    expect(await excel("CIRCULARITY", "Amazon", "OpenAI", ARTICLE)).toBeCloseTo(3.8, 10);
  });
});

describe("the same questions in today's data", () => {
  it("the talks became a $50B commitment in the February 2026 round", async () => {
    expect(await excel("DEAL_VALUE", "Amazon", "OpenAI")).toBe(50 * B);
    // Signed on 27 Feb 2026 (Amazon's 8-K); the first $15B closed on 31 Mar 2026.
    expect(await excel("DEAL_FIELD", "amazon-openai-equity", "status")).toBe("closed");
    expect(await excel("DEAL_FIELD", "amazon-openai-equity", "funded")).toBe(15 * B);
    expect(await excel("DEAL_FIELD", "amazon-openai-equity", "part_of")).toBe("openai-round-2026");
  });

  it("AWS compute grew by $100B to $138B, and OpenAI was valued at $852B", async () => {
    expect(await excel("DEAL_VALUE", "OpenAI", "Amazon")).toBe(138 * B);
    expect(await excel("VALUATION", "OpenAI")).toBe(852 * B);
    expect(await excel("CIRCULARITY", "Amazon", "OpenAI")).toBeCloseTo(2.76, 10);
  });

  it("Amazon's stake in OpenAI is implied from $50B at the round's $852B post-money", async () => {
    expect(await excel("STAKE_PCT", "Amazon", "OpenAI")).toBeCloseTo(50 / 852, 12);
    expect(await excel("STAKE_BASIS", "Amazon", "OpenAI")).toBe("implied");
  });

  it("Amazon's exposure across OpenAI and Anthropic", async () => {
    expect(await excel("EXPOSURE", "Amazon")).toBe((50 + 8 + 25) * B);
    expect(await excel("EXPOSURE", "Amazon", "compute")).toBe((38 + 100 + 100) * B);
    expect(await excel("EXPOSURE", "Amazon", "capital", ARTICLE)).toBe(18 * B);
    expect(await excel("EXPOSURE", "Amazon", "compute", ARTICLE)).toBe(38 * B);
  });

  it("DATA_VERSION names the dataset's version and as-of date", async () => {
    expect(await excel("DATA_VERSION")).toBe(versionLabel());
  });
});
