/**
 * Excel.TableCollection (workbook.tables, worksheet.tables), Table, TableColumnCollection,
 * TableColumn, TableRowCollection and TableRow. A table proxy stands for one table by its id, so it
 * keeps working after a rename or a resize.
 */
import {
  ClientCollection,
  ClientObject,
  type ClientResult,
  type PropertySpec,
} from "./clientObject";
import { fail } from "./errors";
import type { RangeRef } from "./model";
import { RangeProxy } from "./rangeProxies";
import type { RequestContext } from "./requestContext";
import { WorksheetProxy } from "./sheetProxies";
import type { TableOptions, TablePart, TableState } from "./tables";
import type { Workbook } from "./workbook";

/** Which tables a collection holds: all of them, or one sheet's. */
export interface TableScope {
  sheetId?: number;
}

function tablesOf(context: RequestContext) {
  return context.host.workbook.tables;
}

export class TableCollectionProxy extends ClientCollection<TableScope, TableProxy> {
  protected readonly typeName = "TableCollection";
  protected readonly properties: Record<string, PropertySpec<TableScope>> = {
    count: { get: (scope) => tablesOf(this.context).onSheet(scope.sheetId).length },
  };
  protected itemsOf(scope: TableScope): TableProxy[] {
    return tablesOf(this.context)
      .onSheet(scope.sheetId)
      .map((t) => new TableProxy(this.context, () => t.id));
  }

  get count(): number {
    return this.read("count") as number;
  }

  /** add("A1:C5" | "Sheet1!A1:C5" | range, hasHeaders); an address without a sheet is on this
   * collection's sheet, or on the active sheet for workbook.tables. */
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    return this.spawn(
      "add",
      [address, hasHeaders],
      new TableProxy(this.context, () => {
        const scope = this.target();
        const wb: Workbook = this.context.host.workbook;
        const ref: RangeRef =
          address instanceof RangeProxy
            ? address.resolveOrFail()
            : wb.rangeOf(address, scope.sheetId ?? wb.sheets.activeSheetId);
        if (scope.sheetId !== undefined && ref.sheetId !== scope.sheetId)
          fail("InvalidArgument", "The range is not on this worksheet.");
        return wb.tables.add(ref, hasHeaders).id;
      })
    );
  }
  private find(key: unknown): TableState | undefined {
    if (typeof key !== "string") fail("InvalidArgument", "A table is found by its name or id.");
    const scope = this.target();
    const tables = tablesOf(this.context);
    return (
      tables.find(key, scope.sheetId) ??
      tables.onSheet(scope.sheetId).find((t) => String(t.id) === key)
    );
  }
  getItem(key: string): TableProxy {
    return this.spawn(
      "getItem",
      [key],
      new TableProxy(this.context, () => {
        const table = this.find(key);
        if (!table) fail("ItemNotFound", `There is no table '${key}'.`);
        return table.id;
      })
    );
  }
  getItemOrNullObject(key: string): TableProxy {
    return this.spawn(
      "getItemOrNullObject",
      [key],
      new TableProxy(this.context, () => this.find(key)?.id ?? null)
    );
  }
  getItemAt(index: number): TableProxy {
    return this.spawn(
      "getItemAt",
      [index],
      new TableProxy(this.context, () => {
        const table = tablesOf(this.context).onSheet(this.target().sheetId)[index];
        if (!table) fail("InvalidArgument", `There is no table at index ${index}.`);
        return table.id;
      })
    );
  }
}

function option(name: keyof TableOptions, context: () => RequestContext): PropertySpec<number> {
  return {
    get: (id) => tablesOf(context()).byId(id)[name],
    set: (id, value) => tablesOf(context()).setOption(tablesOf(context()).byId(id), name, value),
  };
}

export class TableProxy extends ClientObject<number> {
  protected readonly typeName = "Table";
  protected readonly properties: Record<string, PropertySpec<number>> = {
    name: {
      get: (id) => tablesOf(this.context).byId(id).name,
      set: (id, name) => tablesOf(this.context).rename(tablesOf(this.context).byId(id), name),
    },
    id: { get: (id) => String(tablesOf(this.context).byId(id).id) },
    style: option("style", () => this.context),
    showHeaders: option("showHeaders", () => this.context),
    showTotals: option("showTotals", () => this.context),
    showBandedRows: option("showBandedRows", () => this.context),
    showBandedColumns: option("showBandedColumns", () => this.context),
    showFilterButton: option("showFilterButton", () => this.context),
    highlightFirstColumn: option("highlightFirstColumn", () => this.context),
    highlightLastColumn: option("highlightLastColumn", () => this.context),
  };
  protected navigation(): Record<string, () => ClientObject<unknown>> {
    return { columns: () => this.columns, rows: () => this.rows, worksheet: () => this.worksheet };
  }

