/**
 * A faithful in-memory stand-in for the part of Excel's JavaScript API the add-in uses, for tests in
 * jest and in a browser bundle: `fake.Excel` goes where the global `Excel` would be, and the inspectors
 * read the committed document directly.
 *
 *   const fake = createFakeExcel({ namespace: "DEALS", functions, implementations });
 *   await fake.Excel.run(async (context) => { … await context.sync(); });
 *   expect(fake.cell("Sheet1", "B3").value).toBe(42);
 */
import { formatAddress } from "./addresses";
import type { CustomFunctionDef, Implementation } from "./customFunctions";
import { ErrorCodes, fail } from "./errors";
import { FormulaEngine, type CellErrorInfo } from "./formulaEngine";
import { formatText } from "./numberFormat";
import { runBatch, type FakeHost, type RequestContext } from "./requestContext";
import { Workbook, type TableSnapshot, type WorkbookSnapshot } from "./workbook";

export type { CustomFunctionDef } from "./customFunctions";
export type { RequestContext } from "./requestContext";
export type { WorkbookSnapshot, TableSnapshot } from "./workbook";
export type { CellErrorInfo } from "./formulaEngine";
export { FakeOfficeError, ErrorCodes } from "./errors";
export { PAYLOAD_LIMIT_BYTES } from "./requestContext";

export interface FakeExcelOptions {
  /** The custom functions' namespace, e.g. "DEALS". */
  namespace?: string;
  /** functions.json's "functions" array. */
  functions?: CustomFunctionDef[];
  /** Excel id (upper case) → implementation, e.g. what CustomFunctions.associate received. Read
   * when a formula is evaluated, so it may be filled after the fake is created. */
  implementations?: ReadonlyMap<string, Implementation>;
  /** Initial worksheets, default ["Sheet1"]. */
  sheets?: string[];
}

/** The string enums of the Excel namespace the add-in may touch. */
const ENUMS = {
  ErrorCodes,
  CalculationMode: {
    automatic: "Automatic",
    automaticExceptTables: "AutomaticExceptTables",
    manual: "Manual",
  },
  CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
  ClearApplyTo: {
    all: "All",
    formats: "Formats",
    contents: "Contents",
    hyperlinks: "Hyperlinks",
    removeHyperlinks: "RemoveHyperlinks",
  },
  HorizontalAlignment: {
    general: "General",
    left: "Left",
    center: "Center",
    right: "Right",
    fill: "Fill",
    justify: "Justify",
    centerAcrossSelection: "CenterAcrossSelection",
    distributed: "Distributed",
  },
  VerticalAlignment: {
    top: "Top",
    center: "Center",
    bottom: "Bottom",
    justify: "Justify",
    distributed: "Distributed",
  },
  RangeValueType: {
    unknown: "Unknown",
    empty: "Empty",
    string: "String",
    integer: "Integer",
    double: "Double",
    boolean: "Boolean",
    error: "Error",
    richValue: "RichValue",
  },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
} as const;

export type FakeExcelNamespace = typeof ENUMS & {
  /** Excel.run(batch): the batch gets a new RequestContext; resolves with its result. */
  run<R>(batch: (context: RequestContext) => Promise<R>): Promise<R>;
};

export interface CellInspection {
  /** As range.values returns it (an error as its code, "#N/A"). */
  value: number | string | boolean;
  /** As range.formulas returns it. */
  formula: number | string | boolean;
  numberFormat: string;
  text: string;
  error?: CellErrorInfo;
}

export type { ShapeModel } from "./shapes";
import type { ShapeModel } from "./shapes";

export interface ChartSnapshot {
  sheet: string;
  name: string;
  type: string;
  position: { left: number; top: number; width: number; height: number };
  title: string;
  titleCell?: string;
  reversePlotOrder: boolean;
  legend: { visible: boolean; position: string };
  series: { name: string; values: string; categories?: string }[];
}

