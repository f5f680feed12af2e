/**
 * Brings the workbook to the dataset in use: every table the add-in inserted is rebuilt in place (same
 * name and place, rows added or removed as the data requires, the analyst's own columns kept), and
 * every DEALS formula on every sheet answers from the data.
 *
 * How formulas follow: custom functions are not volatile, so Excel keeps their results until an input
 * changes. Each DEALS formula is entered again (that calls its function anew, even in a cell showing an
 * error, which a full calculation skips: office-js issues 4502, 4185, 6611), then Excel calculates fully
 * so everything that depends on them follows.
 *
 * Four syncs whatever the number of tables (one more to find the selected table): the records and the
 * sheets; each table's place, rows and headers and the rows below it; the captions above the tables and
 * the DEALS formulas of every sheet; then all the writes and the calculation.
 * A table that would have to grow into the analyst's cells is left as it was, and the outcome says so.
 */
import { Dataset } from "../core/dataset";
import { dataVersion } from "../core/formulas";
import { CellBlock, SheetCell, formatAddress, overlaps, parseAddress } from "../core/tables/cells";
import { buildTable } from "../core/tables/dealTables";
import { TablePlan } from "../core/tables/tablePlan";
import { chartColumns, pointChart } from "./roundTripChart";
import { RECORD_PREFIX, TableRecord, parseRecord, recordKey } from "./tableRecords";

export const LAST_REFRESH_KEY = "aiDeals.lastRefresh";
/** How a caption the add-in wrote starts: only such a caption is rewritten. */
const CAPTION_START = "AI Deals · ";

export type TableOutcome =
  | { table: string; status: "rebuilt"; rows: number; address: string }
  | {
      table: string;
      status: "blocked" | "missing" | "changedByUser" | "notBuilt";
      message: string;
    };

export interface WorkbookOutcome {
  tables: TableOutcome[];
  /** DEALS formulas entered again outside the rebuilt tables. */
  formulas: number;
  version: string;
  /** Flow maps redrawn (rows: their pairs) or left as they were, each named by its sheet. */
  maps?: TableOutcome[];
}

/**
 * "workbook": every inserted table; "selectedTable": only the inserted table at the selected cell (the
 * others keep their rows). Either way every DEALS formula follows: there is one dataset in use.
 */
export type RefreshScope = "workbook" | "selectedTable";

interface Found {
  record: TableRecord;
  plan: TablePlan;
  table: Excel.Table;
  range: Excel.Range;
  body: Excel.Range;
  headers: Excel.Range;
  below: Excel.Range;
  /** A round-trip table's chart, if it still has one. */
  chart?: Excel.Chart;
}

interface Ready {
  found: Found;
  place: CellBlock;
  offsets: number[];
  caption?: Excel.Range;
}

