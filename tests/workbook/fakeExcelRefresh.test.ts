/**
 * What a data refresh touches in the in-memory Excel: application.calculate (custom functions are
 * non-volatile, so only a full calculation calls them again), table.resize and table.rows, and
 * worksheet.findAll for turning formulas into values.
 */
import { createFakeExcel, type CustomFunctionDef, type FakeExcel } from "../support/workbook";
import { rejection, run, sheetOf, write } from "./helpers";

describe("application.calculate", () => {
  const functions: CustomFunctionDef[] = [
    { id: "PRICE", parameters: [{ name: "ticker" }] },
    { id: "DATA_VERSION", parameters: [] },
    { id: "LIST", parameters: [], result: { dimensionality: "matrix" } },
  ];

  /** A dataset the add-in can swap, and how often each function ran. */
  function setup(sheets?: string[]) {
    const dataset = { version: "v1", prices: new Map([["A", 10]]), list: [[1], [2]] };
    const calls = { PRICE: 0, DATA_VERSION: 0, LIST: 0 };
    const implementations = new Map<string, (...args: unknown[]) => unknown>([
      [
        "PRICE",
        (ticker) => {
          calls.PRICE++;
          return dataset.prices.get(String(ticker)) ?? 0;
        },
      ],
      [
        "DATA_VERSION",
        () => {
          calls.DATA_VERSION++;
          return dataset.version;
        },
      ],
      [
        "LIST",
        () => {
          calls.LIST++;
          return dataset.list;
        },
      ],
    ]);
    const fake = createFakeExcel({ namespace: "DEALS", functions, implementations, sheets });
    return { fake, dataset, calls };
  }

  const calculate = (fake: FakeExcel, type: string) =>
    run(fake, async (context) => {
      context.workbook.application.calculate(type);
      await context.sync();
    });

  const values = (fake: FakeExcel, ...addresses: string[]) =>
    addresses.map((a) => fake.cell("Sheet1", a).value);

  test("calculationMode loads as Automatic; the application is also context.application", async () => {
    const { fake } = setup();
    const loaded = await run(fake, async (context) => {
      const app = context.workbook.application.load("calculationMode, calculationState");
      await context.sync();
      return [app.calculationMode, app.calculationState, context.application === app];
    });
    expect(loaded).toEqual(["Automatic", "Done", true]);
    const manual = await rejection(
      run(fake, async (context) => {
        context.workbook.application.calculationMode = "Manual";
        await context.sync();
      })
    );
    expect(manual.code).toBe("NotImplemented");
  });

  test("an edit or Recalculate does not call a custom function again; Full does, and dependents follow", async () => {
    const { fake, dataset, calls } = setup();
    await write(fake, "A1:C1", [["A", "=DEALS.PRICE(A1)", "=B1*2"]]);
    await write(fake, "A2", "=DEALS.DATA_VERSION()");
    expect(values(fake, "B1", "C1", "A2")).toEqual([10, 20, "v1"]);
    const before = { ...calls };

    dataset.prices.set("A", 11);
    dataset.version = "v2";
    await write(fake, "E5", "unrelated");
    await calculate(fake, "Recalculate");
    expect(values(fake, "B1", "C1", "A2")).toEqual([10, 20, "v1"]);
    expect(calls).toEqual(before);

    await calculate(fake, "Full");
    expect(values(fake, "B1", "C1", "A2")).toEqual([11, 22, "v2"]);
    expect(calls.PRICE).toBe(before.PRICE + 1);

    dataset.prices.set("A", 12);
    dataset.version = "v3";
    await calculate(fake, "FullRebuild");
    expect(values(fake, "B1", "C1", "A2")).toEqual([12, 24, "v3"]);
    expect(fake.cell("Sheet1", "B1").formula).toBe("=DEALS.PRICE(A1)");
  });

  test("a changed input still recalculates at once, as automatic calculation does", async () => {
    const { fake } = setup();
    await write(fake, "A1:B1", [["A", "=DEALS.PRICE(A1)"]]);
    await write(fake, "A1", "B");
    expect(values(fake, "B1")).toEqual([0]);
  });

  test("a full calculation re-spills an array result, and works after a sheet was deleted", async () => {
    const { fake, dataset } = setup(["Gone", "Sheet1"]);
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem("Gone").delete();
      context.workbook.names.add("VERSION", "=DEALS.DATA_VERSION()");
      await context.sync();
    });
    await write(fake, "A1:B1", [["=DEALS.LIST()", "=VERSION"]]);
    expect(values(fake, "A1", "A2", "A3", "B1")).toEqual([1, 2, "", "v1"]);

    dataset.list = [[1], [2], [3]];
    dataset.version = "v2";
    await calculate(fake, "Full");
    expect(values(fake, "A1", "A2", "A3", "B1")).toEqual([1, 2, 3, "v2"]);
    expect(fake.usedAddress("Sheet1")).toBe("Sheet1!A1:B3");
  });

  test("an unknown calculation type is refused", async () => {
    const { fake } = setup();
    expect((await rejection(calculate(fake, "Everything"))).code).toBe("InvalidArgument");
  });
});

