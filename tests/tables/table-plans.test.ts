/**
 * The table builders, pure: the dataset and a request in, the cells (live formulas or values), number
 * formats and names out. What lands in Excel is proven against the faithful workbook in
 * tests/tables/insert-table.test.ts; here, what is planned.
 */
import * as formulas from "../../src/core/formulas";
import { buildTable, tableChoices } from "../../src/core/tables/dealTables";
import { TablePlan, TableRequest } from "../../src/core/tables/tablePlan";
import { getActiveDataset } from "../../src/runtime/datasetStore";

const ds = getActiveDataset();
const B = 1e9;

function plan(request: Partial<TableRequest> & Pick<TableRequest, "kind" | "subjects">): TablePlan {
  const result = buildTable(ds, { asOf: null, mode: "live", ...request });
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

describe("valuation table", () => {
  it("has a caption, a header and one row of live formulas per company, placed at the anchor", () => {
    const p = plan({ kind: "valuation", subjects: ["openai", "Anthropic"] });
    expect(p.height).toBe(4);
    expect(p.width).toBe(8);
    const cells = p.cellsAt({ row: 4, column: 1 }); // block starts at B5: header B6, rows B7, B8
    expect(cells[0]?.[0]).toBe(
      '="AI Deals · valuations as of the latest data · data "&DEALS.DATA_VERSION()'
    );
    expect(cells[1]).toEqual([
      "Company",
      "Valuation",
      "Date",
      "Basis",
      "Previous valuation",
      "Previous date",
      "Change",
      "Source",
    ]);
    expect(cells[2]).toEqual([
      "'OpenAI", // text goes in behind Excel's text marker: never read as a number, date or formula
      '=DEALS.VALUATION("OpenAI")',
      '=DEALS.VALUATION_FIELD("OpenAI","date_value")',
      '=DEALS.VALUATION_FIELD("OpenAI","basis")',
      '=DEALS.VALUATION_FIELD("OpenAI","previous_amount")',
      '=DEALS.VALUATION_FIELD("OpenAI","previous_date_value")',
      "=C7/F7-1",
      '=DEALS.VALUATION_FIELD("OpenAI","source")',
    ]);
    expect(cells[3]?.[6]).toBe("=C8/F8-1");
  });

  it("passes the as-of date to every formula and names it in the caption", () => {
    const p = plan({ kind: "valuation", subjects: ["OpenAI"], asOf: "2025-12-17" });
    const [caption, , row] = p.cellsAt({ row: 0, column: 0 });
    expect(caption?.[0]).toContain("valuations as of 2025-12-17");
    expect(row?.[1]).toBe('=DEALS.VALUATION("OpenAI","2025-12-17")');
    expect(row?.[3]).toBe('=DEALS.VALUATION_FIELD("OpenAI","basis","2025-12-17")');
  });

  it("as values: what the formulas return today, errors as Excel's #N/A, the change computed", () => {
    const p = plan({ kind: "valuation", subjects: ["OpenAI", "Inflection"], mode: "values" });
    const [caption, , openai, inflection] = p.cellsAt({ row: 0, column: 0 });
    expect(caption?.[0]).toBe(
      `'AI Deals · valuations as of the latest data · data ${formulas.dataVersion(ds)}`
    );
    expect(openai?.slice(0, 7)).toEqual([
      "'OpenAI",
      852 * B,
      46112,
      "'post_money",
      840 * B,
      46080,
      852 / 840 - 1,
    ]);
    // Inflection has one valuation: no previous one, so no change either.
    expect(inflection?.[4]).toBe("#N/A");
    expect(inflection?.[6]).toBe("#N/A");
  });

  it("formats billions with $ and one decimal, percentages and dates", () => {
    const p = plan({ kind: "valuation", subjects: ["OpenAI"] });
    expect(p.columns.map((c) => c.format)).toEqual([
      "General",
      '$#,##0.0,,,"B"',
      "yyyy-mm-dd",
      "General",
      '$#,##0.0,,,"B"',
      "yyyy-mm-dd",
      "0.0%",
      "General",
    ]);
    expect(p.baseTableName).toBe("DealsValuations");
    expect(p.baseSheetName).toBe("Valuations");
  });

  it("refuses what cannot be built, saying what to do", () => {
    expect(buildTable(ds, { kind: "valuation", subjects: [], asOf: null, mode: "live" })).toEqual({
      ok: false,
      message: "Choose at least one company.",
    });
    expect(
      buildTable(ds, { kind: "valuation", subjects: ["Nobody"], asOf: null, mode: "live" })
    ).toEqual({
      ok: false,
      message: "'Nobody' is not a company in the dataset.",
    });
    const badDate = buildTable(ds, {
      kind: "valuation",
      subjects: ["OpenAI"],
      asOf: "17/12/2025",
      mode: "live",
    });
    expect(badDate.ok).toBe(false);
  });
});

describe("exposure table", () => {
  it("has one row per company the investor backs, and its capital adds up to DEALS.EXPOSURE", () => {
    const p = plan({ kind: "exposure", subjects: ["Amazon"], mode: "values" });
    const rows = p.cellsAt({ row: 0, column: 0 }).slice(2);
    expect(rows.map((r) => r[1])).toEqual(["'Anthropic", "'OpenAI", "'Scale AI"]);
    // Scale AI: Amazon's part of its 2024 round has no reported amount (#N/A), so it adds nothing.
    const numbers = (i: number) =>
      rows.map((r) => r[i]).filter((x): x is number => typeof x === "number");
    const capital = numbers(2).reduce((s, x) => s + x, 0);
    expect(capital).toBe(formulas.exposureValue(ds, "Amazon", "capital", null));
    const stakeValue = numbers(5).reduce((s, x) => s + x, 0);
    expect(stakeValue).toBeCloseTo(
      formulas.exposureValue(ds, "Amazon", "stake_value", null) as number,
      0
    );
    const back = numbers(6).reduce((s, x) => s + x, 0);
    expect(back).toBe(formulas.exposureValue(ds, "Amazon", "compute", null));
  });

  it("live: each figure is a DEALS formula; the stake's value multiplies the stake cell", () => {
    const p = plan({ kind: "exposure", subjects: ["Microsoft"] });
    const rows = p.cellsAt({ row: 0, column: 0 }).slice(2);
    expect(rows.map((r) => r[1])).toEqual([
      "'AI Infrastructure Partnership",
      "'Anthropic",
      "'G42",
      "'Inflection AI",
      "'Mistral AI",
      "'OpenAI",
    ]);
    const row = rows.find((r) => r[1] === "'OpenAI");
    expect(row).toEqual([
      "'Microsoft",
      "'OpenAI",
      '=DEALS.DEAL_VALUE("Microsoft","OpenAI","equity")',
      '=DEALS.STAKE_PCT("Microsoft","OpenAI")',
      '=DEALS.STAKE_BASIS("Microsoft","OpenAI")',
      '=D8*DEALS.VALUATION("OpenAI")',
      '=DEALS.FLOW_BACK("Microsoft","OpenAI")',
      '=DEALS.CIRCULARITY("Microsoft","OpenAI")',
      '=DEALS.DEAL_STATUS("Microsoft","OpenAI","equity")',
    ]);
  });

  it("values: Microsoft's reported 27% stake, its value and circularity", () => {
    const row = plan({ kind: "exposure", subjects: ["Microsoft"], mode: "values" })
      .cellsAt({ row: 0, column: 0 })
      .find((r) => r[1] === "'OpenAI");
    // Capital: the latest reported total, Microsoft's $13B of funding commitments (the seed's "more than
    // $13B", December 2025), above the itemized deals; the stake: 27% as Microsoft reported it.
    expect(row?.slice(2, 5)).toEqual([13 * B, 0.27, "'reported"]);
    expect(row?.[5]).toBe(0.27 * (852 * B));
    expect(row?.[7]).toBe(formulas.circularityRatio(ds, "Microsoft", "OpenAI", null));
  });

  it("says so when the investors back nothing by the date", () => {
    expect(
      buildTable(ds, { kind: "exposure", subjects: ["Amazon"], asOf: "2019", mode: "live" })
    ).toEqual({
      ok: false,
      message: "No equity investments by Amazon as of 2019-12-31.",
    });
  });
});

describe("what the pane offers", () => {
  it("companies with a valuation and investors with equity in a company, by name", () => {
    const { companies, investors } = tableChoices(ds);
    expect(companies.map((c) => c.name)).toEqual(expect.arrayContaining(["Anthropic", "OpenAI"]));
    for (const c of companies) expect(ds.valuationsByCompany.get(c.id)?.length).toBeGreaterThan(0);
    expect(investors.map((c) => c.name)).toEqual(
      expect.arrayContaining(["Amazon", "Microsoft", "Nvidia", "SoftBank Group"])
    );
    const names = investors.map((c) => c.name);
    expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
  });
});
