/**
 * Excel's naming rules as the add-in applies them before it asks Excel (sheet and table names), text that
 * Excel would read as a formula kept as text, and writes grouped under Excel on the web's request limit.
 */
import { call, text, valueCell } from "../../src/core/tables/cells";
import {
  sheetNameProblem,
  tableNameProblem,
  uniqueSheetName,
  uniqueTableName,
} from "../../src/core/tables/excelNames";
import { notAvailable } from "../../src/core/errors";
import { REQUEST_BUDGET_BYTES, chunkRows, jsonBytes } from "../../src/workbook/requestSize";

describe("sheet names", () => {
  it("follow Excel's rules", () => {
    expect(sheetNameProblem("Valuations")).toBeUndefined();
    expect(sheetNameProblem("")).toMatch(/1 to 31/);
    expect(sheetNameProblem("x".repeat(32))).toMatch(/1 to 31/);
    for (const bad of ["a[b", "a]b", "a:b", "a*b", "a?b", "a/b", "a\\b"])
      expect(sheetNameProblem(bad)).toMatch(/may not contain/);
    expect(sheetNameProblem("'quoted")).toMatch(/apostrophe/);
    expect(sheetNameProblem("history")).toMatch(/reserved/);
    expect(sheetNameProblem("VALUATIONS", ["Valuations"])).toMatch(/already used/);
  });

  it("are made unique and short enough", () => {
    expect(uniqueSheetName("Valuations", [])).toBe("Valuations");
    expect(uniqueSheetName("Valuations", ["valuations", "Valuations (2)"])).toBe("Valuations (3)");
    const long = uniqueSheetName("A very long sheet name that Excel refuses", [
      "A very long sheet name that Exc",
    ]);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long.endsWith("(2)")).toBe(true);
    expect(uniqueSheetName("a/b:c", [])).toBe("a b c");
  });
});

describe("table names", () => {
  it("follow Excel's rules", () => {
    expect(tableNameProblem("DealsValuations")).toBeUndefined();
    expect(tableNameProblem("Deals Valuations")).toMatch(/no spaces/);
    expect(tableNameProblem("1Deals")).toMatch(/start with/);
    for (const ref of ["A1", "XFD1048576", "R1C1", "R", "c"])
      expect(tableNameProblem(ref)).toMatch(/cell reference/);
    expect(tableNameProblem("dealsvaluations", ["DealsValuations"])).toMatch(/already used/);
  });

  it("are made unique, Excel style", () => {
    expect(uniqueTableName("DealsValuations", ["DealsValuations", "DealsValuations2"])).toBe(
      "DealsValuations3"
    );
    expect(uniqueTableName("AB12", [])).toBe("_AB12");
    expect(uniqueTableName("My table!", [])).toBe("Mytable");
  });
});

describe("cells", () => {
  it("keep text that Excel would read as a formula, number, date, boolean or error as text", () => {
    for (const t of [
      "=1+1",
      "+1",
      "-1",
      "@SUM(A1)",
      "#N/A",
      "123",
      "1e9",
      "TRUE",
      "'x",
      "2025-03",
      "$5",
      "1/2",
      "10:30",
      "OpenAI",
    ])
      expect(text(t)).toBe(`'${t}`);
    expect(text("")).toBe("");
  });

  it("quote formula arguments the way Excel reads them", () => {
    expect(call("DEALS", "VALUATION", ['Say "hi"', null])).toBe('DEALS.VALUATION("Say ""hi""")');
    expect(call("DEALS", "DEAL_VALUE", ["A", "B", null, "2025"])).toBe(
      'DEALS.DEAL_VALUE("A","B",,"2025")'
    );
    expect(valueCell(notAvailable("why"))).toBe("#N/A");
  });
});

describe("request size", () => {
  it("measures the UTF-8 bytes of the JSON a request carries", () => {
    expect(jsonBytes([["é"]])).toBe(8);
  });

  it("keeps a normal table in one write and splits a large one under the budget", () => {
    expect(chunkRows([100, 100, 100])).toEqual([[0, 3]]);
    expect(chunkRows([])).toEqual([[0, 0]]);
    const rows = Array<number>(10).fill(1_000_000);
    const chunks = chunkRows(rows, REQUEST_BUDGET_BYTES, 50_000);
    expect(chunks).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    for (const [start, end] of chunks)
      expect(rows.slice(start, end).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(
        REQUEST_BUDGET_BYTES
      );
  });
});
