/**
 * Excel.Workbook, WorksheetCollection and Worksheet. A worksheet proxy stands for one sheet by its id,
 * so it keeps working after a rename.
 */
import { MAX_COLUMNS, MAX_ROWS } from "./addresses";
import { ApplicationProxy } from "./applicationProxy";
import { ChartCollectionProxy } from "./chartProxies";
import { ShapeCollectionProxy } from "./shapeProxies";
import { ClientCollection, ClientObject, type PropertySpec } from "./clientObject";
import { fail } from "./errors";
import { NamedItemCollectionProxy, SettingCollectionProxy } from "./itemProxies";
import { SheetsModel, type RangeRef } from "./model";
import { RangeAreasProxy } from "./rangeAreasProxies";
import { RangeProxy } from "./rangeProxies";
import { findCells, type SearchCriteria } from "./search";
import { TableCollectionProxy } from "./tableProxies";
import type { Workbook } from "./workbook";

export class WorkbookProxy extends ClientObject<Workbook> {
  protected readonly typeName = "Workbook";
  protected readonly properties: Record<string, PropertySpec<Workbook>> = {
    name: { get: () => "Book1" },
  };
  protected navigation(): Record<string, () => ClientObject<unknown>> {
    return {
      application: () => this.application,
      worksheets: () => this.worksheets,
      tables: () => this.tables,
      names: () => this.names,
      settings: () => this.settings,
    };
  }

  get name(): string {
    return this.read("name") as string;
  }
  get application(): ApplicationProxy {
    return this.nav("application", () => new ApplicationProxy(this.context, () => this.target()));
  }
  get worksheets(): WorksheetCollectionProxy {
    return this.nav(
      "worksheets",
      () => new WorksheetCollectionProxy(this.context, () => this.target())
    );
  }
  get tables(): TableCollectionProxy {
    return this.nav("tables", () => new TableCollectionProxy(this.context, () => ({})));
  }
  get names(): NamedItemCollectionProxy {
    return this.nav("names", () => new NamedItemCollectionProxy(this.context, () => this.target()));
  }
  get settings(): SettingCollectionProxy {
    return this.nav(
      "settings",
      () => new SettingCollectionProxy(this.context, () => this.target())
    );
  }

  /** The selected range of the active sheet. */
  getSelectedRange(): RangeProxy {
    return this.spawn("getSelectedRange", [], new RangeProxy(this.context, () => this.selection()));
  }
  /** The top-left cell of the selection. */
  getActiveCell(): RangeProxy {
    return this.spawn(
      "getActiveCell",
      [],
      new RangeProxy(this.context, () => {
        const { sheetId, rect } = this.selection();
        return {
          sheetId,
          rect: { row: rect.row, column: rect.column, rowCount: 1, columnCount: 1 },
        };
      })
    );
  }
  private selection(): RangeRef {
    const sheets = this.target().sheets;
    const sheet = sheets.sheet(sheets.activeSheetId);
    return { sheetId: sheet.id, rect: { ...sheet.selection } };
  }
}

function sheetByKey(wb: Workbook, key: unknown): number | null {
  if (typeof key !== "string") fail("InvalidArgument", "A worksheet is found by its name or id.");
  const byName = wb.sheets.findSheet(key);
  if (byName) return byName.id;
  const byId = wb.sheets.sheets.find((s) => sheetIdText(s.id) === key);
  return byId ? byId.id : null;
}

/** Worksheet.id as Excel shows it: a GUID-like string. */
function sheetIdText(id: number): string {
  return `{00000000-0001-0000-${String(id).padStart(4, "0")}-000000000000}`;
}

export class WorksheetCollectionProxy extends ClientCollection<Workbook, WorksheetProxy> {
  protected readonly typeName = "WorksheetCollection";
  protected readonly properties: Record<string, PropertySpec<Workbook>> = {
    count: { get: (wb) => wb.sheets.sheets.length },
  };
  protected itemsOf(wb: Workbook): WorksheetProxy[] {
    return wb.sheets.sheets.map((s) => new WorksheetProxy(this.context, () => s.id));
  }

  get count(): number {
    return this.read("count") as number;
  }

  add(name?: string): WorksheetProxy {
    return this.spawn(
      "add",
      [name],
      new WorksheetProxy(this.context, () => this.target().sheets.addSheet(name).id)
    );
  }
  getItem(key: string): WorksheetProxy {
    return this.spawn(
      "getItem",
      [key],
      new WorksheetProxy(this.context, () => {
        const id = sheetByKey(this.target(), key);
        if (id === null) fail("ItemNotFound", `There is no worksheet '${key}'.`);
        return id;
      })
    );
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return this.spawn(
      "getItemOrNullObject",
      [key],
      new WorksheetProxy(this.context, () => sheetByKey(this.target(), key))
    );
  }
  getActiveWorksheet(): WorksheetProxy {
    return this.spawn(
      "getActiveWorksheet",
      [],
      new WorksheetProxy(this.context, () => this.target().sheets.activeSheetId)
    );
  }
  getFirst(): WorksheetProxy {
    return this.spawn(
      "getFirst",
      [],
      new WorksheetProxy(this.context, () => this.target().sheets.sheets[0]?.id ?? null)
    );
  }
}

