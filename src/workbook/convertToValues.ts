/**
 * "Convert to values", for sending a workbook to someone without the add-in: every DEALS formula of the
 * active sheet (or of the table at the selected cell) is replaced by the value it shows, and a note below
 * the sheet's content says which dataset version the values come from and where their sources are.
 * Converted tables are recorded as values, so a later refresh rewrites them as values, not formulas.
 * Two syncs: find; write.
 */
import { Dataset } from "../core/dataset";
import { dataVersion } from "../core/formulas";
import { CellBlock, formatAddress, overlaps, parseAddress, text } from "../core/tables/cells";
import { RECORD_PREFIX, parseRecord } from "./tableRecords";

export type ConvertScope = "sheet" | "table";

export type ConvertOutcome =
  | { status: "converted"; cells: number; sheet: string; note?: string }
  | { status: "nothing"; message: string };

const ERROR_VALUES = new Set(["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!"]);

export async function convertToValues(
  scope: ConvertScope,
  ds: Dataset,
  now: Date = new Date()
): Promise<ConvertOutcome> {
  return Excel.run(async (context) => {
    const wb = context.workbook;
    const sheet = wb.worksheets.getActiveWorksheet().load("name");
    const found = sheet.findAllOrNullObject("DEALS.", { completeMatch: false, matchCase: false });
    found.load("areas/items/address, areas/items/formulas, areas/items/values");
    const selected = wb.getSelectedRange().getCell(0, 0).load("address");
    const tables = sheet.tables.load("items/name");
    const settings = wb.settings.load("items/key, items/value");
    const used = sheet.getUsedRangeOrNullObject(true).load("address");
    await context.sync();

    if (found.isNullObject)
      return { status: "nothing", message: `${sheet.name} has no DEALS formulas to convert.` };
    let within: CellBlock | undefined;
    let tableName: string | undefined;
    if (scope === "table") {
      const at = parseAddress(selected.address);
      const ranges = tables.items.map((t) => ({
        name: t.name,
        range: t.getRange().load("address"),
      }));
      await context.sync();
      const hit = ranges.find((r) => {
        const block = parseAddress(r.range.address);
        return at !== undefined && block !== undefined && overlaps(at, block);
      });
      if (!hit)
        return {
          status: "nothing",
          message: "Select a cell inside the table to convert, then try again.",
        };
      within = parseAddress(hit.range.address);
      tableName = hit.name;
    }

    let cells = 0;
    for (const area of found.areas.items) {
      const block = parseAddress(area.address);
      if (within && (!block || !overlaps(block, within))) continue;
      area.formulas = area.values.map((row, r) =>
        row.map((value, c) => {
          const formula = String(area.formulas[r]?.[c] ?? "");
          if (!/DEALS\./i.test(formula)) return area.formulas[r]?.[c] as string | number;
          cells++;
          // What the cell showed, written so Excel keeps it as shown: text stays text, errors stay errors.
          return typeof value === "string" && !ERROR_VALUES.has(value) ? text(value) : value;
        })
      );
    }
    if (cells === 0)
      return {
        status: "nothing",
        message: `The table ${tableName ?? ""} has no DEALS formulas left.`,
      };

    // The records of converted tables become "values": a refresh must not bring the formulas back.
    const converted = new Set(tableName ? [tableName] : tables.items.map((t) => t.name));
    for (const s of settings.items) {
      if (!s.key.startsWith(RECORD_PREFIX)) continue;
      const record = parseRecord(s.value);
      if (record && converted.has(record.table) && record.mode === "live")
        wb.settings.add(s.key, JSON.stringify({ ...record, mode: "values" }));
    }

    // The note goes two rows below everything on the sheet: nothing of the analyst's is written over.
    const content = parseAddress(used.isNullObject ? `${sheet.name}!A1` : used.address);
    let note: string | undefined;
    if (content) {
      const noteBlock = { ...content, row: content.row + content.rows + 1, rows: 1, columns: 1 };
      const cell = sheet.getRangeByIndexes(noteBlock.row, noteBlock.column, 1, 1);
      cell.numberFormat = [["General"]];
      cell.formulas = [
        [
          text(
            `Values from AI Deals data ${dataVersion(ds)}, converted from DEALS formulas on ${now.toISOString().slice(0, 10)}` +
              `${tableName ? ` (table ${tableName})` : ""}. Each figure's source and quoted sentence are in the dataset of that version; tables list them in their Source column.`
          ),
        ],
      ];
      cell.format.font.italic = true;
      note = formatAddress({ ...noteBlock, sheet: sheet.name });
    }
    await context.sync();
    return { status: "converted", cells, sheet: sheet.name, note };
  });
}
