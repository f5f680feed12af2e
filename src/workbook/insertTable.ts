/**
 * Writes a planned table into the workbook: a caption row, then a real Excel table (header, banded rows,
 * a name that says what it is) with number formats and readable widths, recorded in the workbook's
 * settings. Follows the Excel API's performance guidance: at most 3 context.sync() calls whatever the row
 * count (find the place; check it is empty; write everything), plus one per extra ~4 MB of cells.
 * Never writes over anything: an occupied target is reported and nothing is changed.
 */
import { SheetCell, formatAddress, overlaps, parseAddress } from "../core/tables/cells";
import { uniqueSheetName, uniqueTableName } from "../core/tables/excelNames";
import { TablePlan } from "../core/tables/tablePlan";
import { chunkRows, jsonBytes } from "./requestSize";
import { TableRecord, recordKey } from "./tableRecords";

export type Placement = "selection" | "newSheet";

export type InsertOutcome =
  | { status: "inserted"; table: string; sheet: string; address: string }
  | { status: "occupied"; sheet: string; address: string }
  | { status: "noRoom"; sheet: string; address: string };

/** Excel's grid: 1,048,576 rows × 16,384 columns. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const TABLE_STYLE = "TableStyleMedium2";

interface Target {
  sheet: Excel.Worksheet;
  sheetName: string;
  row: number;
  column: number;
}

export async function insertTable(
  plan: TablePlan,
  placement: Placement,
  now: Date = new Date()
): Promise<InsertOutcome> {
  return Excel.run(async (context) => {
    const wb = context.workbook;

    // 1: where the table goes, and the names already taken.
    const tables = wb.tables.load("items/name");
    const names = wb.names.load("items/name");
    const sheets = wb.worksheets.load("items/name");
    const anchor = placement === "selection" ? wb.getSelectedRange().getCell(0, 0) : undefined;
    anchor?.load("rowIndex, columnIndex");
    anchor?.worksheet.load("name");
    await context.sync();

    const takenTables = [...tables.items, ...names.items].map((t) => t.name);
    const tableName = uniqueTableName(plan.baseTableName, takenTables);
    let target: Target;
    let widths: number[] | undefined;
    if (anchor) {
      const sheet = anchor.worksheet;
      target = { sheet, sheetName: sheet.name, row: anchor.rowIndex, column: anchor.columnIndex };
      const wanted = { ...target, sheet: target.sheetName, rows: plan.height, columns: plan.width };
      const address = formatAddress(wanted);
      if (target.row + plan.height > MAX_ROWS || target.column + plan.width > MAX_COLUMNS)
        return { status: "noRoom", sheet: target.sheetName, address };

      // 2: is every cell of the block empty (no value, no formula), and is it clear of other tables
      // (an empty table body has no values but is still someone's table)?
      const block = sheet.getRangeByIndexes(target.row, target.column, plan.height, plan.width);
      block.load("valueTypes");
      const tableRanges = tables.items.map((t) => t.getRange().load("address"));
      const columns = plan.columns.map((_, i) => block.getColumn(i).load("format/columnWidth"));
      await context.sync();
      const inTheWay = tableRanges.some((r) => {
        const other = parseAddress(r.address);
        return other !== undefined && overlaps(wanted, other);
      });
      const occupied = block.valueTypes.some((row) => row.some((t) => t !== "Empty"));
      if (inTheWay || occupied) return { status: "occupied", sheet: target.sheetName, address };
      widths = columns.map((c) => c.format.columnWidth);
    } else {
      const sheetName = uniqueSheetName(
        plan.baseSheetName,
        sheets.items.map((s) => s.name)
      );
      target = { sheet: wb.worksheets.add(sheetName), sheetName, row: 0, column: 0 };
    }

    // 3: everything else in one request (more only when the cells exceed the request budget). The table
    // is made first: if Excel refuses it, nothing else of this request has been written.
    const cells = plan.cellsAt({ row: target.row, column: target.column });
    const formats = plan.columns.map((c) => c.format);
    const body = cells.slice(2);
    const chunks = chunkRows(
      body.map((row) => jsonBytes(row) + jsonBytes(formats)),
      undefined,
      jsonBytes(cells.slice(0, 2)) + 4096
    );
    const { sheet, row, column } = target;
    const table = sheet.tables.add(
      sheet.getRangeByIndexes(row + 1, column, plan.bodyRows + 1, plan.width),
      true
    );
    table.name = tableName;
    table.style = TABLE_STYLE;
    table.showBandedRows = true;
    // General first: in a cell formatted as Text, a formula would be kept as text.
    const top = sheet.getRangeByIndexes(row, column, 2, plan.width);
    top.numberFormat = [0, 1].map(() => plan.columns.map(() => "General"));
    top.formulas = [cells[0] ?? [], cells[1] ?? []];
    const caption = sheet.getRangeByIndexes(row, column, 1, 1);
    caption.format.font.bold = true;
    caption.format.font.color = "#424242";
    plan.columns.forEach((spec, i) => {
      // Widen to fit, never narrow a column the analyst set wider.
      const current = widths?.[i];
      if (current === undefined || current < spec.width)
        sheet.getRangeByIndexes(row, column + i, 1, 1).format.columnWidth = spec.width;
    });
    const record: TableRecord = {
      ...plan.request,
      subjects: [...plan.request.subjects],
      table: tableName,
      sheet: target.sheetName,
      dataVersion: plan.dataVersion,
      insertedAt: now.toISOString(),
    };
    wb.settings.add(recordKey(tableName), JSON.stringify(record));

    const written = table.getRange();
    written.load("address");
    for (const [i, [start, end]] of chunks.entries()) {
      // Only a table over ~4 MB gets here twice: Excel on the web refuses requests over 5 MB.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      if (i > 0) await context.sync();
      writeBody(sheet, row + 2 + start, column, body.slice(start, end), formats);
    }
    if (placement === "newSheet") sheet.activate();
    sheet.getRangeByIndexes(row, column, 1, 1).select();
    await context.sync();
    return {
      status: "inserted",
      table: tableName,
      sheet: target.sheetName,
      address: written.address,
    };
  });
}

function writeBody(
  sheet: Excel.Worksheet,
  row: number,
  column: number,
  rows: SheetCell[][],
  formats: string[]
): void {
  if (rows.length === 0) return;
  const range = sheet.getRangeByIndexes(row, column, rows.length, formats.length);
  // Formats first: in a cell formatted as Text, a formula would be kept as text.
  range.numberFormat = rows.map(() => formats);
  range.formulas = rows;
}
