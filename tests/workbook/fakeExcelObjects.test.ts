/**
 * Worksheets, tables, defined names and settings in the in-memory Excel follow Excel's rules: naming,
 * one namespace for tables and names, no overlapping tables, header repair, settings in the document.
 */
import { createFakeExcel, type FakeExcel } from "../support/workbook";
import { rejection, run, sheetOf, write } from "./helpers";

describe("names", () => {
  const addSheet = (fake: FakeExcel, name: unknown) =>
    rejection(
      run(fake, async (context) => {
        context.workbook.worksheets.add(name as string);
        await context.sync();
      })
    );

  test.each([
    ["", "InvalidArgument"],
    ["x".repeat(32), "InvalidArgument"],
    ...["[", "]", ":", "*", "?", "/", "\\"].map((c) => [`a${c}b`, "InvalidArgument"]),
    ["'quoted", "InvalidArgument"],
    ["quoted'", "InvalidArgument"],
    ["history", "InvalidArgument"],
    ["SHEET1", "ItemAlreadyExists"],
  ])("sheet name %j is refused with %s", async (name, code) => {
    expect((await addSheet(createFakeExcel(), name)).code).toBe(code);
  });

  test("a sheet can be renamed to a valid name, even to itself in another case", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1", "Other"] });
    await run(fake, async (context) => {
      sheetOf(context).name = "SHEET1";
      await context.sync();
      context.workbook.worksheets.getItem("Other").name = "x".repeat(31);
      await context.sync();
    });
    expect(fake.sheetNames()).toEqual(["SHEET1", "x".repeat(31)]);
    const error = await rejection(
      run(fake, async (context) => {
        sheetOf(context).name = "a:b";
        await context.sync();
      })
    );
    expect(error.code).toBe("InvalidArgument");
  });

  const renameTable = (fake: FakeExcel, name: string) =>
    rejection(
      run(fake, async (context) => {
        context.workbook.tables.getItem("Table1").name = name;
        await context.sync();
      })
    );

  test.each([
    "1abc",
    "has space",
    "a-b",
    "C",
    "c",
    "R",
    "r",
    "A1",
    "xfd1048576",
    "R1C1",
    "R2C3",
    "RC",
    "x".repeat(256),
  ])("table name %j is refused", async (name) => {
    const fake = createFakeExcel();
    await run(fake, async (context) => {
      context.workbook.tables.add("A1:B2", true);
      await context.sync();
    });
    expect((await renameTable(fake, name)).code).toBe("InvalidArgument");
  });

  test("table and defined names share one case-insensitive namespace; valid names are accepted", async () => {
    const fake = createFakeExcel();
    await run(fake, async (context) => {
      const tables = context.workbook.tables;
      tables.add("A1:B2", true).name = "_deals.2024";
      tables.add("D1:E2", true).name = "\\raw";
      context.workbook.names.add("Rate", sheetOf(context).getRange("G1"));
      await context.sync();
    });
    expect(fake.tables().map((t) => t.name)).toEqual(["_deals.2024", "\\raw"]);
    expect((await renameTable(createFakeExcel(), "x")).code).toBe("ItemNotFound");
    const clash = await rejection(
      run(fake, async (context) => {
        context.workbook.tables.getItem("\\raw").name = "RATE";
        await context.sync();
      })
    );
    expect(clash.code).toBe("ItemAlreadyExists");
    const clash2 = await rejection(
      run(fake, async (context) => {
        context.workbook.names.add("_DEALS.2024", "=1");
        await context.sync();
      })
    );
    expect(clash2.code).toBe("ItemAlreadyExists");
    expect(fake.names()).toEqual([{ name: "Rate", formula: "=Sheet1!$G$1", comment: "" }]);
  });
});

