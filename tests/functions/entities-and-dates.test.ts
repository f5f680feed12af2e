/** Who a typed name means, and what "as of" a date means, as a user sees it in cells. */
import { B, excel } from "../support/excel";

describe("entity resolution", () => {
  it.each([
    ["Amazon"],
    ["amazon"],
    ["AMAZON"],
    ["Amazon.com"],
    ["Amazon.com Inc."],
    ["AMZN"],
    ["  amazon  "],
  ])("'%s' is Amazon", async (name) => {
    expect(await excel("DEAL_VALUE", name, "OpenAI")).toBe(50 * B);
  });

  it.each([["Microsoft"], ["MSFT"], ["Microsoft Corporation"], ["Azure"]])(
    "'%s' is Microsoft",
    async (name) => {
      expect(await excel("STAKE_PCT", name, "OpenAI")).toBe(0.27);
    }
  );

  it("tickers and aliases of other companies resolve too", async () => {
    expect(await excel("DEAL_VALUE", "NVDA", "Anthropic")).toBe(10 * B);
    expect(await excel("DEAL_VALUE", "OpenAI", "ORCL", "compute")).toBe(300 * B);
    expect(await excel("DEAL_VALUE", "SoftBank Vision Fund 2", "OpenAI", "equity", "2025-06")).toBe(
      30.5 * B
    );
    expect(await excel("VALUATION", "OpenAI Group PBC")).toBe(852 * B);
    // A ticker typed as a number, as Excel passes a cell holding 9984.
    expect(await excel("DEAL_VALUE", 9984, "OpenAI", "equity", "2025-06")).toBe(30.5 * B);
  });

  it("a subsidiary's deals count for its parent, and the subsidiary alone sees only its own", async () => {
    expect(await excel("DEAL_VALUE", "Anthropic", "Amazon", "compute")).toBe(100 * B);
    expect(await excel("DEAL_VALUE", "Anthropic", "AWS", "compute")).toBe(100 * B);
    // Google's own deals: early 2023 (latest report $550M), up to $2B (2023), over $1B (2025), up to $40B (2026).
    expect(await excel("DEAL_VALUE", "Alphabet", "Anthropic", "equity")).toBeCloseTo(43.55 * B, 0);
    expect(await excel("DEAL_VALUE", "Google Cloud", "Anthropic")).toMatchObject({ error: "#N/A" });
  });

  it("money flows from the first party to the second", async () => {
    expect(await excel("DEAL_VALUE", "OpenAI", "Microsoft", "compute")).toBe(250 * B);
    expect(await excel("DEAL_VALUE", "Microsoft", "OpenAI", "compute")).toMatchObject({
      error: "#N/A",
    });
  });
});

