/**
 * After the data in use changed: every table the add-in inserted is rebuilt in place (same name and
 * place, rows added or removed as the data requires, the analyst's own columns kept), then Excel
 * recalculates fully, so every DEALS formula on every sheet answers from the new data.
 *
 * Why a full calculation: custom functions are not volatile, so Excel keeps their results until an
 * input changes; CalculationType.full marks every formula dirty, including cells that hold an error,
 * which an ordinary recalculation would leave as they are.
 *
 * Three syncs whatever the number of tables (four for the selected table: one more to find it): read the
 * records and which tables exist; read each table's place, headers and the rows below it; write
 * everything and recalculate. A table that would have to
 * grow into the analyst's cells is left as it was, and the outcome says so.
 */
import { Dataset } from "../core/dataset";
import { CellBlock, SheetCell, formatAddress, overlaps, parseAddress } from "../core/tables/cells";
import { buildTable } from "../core/tables/dealTables";
import { TablePlan } from "../core/tables/tablePlan";
import { dataVersion } from "../core/formulas";
import { RECORD_PREFIX, TableRecord, parseRecord, recordKey } from "./tableRecords";

export const LAST_REFRESH_KEY = "aiDeals.lastRefresh";

export type TableOutcome =
  | { table: string; status: "rebuilt"; rows: number; address: string }
  | {
      table: string;
      status: "blocked" | "missing" | "changedByUser" | "notBuilt";
      message: string;
    };

export interface WorkbookOutcome {
  tables: TableOutcome[];
  version: string;
}

interface Found {
  record: TableRecord;
  plan: TablePlan;
  table: Excel.Table;
  range: Excel.Range;
  headers: Excel.Range;
  below: Excel.Range;
}

/**
 * "workbook": every inserted table; "selectedTable": only the inserted table at the selected cell (the
 * others keep their rows). Either way every DEALS formula recalculates: there is one dataset in use.
 */
export type RefreshScope = "workbook" | "selectedTable";

export async function refreshWorkbook(
  ds: Dataset,
  now: Date = new Date(),
  scope: RefreshScope = "workbook"
): Promise<WorkbookOutcome> {
  return Excel.run(async (context) => {
    const wb = context.workbook;
    // 1: the records, the tables that exist, and (for one table) the selected cell.
    const settings = wb.settings.load("items/key, items/value");
    const tables = wb.tables.load("items/name");
    const selected =
      scope === "selectedTable" ? wb.getSelectedRange().getCell(0, 0).load("address") : undefined;
    await context.sync();

    let only: string | undefined;
    if (selected) {
      const ranges = tables.items.map((t) => ({
        name: t.name,
        range: t.getRange().load("address"),
      }));
      await context.sync();
      const at = parseAddress(selected.address);
      only = ranges.find((r) => {
        const block = parseAddress(r.range.address);
        return at !== undefined && block !== undefined && overlaps(at, block);
      })?.name;
      if (only === undefined)
        return {
          tables: [
            {
              table: "",
              status: "missing",
              message:
                "The selected cell is not in a table: select a cell of a table the pane inserted.",
            },
          ],
          version: dataVersion(ds),
        };
    }

    const outcomes: TableOutcome[] = [];
    const found: Found[] = [];
    const names = new Set(tables.items.map((t) => t.name.toLowerCase()));
    for (const setting of settings.items) {
      if (!setting.key.startsWith(RECORD_PREFIX)) continue;
      const record = parseRecord(setting.value);
      if (!record) continue;
      if (only !== undefined && record.table.toLowerCase() !== only.toLowerCase()) continue;
      if (!names.has(record.table.toLowerCase())) {
        outcomes.push({
          table: record.table,
          status: "missing",
          message: `${record.table} is no longer in the workbook (deleted or renamed); insert it again from the pane.`,
        });
        continue;
      }
      const planned = buildTable(ds, record);
      if (!planned.ok) {
        outcomes.push({ table: record.table, status: "notBuilt", message: planned.message });
        continue;
      }
      // 2: each table's place and headers, and as many rows below it as the new data could need.
      const table = wb.tables.getItem(record.table);
      const range = table.getRange().load("address, rowCount, columnCount");
      const headers = table.getHeaderRowRange().load("values");
      const below = range
        .getRowsBelow(Math.max(1, planned.plan.bodyRows))
        .load("valueTypes, address");
      found.push({ record, plan: planned.plan, table, range, headers, below });
    }
    const others = tables.items.map((t) => t.getRange().load("address"));
    await context.sync();

    // 3: rebuild what can be rebuilt, record it, recalculate everything.
    const otherBlocks = others.map((r) => parseAddress(r.address));
    for (const f of found) outcomes.push(rebuild(f, otherBlocks, ds));
    wb.settings.add(
      LAST_REFRESH_KEY,
      JSON.stringify({ version: dataVersion(ds), at: now.toISOString() })
    );
    wb.application.calculate(Excel.CalculationType.full);
    await context.sync();
    return { tables: outcomes, version: dataVersion(ds) };
  });
}

