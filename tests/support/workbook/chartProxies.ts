/**
 * Excel.ChartCollection, Chart, ChartTitle, ChartAxes/ChartAxis, ChartLegend, ChartSeriesCollection and
 * ChartSeries over the Charts model: the members an add-in uses to add a chart from a range, name, place
 * and title it, point its series at ranges and read them back (getDimensionDataSourceString).
 */
import { ClientCollection, ClientObject, ClientResult, type PropertySpec } from "./clientObject";
import type { ChartModel, SeriesModel } from "./charts";
import { fail, points } from "./errors";
import type { RangeRef } from "./model";
import { RangeProxy } from "./rangeProxies";
import type { Workbook } from "./workbook";

function rangeArg(wb: Workbook, range: unknown, sheetId: number): RangeRef {
  if (range instanceof RangeProxy) return range.resolveOrFail();
  return wb.rangeOf(range, sheetId);
}

export class ChartCollectionProxy extends ClientCollection<number, ChartProxy> {
  protected readonly typeName = "ChartCollection";
  protected readonly properties: Record<string, PropertySpec<number>> = {
    count: { get: (sheetId) => this.wb().charts.onSheet(sheetId).length },
  };
  private wb(): Workbook {
    return this.context.host.workbook;
  }
  protected itemsOf(sheetId: number): ChartProxy[] {
    return this.wb()
      .charts.onSheet(sheetId)
      .map((c) => new ChartProxy(this.context, () => c.id));
  }
  get count(): number {
    return this.read("count") as number;
  }
  add(type: string, sourceData: RangeProxy, seriesBy?: string): ChartProxy {
    return this.spawn(
      "add",
      [type, sourceData, seriesBy],
      new ChartProxy(this.context, () => {
        const wb = this.wb();
        const sheetId = this.target();
        const source = rangeArg(wb, sourceData, sheetId);
        const text = (s: number, r: number, c: number) => wb.sheets.evaluated(s, r, c).value;
        return wb.charts.add(sheetId, type, source, seriesBy, text).id;
      })
    );
  }
  getItem(name: string): ChartProxy {
    return this.spawn(
      "getItem",
      [name],
      new ChartProxy(this.context, () => {
        const chart = this.wb()
          .charts.onSheet(this.target())
          .find((c) => c.name === name);
        if (!chart) fail("ItemNotFound", `There is no chart '${name}' on the sheet.`);
        return chart.id;
      })
    );
  }
  getItemOrNullObject(name: string): ChartProxy {
    return this.spawn(
      "getItemOrNullObject",
      [name],
      new ChartProxy(
        this.context,
        () =>
          this.wb()
            .charts.onSheet(this.target())
            .find((c) => c.name === name)?.id ?? null
      )
    );
  }
}

