/**
 * The three functions the task pane's tables are built from, called as Excel calls them:
 * VALUATION_FIELD (a valuation's date, basis, source and the one before it), FLOW_BACK (money back from a
 * company to its investor) and DEAL_STATUS (how far a pair's deals got).
 */
import { B, excel } from "../support/excel";

describe("DEALS.VALUATION_FIELD", () => {
  it("describes the valuation DEALS.VALUATION returns", async () => {
    expect(await excel("VALUATION_FIELD", "OpenAI", "amount")).toBe(
      await excel("VALUATION", "OpenAI")
    );
    expect(await excel("VALUATION_FIELD", "OpenAI", "date")).toBe("2026-03-31");
    expect(await excel("VALUATION_FIELD", "OpenAI", "basis")).toBe("post_money");
    // 31 Mar 2026 as an Excel serial.
    expect(await excel("VALUATION_FIELD", "OpenAI", "date_value")).toBe(46112);
    expect(await excel("VALUATION_FIELD", "OpenAI", "source")).toMatch(/^https:\/\//);
  });

  it("gives the previous valuation: the latest one dated before it, point in time", async () => {
    expect(await excel("VALUATION_FIELD", "OpenAI", "previous_amount")).toBe(840 * B);
    expect(await excel("VALUATION_FIELD", "OpenAI", "previous_date")).toBe("2026-02-27");
    // As of 17 Dec 2025: the talks of that day (Amazon's "beyond $500 billion", the round's "around
    // $750 billion"); before them, the $500B secondary of October.
    expect(await excel("VALUATION_FIELD", "OpenAI", "basis", "2025-12-17")).toBe("implied_by_deal");
    expect(await excel("VALUATION_FIELD", "OpenAI", "previous_amount", "2025-12-17")).toBe(500 * B);
    expect(await excel("VALUATION_FIELD", "OpenAI", "previous_date", "2025-12-17")).toBe(
      "2025-10-02"
    );
    expect(await excel("VALUATION_FIELD", "OpenAI", "amount", "2025-12-16")).toBe(500 * B);
  });

  it("says what is missing or wrong", async () => {
    expect(await excel("VALUATION_FIELD", "Inflection", "previous_amount")).toMatchObject({
      error: "#N/A",
      message: expect.stringContaining("before the one of"),
    });
    expect(await excel("VALUATION_FIELD", "OpenAI", "amount", "2019")).toMatchObject({
      error: "#N/A",
      message: "No valuation of OpenAI as of 2019-12-31.",
    });
    expect(await excel("VALUATION_FIELD", "OpenAI", "price")).toMatchObject({
      error: "#VALUE!",
      message: expect.stringContaining("Use one of: amount, qualifier"),
    });
    expect(await excel("VALUATION_FIELD", "OpenAI", null)).toMatchObject({ error: "#VALUE!" });
  });
});

describe("DEALS.FLOW_BACK", () => {
  it("is the numerator of CIRCULARITY", async () => {
    for (const [investor, company] of [
      ["Microsoft", "OpenAI"],
      ["Amazon", "Anthropic"],
      ["Google", "Anthropic"],
    ]) {
      const back = (await excel("FLOW_BACK", investor, company)) as number;
      const equity = (await excel("DEAL_VALUE", investor, company, "equity")) as number;
      expect(back / equity).toBeCloseTo((await excel("CIRCULARITY", investor, company)) as number);
    }
    expect(await excel("FLOW_BACK", "Microsoft", "OpenAI")).toBe(250 * B);
  });

  it("is a real zero when nothing flows back, and follows the as-of date", async () => {
    expect(await excel("FLOW_BACK", "Thrive Capital", "OpenAI")).toBe(0);
    // OpenAI deploys Nvidia systems, value never stated: not reported, never 0.
    expect(await excel("FLOW_BACK", "Nvidia", "OpenAI")).toMatchObject({ error: "#N/A" });
    expect(await excel("FLOW_BACK", "Microsoft", "OpenAI", "2018")).toBe(0);
    // From July 2019 Azure was OpenAI's cloud, with no stated size.
    expect(await excel("FLOW_BACK", "Microsoft", "OpenAI", "2019")).toMatchObject({
      error: "#N/A",
    });
    expect(await excel("FLOW_BACK", "Microsoft", "Nobody")).toMatchObject({ error: "#N/A" });
  });
});

describe("DEALS.DEAL_STATUS", () => {
  it("lists the statuses of the deals DEAL_VALUE counts, most advanced first", async () => {
    expect(await excel("DEAL_STATUS", "Amazon", "OpenAI", "equity")).toBe("closed");
    expect(await excel("DEAL_STATUS", "Microsoft", "OpenAI", "equity")).toBe(
      "closed, signed, announced"
    );
    expect(await excel("DEAL_STATUS", "Amazon", "OpenAI", "equity", "2025-12-17")).toBe("in_talks");
  });

  it("says when there is no deal", async () => {
    expect(await excel("DEAL_STATUS", "Amazon", "OpenAI", "equity", "2024")).toMatchObject({
      error: "#N/A",
      message: "No deals from Amazon to OpenAI of type equity as of 2024-12-31.",
    });
    expect(await excel("DEAL_STATUS", "Amazon", "OpenAI", "loan")).toMatchObject({
      error: "#VALUE!",
    });
  });
});
