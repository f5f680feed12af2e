/**
 * Excel.Range and its format objects. A range proxy stands for a fixed rectangle on one sheet; its
 * values, formulas and number formats are read and written through the workbook model.
 */
import { MAX_COLUMNS, MAX_ROWS, type CellRect } from "./addresses";
import { ClientObject, type PropertySpec } from "./clientObject";
import { fail } from "./errors";
import { SheetsModel, type RangeRef, type StyleKey } from "./model";
import { PAYLOAD_LIMIT_BYTES, type RequestContext } from "./requestContext";
import { WorksheetProxy } from "./sheetProxies";
import type { Workbook } from "./workbook";

function workbookOf(context: RequestContext): Workbook {
  return context.host.workbook;
}

/** Reading cell data of more cells than a 5 MB response can carry fails before computing it. */
function checkResponseSize(ref: RangeRef): RangeRef {
  if (ref.rect.rowCount * ref.rect.columnCount * 3 > PAYLOAD_LIMIT_BYTES)
    fail(
      "ResponsePayloadSizeLimitExceeded",
      "Reading cell data of this many cells exceeds Excel on the web's 5 MB response limit."
    );
  return ref;
}

function integer(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isInteger(value))
    fail("InvalidArgument", `${name} must be a whole number.`);
  return value;
}

function moved(ref: RangeRef, rect: CellRect): RangeRef {
  return { sheetId: ref.sheetId, rect: SheetsModel.checkRect(rect) };
}

function rangeProperties(wb: () => Workbook): Record<string, PropertySpec<RangeRef>> {
  const sheets = () => wb().sheets;
  const cells = (
    read: (ref: RangeRef) => unknown,
    write?: (ref: RangeRef, value: unknown) => void
  ): PropertySpec<RangeRef> => ({
    get: (ref) => read(checkResponseSize(ref)),
    ...(write ? { set: write } : {}),
  });
  const values = cells(
    (ref) => sheets().readValues(ref),
    (ref, v) => sheets().writeCells(ref, v, "values")
  );
  const formulas = cells(
    (ref) => sheets().readFormulas(ref),
    (ref, v) => sheets().writeCells(ref, v, "formulas")
  );
  const numberFormat = cells(
    (ref) => sheets().readNumberFormat(ref),
    (ref, v) => sheets().writeNumberFormat(ref, v)
  );
  return {
    address: { get: (ref) => wb().address(ref) },
    addressLocal: { get: (ref) => wb().address(ref) },
    rowIndex: { get: (ref) => ref.rect.row },
    columnIndex: { get: (ref) => ref.rect.column },
    rowCount: { get: (ref) => ref.rect.rowCount },
    columnCount: { get: (ref) => ref.rect.columnCount },
    cellCount: { get: (ref) => ref.rect.rowCount * ref.rect.columnCount },
    values,
    formulas,
    formulasLocal: formulas,
    numberFormat,
    numberFormatLocal: numberFormat,
    text: cells((ref) => sheets().readText(ref)),
    valueTypes: cells((ref) => sheets().readValueTypes(ref)),
    // Read only here: writing cards as values (ExcelApi 1.16) is not something the add-in does.
    valuesAsJson: cells((ref) => sheets().readValuesAsJson(ref)),
    left: { get: (ref) => sheets().geometry(ref).left },
    top: { get: (ref) => sheets().geometry(ref).top },
    width: { get: (ref) => sheets().geometry(ref).width },
    height: { get: (ref) => sheets().geometry(ref).height },
  };
}

export class RangeProxy extends ClientObject<RangeRef> {
  protected readonly typeName = "Range";
  protected readonly properties = rangeProperties(() => workbookOf(this.context));

  protected navigation(): Record<string, () => ClientObject<unknown>> {
    return { format: () => this.format, worksheet: () => this.worksheet };
  }

  private derived(method: string, args: unknown[], make: (ref: RangeRef) => RangeRef | null) {
    return this.spawn(method, args, new RangeProxy(this.context, () => make(this.target())));
  }

