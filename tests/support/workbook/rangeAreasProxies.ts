/**
 * Excel.RangeAreas and its `areas` RangeCollection: a fixed list of rectangles on one sheet (what
 * worksheet.findAll returns). Each area is an ordinary Range proxy, so it can be loaded and written.
 */
import { MAX_COLUMNS, MAX_ROWS } from "./addresses";
import {
  ClientCollection,
  ClientObject,
  type ClientResult,
  type PropertySpec,
} from "./clientObject";
import { fail } from "./errors";
import type { RangeRef } from "./model";
import { RangeProxy } from "./rangeProxies";
import { WorksheetProxy } from "./sheetProxies";
import type { Workbook } from "./workbook";

/** The areas, in order; never empty (no areas is a null object). */
export type AreaList = readonly RangeRef[];

export class RangeAreasProxy extends ClientObject<AreaList> {
  protected readonly typeName = "RangeAreas";
  protected readonly properties: Record<string, PropertySpec<AreaList>> = {
    // Excel joins the areas with a bare comma ("Sheet1!A1,Sheet1!C3"), though its reference shows
    // ", " in an example.
    address: { get: (areas) => areas.map((ref) => this.wb().address(ref)).join(",") },
    addressLocal: { get: (areas) => areas.map((ref) => this.wb().address(ref)).join(",") },
    areaCount: { get: (areas) => areas.length },
    cellCount: {
      get: (areas) => areas.reduce((n, { rect }) => n + rect.rowCount * rect.columnCount, 0),
    },
    isEntireColumn: {
      get: (areas) => areas.every(({ rect }) => rect.row === 0 && rect.rowCount === MAX_ROWS),
    },
    isEntireRow: {
      get: (areas) =>
        areas.every(({ rect }) => rect.column === 0 && rect.columnCount === MAX_COLUMNS),
    },
  };
  protected navigation(): Record<string, () => ClientObject<unknown>> {
    return { areas: () => this.areas, worksheet: () => this.worksheet };
  }

  private wb(): Workbook {
    return this.context.host.workbook;
  }

  get address(): string {
    return this.read("address") as string;
  }
  get addressLocal(): string {
    return this.read("addressLocal") as string;
  }
  get areaCount(): number {
    return this.read("areaCount") as number;
  }
  get cellCount(): number {
    return this.read("cellCount") as number;
  }
  get isEntireColumn(): boolean {
    return this.read("isEntireColumn") as boolean;
  }
  get isEntireRow(): boolean {
    return this.read("isEntireRow") as boolean;
  }
  get areas(): RangeCollectionProxy {
    return this.nav("areas", () => new RangeCollectionProxy(this.context, () => this.target()));
  }
  get worksheet(): WorksheetProxy {
    return this.nav(
      "worksheet",
      () => new WorksheetProxy(this.context, () => this.target()[0]?.sheetId ?? null)
    );
  }
}

export class RangeCollectionProxy extends ClientCollection<AreaList, RangeProxy> {
  protected readonly typeName = "RangeCollection";
  protected readonly properties: Record<string, PropertySpec<AreaList>> = {
    count: { get: (areas) => areas.length },
  };
  protected itemsOf(areas: AreaList): RangeProxy[] {
    return areas.map((ref) => new RangeProxy(this.context, () => ref));
  }

  get count(): number {
    return this.read("count") as number;
  }

  getCount(): ClientResult<number> {
    return this.compute("getCount", [], (areas) => areas.length);
  }
  getItemAt(index: number): RangeProxy {
    return this.spawn(
      "getItemAt",
      [index],
      new RangeProxy(this.context, () => {
        const ref = this.target()[index];
        if (!Number.isInteger(index) || !ref)
          fail("InvalidArgument", `There is no area at index ${index}.`);
        return ref;
      })
    );
  }
}
