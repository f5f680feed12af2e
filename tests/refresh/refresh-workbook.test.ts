/**
 * The workbook follows a refresh: every DEALS formula on every sheet answers from the new data, every
 * table the pane inserted is rebuilt in place, and nothing else changes. A table that would have to grow
 * into the analyst's cells is left as it was, with not a cell changed.
 */
import { loadDataset } from "../../src/core/load";
import type { DatasetFile } from "../../src/core/schema";
import { buildTable } from "../../src/core/tables/dealTables";
import { TableRequest } from "../../src/core/tables/tablePlan";
import {
  getActiveDataset,
  replaceActiveDataset,
  resetStoreForTests,
} from "../../src/runtime/datasetStore";
import { insertTable } from "../../src/workbook/insertTable";
import { refreshAll } from "../../src/workbook/refreshAll";
import { LAST_REFRESH_KEY, refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import {
  newerVersion,
  newerWithAmazonInXai,
  newerWithAmazonXaiRoundTrip,
  newerWithXaiAt,
  versionLabel,
} from "../support/datasets";
import { dealsWorkbook } from "../support/dealsWorkbook";
import type { FakeExcel, WorkbookSnapshot } from "../support/workbook";
import { CARD_HOST, hostWithSets, noOfficeHost } from "../support/officeHost";

let wb: FakeExcel;
beforeEach(async () => {
  resetStoreForTests(undefined);
  wb = await dealsWorkbook(["Sheet1", "Model"]);
});

async function insert(request: TableRequest, sheet: string, at: string): Promise<string> {
  const planned = buildTable(getActiveDataset(), request);
  if (!planned.ok) throw new Error(planned.message);
  wb.setSelection(sheet, at);
  const out = await insertTable(planned.plan, "selection");
  if (out.status !== "inserted") throw new Error(JSON.stringify(out));
  return out.table;
}

function swapTo(file: DatasetFile) {
  const loaded = loadDataset(file);
  if (!loaded.ok) throw new Error(loaded.errors.join("; "));
  replaceActiveDataset(loaded.dataset, JSON.stringify(file));
  return loaded.dataset;
}

/** Cells whose value or formula differs between two snapshots, as "Sheet!A1". */
function changedCells(a: WorkbookSnapshot, b: WorkbookSnapshot): string[] {
  const out: string[] = [];
  for (const sheet of b.sheets) {
    const before = a.sheets.find((s) => s.name === sheet.name)?.cells ?? {};
    const keys = new Set([...Object.keys(before), ...Object.keys(sheet.cells)]);
    for (const k of keys) {
      const x = before[k];
      const y = sheet.cells[k];
      if (JSON.stringify([x?.value, x?.formula]) !== JSON.stringify([y?.value, y?.formula]))
        out.push(`${sheet.name}!${k}`);
    }
  }
  return out.sort();
}

test("one changed figure updates the formulas and tables that depend on it, and nothing else", async () => {
  const live = await insert(
    { kind: "valuation", subjects: ["xAI", "OpenAI"], asOf: null, mode: "live" },
    "Sheet1",
    "A1"
  );
  const values = await insert(
    { kind: "valuation", subjects: ["xAI", "OpenAI"], asOf: null, mode: "values" },
    "Sheet1",
    "A10"
  );
  const dated = await insert(
    { kind: "valuation", subjects: ["xAI"], asOf: "2025-12-17", mode: "values" },
    "Sheet1",
    "A20"
  );
  wb.setCell("Model", "B2", '=DEALS.VALUATION("xAI")');
  wb.setCell("Model", "B3", "=B2*2");
  wb.setCell("Model", "B4", '=DEALS.VALUATION("OpenAI")');
  wb.setCell("Model", "B5", "=DEALS.DATA_VERSION()");
  wb.setCell("Model", "B6", "my own note");
  const before = wb.snapshot();

  const ds = swapTo(newerWithXaiAt(30e9));
  wb.resetSyncCount();
  const out = await refreshWorkbook(ds, new Date("2026-12-01T09:00:00Z"));
  expect(wb.syncCount).toBe(4); // whatever the number of tables and formulas
  expect(out.tables).toEqual([
    { table: live, status: "rebuilt", rows: 2, address: "Sheet1!A2:H4" },
    { table: values, status: "rebuilt", rows: 2, address: "Sheet1!A11:H13" },
    { table: dated, status: "rebuilt", rows: 1, address: "Sheet1!A21:H22" },
  ]);

  expect(wb.cell("Model", "B2").value).toBe(30e9);
  expect(wb.cell("Model", "B3").value).toBe(60e9);
  expect(wb.cell("Model", "B5").value).toBe(versionLabel(newerVersion()));
  expect(wb.cell("Sheet1", "B3").value).toBe(30e9); // live table, xAI row
  expect(wb.cell("Sheet1", "B12")).toMatchObject({ value: 30e9, formula: 30e9 }); // values table, rewritten
  expect(changedCells(before, wb.snapshot())).toEqual(
    [
      "Model!B2",
      "Model!B3",
      "Model!B5", // the formulas that depend on xAI's valuation or the version
      "Sheet1!A1",
      "Sheet1!B3",
      "Sheet1!G3", // live table: caption (version), xAI's valuation, its change on the previous one
      "Sheet1!A10",
      "Sheet1!B12",
      "Sheet1!G12", // values table: the same, rewritten
      // The 2025 table: only its caption (the version); the corrected valuation is of February 2026.
      "Sheet1!A20",
    ].sort()
  );
  expect(JSON.parse(String(wb.settings()[LAST_REFRESH_KEY]))).toEqual({
    version: versionLabel(newerVersion()),
    at: "2026-12-01T09:00:00.000Z",
  });
});

test("a table that must grow into occupied cells is refused without a cell changed; once clear, it grows", async () => {
  const table = await insert(
    { kind: "exposure", subjects: ["Amazon"], asOf: null, mode: "values" },
    "Sheet1",
    "B2"
  );
  wb.setCell("Sheet1", "D7", "my total"); // right under the table (header B3, rows B4:B6)
  const before = wb.snapshot();

  const ds = swapTo(newerWithAmazonInXai());
  const out = await refreshWorkbook(ds);
  expect(out.tables).toEqual([
    {
      table,
      status: "blocked",
      message: `${table} needs 1 more row at Sheet1!B7:J7, which holds data; nothing was changed. Clear those cells, then press Refresh data again.`,
    },
  ]);
  expect(changedCells(before, wb.snapshot())).toEqual([]);

  wb.setCell("Sheet1", "D7", "");
  const again = await refreshWorkbook(ds);
  expect(again.tables[0]).toMatchObject({ status: "rebuilt", rows: 4, address: "Sheet1!B3:J7" });
  expect(wb.tables().find((t) => t.name === table)?.address).toBe("Sheet1!B3:J7");
  expect(["B7", "C7", "D7"].map((c) => wb.cell("Sheet1", c).value)).toEqual(["Amazon", "xAI", 1e9]);
});

test("a column the analyst added is kept and stays beside its row; rows that would move are refused", async () => {
  const table = await insert(
    { kind: "exposure", subjects: ["Amazon"], asOf: null, mode: "live" },
    "Sheet1",
    "A1"
  );
  // The analyst widens the table with a column of their own (J) and fills it.
  await wb.Excel.run(async (context) => {
    context.workbook.tables.getItem(table).resize("Sheet1!A2:J5");
    context.workbook.worksheets.getItem("Sheet1").getRange("J2:J5").values = [
      ["My view"],
      ["hold"],
      ["buy"],
      ["sell"],
    ];
    await context.sync();
  });

  // Same rows, new figures: rebuilt, the analyst's column untouched.
  const out = await refreshWorkbook(swapTo(newerWithXaiAt(30e9)));
  expect(out.tables[0]).toMatchObject({ status: "rebuilt", rows: 3, address: "Sheet1!A2:J5" });
  expect(wb.tables().find((x) => x.name === table)?.headers).toContain("My view");
  expect(["J3", "J4", "J5"].map((c) => wb.cell("Sheet1", c).value)).toEqual([
    "hold",
    "buy",
    "sell",
  ]);

  // New data adds a company between them (xAI sorts after OpenAI here, but any change of rows counts):
  // the notes would no longer line up, so the table is left exactly as it was.
  const before = wb.snapshot();
  const refused = await refreshWorkbook(swapTo(newerWithAmazonInXai(newerVersion(2))));
  expect(refused.tables[0]).toMatchObject({
    status: "changedByUser",
    message: expect.stringMatching(/would no longer line up/),
  });
  expect(wb.snapshot().tables).toEqual(before.tables);
  expect(["J3", "J4", "J5", "A6"].map((c) => wb.cell("Sheet1", c).value)).toEqual([
    "hold",
    "buy",
    "sell",
    "",
  ]);
});

test("rows the data no longer has are removed from the table and cleared", async () => {
  swapTo(newerWithAmazonInXai(newerVersion(1)));
  const table = await insert(
    { kind: "exposure", subjects: ["Amazon"], asOf: null, mode: "values" },
    "Sheet1",
    "A1"
  );
  expect(wb.tables().find((x) => x.name === table)?.address).toBe("Sheet1!A2:I6");
  // A correction: the Amazon → xAI deal is gone in the newer data.
  const out = await refreshWorkbook(swapTo(newerWithXaiAt(24e9, newerVersion(2))));
  expect(out.tables[0]).toMatchObject({ status: "rebuilt", rows: 3, address: "Sheet1!A2:I5" });
  expect(["A6", "B6", "C6"].map((c) => wb.cell("Sheet1", c).value)).toEqual(["", "", ""]);
});

test("a DEALS formula showing an error follows the data too (a full calculation alone would skip it)", async () => {
  // Before: xAI has no valuation as of March 2024, so the cell shows #N/A; the newer data dates one earlier.
  wb.setCell("Sheet1", "A1", '=DEALS.VALUATION("xAI","2024-03")');
  expect(wb.cell("Sheet1", "A1").value).toBe("#N/A");
  const file = newerWithXaiAt(24e9);
  const xai = file.valuations.filter((v) => v.company === "xai");
  (xai[xai.length - 1] as { date: string }).date = "2024-03";
  const out = await refreshWorkbook(swapTo(file));
  expect(out.formulas).toBe(1);
  expect(wb.cell("Sheet1", "A1").value).toBe(24e9);
});

test("text that mentions DEALS. stays text: only DEALS formulas are entered again", async () => {
  // A note from the data (a formula's text result, converted to a value) and the analyst's own text:
  // range.formulas reads both back without their text marker, so writing them back would make formulas.
  wb.setCell("Model", "A1", `'=LEN("pwned by DEALS.")`);
  wb.setCell("Model", "A2", "'-1+2 see DEALS.VALUATION");
  wb.setCell("Model", "A3", '=DEALS.VALUATION("xAI")');
  wb.setCell("Model", "B1", "'@DEALS. note beside a formula");
  wb.setCell("Model", "B2", "=DEALS.DATA_VERSION()");
  const out = await refreshWorkbook(swapTo(newerWithXaiAt(30e9)));
  expect(out.formulas).toBe(2);
  expect(wb.cell("Model", "A1").value).toBe('=LEN("pwned by DEALS.")');
  expect(wb.cell("Model", "A2").value).toBe("-1+2 see DEALS.VALUATION");
  expect(wb.cell("Model", "B1").value).toBe("@DEALS. note beside a formula");
  expect(wb.cell("Model", "A3").value).toBe(30e9);
  expect(wb.cell("Model", "B2").value).toBe(versionLabel(newerVersion()));
});

test("an analyst's own title above a table is never replaced", async () => {
  const table = await insert(
    { kind: "valuation", subjects: ["xAI"], asOf: null, mode: "values" },
    "Sheet1",
    "A1"
  );
  wb.setCell("Sheet1", "A1", "Q4 memo: private markets");
  await refreshWorkbook(swapTo(newerWithXaiAt(30e9)));
  expect(wb.cell("Sheet1", "A1").value).toBe("Q4 memo: private markets");
  expect(wb.cell("Sheet1", "B3").value).toBe(30e9);
  expect(table).toBe("DealsValuations");
});

test("a table the analyst deleted is reported, not recreated", async () => {
  const table = await insert(
    { kind: "valuation", subjects: ["xAI"], asOf: null, mode: "live" },
    "Sheet1",
    "A1"
  );
  await wb.Excel.run(async (context) => {
    context.workbook.tables.getItem(table).delete();
    await context.sync();
  });
  const out = await refreshWorkbook(swapTo(newerWithXaiAt(30e9)));
  expect(out.tables).toEqual([expect.objectContaining({ table, status: "missing" })]);
  expect(wb.tables()).toEqual([]);
});

test("the selected table only: the other inserted tables keep their rows and values", async () => {
  const first = await insert(
    { kind: "valuation", subjects: ["xAI"], asOf: null, mode: "values" },
    "Sheet1",
    "A1"
  );
  const second = await insert(
    { kind: "valuation", subjects: ["xAI"], asOf: null, mode: "values" },
    "Sheet1",
    "A10"
  );
  const ds = swapTo(newerWithXaiAt(30e9));
  wb.setSelection("Sheet1", "C12");
  const out = await refreshWorkbook(ds, new Date(), "selectedTable");
  expect(out.tables).toEqual([expect.objectContaining({ table: second, status: "rebuilt" })]);
  expect(wb.cell("Sheet1", "B12").value).toBe(30e9);
  expect(wb.cell("Sheet1", "B3").value).toBe(250e9); // `first` was not rebuilt
  expect(first).not.toBe(second);

  wb.setSelection("Sheet1", "Z40");
  const none = await refreshWorkbook(ds, new Date(), "selectedTable");
  expect(none.tables).toEqual([
    expect.objectContaining({
      status: "missing",
      message: expect.stringMatching(/not in a table/),
    }),
  ]);
});

test("Refresh again with the data already in use updates a table that was blocked", async () => {
  const table = await insert(
    { kind: "exposure", subjects: ["Amazon"], asOf: null, mode: "values" },
    "Sheet1",
    "B2"
  );
  wb.setCell("Sheet1", "D7", "in the way");
  const text = JSON.stringify(newerWithAmazonInXai());
  const first = await refreshAll(
    { kind: "file", name: "deals.json", text },
    { updateWorkbook: true }
  );
  expect(first).toMatchObject({
    status: "refreshed",
    workbook: { tables: [{ table, status: "blocked" }] },
  });

  wb.setCell("Sheet1", "D7", "");
  const again = await refreshAll(
    { kind: "file", name: "deals.json", text },
    { updateWorkbook: true }
  );
  expect(again).toMatchObject({
    status: "upToDate",
    message: expect.stringMatching(/already in use/),
    workbook: { tables: [{ table, status: "rebuilt", rows: 4 }] },
  });
  expect(wb.cell("Sheet1", "C7").value).toBe("xAI");
});

test("a valuation table of company cards is rebuilt as cards, the analyst's column beside its card", async () => {
  hostWithSets(CARD_HOST);
  try {
    const table = await insert(
      { kind: "valuation", subjects: ["OpenAI", "xAI"], asOf: null, mode: "live", cards: true },
      "Sheet1",
      "A1"
    );
    await wb.Excel.run(async (context) => {
      context.workbook.tables.getItem(table).resize("Sheet1!A2:I4");
      context.workbook.worksheets.getItem("Sheet1").getRange("I2:I4").values = [
        ["My view"],
        ["hold"],
        ["buy"],
      ];
      await context.sync();
    });
    // The cards' basic value is #VALUE!; the rows are known by the names they show.
    expect(wb.cell("Sheet1", "A4").value).toBe("#VALUE!");
    const out = await refreshWorkbook(swapTo(newerWithXaiAt(30e9)));
    expect(out.tables[0]).toMatchObject({ status: "rebuilt", rows: 2 });
    expect(["A3", "A4"].map((c) => wb.cell("Sheet1", c).formula)).toEqual([
      '=DEALS.COMPANY("OpenAI")',
      '=DEALS.COMPANY("xAI")',
    ]);
    expect(["B4", "I3", "I4"].map((c) => wb.cell("Sheet1", c).value)).toEqual([
      30e9,
      "hold",
      "buy",
    ]);
  } finally {
    noOfficeHost();
  }
});

test("a round-trip table is rebuilt from its record: a new deal back makes a new row", async () => {
  const table = await insert(
    { kind: "roundtrip", subjects: ["Amazon"], asOf: null, mode: "live" },
    "Sheet1",
    "A1"
  );
  const rowsBefore = wb.tables().find((t) => t.name === table)?.address;
  // Newer data: Amazon backs xAI, and xAI buys AWS compute: a round trip that was not there.
  const file = newerWithAmazonXaiRoundTrip(newerVersion(1));
  const out = await refreshWorkbook(swapTo(file));
  expect(out.tables[0]).toMatchObject({ status: "rebuilt" });
  expect(wb.tables().find((t) => t.name === table)?.address).not.toBe(rowsBefore);
  const companies = wb
    .snapshot()
    .sheets.flatMap((s) => Object.entries(s.cells))
    .filter(([address]) => /^B\d+$/.test(address))
    .map(([, c]) => c.value);
  expect(companies).toContain("xAI");
});
