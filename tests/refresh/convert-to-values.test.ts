/**
 * "Convert to values" for sharing a workbook: DEALS formulas become the values they showed, nothing else
 * changes, a note says which data the values come from, and a refresh no longer turns them back.
 */
import { loadDataset } from "../../src/core/load";
import { buildTable } from "../../src/core/tables/dealTables";
import {
  getActiveDataset,
  replaceActiveDataset,
  resetStoreForTests,
} from "../../src/runtime/datasetStore";
import { convertToValues } from "../../src/workbook/convertToValues";
import { insertTable } from "../../src/workbook/insertTable";
import { refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import { parseRecord, recordKey } from "../../src/workbook/tableRecords";
import { newerWithXaiAt, versionLabel } from "../support/datasets";
import { dealsWorkbook } from "../support/dealsWorkbook";
import type { FakeExcel } from "../support/workbook";
import { CARD_HOST, hostWithSets, noOfficeHost } from "../support/officeHost";

let wb: FakeExcel;
beforeEach(async () => {
  resetStoreForTests(undefined);
  wb = await dealsWorkbook();
});

async function liveTable(at: string, subjects: string[]): Promise<string> {
  const planned = buildTable(getActiveDataset(), {
    kind: "valuation",
    subjects,
    asOf: null,
    mode: "live",
  });
  if (!planned.ok) throw new Error(planned.message);
  wb.setSelection("Sheet1", at);
  const out = await insertTable(planned.plan, "selection");
  if (out.status !== "inserted") throw new Error(out.status);
  return out.table;
}

test("the sheet: every DEALS formula becomes its value, other formulas stay, a note is left below", async () => {
  const table = await liveTable("A1", ["OpenAI", "xAI"]);
  wb.setCell("Sheet1", "K1", '=DEALS.VALUATION("OpenAI")');
  wb.setCell("Sheet1", "K2", "=K1*2");
  const before = (a: string) => wb.cell("Sheet1", a).value;
  const shown = ["A1", "B3", "C3", "D3", "G3", "H3", "B4", "E4", "G4", "K1", "K2"].map(before);

  const out = await convertToValues("sheet", getActiveDataset(), new Date("2026-11-26T10:00:00Z"));
  expect(out).toMatchObject({
    status: "converted",
    cells: 1 + 2 * 6 + 1,
    sheet: "Sheet1",
    note: "Sheet1!A6",
  });
  expect(["A1", "B3", "C3", "D3", "G3", "H3", "B4", "E4", "G4", "K1", "K2"].map(before)).toEqual(
    shown
  );
  for (const a of ["A1", "B3", "H3", "E4", "K1"])
    expect([a, String(wb.cell("Sheet1", a).formula)]).not.toEqual([a, expect.stringMatching(/^=/)]);
  // Arithmetic on the row and the analyst's own formulas stay formulas.
  expect(wb.cell("Sheet1", "G3").formula).toBe("=B3/E3-1");
  expect(wb.cell("Sheet1", "K2").formula).toBe("=K1*2");
  expect(String(wb.cell("Sheet1", "A6").value)).toMatch(
    `Values from AI Deals data ${versionLabel()}, converted from DEALS formulas on 2026-11-26.`
  );
  // Frozen: the table's record is gone, so no refresh will rewrite it.
  expect(wb.settings()[recordKey(table)]).toBeUndefined();
});

test("the table at the selection only, caption included; a refresh afterwards leaves it frozen", async () => {
  const first = await liveTable("A1", ["xAI"]);
  const second = await liveTable("A10", ["OpenAI"]);
  wb.setSelection("Sheet1", "C12");
  const out = await convertToValues("table", getActiveDataset());
  expect(out).toMatchObject({ status: "converted", cells: 7, spillsLeft: 0 });
  expect(wb.cell("Sheet1", "B12").formula).toBe(852e9);
  expect(String(wb.cell("Sheet1", "A10").formula)).toMatch(/^AI Deals · valuations/); // the caption
  expect(wb.cell("Sheet1", "B3").formula).toBe('=DEALS.VALUATION("xAI")');
  expect(parseRecord(wb.settings()[recordKey(first)])?.mode).toBe("live");
  expect(wb.settings()[recordKey(second)]).toBeUndefined();

  const file = newerWithXaiAt(30e9, "2026.12.01");
  const loaded = loadDataset(file);
  if (!loaded.ok) throw new Error("fixture");
  replaceActiveDataset(loaded.dataset, JSON.stringify(file));
  const refreshed = await refreshWorkbook(loaded.dataset);
  expect(refreshed.tables.map((t) => t.table)).toEqual([first]);
  expect(wb.cell("Sheet1", "B3").value).toBe(30e9);
  expect(wb.cell("Sheet1", "B12").formula).toBe(852e9);
});

test("errors stay errors, and spilled lists are left as formulas and counted", async () => {
  wb.setCell("Sheet1", "A1", '=DEALS.VALUATION("xAI","2019")');
  wb.setCell("Sheet1", "C1", '=DEALS.VALUATION_LIST("xAI")');
  const out = await convertToValues("sheet", getActiveDataset());
  expect(out).toMatchObject({ status: "converted", cells: 1, spillsLeft: 1 });
  expect(wb.cell("Sheet1", "A1")).toMatchObject({ value: "#N/A", formula: "#N/A" });
  expect(wb.cell("Sheet1", "C1").formula).toBe('=DEALS.VALUATION_LIST("xAI")');
  expect(wb.cell("Sheet1", "C2").value).toBe("2024-04"); // xAI's first valuation on record
});

test("says so when there is nothing to convert", async () => {
  await expect(convertToValues("sheet", getActiveDataset())).resolves.toEqual({
    status: "nothing",
    message: "Sheet1 has no DEALS formulas to convert.",
  });
  await liveTable("A1", ["xAI"]);
  wb.setSelection("Sheet1", "Z50");
  await expect(convertToValues("table", getActiveDataset())).resolves.toMatchObject({
    status: "nothing",
  });
});

test("a table's company cards become the names they show, never #VALUE!", async () => {
  hostWithSets(CARD_HOST);
  try {
    const planned = buildTable(getActiveDataset(), {
      kind: "valuation",
      subjects: ["OpenAI", "xAI"],
      asOf: null,
      mode: "live",
      cards: true,
    });
    if (!planned.ok) throw new Error(planned.message);
    wb.setSelection("Sheet1", "A1");
    await insertTable(planned.plan, "selection");
    expect(wb.cell("Sheet1", "A3").formula).toBe('=DEALS.COMPANY("OpenAI")');
    expect(wb.cell("Sheet1", "A3").value).toBe("#VALUE!"); // a card's basic value
    await convertToValues("sheet", getActiveDataset());
    expect(
      [wb.cell("Sheet1", "A3"), wb.cell("Sheet1", "A4")].map((c) => [c.value, c.formula])
    ).toEqual([
      ["OpenAI", "OpenAI"],
      ["xAI", "xAI"],
    ]);
  } finally {
    noOfficeHost();
  }
});

test("a card becomes its name; a card whose fields a formula reads stays a card, and says so", async () => {
  hostWithSets(CARD_HOST);
  try {
    wb.setCell("Sheet1", "A2", '=DEALS.COMPANY("OpenAI")');
    wb.setCell("Sheet1", "A3", '=DEALS.COMPANY("Anthropic")');
    wb.setCell("Sheet1", "B3", "=A3.Valuation");
    const out = await convertToValues("sheet", getActiveDataset());
    expect(out).toMatchObject({ status: "converted", cardsLeft: 1 });
    expect(wb.cell("Sheet1", "A2")).toMatchObject({ value: "OpenAI", formula: "OpenAI" });
    expect(wb.cell("Sheet1", "A3").formula).toBe('=DEALS.COMPANY("Anthropic")');
    expect(typeof wb.cell("Sheet1", "B3").value).toBe("number");
  } finally {
    noOfficeHost();
  }
});
