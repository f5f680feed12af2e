/**
 * Charts on worksheets, as Excel keeps them: a type, a position in points, a title (text, or a formula
 * pointing at one cell, whose value it then shows), and series, each reading its values and its category
 * labels from ranges. Excel's rules the add-in must meet: a known chart type; a series' values one row or
 * one column; a title formula one cell; chart names unique on their sheet.
 */
import type { CellRect } from "./addresses";
import { fail } from "./errors";
import type { RangeRef } from "./model";

/** Excel.ChartType values the fake accepts (the common ones; others are refused as unknown here). */
export const CHART_TYPES = new Set([
  "BarClustered",
  "BarStacked",
  "ColumnClustered",
  "ColumnStacked",
  "Line",
  "LineMarkers",
  "Pie",
  "XYScatter",
  "Area",
]);

export interface SeriesModel {
  name: string;
  values: RangeRef;
  xValues?: RangeRef;
}

export interface ChartModel {
  id: number;
  sheetId: number;
  name: string;
  type: string;
  left: number;
  top: number;
  width: number;
  height: number;
  title: { text: string; formula?: RangeRef };
  reversePlotOrder: boolean;
  legend: { visible: boolean; position: string };
  series: SeriesModel[];
}

const isLine = (r: CellRect): boolean => r.rowCount === 1 || r.columnCount === 1;

export class Charts {
  readonly list: ChartModel[] = [];
  private nextId = 1;

  onSheet(sheetId: number): ChartModel[] {
    return this.list.filter((c) => c.sheetId === sheetId);
  }

  byId(id: number): ChartModel {
    const chart = this.list.find((c) => c.id === id);
    if (!chart) fail("ItemNotFound", "The chart was deleted.");
    return chart;
  }

  /**
   * charts.add(type, sourceData, seriesBy): one series per column ("Columns", Excel's choice for a range
   * taller than wide) or per row; a first row (or column) of text names the series.
   */
  add(
    sheetId: number,
    type: unknown,
    source: RangeRef,
    seriesBy: unknown,
    textAt: (sheetId: number, row: number, column: number) => unknown
  ): ChartModel {
    if (typeof type !== "string" || !CHART_TYPES.has(type))
      fail("InvalidArgument", `'${String(type)}' is not a chart type.`);
    const { rect } = source;
    const byColumns =
      seriesBy === "Columns" ||
      ((seriesBy === undefined || seriesBy === "Auto") && rect.rowCount >= rect.columnCount);
    const count = byColumns ? rect.columnCount : rect.rowCount;
    const named = typeof textAt(source.sheetId, rect.row, rect.column) === "string";
    const series: SeriesModel[] = [];
    for (let i = 0; i < count; i++) {
      const name = named
        ? String(
            textAt(
              source.sheetId,
              byColumns ? rect.row : rect.row + i,
              byColumns ? rect.column + i : rect.column
            )
          )
        : `Series${i + 1}`;
      const values: CellRect = byColumns
        ? {
            row: rect.row + (named ? 1 : 0),
            column: rect.column + i,
            rowCount: rect.rowCount - (named ? 1 : 0),
            columnCount: 1,
          }
        : {
            row: rect.row + i,
            column: rect.column + (named ? 1 : 0),
            rowCount: 1,
            columnCount: rect.columnCount - (named ? 1 : 0),
          };
      series.push({ name, values: { sheetId: source.sheetId, rect: values } });
    }
    const taken = new Set(this.onSheet(sheetId).map((c) => c.name));
    let n = this.list.length + 1;
    while (taken.has(`Chart ${n}`)) n++;
    const chart: ChartModel = {
      id: this.nextId++,
      sheetId,
      name: `Chart ${n}`,
      type,
      left: 0,
      top: 0,
      width: 360,
      height: 216,
      title: { text: "" },
      reversePlotOrder: false,
      legend: { visible: true, position: "Right" },
      series,
    };
    this.list.push(chart);
    return chart;
  }

  rename(chart: ChartModel, name: unknown): void {
    if (typeof name !== "string" || name.trim() === "")
      fail("InvalidArgument", "A chart needs a name.");
    if (this.onSheet(chart.sheetId).some((c) => c !== chart && c.name === name))
      fail("InvalidArgument", `A chart named '${name}' is already on the sheet.`);
    chart.name = name;
  }

  setSeriesRange(series: SeriesModel, which: "values" | "xValues", range: RangeRef): void {
    if (which === "values" && !isLine(range.rect))
      fail("InvalidArgument", "A series' values must be one row or one column.");
    series[which] = range;
  }

  setTitleFormula(chart: ChartModel, range: RangeRef): void {
    if (range.rect.rowCount !== 1 || range.rect.columnCount !== 1)
      fail("InvalidArgument", "A chart title's formula must point at one cell.");
    chart.title.formula = range;
  }

  remove(chart: ChartModel): void {
    this.list.splice(this.list.indexOf(chart), 1);
  }

  removeSheet(sheetId: number): void {
    for (const c of this.onSheet(sheetId)) this.remove(c);
  }
}