/** Queues one table's rebuild, or says why it is left as it was. */
function rebuild(f: Found, otherTables: (CellBlock | undefined)[], ds: Dataset): TableOutcome {
  const name = f.record.table;
  const place = parseAddress(f.range.address);
  if (!place)
    return { table: name, status: "changedByUser", message: `${name}: unreadable address.` };
  const headers = (f.headers.values[0] ?? []).map((h) => String(h).toLowerCase());
  const columnOf = f.plan.columns.map((c) => headers.indexOf(c.header.toLowerCase()));
  const lost = f.plan.columns.filter((_, i) => columnOf[i] === -1).map((c) => c.header);
  if (lost.length > 0)
    return {
      table: name,
      status: "changedByUser",
      message: `${name} no longer has the column${lost.length > 1 ? "s" : ""} ${lost.join(", ")}; it was left as it is. Insert a new table from the pane.`,
    };

  const oldRows = place.rows - 1;
  const newRows = f.plan.bodyRows;
  const sheet = f.table.worksheet;
  if (newRows > oldRows) {
    const growth: CellBlock = { ...place, row: place.row + place.rows, rows: newRows - oldRows };
    const occupied = f.below.valueTypes
      .slice(0, growth.rows)
      .some((row) => row.some((t) => t !== "Empty"));
    const inTheWay = otherTables.some((b) => b !== undefined && overlaps(growth, b));
    if (occupied || inTheWay)
      return {
        table: name,
        status: "blocked",
        message: `${name} needs ${growth.rows} more row${growth.rows > 1 ? "s" : ""} at ${formatAddress(growth)}, which hold${growth.rows > 1 ? "" : "s"} data; nothing was changed. Move what is below the table, then refresh again.`,
      };
  }
  if (newRows !== oldRows) {
    f.table.resize(formatAddress({ ...place, rows: newRows + 1 }));
    // Rows the table gave up become plain cells again: clear them, they held its old rows.
    if (newRows < oldRows)
      sheet
        .getRangeByIndexes(
          place.row + 1 + Math.max(newRows, 1),
          place.column,
          oldRows - Math.max(newRows, 1),
          place.columns
        )
        .clear();
  }

  // Caption row above the header (when the table still has one), then each of our columns by its header.
  const cells = f.plan.cellsAt({ row: place.row - 1, column: place.column });
  if (place.row > 0) {
    const caption = sheet.getRangeByIndexes(place.row - 1, place.column, 1, 1);
    caption.numberFormat = [["General"]];
    caption.formulas = [[cells[0]?.[0] ?? ""]];
  }
  // A plan always has a row (an empty one is refused as "notBuilt"), so each column has a body to write.
  f.plan.columns.forEach((spec, i) => {
    const target = sheet.getRangeByIndexes(
      place.row + 1,
      place.column + (columnOf[i] as number),
      newRows,
      1
    );
    target.numberFormat = cells.slice(2).map(() => [spec.format]);
    target.formulas = cells.slice(2).map((row): SheetCell[] => [row[i] ?? ""]);
  });
  const record: TableRecord = { ...f.record, dataVersion: dataVersion(ds) };
  f.table.context.workbook.settings.add(recordKey(name), JSON.stringify(record));
  return {
    table: name,
    status: "rebuilt",
    rows: newRows,
    address: formatAddress({ ...place, rows: newRows + 1 }),
  };
}
