/**
 * "Convert to values", for sending a workbook to someone without the add-in: every DEALS formula of the
 * active sheet (or of the table at the selected cell) is replaced by the value it shows, and a note below
 * the sheet's content says which dataset version the values come from and where their sources are.
 * Converted tables are frozen at that version: their records are removed, so no refresh rewrites them.
 * Spilled lists are left as formulas (converting the formula cell alone would collapse them) and counted.
 * Two syncs (three for a table): find; write.
 */
import { Dataset } from "../core/dataset";
import { dataVersion } from "../core/formulas";
import { CellBlock, a1, formatAddress, overlaps, parseAddress, text } from "../core/tables/cells";
import { RECORD_PREFIX, parseRecord } from "./tableRecords";

export type ConvertScope = "sheet" | "table";

export type ConvertOutcome =
  | {
      status: "converted";
      cells: number;
      sheet: string;
      note?: string;
      spillsLeft: number;
      /** Cards left as formulas because formulas read their fields (=B3.Valuation would break). */
      cardsLeft: number;
    }
  | { status: "nothing"; message: string };

/** Excel's error values: written back as they are, they stay errors (and never become text). */
const ERROR_VALUES = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#BLOCKED!",
  "#CONNECT!",
  "#FIELD!",
  "#UNKNOWN!",
]);
/** Still computing: converting now would freeze a placeholder. */
const PENDING = new Set(["#BUSY!", "#GETTING_DATA"]);
/** Functions whose result spills into the cells around them: converting the formula cell alone would
 * collapse the list, so they are left as formulas and reported. */
const SPILLING = /DEALS\.(DEAL_LIST|VALUATION_LIST)\s*\(/i;
/**
 * A card's basic value is #VALUE! while the cell shows its name or title: a DEALS cell whose value is
 * #VALUE! but whose text is not is a card (also wrapped: =IFERROR(DEALS.DEAL(…),"")). What it shows is kept.
 */
const isCard = (value: unknown, shown: string): boolean =>
  value === "#VALUE!" && shown !== "#VALUE!";

/** Cells of the sheet that formulas read by dot syntax (=B3.Valuation): converting them would break those. */
function dotReferenced(formulas: unknown[][]): Set<string> {
  const read = new Set<string>();
  for (const row of formulas)
    for (const f of row) {
      if (typeof f !== "string" || !f.startsWith("=")) continue;
      for (const m of f.matchAll(/(?<![A-Za-z0-9_$!.])\$?([A-Z]{1,3})\$?(\d+)\.(?=[A-Za-z_[])/g))
        read.add(`${m[1]}${m[2]}`);
    }
  return read;
}

export async function convertToValues(
  scope: ConvertScope,
  ds: Dataset,
  now: Date = new Date()
): Promise<ConvertOutcome> {
  return Excel.run(async (context) => {
    const wb = context.workbook;
    const sheet = wb.worksheets.getActiveWorksheet().load("name");
    const found = sheet.findAllOrNullObject("DEALS.", { completeMatch: false, matchCase: false });
    found.load("areas/items/address, areas/items/formulas, areas/items/values, areas/items/text");
    const selected = wb.getSelectedRange().getCell(0, 0).load("address");
    const tables = sheet.tables.load("items/name");
    const settings = wb.settings.load("items/key, items/value");
    const used = sheet.getUsedRangeOrNullObject(true).load("address, formulas");
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
      const block = parseAddress(hit.range.address);
      // The table and its caption row above it (a live caption is a DEALS formula too).
      within =
        block && block.row > 0 ? { ...block, row: block.row - 1, rows: block.rows + 1 } : block;
      tableName = hit.name;
    }

    let cells = 0;
    let spillsLeft = 0;
    let cardsLeft = 0;
    const readByDots = used.isNullObject ? new Set<string>() : dotReferenced(used.formulas);
    const pending = found.areas.items.some((a) =>
      a.values.some((row) => row.some((v) => typeof v === "string" && PENDING.has(v)))
    );
    if (pending)
      return {
        status: "nothing",
        message:
          "Some DEALS formulas are still calculating (#BUSY!). Wait a moment, then convert again.",
      };
    for (const area of found.areas.items) {
      const block = parseAddress(area.address);
      if (!block || (within && !overlaps(block, within))) continue;
      // One cell at a time: an area may reach outside the table, and only its DEALS cells change.
      area.values.forEach((row, r) =>
        row.forEach((value, c) => {
          const formula = String(area.formulas[r]?.[c] ?? "");
          const at = {
            ...block,
            row: block.row + r,
            column: block.column + c,
            rows: 1,
            columns: 1,
          };
          if (!/DEALS\./i.test(formula) || (within && !overlaps(at, within))) return;
          if (SPILLING.test(formula)) {
            spillsLeft++;
            return;
          }
          // What the cell showed, written so Excel keeps it as shown: text stays text, errors stay errors.
          const shownText = String(area.text[r]?.[c] ?? "");
          const card = isCard(value, shownText);
          if (card && readByDots.has(a1(at.row, at.column))) {
            cardsLeft++;
            return;
          }
          cells++;
          const shown = card
            ? text(shownText)
            : typeof value === "string" && !ERROR_VALUES.has(value)
              ? text(value)
              : value;
          area.getCell(r, c).formulas = [[shown as string | number | boolean]];
        })
      );
    }
    if (cells === 0 && spillsLeft > 0)
      return {
        status: "nothing",
        message: `Only spilled lists (DEALS.DEAL_LIST, DEALS.VALUATION_LIST) are there: copy them and paste as values.`,
      };
    if (cells === 0)
      return {
        status: "nothing",
        message: `The table ${tableName ?? ""} has no DEALS formulas left.`,
      };

    // Converted tables are frozen at this version: their records go, so no refresh rewrites them.
    const converted = new Set(tableName ? [tableName] : tables.items.map((t) => t.name));
    for (const s of settings.items) {
      if (!s.key.startsWith(RECORD_PREFIX)) continue;
      const record = parseRecord(s.value);
      if (record && converted.has(record.table)) s.delete();
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
    return { status: "converted", cells, sheet: sheet.name, note, spillsLeft, cardsLeft };
  });
}