describe("as-of dates", () => {
  it("an Excel date serial and the same date as text give the same answer", async () => {
    expect(await excel("VALUATION", "Anthropic", 46000)).toBe(
      await excel("VALUATION", "Anthropic", "2025-12-09")
    );
  });

  it("a fact dated to a month counts from the first day of that month", async () => {
    // Anthropic's Series F at $183B is dated September 2025 (no day in its source).
    expect(await excel("VALUATION", "Anthropic", "2025-08-31")).toBe(61.5 * B);
    expect(await excel("VALUATION", "Anthropic", "2025-09-01")).toBe(183 * B);
    // The talks were first reported on 17 December 2025.
    expect(await excel("DEAL_VALUE", "Amazon", "OpenAI", null, "2025-12-16")).toMatchObject({
      error: "#N/A",
    });
    expect(await excel("DEAL_VALUE", "Amazon", "OpenAI", null, "2025-12-17")).toBe(10 * B);
  });

  it("a round shows as 'part of' only once the round is known", async () => {
    // Microsoft's November 2025 pledge went into Anthropic's Series G, first reported in January 2026.
    const before = (await excel("DEAL_LIST", "Microsoft", "from", "2025-12-31")) as unknown[][];
    expect(before.find((r) => r[0] === "microsoft-anthropic-2025-11")?.[9]).toBe("");
    const now = (await excel("DEAL_LIST", "Microsoft", "from")) as unknown[][];
    expect(now.find((r) => r[0] === "microsoft-anthropic-2025-11")?.[9]).toBe("anthropic-series-g");
  });

  it("a fact dated to a year counts from 1 January", async () => {
    expect(await excel("VALUATION", "OpenAI", "2020-12-31")).toMatchObject({ error: "#N/A" });
    expect(await excel("VALUATION", "OpenAI", "2021-01-01")).toBe(14 * B);
  });

  it("an as-of month or year means its end", async () => {
    expect(await excel("VALUATION", "OpenAI", "2025-03")).toBe(300 * B); // 31 Mar 2025 round
    expect(await excel("VALUATION", "OpenAI", "2025-10")).toBe(500 * B); // 2 Oct 2025 secondary
    expect(await excel("VALUATION", "Anthropic", "2025")).toBe(
      await excel("VALUATION", "Anthropic", "2025-12-31")
    );
  });

  it("each date sees the latest valuation known then", async () => {
    const timeline: [string, number][] = [
      ["2024-09-19", 86],
      ["2024-10-01", 150], // the round's pre-money, reported before it closed
      ["2024-10-02", 157],
      ["2025-03-31", 300],
      ["2025-10-02", 500],
      ["2026-02-27", 840],
      ["2026-03-31", 852],
    ];
    for (const [date, value] of timeline)
      expect(await excel("VALUATION", "OpenAI", date)).toBe(value * B);
  });

  it("the same day's figures rank post-money above pre-money", async () => {
    const list = (await excel("VALUATION_LIST", "OpenAI", "2026-02-27")) as unknown[][];
    expect(list.filter((r) => r[0] === "2026-02-27").map((r) => r[3])).toEqual([
      "pre_money",
      "post_money",
    ]);
    expect(await excel("VALUATION", "OpenAI", "2026-02-27")).toBe(840 * B);
  });

  it("a date in the future is today's latest data", async () => {
    expect(await excel("DEAL_VALUE", "Amazon", "OpenAI", null, "2099")).toBe(50 * B);
  });

  it("the deal list is point-in-time: later deals and later states are absent", async () => {
    const then = (await excel("DEAL_LIST", "Amazon", "from", "2025-12-17")) as unknown[][];
    const ids = then.slice(1).map((r) => r[0]);
    expect(ids).toContain("amazon-anthropic-2024-11");
    expect(ids).not.toContain("amazon-anthropic-2026-04");
    const talks = then.find((r) => r[0] === "amazon-openai-equity");
    expect(talks?.slice(6, 9)).toEqual([10 * B, "at_least", "in_talks"]);
  });
});

describe("the deal list", () => {
  it("spills a header row and one row per deal with its source", async () => {
    const list = (await excel("DEAL_LIST", "Microsoft")) as unknown[][];
    expect(list[0]).toEqual([
      "ID",
      "Date",
      "From",
      "To",
      "Type",
      "Kind",
      "Amount (USD)",
      "Qualifier",
      "Status",
      "Part of",
      "Source",
      "Quote",
    ]);
    for (const row of list) expect(row).toHaveLength(12);
    const azure = list.find((r) => r[0] === "openai-microsoft-azure-2025");
    expect(azure).toEqual([
      "openai-microsoft-azure-2025",
      "2025-10-28",
      "OpenAI",
      "Microsoft",
      "compute",
      "transaction",
      250 * B,
      "exact",
      "signed",
      "",
      expect.stringMatching(/^https:\/\//),
      expect.stringContaining("$250 billion of Azure"),
    ]);
  });

  it("filters by role", async () => {
    const from = (await excel("DEAL_LIST", "Microsoft", "from")) as unknown[][];
    const to = (await excel("DEAL_LIST", "Microsoft", "TO")) as unknown[][];
    const any = (await excel("DEAL_LIST", "Microsoft", "any")) as unknown[][];
    expect(from.slice(1).every((r) => r[2] === "Microsoft")).toBe(true);
    expect(to.slice(1).every((r) => r[3] === "Microsoft")).toBe(true);
    expect(any.length - 1).toBe(from.length - 1 + to.length - 1);
  });

  it("shows which stake figure is reported and where an implied one comes from", async () => {
    expect(await excel("STAKE_BASIS", "Meta", "Scale AI")).toBe("reported");
    expect(await excel("STAKE_PCT", "Meta", "Scale AI")).toBe(0.49);
    // Google's 14% (court filings, March 2025), carried through the later rounds and its 2026 deal.
    expect(await excel("STAKE_BASIS", "Google", "Anthropic", "2025-06-30")).toBe("reported");
    expect(await excel("STAKE_BASIS", "Google", "Anthropic")).toBe("reported, adjusted");
    expect(await excel("STAKE_BASIS", "Amazon", "Anthropic")).toBe("implied");
  });
});