  private table(): TableState {
    return tablesOf(this.context).byId(this.target());
  }
  private part(method: string, part: TablePart): RangeProxy {
    const make = () => tablesOf(this.context).range(this.table(), part);
    return this.spawn(method, [], new RangeProxy(this.context, make));
  }

  get name(): string {
    return this.read("name") as string;
  }
  set name(value: string) {
    this.write("name", value);
  }
  get id(): string {
    return this.read("id") as string;
  }
  get style(): string {
    return this.read("style") as string;
  }
  set style(value: string) {
    this.write("style", value);
  }
  get showHeaders(): boolean {
    return this.read("showHeaders") as boolean;
  }
  set showHeaders(value: boolean) {
    this.write("showHeaders", value);
  }
  get showTotals(): boolean {
    return this.read("showTotals") as boolean;
  }
  set showTotals(value: boolean) {
    this.write("showTotals", value);
  }
  get showBandedRows(): boolean {
    return this.read("showBandedRows") as boolean;
  }
  set showBandedRows(value: boolean) {
    this.write("showBandedRows", value);
  }
  get showBandedColumns(): boolean {
    return this.read("showBandedColumns") as boolean;
  }
  set showBandedColumns(value: boolean) {
    this.write("showBandedColumns", value);
  }
  get showFilterButton(): boolean {
    return this.read("showFilterButton") as boolean;
  }
  set showFilterButton(value: boolean) {
    this.write("showFilterButton", value);
  }
  get columns(): TableColumnCollectionProxy {
    return this.nav(
      "columns",
      () => new TableColumnCollectionProxy(this.context, () => this.target())
    );
  }
  get rows(): TableRowCollectionProxy {
    return this.nav("rows", () => new TableRowCollectionProxy(this.context, () => this.target()));
  }
  get worksheet(): WorksheetProxy {
    return this.nav(
      "worksheet",
      () => new WorksheetProxy(this.context, () => this.table().sheetId)
    );
  }

  getRange(): RangeProxy {
    return this.part("getRange", "all");
  }
  /** resize(range | "A1:D9" | "Sheet1!A1:D9"); an address without a sheet is on the table's sheet. */
  resize(newRange: RangeProxy | string): void {
    this.call("resize", [newRange], () => {
      const table = this.table();
      const ref =
        newRange instanceof RangeProxy
          ? newRange.resolveOrFail()
          : this.context.host.workbook.rangeOf(newRange, table.sheetId);
      tablesOf(this.context).resize(table, ref);
    });
  }
  getHeaderRowRange(): RangeProxy {
    return this.part("getHeaderRowRange", "header");
  }
  getDataBodyRange(): RangeProxy {
    return this.part("getDataBodyRange", "body");
  }
  delete(): void {
    this.call("delete", [], () => tablesOf(this.context).remove(this.table()));
  }
  convertToRange(): RangeProxy {
    const range = new RangeProxy(this.context, () => {
      const table = this.table();
      const ref = tablesOf(this.context).range(table, "all");
      tablesOf(this.context).convertToRange(table);
      return ref;
    });
    return this.spawn("convertToRange", [], range);
  }
}

interface ColumnRef {
  tableId: number;
  index: number;
}

export class TableColumnCollectionProxy extends ClientCollection<number, TableColumnProxy> {
  protected readonly typeName = "TableColumnCollection";
  protected readonly properties: Record<string, PropertySpec<number>> = {
    count: { get: (id) => tablesOf(this.context).byId(id).rect.columnCount },
  };
  protected itemsOf(tableId: number): TableColumnProxy[] {
    const count = tablesOf(this.context).byId(tableId).rect.columnCount;
    return Array.from(
      { length: count },
      (_, index) => new TableColumnProxy(this.context, () => ({ tableId, index }))
    );
  }

  get count(): number {
    return this.read("count") as number;
  }

  private indexOf(key: unknown): number {
    const tables = tablesOf(this.context);
    const headers = tables.headers(tables.byId(this.target()));
    const lower = String(key).toLowerCase();
    const byName = headers.findIndex((h) => h.toLowerCase() === lower);
    if (byName >= 0) return byName;
    const byId = typeof key === "number" ? key : Number(key);
    return Number.isInteger(byId) && byId >= 1 && byId <= headers.length ? byId - 1 : -1;
  }
  getItemAt(index: number): TableColumnProxy {
    return this.spawn(
      "getItemAt",
      [index],
      new TableColumnProxy(this.context, () => {
        const tableId = this.target();
        const count = tablesOf(this.context).byId(tableId).rect.columnCount;
        if (!Number.isInteger(index) || index < 0 || index >= count)
          fail("InvalidArgument", `The table has no column at index ${index}.`);
        return { tableId, index };
      })
    );
  }
  getItem(key: string | number): TableColumnProxy {
    return this.spawn(
      "getItem",
      [key],
      new TableColumnProxy(this.context, () => {
        const index = this.indexOf(key);
        if (index < 0) fail("ItemNotFound", `The table has no column '${key}'.`);
        return { tableId: this.target(), index };
      })
    );
  }
  getItemOrNullObject(key: string | number): TableColumnProxy {
    return this.spawn(
      "getItemOrNullObject",
      [key],
      new TableColumnProxy(this.context, () => {
        const index = this.indexOf(key);
        return index < 0 ? null : { tableId: this.target(), index };
      })
    );
  }
}