export class ChartProxy extends ClientObject<number> {
  protected readonly typeName = "Chart";
  private chart(id: number): ChartModel {
    return this.context.host.workbook.charts.byId(id);
  }
  private placed(key: "left" | "top" | "width" | "height"): PropertySpec<number> {
    return {
      get: (id) => this.chart(id)[key],
      set: (id, v) => {
        this.chart(id)[key] = points(v, `Chart.${key}`);
      },
    };
  }
  protected readonly properties: Record<string, PropertySpec<number>> = {
    id: { get: (id) => `{chart-${id}}` },
    name: {
      get: (id) => this.chart(id).name,
      set: (id, v) => this.context.host.workbook.charts.rename(this.chart(id), v),
    },
    chartType: { get: (id) => this.chart(id).type },
    left: this.placed("left"),
    top: this.placed("top"),
    width: this.placed("width"),
    height: this.placed("height"),
  };
  protected navigation(): Record<string, () => ClientObject<unknown>> {
    return { title: () => this.title, series: () => this.series, legend: () => this.legend };
  }
  get name(): string {
    return this.read("name") as string;
  }
  set name(v: string) {
    this.write("name", v);
  }
  get chartType(): string {
    return this.read("chartType") as string;
  }
  get left(): number {
    return this.read("left") as number;
  }
  set left(v: number) {
    this.write("left", v);
  }
  get top(): number {
    return this.read("top") as number;
  }
  set top(v: number) {
    this.write("top", v);
  }
  get width(): number {
    return this.read("width") as number;
  }
  set width(v: number) {
    this.write("width", v);
  }
  get height(): number {
    return this.read("height") as number;
  }
  set height(v: number) {
    this.write("height", v);
  }
  get title(): ChartTitleProxy {
    return this.nav("title", () => new ChartTitleProxy(this.context, () => this.target()));
  }
  get legend(): ChartLegendProxy {
    return this.nav("legend", () => new ChartLegendProxy(this.context, () => this.target()));
  }
  get series(): ChartSeriesCollectionProxy {
    return this.nav(
      "series",
      () => new ChartSeriesCollectionProxy(this.context, () => this.target())
    );
  }
  get axes(): { categoryAxis: ChartAxisProxy } {
    return {
      categoryAxis: this.nav(
        "categoryAxis",
        () => new ChartAxisProxy(this.context, () => this.target())
      ),
    };
  }
  delete(): void {
    this.call("delete", [], (id) => this.context.host.workbook.charts.remove(this.chart(id)));
  }
  /** Covers the cells from startCell to endCell (its own sheet's), as Chart.setPosition does. */
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this.call("setPosition", [startCell, endCell], (id) => {
      const wb = this.context.host.workbook;
      const chart = this.chart(id);
      const start = rangeArg(wb, startCell, chart.sheetId);
      const end = endCell === undefined ? start : rangeArg(wb, endCell, chart.sheetId);
      if (start.sheetId !== chart.sheetId || end.sheetId !== chart.sheetId)
        fail("InvalidArgument", "A chart is placed on its own sheet's cells.");
      const a = wb.sheets.geometry(start);
      const b = wb.sheets.geometry(end);
      chart.left = a.left;
      chart.top = a.top;
      chart.width = Math.max(1, b.left + b.width - a.left);
      chart.height = Math.max(1, b.top + b.height - a.top);
    });
  }
}

export class ChartTitleProxy extends ClientObject<number> {
  protected readonly typeName = "ChartTitle";
  protected readonly properties: Record<string, PropertySpec<number>> = {
    /** The title's text: what its formula's cell shows, when it has one. */
    text: {
      get: (id) => {
        const chart = this.context.host.workbook.charts.byId(id);
        const f = chart.title.formula;
        if (!f) return chart.title.text;
        return String(
          this.context.host.workbook.sheets.evaluated(f.sheetId, f.rect.row, f.rect.column).value
        );
      },
      set: (id, v) => {
        if (typeof v !== "string") fail("InvalidArgument", "A title is text.");
        const chart = this.context.host.workbook.charts.byId(id);
        chart.title = { text: v };
      },
    },
  };
  get text(): string {
    return this.read("text") as string;
  }
  set text(v: string) {
    this.write("text", v);
  }
  /** ExcelApi 1.7: the title shows what one cell holds ("=Sheet1!$A$1"). */
  setFormula(formula: string): void {
    this.call("setFormula", [formula], (id) => {
      const wb = this.context.host.workbook;
      const chart = wb.charts.byId(id);
      if (typeof formula !== "string" || !formula.startsWith("="))
        fail("InvalidArgument", "A title formula starts with '='.");
      wb.charts.setTitleFormula(
        chart,
        wb.rangeOf(formula.slice(1).replace(/\$/g, ""), chart.sheetId)
      );
    });
  }
}

export class ChartLegendProxy extends ClientObject<number> {
  protected readonly typeName = "ChartLegend";
  protected readonly properties: Record<string, PropertySpec<number>> = {
    visible: {
      get: (id) => this.context.host.workbook.charts.byId(id).legend.visible,
      set: (id, v) => {
        this.context.host.workbook.charts.byId(id).legend.visible = v === true;
      },
    },
    position: {
      get: (id) => this.context.host.workbook.charts.byId(id).legend.position,
      set: (id, v) => {
        if (!["Top", "Bottom", "Left", "Right", "Corner"].includes(String(v)))
          fail("InvalidArgument", `'${String(v)}' is not a legend position.`);
        this.context.host.workbook.charts.byId(id).legend.position = String(v);
      },
    },
  };
  set visible(v: boolean) {
    this.write("visible", v);
  }
  set position(v: string) {
    this.write("position", v);
  }
}