  /** Another range argument (a proxy or an address), on this range's sheet. */
  private other(ref: RangeRef, range: unknown): RangeRef {
    const otherRef =
      range instanceof RangeProxy
        ? range.target()
        : workbookOf(this.context).rangeOf(range, ref.sheetId);
    if (otherRef.sheetId !== ref.sheetId)
      fail("InvalidArgument", "The ranges are on different worksheets.");
    return otherRef;
  }

  get address(): string {
    return this.read("address") as string;
  }
  get addressLocal(): string {
    return this.read("addressLocal") as string;
  }
  get rowIndex(): number {
    return this.read("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.read("columnIndex") as number;
  }
  get rowCount(): number {
    return this.read("rowCount") as number;
  }
  get columnCount(): number {
    return this.read("columnCount") as number;
  }
  get cellCount(): number {
    return this.read("cellCount") as number;
  }
  get values(): unknown[][] {
    return this.read("values") as unknown[][];
  }
  set values(value: unknown) {
    this.write("values", value);
  }
  get formulas(): unknown[][] {
    return this.read("formulas") as unknown[][];
  }
  set formulas(value: unknown) {
    this.write("formulas", value);
  }
  get formulasLocal(): unknown[][] {
    return this.read("formulasLocal") as unknown[][];
  }
  set formulasLocal(value: unknown) {
    this.write("formulasLocal", value);
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat") as unknown[][];
  }
  set numberFormat(value: unknown) {
    this.write("numberFormat", value);
  }
  get numberFormatLocal(): unknown[][] {
    return this.read("numberFormatLocal") as unknown[][];
  }
  set numberFormatLocal(value: unknown) {
    this.write("numberFormatLocal", value);
  }
  get text(): string[][] {
    return this.read("text") as string[][];
  }
  get left(): number {
    return this.read("left") as number;
  }
  get top(): number {
    return this.read("top") as number;
  }
  get width(): number {
    return this.read("width") as number;
  }
  get height(): number {
    return this.read("height") as number;
  }

  get valuesAsJson(): Record<string, unknown>[][] {
    return this.read("valuesAsJson") as Record<string, unknown>[][];
  }

  get valueTypes(): string[][] {
    return this.read("valueTypes") as string[][];
  }

  get format(): RangeFormatProxy {
    return this.nav("format", () => new RangeFormatProxy(this.context, () => this.target()));
  }
  get worksheet(): WorksheetProxy {
    return this.nav(
      "worksheet",
      () => new WorksheetProxy(this.context, () => this.target().sheetId)
    );
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derived("getCell", [row, column], (ref) =>
      moved(ref, {
        row: ref.rect.row + integer(row, "row"),
        column: ref.rect.column + integer(column, "column"),
        rowCount: 1,
        columnCount: 1,
      })
    );
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived("getResizedRange", [deltaRows, deltaColumns], (ref) =>
      moved(ref, {
        ...ref.rect,
        rowCount: ref.rect.rowCount + integer(deltaRows, "deltaRows"),
        columnCount: ref.rect.columnCount + integer(deltaColumns, "deltaColumns"),
      })
    );
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived("getOffsetRange", [rowOffset, columnOffset], (ref) =>
      moved(ref, {
        ...ref.rect,
        row: ref.rect.row + integer(rowOffset, "rowOffset"),
        column: ref.rect.column + integer(columnOffset, "columnOffset"),
      })
    );
  }
  getRow(row: number): RangeProxy {
    return this.derived("getRow", [row], (ref) => {
      if (integer(row, "row") < 0 || row >= ref.rect.rowCount)
        fail("InvalidArgument", `Row ${row} is outside the range.`);
      return moved(ref, { ...ref.rect, row: ref.rect.row + row, rowCount: 1 });
    });
  }
  getColumn(column: number): RangeProxy {
    return this.derived("getColumn", [column], (ref) => {
      if (integer(column, "column") < 0 || column >= ref.rect.columnCount)
        fail("InvalidArgument", `Column ${column} is outside the range.`);
      return moved(ref, { ...ref.rect, column: ref.rect.column + column, columnCount: 1 });
    });
  }
  /** `count` (default 1) whole rows or columns next to the range, as wide or tall as it. */
  getRowsAbove(count?: number): RangeProxy {
    return this.derived("getRowsAbove", [count], (ref) => {
      const n = integer(count ?? 1, "count");
      return moved(ref, { ...ref.rect, row: ref.rect.row - n, rowCount: n });
    });
  }
  getRowsBelow(count?: number): RangeProxy {
    return this.derived("getRowsBelow", [count], (ref) => {
      const n = integer(count ?? 1, "count");
      return moved(ref, { ...ref.rect, row: ref.rect.row + ref.rect.rowCount, rowCount: n });
    });
  }
  getColumnsBefore(count?: number): RangeProxy {
    return this.derived("getColumnsBefore", [count], (ref) => {
      const n = integer(count ?? 1, "count");
      return moved(ref, { ...ref.rect, column: ref.rect.column - n, columnCount: n });
    });
  }
  getColumnsAfter(count?: number): RangeProxy {
    return this.derived("getColumnsAfter", [count], (ref) => {
      const n = integer(count ?? 1, "count");
      const column = ref.rect.column + ref.rect.columnCount;
      return moved(ref, { ...ref.rect, column, columnCount: n });
    });
  }
  getEntireColumn(): RangeProxy {
    return this.derived("getEntireColumn", [], (ref) =>
      moved(ref, { ...ref.rect, row: 0, rowCount: MAX_ROWS })
    );
  }
  getEntireRow(): RangeProxy {
    return this.derived("getEntireRow", [], (ref) =>
      moved(ref, { ...ref.rect, column: 0, columnCount: MAX_COLUMNS })
    );
  }
  getLastCell(): RangeProxy {
    return this.derived("getLastCell", [], (ref) =>
      moved(ref, {
        row: ref.rect.row + ref.rect.rowCount - 1,
        column: ref.rect.column + ref.rect.columnCount - 1,
        rowCount: 1,
        columnCount: 1,
      })
    );
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this.derived("getUsedRange", [valuesOnly], (ref) => {
      const used = this.usedWithin(ref, valuesOnly);
      if (!used) fail("ItemNotFound", "The range has no used cells.");
      return used;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this.derived("getUsedRangeOrNullObject", [valuesOnly], (ref) =>
      this.usedWithin(ref, valuesOnly)
    );
  }
  private usedWithin(ref: RangeRef, valuesOnly: unknown): RangeRef | null {
    const used = workbookOf(this.context).usedRect(ref.sheetId, valuesOnly === true);
    const rect = used && SheetsModel.intersection(used.rect, ref.rect);
    return rect ? { sheetId: ref.sheetId, rect } : null;
  }
  getIntersection(anotherRange: RangeProxy | string): RangeProxy {
    return this.derived("getIntersection", [anotherRange], (ref) => {
      const rect = SheetsModel.intersection(ref.rect, this.other(ref, anotherRange).rect);
      if (!rect) fail("InvalidArgument", "The ranges do not intersect.");
      return { sheetId: ref.sheetId, rect };
    });
  }
  getIntersectionOrNullObject(anotherRange: RangeProxy | string): RangeProxy {
    return this.derived("getIntersectionOrNullObject", [anotherRange], (ref) => {
      const rect = SheetsModel.intersection(ref.rect, this.other(ref, anotherRange).rect);
      return rect ? { sheetId: ref.sheetId, rect } : null;
    });
  }
  getBoundingRect(anotherRange: RangeProxy | string): RangeProxy {
    return this.derived("getBoundingRect", [anotherRange], (ref) => {
      const a = ref.rect;
      const b = this.other(ref, anotherRange).rect;
      const row = Math.min(a.row, b.row);
      const column = Math.min(a.column, b.column);
      const rowCount = Math.max(a.row + a.rowCount, b.row + b.rowCount) - row;
      const columnCount = Math.max(a.column + a.columnCount, b.column + b.columnCount) - column;
      return { sheetId: ref.sheetId, rect: { row, column, rowCount, columnCount } };
    });
  }

  select(): void {
    this.call("select", [], (ref) => workbookOf(this.context).sheets.select(ref));
  }
  clear(applyTo?: string): void {
    this.call("clear", [applyTo], (ref) => workbookOf(this.context).sheets.clear(ref, applyTo));
  }
}

function styleSpec(wb: () => Workbook, key: StyleKey): PropertySpec<RangeRef> {
  return {
    get: (ref) => wb().sheets.readStyle(ref, key),
    set: (ref, value) => wb().sheets.writeStyle(ref, key, value),
  };
}

export class RangeFormatProxy extends ClientObject<RangeRef> {
  protected readonly typeName = "RangeFormat";
  protected readonly properties: Record<string, PropertySpec<RangeRef>> = {
    columnWidth: {
      get: (ref) => workbookOf(this.context).sheets.columnWidth(ref),
      set: (ref, width) => workbookOf(this.context).sheets.setColumnWidth(ref, width),
    },
    wrapText: styleSpec(() => workbookOf(this.context), "wrapText"),
    horizontalAlignment: styleSpec(() => workbookOf(this.context), "horizontalAlignment"),
    verticalAlignment: styleSpec(() => workbookOf(this.context), "verticalAlignment"),
  };
  protected navigation(): Record<string, () => ClientObject<unknown>> {
    return { font: () => this.font, fill: () => this.fill };
  }

  get font(): RangeFontProxy {
    return this.nav("font", () => new RangeFontProxy(this.context, () => this.target()));
  }
  get fill(): RangeFillProxy {
    return this.nav("fill", () => new RangeFillProxy(this.context, () => this.target()));
  }
  get columnWidth(): number {
    return this.read("columnWidth") as number;
  }
  set columnWidth(value: number) {
    this.write("columnWidth", value);
  }
  get wrapText(): boolean {
    return this.read("wrapText") as boolean;
  }
  set wrapText(value: boolean) {
    this.write("wrapText", value);
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment") as string;
  }
  set horizontalAlignment(value: string) {
    this.write("horizontalAlignment", value);
  }
  get verticalAlignment(): string {
    return this.read("verticalAlignment") as string;
  }
  set verticalAlignment(value: string) {
    this.write("verticalAlignment", value);
  }

  autofitColumns(): void {
    this.call("autofitColumns", [], (ref) => workbookOf(this.context).sheets.autofitColumns(ref));
  }
  /** Row heights are not modelled; the call is accepted. */
  autofitRows(): void {
    this.call("autofitRows", [], () => undefined);
  }
}

export class RangeFontProxy extends ClientObject<RangeRef> {
  protected readonly typeName = "RangeFont";
  protected readonly properties = {
    bold: styleSpec(() => workbookOf(this.context), "font.bold"),
    italic: styleSpec(() => workbookOf(this.context), "font.italic"),
    color: styleSpec(() => workbookOf(this.context), "font.color"),
    name: styleSpec(() => workbookOf(this.context), "font.name"),
    size: styleSpec(() => workbookOf(this.context), "font.size"),
  };
  get bold(): boolean {
    return this.read("bold") as boolean;
  }
  set bold(value: boolean) {
    this.write("bold", value);
  }
  get italic(): boolean {
    return this.read("italic") as boolean;
  }
  set italic(value: boolean) {
    this.write("italic", value);
  }
  get color(): string {
    return this.read("color") as string;
  }
  set color(value: string) {
    this.write("color", value);
  }
  get name(): string {
    return this.read("name") as string;
  }
  set name(value: string) {
    this.write("name", value);
  }
  get size(): number {
    return this.read("size") as number;
  }
  set size(value: number) {
    this.write("size", value);
  }
}

export class RangeFillProxy extends ClientObject<RangeRef> {
  protected readonly typeName = "RangeFill";
  protected readonly properties = {
    color: styleSpec(() => workbookOf(this.context), "fill.color"),
  };
  get color(): string {
    return this.read("color") as string;
  }
  set color(value: string) {
    this.write("color", value);
  }
  clear(): void {
    this.call("clear", [], (ref) => {
      const sheets = workbookOf(this.context).sheets;
      sheets.writeStyle(ref, "fill.color", "#FFFFFF");
    });
  }
}
