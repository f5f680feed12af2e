/**
 * Excel tables: where they are, their names and options, and their header row, which Excel keeps as
 * unique, non-empty text (an empty header becomes "Column<n>", a repeated one gets "2", "3"… appended).
 * Resizing moves no cells: the table takes the cells it now covers and leaves the others as they are.
 */
import { intersect, isInGrid, type CellRect } from "./addresses";
import { fail } from "./errors";
import { checkItemName } from "./nameRules";
import type { RangeRef, SheetsModel } from "./model";

export interface TableOptions {
  style: string;
  showHeaders: boolean;
  showTotals: boolean;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
}

export interface TableState extends TableOptions {
  id: number;
  name: string;
  sheetId: number;
  /** The whole table, header row included. */
  rect: CellRect;
}

export type TablePart = "all" | "header" | "body";

const DEFAULT_OPTIONS: TableOptions = {
  style: "TableStyleMedium2",
  showHeaders: true,
  showTotals: false,
  showBandedRows: true,
  showBandedColumns: false,
  showFilterButton: true,
  highlightFirstColumn: false,
  highlightLastColumn: false,
};

function headerText(value: number | string | boolean): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

export class Tables {
  readonly list: TableState[] = [];
  private nextId = 1;
  private normalizing = false;

  constructor(
    private readonly sheets: SheetsModel,
    private readonly takenNames: () => string[]
  ) {
    sheets.afterWrite.push((ref) => this.afterWrite(ref));
  }

  byId(id: number): TableState {
    const table = this.list.find((t) => t.id === id);
    if (!table) fail("ItemNotFound", "The table was deleted.");
    return table;
  }

  find(name: string, sheetId?: number): TableState | undefined {
    const lower = name.toLowerCase();
    return this.list.find(
      (t) => t.name.toLowerCase() === lower && (sheetId === undefined || t.sheetId === sheetId)
    );
  }

  onSheet(sheetId?: number): TableState[] {
    return this.list.filter((t) => sheetId === undefined || t.sheetId === sheetId);
  }

  /** tables.add(range, hasHeaders): a header row and at least one data row, overlapping no table. */
  add(ref: RangeRef, hasHeaders: unknown): TableState {
    this.sheets.sheet(ref.sheetId);
    if (typeof hasHeaders !== "boolean") fail("InvalidArgument", "hasHeaders must be a boolean.");
    // Excel would insert a header row above the data, shifting cells down; the fake does not shift.
    if (!hasHeaders)
      fail("NotImplemented", "The fake models tables.add(range, true) only (hasHeaders = false).");
    // A one-row range becomes the header row of a table with one empty data row.
    const rect = { ...ref.rect, rowCount: Math.max(2, ref.rect.rowCount) };
    if (!isInGrid(rect)) fail("InvalidArgument", "The table would extend beyond the grid.");
    if (this.onSheet(ref.sheetId).some((t) => intersect(t.rect, rect)))
      fail("InvalidArgument", "A table can't overlap another table.");
    const taken = this.takenNames().map((n) => n.toLowerCase());
    let n = 1;
    while (taken.includes(`table${n}`)) n++;
    const table: TableState = {
      id: this.nextId++,
      name: `Table${n}`,
      sheetId: ref.sheetId,
      rect,
      ...DEFAULT_OPTIONS,
    };
    this.list.push(table);
    this.normalizeHeaders(table);
    return table;
  }

  rename(table: TableState, name: unknown): void {
    const others = this.takenNames().filter((n) => n.toLowerCase() !== table.name.toLowerCase());
    table.name = checkItemName(name, others, "table");
  }

  setOption(table: TableState, option: keyof TableOptions, value: unknown): void {
    if (typeof value !== typeof DEFAULT_OPTIONS[option])
      fail("InvalidArgument", `${option} must be a ${typeof DEFAULT_OPTIONS[option]}.`);
    Object.assign(table, { [option]: value });
  }

  /** table.resize(range): the header row stays in its row and the new range overlaps the old one;
   * a header cell the table now covers that is empty gets the first free "Column<n>". */
  resize(table: TableState, ref: RangeRef): void {
    const rect = { ...ref.rect };
    if (ref.sheetId !== table.sheetId)
      fail("InvalidArgument", "The new range is not on the table's worksheet.");
    if (!isInGrid(rect)) fail("InvalidArgument", "The table would extend beyond the grid.");
    if (rect.row !== table.rect.row)
      fail("InvalidArgument", "The table's header row must stay in the same row.");
    if (!intersect(rect, table.rect))
      fail("InvalidArgument", "The new range must overlap the table's range.");
    if (rect.rowCount < 2)
      fail("InvalidArgument", "A table needs a header row and at least one data row.");
    if (this.onSheet(table.sheetId).some((t) => t !== table && intersect(t.rect, rect)))
      fail("InvalidArgument", "A table can't overlap another table.");
    table.rect = rect;
    const values = this.sheets.readValues(this.range(table, "header"))[0] ?? [];
    const taken = new Set(values.filter((v) => v !== "").map((v) => headerText(v).toLowerCase()));
    let n = 1;
    const named = values.map((value) => {
      if (value !== "") return value;
      while (taken.has(`column${n}`)) n++;
      taken.add(`column${n}`);
      return `Column${n}`;
    });
    this.normalizeHeaders(table, named);
  }

  /** table.delete(): the table and its cells' contents and formats go. */
  remove(table: TableState): void {
    this.list.splice(this.list.indexOf(table), 1);
    this.sheets.clear({ sheetId: table.sheetId, rect: table.rect }, "All");
  }

  /** table.convertToRange(): the table goes, its cells stay. */
  convertToRange(table: TableState): void {
    this.list.splice(this.list.indexOf(table), 1);
  }

  removeSheet(sheetId: number): void {
    for (const table of this.onSheet(sheetId)) this.list.splice(this.list.indexOf(table), 1);
  }

  headers(table: TableState): string[] {
    const values = this.sheets.readValues(this.range(table, "header"))[0] ?? [];
    return values.map(headerText);
  }

  range(table: TableState, part: TablePart, columnIndex?: number): RangeRef {
    const { row, column, rowCount, columnCount } = table.rect;
    const columns =
      columnIndex === undefined
        ? { column, columnCount }
        : { column: column + columnIndex, columnCount: 1 };
    const rows =
      part === "header"
        ? { row, rowCount: 1 }
        : part === "body"
          ? { row: row + 1, rowCount: rowCount - 1 }
          : { row, rowCount };
    return { sheetId: table.sheetId, rect: { ...rows, ...columns } };
  }

  /** Rewrites the header row (or the given values) as unique, non-empty text, as Excel keeps it. */
  private normalizeHeaders(
    table: TableState,
    values = this.sheets.readValues(this.range(table, "header"))[0] ?? []
  ): void {
    const used = new Set<string>();
    const names = values.map((value, i) => {
      const base = value === "" ? `Column${i + 1}` : headerText(value);
      let name = base;
      for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}${k}`;
      used.add(name.toLowerCase());
      return name;
    });
    this.normalizing = true;
    try {
      this.sheets.writeCells(this.range(table, "header"), [names.map((n) => `'${n}`)], "values");
    } finally {
      this.normalizing = false;
    }
  }

  private afterWrite(ref: RangeRef): void {
    if (this.normalizing) return;
    for (const table of this.onSheet(ref.sheetId))
      if (intersect(this.range(table, "header").rect, ref.rect)) this.normalizeHeaders(table);
  }
}