describe("table.resize", () => {
  /** Table1 at A1:B3 (headers Name, Value), with data around it. */
  async function withTable(): Promise<FakeExcel> {
    const fake = createFakeExcel();
    await write(fake, "A1:D5", [
      ["Name", "Value", "", 7],
      ["a", 1, "x", ""],
      ["b", 2, "y", ""],
      ["c", 3, "z", ""],
      ["d", 4, "w", ""],
    ]);
    await run(fake, async (context) => {
      sheetOf(context).tables.add("A1:B3", true);
      await context.sync();
    });
    return fake;
  }

  const resize = (fake: FakeExcel, range: string) =>
    run(fake, async (context) => {
      context.workbook.tables.getItem("Table1").resize(range);
      await context.sync();
    });

  test("growing takes the cells' values and names empty headers Column1…; the table reports its new size", async () => {
    const fake = await withTable();
    const seen = await run(fake, async (context) => {
      const table = context.workbook.tables.getItem("Table1");
      table.resize(sheetOf(context).getRange("A1:D5"));
      const body = table.getDataBodyRange().load("address, values");
      const all = table.getRange().load("address");
      const columns = table.columns.load("items/name");
      const count = table.rows.getCount();
      const rows = table.rows.load("count");
      await context.sync();
      return {
        body: body.address,
        values: body.values,
        all: all.address,
        columns: columns.items.map((c) => c.name),
        // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult is filled by the sync, not by load()
        count: count.value,
        loadedCount: rows.count,
      };
    });
    expect(seen).toEqual({
      body: "Sheet1!A2:D5",
      values: [
        ["a", 1, "x", ""],
        ["b", 2, "y", ""],
        ["c", 3, "z", ""],
        ["d", 4, "w", ""],
      ],
      all: "Sheet1!A1:D5",
      columns: ["Name", "Value", "Column1", "7"],
      count: 4,
      loadedCount: 4,
    });
    expect(fake.tables()[0]).toMatchObject({
      address: "Sheet1!A1:D5",
      headers: ["Name", "Value", "Column1", "7"],
    });
    expect(fake.cell("Sheet1", "D1").formula).toBe("7");
  });

  test("shrinking leaves the cells outside the table as ordinary cells with their values", async () => {
    const fake = await withTable();
    await resize(fake, "A1:A2");
    expect(fake.tables()[0]).toMatchObject({ address: "Sheet1!A1:A2", headers: ["Name"] });
    expect(["B1", "B3", "A3"].map((a) => fake.cell("Sheet1", a).value)).toEqual(["Value", 2, "b"]);
    // B1:B3 is free again: another table may take it.
    await run(fake, async (context) => {
      sheetOf(context).tables.add("B1:B3", true);
      await context.sync();
    });
    expect(fake.tables().map((t) => t.address)).toEqual(["Sheet1!A1:A2", "Sheet1!B1:B3"]);
  });

  test("the header row may keep its row only; the left edge may move within the old range", async () => {
    const fake = await withTable();
    await resize(fake, "Sheet1!B1:C4");
    expect(fake.tables()[0]).toMatchObject({
      address: "Sheet1!B1:C4",
      headers: ["Value", "Column1"],
    });
  });

  test.each([
    ["A2:B4", "the header row moves"],
    ["D1:E3", "the range does not overlap the table"],
    ["A1:B1", "no data row is left"],
    ["A1:F3", "it overlaps another table"],
    ["Other!A1:B4", "the range is on another sheet"],
  ])("resize(%j) fails with InvalidArgument when %s, changing nothing", async (range) => {
    const fake = await withTable();
    await run(fake, async (context) => {
      context.workbook.worksheets.add("Other");
      sheetOf(context).tables.add("F1:G2", true);
      await context.sync();
    });
    const before = fake.snapshot();
    const error = await rejection(resize(fake, range));
    expect(error.code).toBe("InvalidArgument");
    expect(fake.snapshot()).toEqual(before);
  });

  test("rows.getCount() is readable only after the sync", async () => {
    const fake = await withTable();
    await run(fake, async (context) => {
      const count = context.workbook.tables.getItem("Table1").rows.getCount();
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- the point of the test
      expect(() => count.value).toThrow(expect.objectContaining({ code: "ValueNotLoaded" }));
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult is filled by the sync, not by load()
      expect(count.value).toBe(2);
    });
  });
});