export class ChartAxisProxy extends ClientObject<number> {
  protected readonly typeName = "ChartAxis";
  protected readonly properties: Record<string, PropertySpec<number>> = {
    reversePlotOrder: {
      get: (id) => this.context.host.workbook.charts.byId(id).reversePlotOrder,
      set: (id, v) => {
        this.context.host.workbook.charts.byId(id).reversePlotOrder = v === true;
      },
    },
  };
  get reversePlotOrder(): boolean {
    return this.read("reversePlotOrder") as boolean;
  }
  set reversePlotOrder(v: boolean) {
    this.write("reversePlotOrder", v);
  }
}

export class ChartSeriesCollectionProxy extends ClientCollection<number, ChartSeriesProxy> {
  protected readonly typeName = "ChartSeriesCollection";
  protected readonly properties: Record<string, PropertySpec<number>> = {
    count: { get: (id) => this.context.host.workbook.charts.byId(id).series.length },
  };
  protected itemsOf(id: number): ChartSeriesProxy[] {
    return this.context.host.workbook.charts
      .byId(id)
      .series.map((s) => new ChartSeriesProxy(this.context, () => ({ chart: id, series: s })));
  }
  get count(): number {
    return this.read("count") as number;
  }
  getItemAt(index: number): ChartSeriesProxy {
    return this.spawn(
      "getItemAt",
      [index],
      new ChartSeriesProxy(this.context, () => {
        const series = this.context.host.workbook.charts.byId(this.target()).series[index];
        if (!series) fail("ItemNotFound", `The chart has no series ${index}.`);
        return { chart: this.target(), series };
      })
    );
  }
}

interface SeriesTarget {
  chart: number;
  series: SeriesModel;
}

export class ChartSeriesProxy extends ClientObject<SeriesTarget> {
  protected readonly typeName = "ChartSeries";
  protected readonly properties: Record<string, PropertySpec<SeriesTarget>> = {
    name: {
      get: (t) => t.series.name,
      set: (t, v) => {
        if (typeof v !== "string") fail("InvalidArgument", "A series name is text.");
        t.series.name = v;
      },
    },
  };
  get name(): string {
    return this.read("name") as string;
  }
  set name(v: string) {
    this.write("name", v);
  }
  private set(which: "values" | "xValues", method: string, range: RangeProxy): void {
    this.call(method, [range], (t) => {
      const wb = this.context.host.workbook;
      wb.charts.setSeriesRange(
        t.series,
        which,
        rangeArg(wb, range, wb.charts.byId(t.chart).sheetId)
      );
    });
  }
  setValues(range: RangeProxy): void {
    this.set("values", "setValues", range);
  }
  setXAxisValues(range: RangeProxy): void {
    this.set("xValues", "setXAxisValues", range);
  }
  /** ExcelApi 1.15: "Sheet1!$C$3:$C$9" for "Values" or "Categories". */
  getDimensionDataSourceString(dimension: string): ClientResult<string> {
    return this.compute("getDimensionDataSourceString", [dimension], (t) => {
      const range =
        dimension === "Values"
          ? t.series.values
          : dimension === "Categories"
            ? t.series.xValues
            : undefined;
      if (!range) fail("InvalidArgument", `The series has no ${dimension} range.`);
      return absolute(this.context.host.workbook.address(range));
    });
  }
}

/** "Sheet1!C3:C9" → "Sheet1!$C$3:$C$9", as Excel writes a chart's source. */
function absolute(address: string): string {
  return address.replace(/(!|:)([A-Z]+)(\d+)/g, "$1$$$2$$$3");
}