export async function refreshWorkbook(
  ds: Dataset,
  now: Date = new Date(),
  scope: RefreshScope = "workbook"
): Promise<WorkbookOutcome> {
  return Excel.run(async (context) => {
    const wb = context.workbook;
    const version = dataVersion(ds);
    // 1: the records, the tables and sheets there are, and (for one table) the selected cell.
    const settings = wb.settings.load("items/key, items/value");
    const tables = wb.tables.load("items/name");
    const sheets = wb.worksheets.load("items/name");
    const selected =
      scope === "selectedTable" ? wb.getSelectedRange().getCell(0, 0).load("address") : undefined;
    await context.sync();

    const outcomes: TableOutcome[] = [];
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
        outcomes.push({
          table: "",
          status: "missing",
          message:
            "The selected cell is not in a table: select a cell of a table the pane inserted.",
        });
    }

    // 2: each table's place, rows and headers, and as many rows below it as the new data could need.
    const found: Found[] = [];
    const names = new Set(tables.items.map((t) => t.name.toLowerCase()));
    for (const setting of settings.items) {
      if (!setting.key.startsWith(RECORD_PREFIX) || (selected && only === undefined)) continue;
      const record = parseRecord(setting.value);
      if (!record || (only !== undefined && record.table.toLowerCase() !== only.toLowerCase()))
        continue;
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
      const table = wb.tables.getItem(record.table);
      const range = table.getRange().load("address");
      const body = table.getDataBodyRange().load("rowCount, text");
      const headers = table.getHeaderRowRange().load("values");
      const below = range.getRowsBelow(Math.max(1, planned.plan.bodyRows)).load("valueTypes");
      const chart =
        record.chart === undefined
          ? undefined
          : table.worksheet.charts.getItemOrNullObject(record.chart).load("name, series/count");
      found.push({ record, plan: planned.plan, table, range, body, headers, below, chart });
    }
    const others = tables.items.map((t) => t.getRange().load("address"));
    await context.sync();

    // 3: the captions above the tables that can be rebuilt, and every sheet's DEALS formulas.
    const otherBlocks = others.map((r) => parseAddress(r.address));
    const ready: Ready[] = [];
    for (const f of found) {
      const checked = check(f, otherBlocks);
      if ("status" in checked) outcomes.push(checked);
      else {
        const caption =
          checked.place.row > 0
            ? f.table.worksheet
                .getRangeByIndexes(checked.place.row - 1, checked.place.column, 1, 1)
                .load("values, formulas")
            : undefined;
        ready.push({ found: f, ...checked, caption });
      }
    }
    const formulaCells = sheets.items.map((sheet) => {
      const deals = sheet.findAllOrNullObject("DEALS.", { completeMatch: false, matchCase: false });
      deals.load("areas/items/address, areas/items/formulas, areas/items/values");
      return deals;
    });
    await context.sync();

    // 4: rebuild, enter the other DEALS formulas again, record the refresh, calculate.
    const rebuilt: CellBlock[] = [];
    for (const r of ready) {
      const outcome = rebuild(r, ds);
      outcomes.push(outcome);
      if (outcome.status === "rebuilt")
        rebuilt.push({ ...r.place, row: r.place.row - 1, rows: r.place.rows + 1 });
    }
    let formulas = 0;
    for (const found of formulaCells) {
      if (found.isNullObject) continue;
      for (const area of found.areas.items) {
        const block = parseAddress(area.address);
        if (!block || rebuilt.some((b) => overlaps(b, block))) continue;
        // Entering the same formulas again is what makes Excel call the functions anew. Only cells that
        // hold a DEALS formula are written; every other cell of the area gets null, which leaves it as it
        // is. Text that merely mentions "DEALS." (a note, a converted value) must never be written back:
        // range.formulas gives text without its ' marker ("=LEN(…)" for the text '=LEN(…)), so it would
        // come back as a formula. A text cell's formula is its value; a formula's value is its result.
        let dealsFormulas = 0;
        const again = area.formulas.map((row, r) =>
          row.map((f, c) => {
            const isDealsFormula =
              typeof f === "string" &&
              f.startsWith("=") &&
              /DEALS\./i.test(f) &&
              area.values[r]?.[c] !== f;
            if (isDealsFormula) dealsFormulas++;
            return isDealsFormula ? f : null;
          })
        );
        if (dealsFormulas === 0) continue;
        area.formulas = again; // null: "leave this cell", as Excel documents
        formulas += dealsFormulas;
      }
    }
    wb.settings.add(LAST_REFRESH_KEY, JSON.stringify({ version, at: now.toISOString() }));
    wb.application.calculate(Excel.CalculationType.full);
    await context.sync();
    return { tables: outcomes, formulas, version };
  });
}

