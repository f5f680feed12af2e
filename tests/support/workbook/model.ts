/**
 * The committed state of the worksheets: names, cells (contents and formats), column widths,
 * selection. Cell contents are also handed to the formula engine, which evaluates them. Every
 * operation checks what Excel checks and throws Excel's error before changing anything.
 */
import { MAX_COLUMNS, contains, intersect, isInGrid, type CellRect } from "./addresses";
import { parseCellInput, type CellContent } from "./cellInput";
import { fail, points } from "./errors";
import type { EvaluatedCell, FormulaEngine } from "./formulaEngine";
import { checkSheetName } from "./nameRules";
import { formatText } from "./numberFormat";

export interface RangeRef {
  sheetId: number;
  rect: CellRect;
}

/** Per-cell formatting the fake stores, keyed as the office.js property path. */
export const STYLE_DEFAULTS = {
  "font.bold": false,
  "font.italic": false,
  "font.color": "#000000",
  "font.name": "Calibri",
  "font.size": 11,
  "fill.color": "#FFFFFF",
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
} as const;
export type StyleKey = keyof typeof STYLE_DEFAULTS;

export const DEFAULT_COLUMN_WIDTH = 48;
/** Excel's default row height, in points. */
export const ROW_HEIGHT = 15;
/** The fake refuses to touch more cells than this in one operation (Excel has similar limits). */
const MAX_CELLS_PER_OPERATION = 2_000_000;

export interface Sheet {
  id: number;
  name: string;
  cells: Map<number, CellContent>;
  formats: Map<number, { numberFormat?: string; styles?: Partial<Record<StyleKey, unknown>> }>;
  columnWidths: Map<number, number>;
  selection: CellRect;
}

export const cellKey = (row: number, column: number): number => row * MAX_COLUMNS + column;
export const keyRow = (key: number): number => Math.floor(key / MAX_COLUMNS);
export const keyColumn = (key: number): number => key % MAX_COLUMNS;

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

function checkSize(rect: CellRect): void {
  if (rect.rowCount * rect.columnCount > MAX_CELLS_PER_OPERATION)
    fail("RangeExceedsLimit", `The fake handles at most ${MAX_CELLS_PER_OPERATION} cells at once.`);
}

