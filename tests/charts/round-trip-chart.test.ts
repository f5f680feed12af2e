/**
 * The round-trip chart in the faithful workbook: a native bar chart whose two series read the table's
 * Money in and Money back columns, labelled by its Investor and Company cells, titled by the table's
 * caption, most circular at the top; three syncs however many pairs; never over cells or another chart;
 * and after a refresh the same chart reads the table's new rows.
 */
import { loadDataset } from "../../src/core/load";
import { buildTable } from "../../src/core/tables/dealTables";
import type { TableRequest } from "../../src/core/tables/tablePlan";
import {
  getActiveDataset,
  replaceActiveDataset,
  resetStoreForTests,
} from "../../src/runtime/datasetStore";
import { insertTable } from "../../src/workbook/insertTable";
import { refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import { insertRoundTripChart } from "../../src/workbook/roundTripChart";
import { parseRecord, recordKey } from "../../src/workbook/tableRecords";
import { newerVersion, newerWithAmazonXaiRoundTrip } from "../support/datasets";
import { dealsWorkbook } from "../support/dealsWorkbook";
import type { FakeExcel } from "../support/workbook";

let wb: FakeExcel;
beforeEach(async () => {
  resetStoreForTests(undefined);
  wb = await dealsWorkbook(["Sheet1"]);
});

async function table(subjects: string[], at = "A1", mode: TableRequest["mode"] = "live") {
  const planned = buildTable(getActiveDataset(), { kind: "roundtrip", subjects, asOf: null, mode });
  if (!planned.ok) throw new Error(planned.message);
  wb.setSelection("Sheet1", at);
  const out = await insertTable(planned.plan, "selection");
  if (out.status !== "inserted") throw new Error(out.status);
  return { name: out.table, rows: planned.plan.bodyRows };
}

it("reads the table: money in and money back by pair, titled by the caption, most circular on top", async () => {
  const t = await table(["Amazon", "Microsoft", "Alphabet", "Nvidia"]);
  const out = await insertRoundTripChart(t.name);
  expect(out).toMatchObject({ status: "inserted", chart: `${t.name}Chart` });
  const [chart] = wb.charts();
  const last = t.rows + 2; // caption row 1, header row 2, then the pairs
  expect(chart).toMatchObject({
    sheet: "Sheet1",
    type: "BarClustered",
    titleCell: "Sheet1!A1",
    reversePlotOrder: true,
    series: [
      { name: "Money in", values: `Sheet1!C3:C${last}`, categories: `Sheet1!A3:B${last}` },
      { name: "Money back", values: `Sheet1!D3:D${last}`, categories: `Sheet1!A3:B${last}` },
    ],
  });
  expect(chart?.title).toBe(wb.cell("Sheet1", "A1").value);
  expect(chart?.title).toMatch(/^AI Deals · round trips as of the latest data · data \d{4}\./);
  // Beside the table (the table is A:J at its columns' widths; K is left empty), from the caption row.
  const widths = [80, 80, 64, 70, 60, 52, 110, 110, 70, 70];
  expect(chart?.position.left).toBe(widths.reduce((a, b) => a + b, 0) + 48);
  expect(chart?.position.top).toBe(0);
  expect(chart?.position.height).toBeGreaterThanOrEqual(t.rows * 15);
  // Recorded with its table, for a refresh.
  expect(parseRecord(wb.settings()[recordKey(t.name)])?.chart).toBe(`${t.name}Chart`);
  // The first bar is the most circular pair: the table's first row.
  const circularity = [3, 4, 5].map((r) => wb.cell("Sheet1", `E${r}`).value as number);
  expect(circularity).toEqual([...circularity].sort((a, b) => b - a));
});

it.each([1, 4])("makes three syncs whatever the number of pairs (%d investors)", async (n) => {
  const t = await table(["Microsoft", "Amazon", "Alphabet", "Nvidia"].slice(0, n));
  wb.resetSyncCount();
  await insertRoundTripChart(t.name);
  expect(wb.syncCount).toBe(3);
});

it("never draws over cells or another chart: says where, and changes nothing", async () => {
  const t = await table(["Microsoft"]);
  wb.setCell("Sheet1", "N5", "my note");
  const before = wb.snapshot();
  await expect(insertRoundTripChart(t.name)).resolves.toMatchObject({ status: "occupied" });
  expect(wb.snapshot()).toEqual(before);
  expect(wb.charts()).toEqual([]);
  wb.setCell("Sheet1", "N5", "");
  await expect(insertRoundTripChart(t.name)).resolves.toMatchObject({ status: "inserted" });
  // A second chart for the same table would cover the first.
  await expect(insertRoundTripChart(t.name)).resolves.toMatchObject({ status: "occupied" });
  expect(wb.charts()).toHaveLength(1);
});

it("refuses a table that is not a round-trip table", async () => {
  const planned = buildTable(getActiveDataset(), {
    kind: "valuation",
    subjects: ["OpenAI"],
    asOf: null,
    mode: "live",
  });
  if (!planned.ok) throw new Error(planned.message);
  wb.setSelection("Sheet1", "A1");
  const out = await insertTable(planned.plan, "selection");
  if (out.status !== "inserted") throw new Error(out.status);
  await expect(insertRoundTripChart(out.table)).resolves.toMatchObject({ status: "notRoundTrip" });
  expect(wb.charts()).toEqual([]);
});

it("follows a refresh: the same chart, its bars on the table's new rows, its title the new caption", async () => {
  const t = await table(["Amazon"]);
  await insertRoundTripChart(t.name);
  const file = newerWithAmazonXaiRoundTrip(newerVersion(1));
  const loaded = loadDataset(file);
  if (!loaded.ok) throw new Error(loaded.errors.join("; "));
  replaceActiveDataset(loaded.dataset, JSON.stringify(file));
  const out = await refreshWorkbook(loaded.dataset);
  expect(out.tables[0]).toMatchObject({ status: "rebuilt", rows: t.rows + 1 });
  const [chart] = wb.charts();
  const last = t.rows + 3;
  expect(wb.charts()).toHaveLength(1);
  expect(chart?.series.map((s) => [s.values, s.categories])).toEqual([
    [`Sheet1!C3:C${last}`, `Sheet1!A3:B${last}`],
    [`Sheet1!D3:D${last}`, `Sheet1!A3:B${last}`],
  ]);
  expect(chart?.title).toContain(newerVersion(1));
});

it("never draws over a shape of the analyst's either", async () => {
  const t = await table(["Microsoft"]);
  await wb.Excel.run(async (context) => {
    const box = context.workbook.worksheets.getItem("Sheet1").shapes.addTextBox("my arrow");
    box.left = 900;
    box.top = 30;
    await context.sync();
  });
  await expect(insertRoundTripChart(t.name)).resolves.toMatchObject({ status: "occupied" });
  expect(wb.charts()).toEqual([]);
});
