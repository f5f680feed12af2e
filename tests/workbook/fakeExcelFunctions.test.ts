/**
 * Formulas in the in-memory Excel evaluate through HyperFormula as Excel would, and the add-in's custom
 * functions are called as Excel's custom-functions runtime calls them.
 */
import { createFakeExcel, type CustomFunctionDef } from "../support/workbook";
import { rejection, write } from "./helpers";

describe("formulas", () => {
  test("bare TRUE, typed errors including #NULL!, and references to renamed sheets", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1", "Data"] });
    fake.setCell("Data", "A1", 41);
    await write(fake, "A1:D1", [["=TRUE", "#NULL!", "=B1", "=Data!A1+1"]]);
    expect(["A1", "B1", "C1", "D1"].map((a) => fake.cell("Sheet1", a).value)).toEqual([
      true,
      "#NULL!",
      "#NULL!",
      42,
    ]);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").name = "Inputs";
      await context.sync();
    });
    expect(fake.cell("Sheet1", "D1").formula).toBe("=Inputs!A1+1");
  });

  test("formulas evaluate with references, and errors propagate", async () => {
    const fake = createFakeExcel();
    await write(fake, "B2:C5", [
      [110, 100],
      [2, 0],
      [3, "x"],
      [4, "#N/A"],
    ]);
    await write(fake, "D2:D6", [
      ["=B2/C2-1"],
      ["=SUM(B2:B5)"],
      ["=B3/C3"],
      ['=IFERROR(C5,"")'],
      ["=C5+1"],
    ]);
    const values = ["D2", "D3", "D4", "D5", "D6"].map((a) => fake.cell("Sheet1", a).value);
    expect(values[0]).toBeCloseTo(0.1, 12);
    expect(values.slice(1)).toEqual([119, "#DIV/0!", "", "#N/A"]);
    const error = await rejection(write(fake, "E1", "=SUM(1"));
    expect(error.code).toBe("InvalidArgument");
  });
});

describe("custom functions", () => {
  const functions: CustomFunctionDef[] = [
    { id: "DOUBLE", parameters: [{ name: "x" }, { name: "y", optional: true }] },
    { id: "ROWS", parameters: [{ name: "n" }], result: { dimensionality: "matrix" } },
  ];
  const calls: unknown[][] = [];
  const implementations = new Map<string, (...args: unknown[]) => unknown>([
    [
      "DOUBLE",
      (...args: unknown[]) => {
        calls.push(args);
        const [x, y] = args;
        if (x === "why") throw { code: "#N/A", message: "why" };
        if (x === "boom") throw new Error("boom");
        return Number(x) * 2 + (y === null ? 0 : Number(y));
      },
    ],
    ["ROWS", (n: unknown) => Array.from({ length: Number(n) }, (_, i) => [i + 1, `row ${i + 1}`])],
  ]);
  const fakeWithFunctions = () =>
    createFakeExcel({ namespace: "DEALS", functions, implementations });

  test("one argument per declared parameter: null for an omitted optional and for an empty cell", async () => {
    const fake = fakeWithFunctions();
    calls.length = 0;
    await write(fake, "A1:D1", [
      [5, "=DEALS.DOUBLE(A1)", "=deals.double(A1, 1)", "=DEALS.DOUBLE(A1,Z9)"],
    ]);
    expect(calls).toEqual([
      [5, null],
      [5, 1],
      [5, null],
    ]);
    expect(["B1", "C1", "D1"].map((a) => fake.cell("Sheet1", a).value)).toEqual([10, 11, 10]);
    expect(fake.cell("Sheet1", "C1").formula).toBe("=DEALS.DOUBLE(A1, 1)");
    await write(fake, "E1", "=B1*DEALS.DOUBLE(2)");
    expect(fake.cell("Sheet1", "E1").value).toBe(40);
  });

  test("errors: a thrown #N/A keeps its message; other throws, bad counts and error arguments", async () => {
    const fake = fakeWithFunctions();
    calls.length = 0;
    await write(fake, "A1:A5", [
      ['=DEALS.DOUBLE("why")'],
      ['=DEALS.DOUBLE("boom")'],
      ["=DEALS.DOUBLE()"],
      ["=DEALS.DOUBLE(1,2,3)"],
      ["=DEALS.DOUBLE(A1)"],
    ]);
    const cells = ["A1", "A2", "A3", "A4", "A5"].map((a) => fake.cell("Sheet1", a));
    expect(cells[0]?.error).toMatchObject({ type: "#N/A", message: "why" });
    expect(cells.slice(1).map((c) => c.value)).toEqual(["#VALUE!", "#VALUE!", "#VALUE!", "#N/A"]);
    expect(cells[1]?.error?.message).toBeUndefined();
    // Bad argument counts and error arguments never reach the function.
    expect(calls).toEqual([
      ["why", null],
      ["boom", null],
    ]);
    await write(fake, "B1", "=IFERROR(A1,0)");
    expect(fake.cell("Sheet1", "B1").value).toBe(0);
  });

  test("a matrix result spills, re-spills when its size changes, and reports #SPILL! when blocked", async () => {
    const fake = fakeWithFunctions();
    await write(fake, "A1:B1", [[3, "=DEALS.ROWS(A1)"]]);
    expect([fake.cell("Sheet1", "C3").value, fake.usedAddress("Sheet1")]).toEqual([
      "row 3",
      "Sheet1!A1:C3",
    ]);
    await write(fake, "A1", 2);
    expect([fake.cell("Sheet1", "C2").value, fake.cell("Sheet1", "C3").value]).toEqual([
      "row 2",
      "",
    ]);
    await write(fake, "C2", "x");
    expect(fake.cell("Sheet1", "B1").value).toBe("#SPILL!");
    await write(fake, "C2", "");
    expect(fake.cell("Sheet1", "C2").value).toBe("row 2");
  });
});