/** Whether a table can be rebuilt, and where its columns are now; or why it is left as it was. */
function check(
  f: Found,
  otherTables: (CellBlock | undefined)[]
): { place: CellBlock; offsets: number[] } | Exclude<TableOutcome, { status: "rebuilt" }> {
  const name = f.record.table;
  const place = parseAddress(f.range.address);
  if (!place)
    return { table: name, status: "changedByUser", message: `${name}: unreadable address.` };
  const headers = (f.headers.values[0] ?? []).map((h) => String(h).toLowerCase());
  const offsets = f.plan.columns.map((c) => headers.indexOf(c.header.toLowerCase()));
  const lost = f.plan.columns.filter((_, i) => offsets[i] === -1).map((c) => c.header);
  if (lost.length > 0)
    return {
      table: name,
      status: "changedByUser",
      message: `${name} no longer has the column${lost.length > 1 ? "s" : ""} ${lost.join(", ")}; it was left as it is. Insert a new table from the pane.`,
    };

  // The analyst's own columns hold notes per row: if the rows would no longer be the same companies
  // in the same order, their notes would sit beside the wrong company. Refuse rather than misalign.
  const ownColumns = headers.length > f.plan.columns.length;
  // A row is known by its Investor and Company cells as they show (a company card shows its name).
  const labelColumns = f.plan.columns
    .map((c, i) => (/^(company|investor)$/i.test(c.header) ? i : -1))
    .filter((i) => i >= 0);
  const keysNow = f.body.text.map((row) =>
    labelColumns.map((i) => String(row[offsets[i] as number] ?? "")).join("|")
  );
  const keysNext = f.plan.rowKeys;
  if (ownColumns && keysNow.join("\n") !== keysNext.join("\n"))
    return {
      table: name,
      status: "changedByUser",
      message: `${name}: the new data changes its rows, and the columns you added would no longer line up with them; it was left as it is. Copy your columns elsewhere, or insert a new table from the pane.`,
    };

  const oldRows = f.body.rowCount;
  const newRows = f.plan.bodyRows;
  if (newRows > oldRows) {
    const growth: CellBlock = { ...place, row: place.row + 1 + oldRows, rows: newRows - oldRows };
    const occupied = f.below.valueTypes
      .slice(0, growth.rows)
      .some((row) => row.some((t) => t !== "Empty"));
    const inTheWay = otherTables.some((b) => b !== undefined && overlaps(growth, b));
    if (occupied || inTheWay)
      return {
        table: name,
        status: "blocked",
        message: `${name} needs ${growth.rows} more row${growth.rows > 1 ? "s" : ""} at ${formatAddress(growth)}, which hold${growth.rows > 1 ? "" : "s"} data; nothing was changed. Clear those cells, then press Refresh data again.`,
      };
  }
  return { place: { ...place, rows: oldRows + 1 }, offsets: offsets as number[] };
}

/** Queues one table's rebuild. */
function rebuild(r: Ready, ds: Dataset): TableOutcome {
  const { found: f, place, offsets } = r;
  const name = f.record.table;
  const oldRows = place.rows - 1;
  const newRows = f.plan.bodyRows;
  const sheet = f.table.worksheet;
  if (newRows !== oldRows) {
    f.table.resize(formatAddress({ ...place, rows: newRows + 1 }));
    // Rows the table gave up become plain cells again: clear them, they held its old rows.
    if (newRows < oldRows)
      sheet
        .getRangeByIndexes(place.row + 1 + newRows, place.column, oldRows - newRows, place.columns)
        .clear();
  }
  const cells = f.plan.cellsAt({ row: place.row - 1, column: place.column }, offsets);
  // The caption above the header, only where it is still the add-in's (never an analyst's own title).
  const caption = r.caption;
  if (caption) {
    const shown = String(caption.values[0]?.[0] ?? "");
    const formula = String(caption.formulas[0]?.[0] ?? "");
    if (shown.startsWith(CAPTION_START) || formula.includes(`"${CAPTION_START}`)) {
      caption.numberFormat = [["General"]];
      caption.formulas = [[cells[0]?.[0] ?? ""]];
    }
  }
  // A plan always has a row (an empty one is refused as "notBuilt"), so each column has a body to write.
  f.plan.columns.forEach((spec, i) => {
    const target = sheet.getRangeByIndexes(
      place.row + 1,
      place.column + (offsets[i] as number),
      newRows,
      1
    );
    target.numberFormat = cells.slice(2).map(() => [spec.format]);
    target.formulas = cells.slice(2).map((row): SheetCell[] => [row[i] ?? ""]);
  });
  // The chart keeps its place and look; only its bars move to the rows the table has now.
  const columns = chartColumns(f.headers.values[0] ?? []);
  // A chart the analyst reshaped (a series deleted) is theirs now: left as it is.
  if (f.chart && !f.chart.isNullObject && f.chart.series.count >= 2 && columns)
    pointChart(f.chart, sheet, { ...place, row: place.row + 1, rows: newRows }, columns);
  const record: TableRecord = { ...f.record, dataVersion: dataVersion(ds) };
  f.table.context.workbook.settings.add(recordKey(name), JSON.stringify(record));
  return {
    table: name,
    status: "rebuilt",
    rows: newRows,
    address: formatAddress({ ...place, rows: newRows + 1 }),
  };
}
