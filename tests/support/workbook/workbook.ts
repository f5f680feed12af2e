/**
 * The whole document: worksheets and cells, tables, defined names and settings, with the rules that
 * span them (tables and names share one namespace; a deleted sheet takes its tables with it) and a
 * JSON snapshot of everything for "nothing changed" assertions.
 */
import { Charts } from "./charts";
import { Shapes } from "./shapes";
import { cellName, columnLetters, formatAddress, formatRect, parseAddress } from "./addresses";
import { NamedItems } from "./definedNames";
import { fail } from "./errors";
import type { FormulaEngine } from "./formulaEngine";
import { SheetsModel, keyColumn, keyRow, type RangeRef } from "./model";
import { Settings } from "./settings";
import { Tables } from "./tables";

export interface TableSnapshot {
  name: string;
  sheet: string;
  address: string;
  headers: string[];
  style: string;
  showHeaders: boolean;
  showTotals: boolean;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
}

export interface CellSnapshot {
  value: unknown;
  formula: unknown;
  numberFormat?: string;
  styles?: Record<string, unknown>;
}

export interface WorkbookSnapshot {
  activeSheet: string;
  sheets: {
    name: string;
    selection: string;
    cells: Record<string, CellSnapshot>;
    columnWidths: Record<string, number>;
  }[];
  tables: TableSnapshot[];
  names: { name: string; formula: string; comment: string }[];
  settings: Record<string, unknown>;
}

export class Workbook {
  readonly sheets: SheetsModel;
  readonly tables: Tables;
  readonly names: NamedItems;
  readonly settings = new Settings();
  readonly charts = new Charts();
  readonly shapes = new Shapes();

  constructor(engine: FormulaEngine, sheetNames: readonly string[]) {
    this.sheets = new SheetsModel(engine);
    const taken = () => this.takenNames();
    this.tables = new Tables(this.sheets, taken);
    this.names = new NamedItems(this.sheets, taken);
    for (const name of sheetNames) this.sheets.addSheet(name);
  }

  /** Tables and defined names share one namespace. */
  takenNames(): string[] {
    return [...this.tables.list.map((t) => t.name), ...this.names.list.map((n) => n.name)];
  }

  deleteSheet(id: number): void {
    this.sheets.deleteSheet(id);
    this.tables.removeSheet(id);
    this.charts.removeSheet(id);
    this.shapes.removeSheet(id);
  }

  /** The used rectangle; tables count as used (they are formatted) unless valuesOnly. */
  usedRect(sheetId: number, valuesOnly: boolean): RangeRef | undefined {
    const tables = valuesOnly ? [] : this.tables.onSheet(sheetId).map((t) => t.rect);
    const rect = this.sheets.usedRect(sheetId, valuesOnly, tables);
    return rect ? { sheetId, rect } : undefined;
  }

  /** An A1 address on `sheetId`, or on the sheet its "Sheet!" prefix names. */
  rangeOf(address: unknown, sheetId: number): RangeRef {
    if (typeof address !== "string") fail("InvalidArgument", "An address must be text.");
    const parsed = parseAddress(address);
    if (!parsed) fail("InvalidArgument", `'${address}' is not a valid address.`);
    if (parsed.sheet === undefined) return { sheetId, rect: parsed.rect };
    const sheet = this.sheets.findSheet(parsed.sheet);
    if (!sheet) fail("InvalidArgument", `There is no worksheet '${parsed.sheet}'.`);
    return { sheetId: sheet.id, rect: parsed.rect };
  }

  address(ref: RangeRef): string {
    return formatAddress(this.sheets.sheet(ref.sheetId).name, ref.rect);
  }

  snapshot(): WorkbookSnapshot {
    const model = this.sheets;
    const sheets = model.sheets.map((sheet) => {
      const keys = [...new Set([...sheet.cells.keys(), ...sheet.formats.keys()])].sort(
        (a, b) => a - b
      );
      const cells: Record<string, CellSnapshot> = {};
      for (const key of keys) {
        const row = keyRow(key);
        const column = keyColumn(key);
        const format = sheet.formats.get(key);
        cells[cellName(row, column)] = {
          value: model.evaluated(sheet.id, row, column).value,
          formula: model.formulaOf(sheet, row, column),
          ...(format?.numberFormat !== undefined ? { numberFormat: format.numberFormat } : {}),
          ...(format?.styles ? { styles: { ...format.styles } } : {}),
        };
      }
      const widths = [...sheet.columnWidths.entries()].sort(([a], [b]) => a - b);
      return {
        name: sheet.name,
        selection: formatRect(sheet.selection),
        cells,
        columnWidths: Object.fromEntries(widths.map(([c, w]) => [columnLetters(c), w])),
      };
    });
    return {
      activeSheet: model.sheet(model.activeSheetId).name,
      sheets,
      tables: this.tables.list.map((t) => this.tableSnapshot(t.id)),
      names: this.names.list.map((n) => ({
        name: n.name,
        formula: this.names.formula(n),
        comment: n.comment,
      })),
      settings: this.settings.toJSON(),
    };
  }

  tableSnapshot(id: number): TableSnapshot {
    const t = this.tables.byId(id);
    return {
      name: t.name,
      sheet: this.sheets.sheet(t.sheetId).name,
      address: this.address({ sheetId: t.sheetId, rect: t.rect }),
      headers: this.tables.headers(t),
      style: t.style,
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
      showBandedRows: t.showBandedRows,
      showBandedColumns: t.showBandedColumns,
      showFilterButton: t.showFilterButton,
    };
  }
}