describe("worksheet.findAllOrNullObject", () => {
  const functions: CustomFunctionDef[] = [{ id: "PRICE", parameters: [{ name: "t" }] }];
  const implementations = new Map([["PRICE", () => 5]]);

  async function withFormulas(): Promise<FakeExcel> {
    const fake = createFakeExcel({ functions, implementations });
    await write(fake, "A1:C3", [
      ["deals.price is a note", "=deals.price(1)", "=SUM(1,2)"],
      ["", "", 'text "DEALS.PRICE"'],
      ["=B1+DEALS.PRICE(2)", "Deals", true],
    ]);
    return fake;
  }

  const find = (fake: FakeExcel, text: string, criteria = {}) =>
    run(fake, async (context) => {
      const found = sheetOf(context).findAllOrNullObject(text, criteria);
      // Through the RangeAreas, so a null object loads too (its areas could not be loaded).
      found.load("address, areaCount, cellCount, areas/items/address");
      await context.sync();
      if (found.isNullObject) return null;
      return {
        address: found.address,
        count: [found.areaCount, found.cellCount],
        areas: found.areas.items.map((r) => r.address),
      };
    });

  test("finds formulas and other cells' values holding the text, case-insensitively, row by row", async () => {
    const fake = await withFormulas();
    expect(await find(fake, "DEALS.PRICE(")).toEqual({
      address: "Sheet1!B1,Sheet1!A3",
      count: [2, 2],
      areas: ["Sheet1!B1", "Sheet1!A3"],
    });
    expect((await find(fake, "deals.price"))?.areas).toEqual([
      "Sheet1!A1",
      "Sheet1!B1",
      "Sheet1!C2",
      "Sheet1!A3",
    ]);
    // C1 shows 3 but its formula has no "3"; a boolean is found by its text.
    expect(await find(fake, "3")).toBeNull();
    expect(await find(fake, "true")).toMatchObject({ areas: ["Sheet1!C3"] });
  });

  test("completeMatch, matchCase and Find's wildcards", async () => {
    const fake = await withFormulas();
    expect(await find(fake, "deals", { completeMatch: true })).toMatchObject({
      areas: ["Sheet1!B3"],
    });
    expect(await find(fake, "Deals", { matchCase: true })).toMatchObject({
      areas: ["Sheet1!B3"],
    });
    expect(await find(fake, "=DEALS.*(?)", { completeMatch: true })).toMatchObject({
      areas: ["Sheet1!B1"],
    });
    expect(await find(fake, "~*")).toBeNull();
  });

  test("no match is a null object; findAll fails with ItemNotFound", async () => {
    const fake = await withFormulas();
    expect(await find(fake, "nowhere")).toBeNull();
    const error = await rejection(
      run(fake, async (context) => {
        sheetOf(context).findAll("nowhere", {}).load("address");
        await context.sync();
      })
    );
    expect(error.code).toBe("ItemNotFound");
  });

  test("each area is a range: its formulas and values load, and writing the values converts them", async () => {
    const fake = await withFormulas();
    await run(fake, async (context) => {
      const found = sheetOf(context).findAllOrNullObject("DEALS.", { completeMatch: false });
      found.areas.load("items/formulas, items/values, items/address");
      await context.sync();
      const formulaAreas = found.areas.items.filter((area) =>
        area.formulas.flat().some((f) => typeof f === "string" && f.startsWith("="))
      );
      expect(formulaAreas.map((a) => [a.address, a.formulas, a.values])).toEqual([
        ["Sheet1!B1", [["=DEALS.PRICE(1)"]], [[5]]],
        ["Sheet1!A3", [["=B1+DEALS.PRICE(2)"]], [[10]]],
      ]);
      for (const area of formulaAreas) area.values = [...area.values];
      await context.sync();
    });
    expect([fake.cell("Sheet1", "B1").formula, fake.cell("Sheet1", "A3").formula]).toEqual([5, 10]);
    expect(await find(fake, "=")).toMatchObject({ areas: ["Sheet1!C1"] });
  });
});

describe("range neighbours", () => {
  test("getRowsBelow/Above and getColumnsAfter/Before: as wide or tall as the range, inside the grid", async () => {
    const fake = createFakeExcel();
    const addresses = await run(fake, async (context) => {
      const range = sheetOf(context).getRange("B2:C3");
      const near = [
        range.getRowsBelow(),
        range.getRowsBelow(3),
        range.getRowsAbove(),
        range.getColumnsAfter(2),
        range.getColumnsBefore(),
      ].map((r) => r.load("address"));
      await context.sync();
      return near.map((r) => r.address);
    });
    expect(addresses).toEqual([
      "Sheet1!B4:C4",
      "Sheet1!B4:C6",
      "Sheet1!B1:C1",
      "Sheet1!D2:E3",
      "Sheet1!A2:A3",
    ]);
    const error = await rejection(
      run(fake, async (context) => {
        sheetOf(context).getRange("A1:B1").getRowsAbove().load("address");
        await context.sync();
      })
    );
    expect(error.code).toBe("InvalidArgument");
  });
});