export interface FakeExcel {
  readonly Excel: FakeExcelNamespace;
  /** context.sync() calls since creation or resetSyncCount(). */
  readonly syncCount: number;
  /** The byte size of each sync's request, in order. */
  readonly requestSizes: number[];
  /** Zeroes syncCount and empties requestSizes. */
  resetSyncCount(): void;
  cell(sheet: string, address: string): CellInspection;
  sheetNames(): string[];
  activeSheet(): string;
  tables(): TableSnapshot[];
  /** Every chart: its place, title (as shown, and the cell it reads), and each series' ranges. */
  charts(): ChartSnapshot[];
  /** Every shape of a sheet, as the model holds it (groups list their members' ids). */
  shapes(sheet: string): ShapeModel[];
  names(): WorkbookSnapshot["names"];
  settings(): Record<string, unknown>;
  /** "Sheet1!A1:C3", or undefined for an empty sheet. */
  usedAddress(sheet: string, valuesOnly?: boolean): string | undefined;
  /** Arranges a test: writes as range.values would (a value, "=formula", or a 2-D array). */
  setCell(sheet: string, address: string, valueOrFormula: unknown): void;
  setSelection(sheet: string, address: string): void;
  /** A deep JSON copy of the whole document. */
  snapshot(): WorkbookSnapshot;
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const engine = new FormulaEngine({
    namespace: options.namespace ?? "DEALS",
    functions: options.functions ?? [],
    implementations: options.implementations ?? new Map(),
  });
  const workbook = new Workbook(engine, options.sheets ?? ["Sheet1"]);
  const host: FakeHost = { workbook, syncCount: 0, requestSizes: [] };

  const sheetNamed = (name: string) => {
    const sheet = workbook.sheets.findSheet(name);
    if (!sheet) fail("ItemNotFound", `There is no worksheet '${name}'.`);
    return sheet;
  };

  const Excel: FakeExcelNamespace = {
    ...ENUMS,
    run: (batch) => runBatch(host, batch),
  };

  return {
    Excel,
    get syncCount() {
      return host.syncCount;
    },
    get requestSizes() {
      return host.requestSizes;
    },
    resetSyncCount() {
      host.syncCount = 0;
      host.requestSizes.length = 0;
    },
    cell(sheetName, address) {
      const sheet = sheetNamed(sheetName);
      const { rect } = workbook.rangeOf(address, sheet.id);
      const model = workbook.sheets;
      const evaluated = model.evaluated(sheet.id, rect.row, rect.column);
      const numberFormat = model.numberFormatOf(sheet, rect.row, rect.column);
      return {
        value: evaluated.value,
        formula: model.formulaOf(sheet, rect.row, rect.column),
        numberFormat,
        text: formatText(evaluated.value, numberFormat),
        ...(evaluated.error ? { error: { ...evaluated.error } } : {}),
      };
    },
    sheetNames: () => workbook.sheets.sheets.map((s) => s.name),
    activeSheet: () => workbook.sheets.sheet(workbook.sheets.activeSheetId).name,
    tables: () => workbook.tables.list.map((t) => workbook.tableSnapshot(t.id)),
    shapes: (sheetName) =>
      JSON.parse(JSON.stringify(workbook.shapes.onSheet(sheetNamed(sheetName).id))) as ShapeModel[],
    charts: () =>
      workbook.charts.list.map((c) => {
        const f = c.title.formula;
        return {
          sheet: workbook.sheets.sheet(c.sheetId).name,
          name: c.name,
          type: c.type,
          position: { left: c.left, top: c.top, width: c.width, height: c.height },
          title: f
            ? String(workbook.sheets.evaluated(f.sheetId, f.rect.row, f.rect.column).value)
            : c.title.text,
          ...(f ? { titleCell: workbook.address(f) } : {}),
          reversePlotOrder: c.reversePlotOrder,
          legend: { ...c.legend },
          series: c.series.map((x) => ({
            name: x.name,
            values: workbook.address(x.values),
            ...(x.xValues ? { categories: workbook.address(x.xValues) } : {}),
          })),
        };
      }),
    names: () => workbook.snapshot().names,
    settings: () => workbook.settings.toJSON(),
    usedAddress(sheetName, valuesOnly = false) {
      const sheet = sheetNamed(sheetName);
      const used = workbook.usedRect(sheet.id, valuesOnly);
      return used && formatAddress(sheet.name, used.rect);
    },
    setCell(sheetName, address, valueOrFormula) {
      workbook.sheets.writeCells(
        workbook.rangeOf(address, sheetNamed(sheetName).id),
        valueOrFormula,
        "values"
      );
    },
    setSelection(sheetName, address) {
      workbook.sheets.select(workbook.rangeOf(address, sheetNamed(sheetName).id));
    },
    snapshot: () => JSON.parse(JSON.stringify(workbook.snapshot())) as WorkbookSnapshot,
  };
}