/** A written 2-D array must have exactly the range's shape; a single value fills every cell. */
export function toGrid(data: unknown, rect: CellRect, property: string): unknown[][] {
  if (!Array.isArray(data)) {
    checkSize(rect);
    return Array.from({ length: rect.rowCount }, () => Array<unknown>(rect.columnCount).fill(data));
  }
  const rows: unknown[] = data;
  const shapeOk =
    rows.length === rect.rowCount &&
    rows.every((row) => Array.isArray(row) && row.length === rect.columnCount);
  if (!shapeOk) {
    const width = Array.isArray(rows[0]) ? rows[0].length : "?";
    fail(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}: ${rows.length}x${width} given for ${rect.rowCount}x${rect.columnCount}).`
    );
  }
  return rows as unknown[][];
}

export class SheetsModel {
  readonly sheets: Sheet[] = [];
  activeSheetId = -1;
  /** Called after cells were written (tables re-derive their column names). */
  readonly afterWrite: ((ref: RangeRef) => void)[] = [];

  constructor(readonly engine: FormulaEngine) {}

  sheet(id: number): Sheet {
    const sheet = this.sheets.find((s) => s.id === id);
    if (!sheet) fail("ItemNotFound", "The worksheet was deleted.");
    return sheet;
  }

  findSheet(name: string): Sheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheet(name?: string): Sheet {
    const names = this.sheets.map((s) => s.name);
    let chosen = name;
    if (chosen === undefined || chosen === null) {
      let n = 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    const valid = checkSheetName(chosen, names);
    const id = this.engine.addSheet(valid);
    const sheet: Sheet = {
      id,
      name: valid,
      cells: new Map(),
      formats: new Map(),
      columnWidths: new Map(),
      selection: { row: 0, column: 0, rowCount: 1, columnCount: 1 },
    };
    this.sheets.push(sheet);
    if (this.activeSheetId < 0) this.activeSheetId = id;
    return sheet;
  }

  renameSheet(id: number, name: unknown): void {
    const sheet = this.sheet(id);
    const others = this.sheets.filter((s) => s.id !== id).map((s) => s.name);
    const valid = checkSheetName(name, others);
    this.engine.renameSheet(id, valid);
    sheet.name = valid;
  }

  deleteSheet(id: number): void {
    this.sheet(id);
    if (this.sheets.length === 1)
      fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    const index = this.sheets.findIndex((s) => s.id === id);
    this.sheets.splice(index, 1);
    this.engine.removeSheet(id);
    if (this.activeSheetId === id)
      this.activeSheetId = (this.sheets[Math.max(0, index - 1)] ?? this.sheets[0])?.id ?? -1;
  }

  /** range.values / range.formulas = data: parse every cell first, then write them all. */
  writeCells(ref: RangeRef, data: unknown, property: string): void {
    const sheet = this.sheet(ref.sheetId);
    const grid = toGrid(data, ref.rect, property);
    const parsed = grid.map((row) => row.map(parseCellInput));
    for (const write of parsed.flat())
      if (write.kind === "formula" && !this.engine.isValidFormula(write.text))
        fail("InvalidArgument", `'${write.text}' is not a formula Excel accepts.`);
    const { row, column } = ref.rect;
    const contents = parsed.map((line, r) =>
      line.map((write, c): CellContent | null => {
        const key = cellKey(row + r, column + c);
        if (write.kind === "unchanged") return sheet.cells.get(key) ?? null;
        if (write.kind === "clear") sheet.cells.delete(key);
        else sheet.cells.set(key, write);
        return write.kind === "clear" ? null : write;
      })
    );
    this.engine.write(ref.sheetId, row, column, contents);
    for (const hook of this.afterWrite) hook(ref);
  }

  evaluated(sheetId: number, row: number, column: number): EvaluatedCell {
    const content = this.sheet(sheetId).cells.get(cellKey(row, column));
    if (content?.kind === "value") return { value: content.value };
    if (content?.kind === "error") return { value: content.code, error: { type: content.code } };
    // Formulas, and empty cells that a dynamic array may have spilled into.
    return this.engine.evaluate(sheetId, row, column);
  }

  map<T>(ref: RangeRef, cell: (row: number, column: number, sheet: Sheet) => T): T[][] {
    const sheet = this.sheet(ref.sheetId);
    const { row, column, rowCount, columnCount } = ref.rect;
    return Array.from({ length: rowCount }, (_, r) =>
      Array.from({ length: columnCount }, (_, c) => cell(row + r, column + c, sheet))
    );
  }

  readValues(ref: RangeRef): (number | string | boolean)[][] {
    return this.map(ref, (r, c) => this.evaluated(ref.sheetId, r, c).value);
  }

  formulaOf(sheet: Sheet, row: number, column: number): number | string | boolean {
    const content = sheet.cells.get(cellKey(row, column));
    if (content?.kind === "formula")
      return this.engine.formula(sheet.id, row, column) ?? content.text;
    if (content?.kind === "value") return content.value;
    if (content?.kind === "error") return content.code;
    return this.engine.evaluate(sheet.id, row, column).value;
  }

  readFormulas(ref: RangeRef): (number | string | boolean)[][] {
    return this.map(ref, (r, c, sheet) => this.formulaOf(sheet, r, c));
  }

  numberFormatOf(sheet: Sheet, row: number, column: number): string {
    return sheet.formats.get(cellKey(row, column))?.numberFormat ?? "General";
  }

  readNumberFormat(ref: RangeRef): string[][] {
    return this.map(ref, (r, c, sheet) => this.numberFormatOf(sheet, r, c));
  }

  writeNumberFormat(ref: RangeRef, data: unknown): void {
    const sheet = this.sheet(ref.sheetId);
    const grid = toGrid(data, ref.rect, "numberFormat");
    grid.forEach((line, r) =>
      line.forEach((format, c) => {
        if (format === null || format === undefined) return;
        const key = cellKey(ref.rect.row + r, ref.rect.column + c);
        const entry = sheet.formats.get(key) ?? {};
        entry.numberFormat = String(format);
        sheet.formats.set(key, entry);
      })
    );
  }

  readText(ref: RangeRef): string[][] {
    return this.map(ref, (r, c, sheet) => {
      const cell = this.evaluated(ref.sheetId, r, c);
      // A card shows its text whatever the cell's number format.
      if (cell.entity) return cell.entity.text ?? "";
      const own = this.numberFormatOf(sheet, r, c);
      return formatText(cell.value, own === "General" && cell.format ? cell.format : own);
    });
  }

  /**
   * range.valuesAsJson: each cell as a typed cell value. An entity comes back whole, with the basic type
   * and value Excel reports for it (Error, #VALUE!); other cells as their basic value and type.
   */
  readValuesAsJson(ref: RangeRef): Record<string, unknown>[][] {
    const types = this.readValueTypes(ref);
    return this.map(ref, (r, c) => {
      const cell = this.evaluated(ref.sheetId, r, c);
      const basicType = types[r - ref.rect.row]?.[c - ref.rect.column] ?? "Empty";
      if (cell.entity) return { ...cell.entity, basicType: "Error", basicValue: "#VALUE!" };
      if (cell.error) return { type: "Error", basicType, basicValue: cell.value };
      return { type: basicType, basicType, basicValue: cell.value };
    });
  }

  readValueTypes(ref: RangeRef): ValueType[][] {
    return this.map(ref, (r, c, sheet) => {
      const cell = this.evaluated(ref.sheetId, r, c);
      if (cell.error || cell.entity) return "Error";
      // A formula returning "" holds text; only a cell without content is empty.
      if (cell.value === "") return sheet.cells.has(cellKey(r, c)) ? "String" : "Empty";
      return typeof cell.value === "number"
        ? "Double"
        : typeof cell.value === "boolean"
          ? "Boolean"
          : "String";
    });
  }

  /** A style over a range: its value when every cell agrees, else null (as office.js reports). */
  readStyle(ref: RangeRef, key: StyleKey): unknown {
    const sheet = this.sheet(ref.sheetId);
    const fallback = STYLE_DEFAULTS[key];
    const seen = new Set<unknown>();
    let set = 0;
    for (const [cell, format] of sheet.formats) {
      const value = format.styles?.[key];
      if (value === undefined || !contains(ref.rect, keyRow(cell), keyColumn(cell))) continue;
      seen.add(value);
      set++;
    }
    if (set < ref.rect.rowCount * ref.rect.columnCount) seen.add(fallback);
    return seen.size === 1 ? [...seen][0] : null;
  }

  writeStyle(ref: RangeRef, key: StyleKey, value: unknown): void {
    const sheet = this.sheet(ref.sheetId);
    checkSize(ref.rect);
    const expected = typeof STYLE_DEFAULTS[key];
    if (typeof value !== expected)
      fail("InvalidArgument", `format ${key} must be a ${expected}, not ${typeof value}.`);
    this.map(ref, (r, c) => {
      const entry = sheet.formats.get(cellKey(r, c)) ?? {};
      entry.styles = { ...entry.styles, [key]: value };
      sheet.formats.set(cellKey(r, c), entry);
    });
  }

  /**
   * Where a range sits on its sheet, in points, as Range.left/top/width/height give it: columns at their
   * widths, rows at Excel's default 15 pt (the fake does not change row heights).
   */
  geometry(ref: RangeRef): { left: number; top: number; width: number; height: number } {
    const sheet = this.sheet(ref.sheetId);
    const widthOf = (c: number) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
    let left = 0;
    for (let c = 0; c < ref.rect.column; c++) left += widthOf(c);
    let width = 0;
    for (let c = ref.rect.column; c < ref.rect.column + ref.rect.columnCount; c++)
      width += widthOf(c);
    return { left, top: ref.rect.row * ROW_HEIGHT, width, height: ref.rect.rowCount * ROW_HEIGHT };
  }

  columnWidth(ref: RangeRef): number | null {
    const sheet = this.sheet(ref.sheetId);
    const widths = new Set<number>();
    for (let c = ref.rect.column; c < ref.rect.column + ref.rect.columnCount; c++)
      widths.add(sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
    return widths.size === 1 ? ([...widths][0] ?? null) : null;
  }

  setColumnWidth(ref: RangeRef, width: unknown): void {
    const checked = points(width, "columnWidth");
    const sheet = this.sheet(ref.sheetId);
    for (let c = ref.rect.column; c < ref.rect.column + ref.rect.columnCount; c++)
      sheet.columnWidths.set(c, checked);
  }

  /** Widths from the longest text in each column of the range (about 5.25pt a character). */
  autofitColumns(ref: RangeRef): void {
    const sheet = this.sheet(ref.sheetId);
    const longest = new Map<number, number>();
    for (const key of sheet.cells.keys()) {
      const r = keyRow(key);
      const c = keyColumn(key);
      if (!contains(ref.rect, r, c)) continue;
      const text = formatText(
        this.evaluated(sheet.id, r, c).value,
        this.numberFormatOf(sheet, r, c)
      );
      longest.set(c, Math.max(longest.get(c) ?? 0, text.length));
    }
    for (let c = ref.rect.column; c < ref.rect.column + ref.rect.columnCount; c++) {
      const chars = longest.get(c) ?? 0;
      sheet.columnWidths.set(c, chars === 0 ? DEFAULT_COLUMN_WIDTH : chars * 5.25 + 3.75);
    }
  }

  /** range.clear(applyTo): contents, formats or both ("All"). */
  clear(ref: RangeRef, applyTo: unknown = "All"): void {
    const sheet = this.sheet(ref.sheetId);
    const mode = typeof applyTo === "string" ? applyTo : "All";
    if (!["All", "Contents", "Formats", "Hyperlinks", "RemoveHyperlinks"].includes(mode))
      fail("InvalidArgument", `Unknown clear option '${mode}'.`);
    const inside = (key: number) => contains(ref.rect, keyRow(key), keyColumn(key));
    if (mode === "All" || mode === "Formats")
      for (const key of [...sheet.formats.keys()].filter(inside)) sheet.formats.delete(key);
    if (mode === "All" || mode === "Contents") {
      const cleared = [...sheet.cells.keys()].filter(inside);
      for (const key of cleared) sheet.cells.delete(key);
      this.engine.clear(
        sheet.id,
        cleared.map((key) => [keyRow(key), keyColumn(key)])
      );
      for (const hook of this.afterWrite) hook(ref);
    }
  }

  /** The smallest rectangle holding every value (and, unless valuesOnly, every formatted cell). */
  usedRect(sheetId: number, valuesOnly: boolean, extra: CellRect[] = []): CellRect | undefined {
    const sheet = this.sheet(sheetId);
    const rects: CellRect[] = [...extra];
    for (const [key, content] of sheet.cells) {
      const row = keyRow(key);
      const column = keyColumn(key);
      const spill = content.kind === "formula" && this.engine.spillRect(sheetId, row, column);
      rects.push(spill || { row, column, rowCount: 1, columnCount: 1 });
    }
    if (!valuesOnly)
      for (const key of sheet.formats.keys())
        rects.push({ row: keyRow(key), column: keyColumn(key), rowCount: 1, columnCount: 1 });
    if (rects.length === 0) return undefined;
    let [top, left, bottom, right] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const r of rects) {
      top = Math.min(top, r.row);
      left = Math.min(left, r.column);
      bottom = Math.max(bottom, r.row + r.rowCount);
      right = Math.max(right, r.column + r.columnCount);
    }
    return { row: top, column: left, rowCount: bottom - top, columnCount: right - left };
  }

  select(ref: RangeRef): void {
    const sheet = this.sheet(ref.sheetId);
    sheet.selection = { ...ref.rect };
    this.activeSheetId = sheet.id;
  }

  /** A rectangle must lie in the grid (A1:XFD1048576). */
  static checkRect(rect: CellRect): CellRect {
    if (!isInGrid(rect)) fail("InvalidArgument", "The range is outside the grid (A1:XFD1048576).");
    return rect;
  }

  static intersection(a: CellRect, b: CellRect): CellRect | undefined {
    return intersect(a, b);
  }
}