describe("tables", () => {
  test("default names, Excel's header repairs, and header writes rename columns", async () => {
    const fake = createFakeExcel();
    await write(fake, "A1:C1", [["Name", "", "Name"]]);
    await run(fake, async (context) => {
      const table = context.workbook.tables.add("Sheet1!A1:C3", true);
      const second = sheetOf(context).tables.add("E1:F1", true);
      const column = table.columns.getItemAt(2);
      column.load("name");
      const body = column.getDataBodyRange().load("address");
      [table, second].forEach((t) => t.load("name, style, showBandedRows"));
      await context.sync();
      expect([table.name, second.name, table.style, table.showBandedRows]).toEqual([
        "Table1",
        "Table2",
        "TableStyleMedium2",
        true,
      ]);
      expect([column.name, body.address]).toEqual(["Name2", "Sheet1!C2:C3"]);
    });
    expect(fake.tables()[0]?.headers).toEqual(["Name", "Column2", "Name2"]);
    expect(fake.tables()[1]?.address).toBe("Sheet1!E1:F2");
    await write(fake, "B1", [["Value"]]);
    expect(fake.tables()[0]?.headers).toEqual(["Name", "Value", "Name2"]);
  });

  test("tables may not overlap; the grid ends at XFD1048576", async () => {
    const fake = createFakeExcel();
    const add = (address: string) =>
      rejection(
        run(fake, async (context) => {
          context.workbook.tables.add(address, true);
          await context.sync();
        })
      );
    await run(fake, async (context) => {
      context.workbook.tables.add("B2:D5", true);
      await context.sync();
    });
    expect((await add("D5:F9")).code).toBe("InvalidArgument");
    expect((await add("XFD1:XFE2")).code).toBe("InvalidArgument");
    expect((await add("A1048576:B1048577")).code).toBe("InvalidArgument");
    expect(fake.tables()).toHaveLength(1);
  });
});

describe("settings", () => {
  test("settings persist in the document and can be deleted", async () => {
    const fake = createFakeExcel();
    await run(fake, async (context) => {
      context.workbook.settings.add("asOf", { year: 2025, list: [1, 2] });
      context.workbook.settings.add("mode", "live");
      await context.sync();
    });
    expect(fake.snapshot().settings).toEqual({ asOf: { year: 2025, list: [1, 2] }, mode: "live" });
    await run(fake, async (context) => {
      const mode = context.workbook.settings.getItemOrNullObject("mode");
      const missing = context.workbook.settings.getItemOrNullObject("nope");
      mode.load("key, value");
      missing.load("value");
      await context.sync();
      expect([mode.key, mode.value, missing.isNullObject]).toEqual(["mode", "live", true]);
      mode.delete();
      await context.sync();
    });
    expect(fake.settings()).toEqual({ asOf: { year: 2025, list: [1, 2] } });
  });
});

describe("tables and names in use", () => {
  test("a table from a range proxy; columns by name; renaming a column writes its header", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1", "Two"] });
    await write(fake, "A1:B3", [
      ["Company", "Value"],
      ["OpenAI", 1],
      ["xAI", 2],
    ]);
    await run(fake, async (context) => {
      const table = context.workbook.tables.add(sheetOf(context).getRange("A1:B3"), true);
      table.columns.getItem("value").name = "Valuation";
      const elsewhere = context.workbook.worksheets
        .getItem("Two")
        .tables.getItemOrNullObject("Table1");
      const body = table.getDataBodyRange().load("values");
      elsewhere.load("name");
      await context.sync();
      expect(body.values).toEqual([
        ["OpenAI", 1],
        ["xAI", 2],
      ]);
      expect(elsewhere.isNullObject).toBe(true);
    });
    expect(fake.tables()[0]?.headers).toEqual(["Company", "Valuation"]);
    await run(fake, async (context) => {
      context.workbook.tables.getItem("Table1").delete();
      await context.sync();
    });
    expect([fake.tables(), fake.usedAddress("Sheet1")]).toEqual([[], undefined]);
  });

  test("defined names: a range name follows its sheet's renames and formulas can use it", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1", "My Data"] });
    fake.setCell("My Data", "B2", 40);
    await run(fake, async (context) => {
      const data = context.workbook.worksheets.getItem("My Data");
      context.workbook.names.add("Base", data.getRange("B2"), "the base");
      context.workbook.names.add("Rate", "=0.5");
      data.name = "Inputs";
      await context.sync();
      const base = context.workbook.names.getItem("Base").load("type, value, formula, comment");
      await context.sync();
      expect([base.type, base.value, base.formula, base.comment]).toEqual([
        "Range",
        "Inputs!$B$2",
        "=Inputs!$B$2",
        "the base",
      ]);
    });
    await write(fake, "A1", "=Base*Rate");
    expect(fake.cell("Sheet1", "A1").value).toBe(20);
  });

  test("settings refuse a value that is not JSON", async () => {
    const error = await rejection(
      run(createFakeExcel(), async (context) => {
        context.workbook.settings.add("bad", undefined);
        await context.sync();
      })
    );
    expect(error.code).toBe("InvalidArgument");
  });
});