export class WorksheetProxy extends ClientObject<number> {
  protected readonly typeName = "Worksheet";
  protected readonly properties: Record<string, PropertySpec<number>> = {
    name: {
      get: (id) => this.wb().sheets.sheet(id).name,
      set: (id, name) => this.wb().sheets.renameSheet(id, name),
    },
    id: { get: (id) => sheetIdText(this.wb().sheets.sheet(id).id) },
    position: { get: (id) => this.wb().sheets.sheets.findIndex((s) => s.id === id) },
    visibility: { get: () => "Visible" },
  };
  protected navigation(): Record<string, () => ClientObject<unknown>> {
    return { tables: () => this.tables, charts: () => this.charts, shapes: () => this.shapes };
  }

  private wb(): Workbook {
    return this.context.host.workbook;
  }
  /** The sheet's id, checked to still exist. */
  private sheetId(): number {
    return this.wb().sheets.sheet(this.target()).id;
  }
  private range(method: string, args: unknown[], make: (sheetId: number) => RangeRef | null) {
    return this.spawn(method, args, new RangeProxy(this.context, () => make(this.sheetId())));
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
  get position(): number {
    return this.read("position") as number;
  }
  get visibility(): string {
    return this.read("visibility") as string;
  }
  get tables(): TableCollectionProxy {
    return this.nav(
      "tables",
      () => new TableCollectionProxy(this.context, () => ({ sheetId: this.sheetId() }))
    );
  }

  get shapes(): ShapeCollectionProxy {
    return this.nav("shapes", () => new ShapeCollectionProxy(this.context, () => this.sheetId()));
  }
  get charts(): ChartCollectionProxy {
    return this.nav("charts", () => new ChartCollectionProxy(this.context, () => this.sheetId()));
  }

  activate(): void {
    this.call("activate", [], () => {
      this.wb().sheets.activeSheetId = this.sheetId();
    });
  }
  delete(): void {
    this.call("delete", [], () => this.wb().deleteSheet(this.sheetId()));
  }

  /** getRange() is the whole sheet; an address may name this sheet ("Sheet1!A1") but no other. */
  getRange(address?: string): RangeProxy {
    return this.range("getRange", [address], (sheetId) => {
      if (address === undefined)
        return {
          sheetId,
          rect: { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS },
        };
      const ref = this.wb().rangeOf(address, sheetId);
      if (ref.sheetId !== sheetId)
        fail("InvalidArgument", `'${address}' is not on this worksheet.`);
      return ref;
    });
  }
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): RangeProxy {
    const args = [startRow, startColumn, rowCount, columnCount];
    return this.range("getRangeByIndexes", args, (sheetId) => ({
      sheetId,
      rect: SheetsModel.checkRect({ row: startRow, column: startColumn, rowCount, columnCount }),
    }));
  }
  getCell(row: number, column: number): RangeProxy {
    return this.range("getCell", [row, column], (sheetId) => ({
      sheetId,
      rect: SheetsModel.checkRect({ row, column, rowCount: 1, columnCount: 1 }),
    }));
  }
  /** The used range; A1 for an empty sheet, as Excel does. */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this.range("getUsedRange", [valuesOnly], (sheetId) => {
      const used = this.wb().usedRect(sheetId, valuesOnly === true);
      return used ?? { sheetId, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this.range(
      "getUsedRangeOrNullObject",
      [valuesOnly],
      (sheetId) => this.wb().usedRect(sheetId, valuesOnly === true) ?? null
    );
  }

  /** Every cell whose formula (or value, for other cells) holds the text: one area per cell. */
  findAll(text: string, criteria?: SearchCriteria): RangeAreasProxy {
    return this.find("findAll", text, criteria, true);
  }
  findAllOrNullObject(text: string, criteria?: SearchCriteria): RangeAreasProxy {
    return this.find("findAllOrNullObject", text, criteria, false);
  }
  private find(method: string, text: string, criteria: unknown, required: boolean) {
    const areas = new RangeAreasProxy(this.context, () => {
      const found = findCells(this.wb().sheets, this.sheetId(), text, criteria);
      if (found.length > 0) return found;
      if (required) fail("ItemNotFound", `No cell on the worksheet contains '${text}'.`);
      return null;
    });
    return this.spawn(method, [text, criteria], areas);
  }
}