export class TableColumnProxy extends ClientObject<ColumnRef> {
  protected readonly typeName = "TableColumn";
  protected readonly properties: Record<string, PropertySpec<ColumnRef>> = {
    name: {
      get: (col) => {
        const tables = tablesOf(this.context);
        return tables.headers(tables.byId(col.tableId))[col.index];
      },
      set: (col, name) => {
        const wb = this.context.host.workbook;
        const header = wb.tables.range(wb.tables.byId(col.tableId), "header", col.index);
        wb.sheets.writeCells(header, [[`'${String(name)}`]], "values");
      },
    },
    index: { get: (col) => col.index },
    id: { get: (col) => String(col.index + 1) },
    values: {
      get: (col) => {
        const tables = tablesOf(this.context);
        return this.context.host.workbook.sheets.readValues(
          tables.range(tables.byId(col.tableId), "all", col.index)
        );
      },
    },
  };

  private columnRange(method: string, part: TablePart): RangeProxy {
    const make = () => {
      const col = this.target();
      const tables = tablesOf(this.context);
      return tables.range(tables.byId(col.tableId), part, col.index);
    };
    return this.spawn(method, [], new RangeProxy(this.context, make));
  }

  get name(): string {
    return this.read("name") as string;
  }
  set name(value: string) {
    this.write("name", value);
  }
  get index(): number {
    return this.read("index") as number;
  }
  get id(): string {
    return this.read("id") as string;
  }
  get values(): unknown[][] {
    return this.read("values") as unknown[][];
  }

  getRange(): RangeProxy {
    return this.columnRange("getRange", "all");
  }
  getHeaderRowRange(): RangeProxy {
    return this.columnRange("getHeaderRowRange", "header");
  }
  getDataBodyRange(): RangeProxy {
    return this.columnRange("getDataBodyRange", "body");
  }
}

interface RowRef {
  tableId: number;
  index: number;
}

/** The data rows (the header row is not one). */
function dataRowCount(context: RequestContext, tableId: number): number {
  return tablesOf(context).byId(tableId).rect.rowCount - 1;
}

export class TableRowCollectionProxy extends ClientCollection<number, TableRowProxy> {
  protected readonly typeName = "TableRowCollection";
  protected readonly properties: Record<string, PropertySpec<number>> = {
    count: { get: (id) => dataRowCount(this.context, id) },
  };
  protected itemsOf(tableId: number): TableRowProxy[] {
    return Array.from(
      { length: dataRowCount(this.context, tableId) },
      (_, index) => new TableRowProxy(this.context, () => ({ tableId, index }))
    );
  }

  get count(): number {
    return this.read("count") as number;
  }

  getCount(): ClientResult<number> {
    return this.compute("getCount", [], (id) => dataRowCount(this.context, id));
  }
  getItemAt(index: number): TableRowProxy {
    return this.spawn(
      "getItemAt",
      [index],
      new TableRowProxy(this.context, () => {
        const tableId = this.target();
        if (!Number.isInteger(index) || index < 0 || index >= dataRowCount(this.context, tableId))
          fail("InvalidArgument", `The table has no row at index ${index}.`);
        return { tableId, index };
      })
    );
  }
}

export class TableRowProxy extends ClientObject<RowRef> {
  protected readonly typeName = "TableRow";
  protected readonly properties: Record<string, PropertySpec<RowRef>> = {
    index: { get: (row) => row.index },
    values: {
      get: (row) => this.context.host.workbook.sheets.readValues(this.rowRange(row)),
      set: (row, values) =>
        this.context.host.workbook.sheets.writeCells(this.rowRange(row), values, "values"),
    },
  };

  /** The row's cells, found when used: the row may have left the table since. */
  private rowRange(row: RowRef): RangeRef {
    const tables = tablesOf(this.context);
    const body = tables.range(tables.byId(row.tableId), "body");
    if (row.index >= body.rect.rowCount) fail("ItemNotFound", "The table row was deleted.");
    return {
      sheetId: body.sheetId,
      rect: { ...body.rect, row: body.rect.row + row.index, rowCount: 1 },
    };
  }

  get index(): number {
    return this.read("index") as number;
  }
  get values(): unknown[][] {
    return this.read("values") as unknown[][];
  }
  set values(value: unknown) {
    this.write("values", value);
  }

  getRange(): RangeProxy {
    return this.spawn(
      "getRange",
      [],
      new RangeProxy(this.context, () => this.rowRange(this.target()))
    );
  }
}
