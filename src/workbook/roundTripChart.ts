/**
 * The round-trip chart: a native clustered bar chart beside a round-trip table, one pair per row (the
 * table's Investor and Company cells as the category labels), money in and money back side by side, most
 * circular at the top (the table's order), titled by the table's caption cell so the title follows a
 * refresh. It reads the table's cells: a refresh changes its bars without drawing it again, and it shows
 * in a workbook opened without the add-in. Three syncs (the table; the room beside it; the chart);
 * nothing is drawn over cells, charts or shapes.
 */
import { CellBlock, columnLetters, formatAddress, parseAddress } from "../core/tables/cells";
import { parseRecord, recordKey } from "./tableRecords";

export type ChartOutcome =
  | { status: "inserted"; chart: string; address: string }
  | { status: "occupied"; address: string }
  | { status: "notRoundTrip"; message: string }
  | { status: "failed"; message: string };

/** The chart covers this many columns right of the table, one empty column between. */
const CHART_COLUMNS = 8;
const GAP_COLUMNS = 1;
/** Rows: enough for every bar to have its label. */
export const chartRows = (pairs: number): number => Math.max(14, Math.ceil(pairs * 1.6) + 6);

/** The columns a round-trip table's chart reads, by header, relative to the table's first column. */
export interface ChartColumns {
  investor: number;
  company: number;
  moneyIn: number;
  moneyBack: number;
}

export function chartColumns(headers: readonly unknown[]): ChartColumns | undefined {
  const at = (h: string) => headers.findIndex((x) => String(x).toLowerCase() === h);
  const c = {
    investor: at("investor"),
    company: at("company"),
    moneyIn: at("money in"),
    moneyBack: at("money back"),
  };
  return Object.values(c).some((i) => i < 0) ? undefined : c;
}

/**
 * Points the chart's two series at the table's body: values from Money in and Money back, categories from
 * Investor and Company (both, where they sit side by side; else Company alone). Queued, no sync.
 */
export function pointChart(
  chart: Excel.Chart,
  sheet: Excel.Worksheet,
  body: CellBlock,
  columns: ChartColumns
): void {
  const column = (offset: number, width = 1) =>
    sheet.getRangeByIndexes(body.row, body.column + offset, body.rows, width);
  const categories =
    columns.company === columns.investor + 1
      ? column(columns.investor, 2)
      : column(columns.company);
  const [moneyIn, moneyBack] = [chart.series.getItemAt(0), chart.series.getItemAt(1)];
  moneyIn.setValues(column(columns.moneyIn));
  moneyBack.setValues(column(columns.moneyBack));
  moneyIn.setXAxisValues(categories);
  moneyBack.setXAxisValues(categories);
  moneyIn.name = "Money in";
  moneyBack.name = "Money back";
}

/** Inserts the chart for the round-trip table `tableName`, to its right, and records it with the table. */
export async function insertRoundTripChart(tableName: string): Promise<ChartOutcome> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItem(tableName);
    const range = table.getRange().load("address");
    const headers = table.getHeaderRowRange().load("values");
    const sheet = table.worksheet.load("name");
    const charts = sheet.charts.load(
      "items/name, items/left, items/top, items/width, items/height"
    );
    const shapes = sheet.shapes.load("items/left, items/top, items/width, items/height");
    const record = context.workbook.settings
      .getItemOrNullObject(recordKey(tableName))
      .load("value");
    await context.sync();

    const place = parseAddress(range.address);
    const columns = chartColumns(headers.values[0] ?? []);
    if (
      !place ||
      !columns ||
      record.isNullObject ||
      parseRecord(record.value)?.kind !== "roundtrip"
    )
      return {
        status: "notRoundTrip",
        message: `${tableName} is not a round-trip table the pane inserted, so it has no chart.`,
      };
    const pairs = place.rows - 1;
    // Beside the table, from its caption row down.
    const block: CellBlock = {
      sheet: place.sheet,
      row: Math.max(0, place.row - 1),
      column: place.column + place.columns + GAP_COLUMNS,
      rows: chartRows(pairs),
      columns: CHART_COLUMNS,
    };
    const area = sheet
      .getRangeByIndexes(block.row, block.column, block.rows, block.columns)
      .load("valueTypes, left, top, width, height");
    await context.sync();

    const taken = area.valueTypes.some((row) => row.some((t) => t !== "Empty"));
    const covers = [...charts.items, ...shapes.items].some(
      (c) =>
        c.left < area.left + area.width &&
        area.left < c.left + c.width &&
        c.top < area.top + area.height &&
        area.top < c.top + c.height
    );
    if (taken || covers) return { status: "occupied", address: formatAddress(block) };

    // Made from the two money columns, then each series pointed at its column explicitly.
    const moneyColumns = sheet.getRangeByIndexes(
      place.row,
      place.column + columns.moneyIn,
      place.rows,
      2
    );
    const chart = sheet.charts.add("BarClustered", moneyColumns, "Columns");
    const names = new Set(charts.items.map((c) => c.name));
    let name = `${tableName}Chart`;
    for (let n = 2; names.has(name); n++) name = `${tableName}Chart${n}`;
    chart.name = name;
    pointChart(chart, sheet, { ...place, row: place.row + 1, rows: pairs }, columns);
    // The caption above the table names the as-of date and the data version; a refresh rewrites it.
    if (place.row > 0) chart.title.setFormula(cellFormula(sheet.name, place.row - 1, place.column));
    else chart.title.text = "Round trips: money in and money back";
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.legend.position = "Bottom";
    chart.setPosition(
      sheet.getCell(block.row, block.column),
      sheet.getCell(block.row + block.rows - 1, block.column + block.columns - 1)
    );
    const kept = parseRecord(record.value);
    if (kept)
      context.workbook.settings.add(recordKey(tableName), JSON.stringify({ ...kept, chart: name }));
    await context.sync();
    return { status: "inserted", chart: name, address: formatAddress(block) };
  });
}

/** ='Sheet'!$A$1: a formula for one cell that stays put. */
function cellFormula(sheet: string, row: number, column: number): string {
  return `='${sheet.replace(/'/g, "''")}'!$${columnLetters(column)}$${row + 1}`;
}
