/**
 * The in-memory Excel (tests/support/workbook) keeps Excel's rules: each test states one of them
 * (load/sync, request size, shapes, value parsing, ranges). Names, tables and settings:
 * fakeExcelObjects.test.ts; formulas and custom functions: fakeExcelFunctions.test.ts.
 */
import { createFakeExcel } from "../support/workbook";
import { rejection, run, sheetOf, write } from "./helpers";

describe("Excel.run and context.sync", () => {
  test("ErrorCodes are office.js's strings", () => {
    const { ErrorCodes } = createFakeExcel().Excel;
    expect(ErrorCodes.invalidArgument).toBe("InvalidArgument");
    expect(ErrorCodes.itemNotFound).toBe("ItemNotFound");
    expect(ErrorCodes.itemAlreadyExists).toBe("ItemAlreadyExists");
    expect(ErrorCodes.propertyNotLoaded).toBe("PropertyNotLoaded");
    expect(ErrorCodes.invalidOperation).toBe("InvalidOperation");
    expect(ErrorCodes.generalException).toBe("GeneralException");
    expect(ErrorCodes.requestPayloadSizeLimitExceeded).toBe("RequestPayloadSizeLimitExceeded");
  });

  test("run returns the batch's result and counts every sync, including the final one", async () => {
    const fake = createFakeExcel();
    const result = await run(fake, async (context) => {
      await context.sync();
      sheetOf(context).getRange("A1").values = [[1]]; // left queued: run syncs it at the end
      return "done";
    });
    expect(result).toBe("done");
    expect(fake.syncCount).toBe(2);
    expect(fake.requestSizes).toHaveLength(2);
    expect(fake.cell("Sheet1", "A1").value).toBe(1);
    fake.resetSyncCount();
    expect([fake.syncCount, fake.requestSizes.length]).toEqual([0, 0]);
  });

  test("reading a property that was not loaded throws PropertyNotLoaded, also before the sync", async () => {
    const fake = createFakeExcel();
    await run(fake, async (context) => {
      const range = sheetOf(context).getRange("A1");
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
      expect(() => range.values).toThrow(/call the load method .* "context.sync\(\)"/);
      await context.sync();
      expect(range.values).toEqual([[""]]);
      // eslint-disable-next-line office-addins/load-object-before-read
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("proxies resolve at sync time, so a new sheet can be used in the same batch", async () => {
    const fake = createFakeExcel();
    await run(fake, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.add("Data").getRange("B2").values = [["x"]];
      sheets.getItem("Data").getRange("C2").formulas = [['=B2&"y"']];
      const added = sheets.add();
      added.load("name");
      await context.sync();
      expect(added.name).toBe("Sheet2");
    });
    expect(fake.sheetNames()).toEqual(["Sheet1", "Data", "Sheet2"]);
    expect(fake.cell("Data", "C2").value).toBe("xy");
  });

  test("getItem of a missing item fails the sync: earlier operations stay, later ones never run", async () => {
    const fake = createFakeExcel();
    const error = await rejection(
      run(fake, async (context) => {
        sheetOf(context).getRange("A1").values = [["before"]];
        context.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
        sheetOf(context).getRange("A2").values = [["after"]];
        await context.sync();
      })
    );
    expect(error.code).toBe("ItemNotFound");
    expect(error).toMatchObject({ debugInfo: { errorLocation: "WorksheetCollection.getItem" } });
    expect(fake.cell("Sheet1", "A1").value).toBe("before");
    expect(fake.cell("Sheet1", "A2").value).toBe("");
  });

  test("getItemOrNullObject: isNullObject after load and sync; other properties of a null object throw", async () => {
    const fake = createFakeExcel();
    await run(fake, async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("Sheet1");
      // eslint-disable-next-line office-addins/call-sync-before-read
      expect(() => missing.isNullObject).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" })
      );
      missing.load("name");
      present.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("Sheet1");
      expect(missing.name).toBeUndefined(); // as office.js: no throw, no value
    });
  });

  test("a request over 5 MB is refused as a whole: not a single cell changes", async () => {
    const fake = createFakeExcel();
    await write(fake, "A1", [["kept"]]);
    const before = fake.snapshot();
    const big = Array.from({ length: 1000 }, () => Array<string>(100).fill("x".repeat(60)));
    const error = await rejection(
      run(fake, async (context) => {
        sheetOf(context).getRange("A1").values = [["changed"]];
        sheetOf(context).getRange("A2:CV1001").values = big;
        await context.sync();
      })
    );
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.requestSizes.at(-1)).toBeGreaterThan(5 * 1024 * 1024);
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("proxies", () => {
  test("a set property is not readable until loaded again", async () => {
    await run(createFakeExcel(), async (context) => {
      const range = sheetOf(context).getRange("A1").load("values");
      await context.sync();
      range.values = [[5]];
      await context.sync();

      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([[5]]);
    });
  });

  test("operations on a null object fail the sync", async () => {
    const error = await rejection(
      run(createFakeExcel(), async (context) => {
        context.workbook.worksheets.getItemOrNullObject("Nope").getRange("A1").values = [[1]];
        await context.sync();
      })
    );
    expect(error.code).toBe("InvalidOperation");
  });

  test("collections load their items with the named properties", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1", "Two"] });
    await run(fake, async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");

      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Two"]);

      expect(() => sheets.items[0]?.position).toThrow(/not available/);
    });
  });

  test("a proxy belongs to its request context", async () => {
    const fake = createFakeExcel();
    await run(fake, async (outer) => {
      const range = sheetOf(outer).getRange("A1");
      await run(fake, async (inner) => {
        expect(() => sheetOf(inner).getRange("B1").getIntersectionOrNullObject(range)).toThrow(
          expect.objectContaining({ code: "InvalidRequestContext" })
        );
      });
    });
  });

  test("reading cell data of more cells than a 5 MB response holds fails", async () => {
    const error = await rejection(
      run(createFakeExcel(), async (context) => {
        sheetOf(context).getRange("A:C").load("values");
        await context.sync();
      })
    );
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
  });
});

describe("cell values", () => {
  test.each([
    ["values", [[1, 2]]],
    ["formulas", [[1], [2], [3]]],
    ["numberFormat", [["0.00", "0.00"]]],
    ["values", [1, 2]],
  ])("%s given a 2-D array of another shape is refused", async (property, data) => {
    const error = await rejection(
      run(createFakeExcel(), async (context) => {
        Object.assign(sheetOf(context).getRange("A1:A2"), { [property]: data });
        await context.sync();
      })
    );
    expect(error.code).toBe("InvalidArgument");
  });

  test("a single value fills the whole range", async () => {
    const fake = createFakeExcel();
    await write(fake, "A1:B2", 7);
    expect(fake.cell("Sheet1", "B2").value).toBe(7);
  });

  test("written text is read as Excel reads typing: formulas, 'text, errors, booleans, numbers", async () => {
    const fake = createFakeExcel();
    await write(fake, "A1:H1", [["=1+1", "'=1+1", "#N/A", "true", "12.5", "-3", "1e9", "'007"]]);
    const row = ["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1"].map((a) => fake.cell("Sheet1", a));
    expect(row.map((c) => c.value)).toEqual([2, "=1+1", "#N/A", true, 12.5, -3, 1e9, "007"]);
    expect(row.map((c) => c.formula)).toEqual(["=1+1", "=1+1", "#N/A", true, 12.5, -3, 1e9, "007"]);
    expect(row[2]?.error?.type).toBe("#N/A");
    await write(fake, "A1:B1", [["", null]]); // "" clears, null leaves the cell alone
    expect([fake.cell("Sheet1", "A1").value, fake.cell("Sheet1", "B1").value]).toEqual([
      "",
      "=1+1",
    ]);
  });

  test('text starting with "+", "-" or "@" is a formula unless written behind the text marker', async () => {
    const fake = createFakeExcel();
    await write(fake, "A1:F1", [["+1+1", "-2*3", "@SUM(1,2)", "'+Microsoft", "'-cmd", "-"]]);
    const row = ["A1", "B1", "C1", "D1", "E1", "F1"].map((a) => fake.cell("Sheet1", a));
    expect(row.map((c) => c.value)).toEqual([2, -6, 3, "+Microsoft", "-cmd", "-"]);
    expect(row.slice(0, 3).map((c) => c.formula)).toEqual(["=+1+1", "=-2*3", "=SUM(1,2)"]);
    await write(fake, "A2", [["+Microsoft"]]); // as typed, a name Excel does not know
    expect(fake.cell("Sheet1", "A2").value).toBe("#NAME?");
  });

  test('a quote inside a formula\'s text is written twice, as in Excel: =LEN("a""b") is 3', async () => {
    const fake = createFakeExcel();
    await write(fake, "A1:B1", [['=LEN("a""b")', '="say ""hi"""']]);
    expect(fake.cell("Sheet1", "A1")).toMatchObject({ value: 3, formula: '=LEN("a""b")' });
    expect(fake.cell("Sheet1", "B1")).toMatchObject({
      value: 'say "hi"',
      formula: '="say ""hi"""',
    });
  });

  test("range properties: address with a quoted sheet name, indexes, text, formats", async () => {
    const fake = createFakeExcel({ sheets: ["My Sheet"] });
    await run(fake, async (context) => {
      const range = context.workbook.worksheets.getItem("My Sheet").getRange("B3:C4");
      range.values = [
        [0.256, 1234.5],
        ["a", true],
      ];
      range.numberFormat = [
        ["0.0%", "#,##0.00"],
        ["@", "General"],
      ];
      range.format.font.bold = true;
      range.format.columnWidth = 80;
      range.load("address, rowIndex, columnIndex, rowCount, columnCount, text, valueTypes");
      const format = range.format.load("columnWidth");
      const font = range.format.font.load("bold");
      const corner = range.getCell(1, 1);
      corner.load("address");
      await context.sync();
      expect(range.address).toBe("'My Sheet'!B3:C4");
      expect([range.rowIndex, range.columnIndex, range.rowCount, range.columnCount]).toEqual([
        2, 1, 2, 2,
      ]);
      expect(range.text).toEqual([
        ["25.6%", "1,234.50"],
        ["a", "TRUE"],
      ]);
      expect(range.valueTypes).toEqual([
        ["Double", "Double"],
        ["String", "Boolean"],
      ]);
      expect([format.columnWidth, font.bold]).toEqual([80, true]);
      expect(corner.address).toBe("'My Sheet'!C4");
    });
  });

  test("used range, intersection and selection", async () => {
    const fake = createFakeExcel();
    await run(fake, async (context) => {
      const sheet = sheetOf(context);
      const empty = sheet.getUsedRangeOrNullObject();
      empty.load("address");
      await context.sync();
      expect(empty.isNullObject).toBe(true);
      sheet.getRange("B2:C3").values = [
        [1, 2],
        [3, 4],
      ];
      const used = sheet.getUsedRange().load("address");
      const cut = sheet.getRange("A1:B2").getIntersectionOrNullObject("B2:D9").load("address");
      const none = sheet.getRange("A1").getIntersectionOrNullObject("C3").load("address");
      sheet.getRange("C3").select();
      const selected = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect([used.address, cut.address, selected.address]).toEqual([
        "Sheet1!B2:C3",
        "Sheet1!B2",
        "Sheet1!C3",
      ]);
      expect(none.isNullObject).toBe(true);
    });
    expect(fake.usedAddress("Sheet1")).toBe("Sheet1!B2:C3");
  });
});
