/**
 * Excel.NamedItemCollection / NamedItem (workbook.names) and SettingCollection / Setting
 * (workbook.settings).
 */
import { ClientCollection, ClientObject, type PropertySpec } from "./clientObject";
import type { NamedItemState } from "./definedNames";
import { fail } from "./errors";
import type { RangeRef } from "./model";
import { RangeProxy } from "./rangeProxies";
import type { Workbook } from "./workbook";

export class NamedItemCollectionProxy extends ClientCollection<Workbook, NamedItemProxy> {
  protected readonly typeName = "NamedItemCollection";
  protected readonly properties: Record<string, PropertySpec<Workbook>> = {
    count: { get: (wb) => wb.names.list.length },
  };
  protected itemsOf(wb: Workbook): NamedItemProxy[] {
    return wb.names.list.map((item) => new NamedItemProxy(this.context, () => item));
  }

  get count(): number {
    return this.read("count") as number;
  }

  /** add(name, range or formula, comment). */
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    return this.spawn(
      "add",
      [name, reference, comment],
      new NamedItemProxy(this.context, () => {
        const ref = reference instanceof RangeProxy ? reference.resolveOrFail() : reference;
        return this.target().names.add(name, ref, comment);
      })
    );
  }
  getItem(name: string): NamedItemProxy {
    return this.spawn(
      "getItem",
      [name],
      new NamedItemProxy(this.context, () => {
        const item = this.target().names.find(String(name));
        if (!item) fail("ItemNotFound", `There is no name '${name}'.`);
        return item;
      })
    );
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return this.spawn(
      "getItemOrNullObject",
      [name],
      new NamedItemProxy(this.context, () => this.target().names.find(String(name)) ?? null)
    );
  }
}

export class NamedItemProxy extends ClientObject<NamedItemState> {
  protected readonly typeName = "NamedItem";
  protected readonly properties: Record<string, PropertySpec<NamedItemState>> = {
    name: { get: (item) => item.name },
    type: { get: (item) => this.wb().names.type(item) },
    value: { get: (item) => this.wb().names.value(item) },
    formula: { get: (item) => this.wb().names.formula(item) },
    comment: {
      get: (item) => item.comment,
      set: (item, comment) => {
        item.comment = String(comment);
      },
    },
    visible: { get: () => true },
  };

  private wb(): Workbook {
    return this.context.host.workbook;
  }
  private rangeOf(item: NamedItemState): RangeRef | null {
    const range = item.range;
    return range && this.wb().sheets.sheets.some((s) => s.id === range.sheetId) ? range : null;
  }

  get name(): string {
    return this.read("name") as string;
  }
  get type(): string {
    return this.read("type") as string;
  }
  get value(): unknown {
    return this.read("value");
  }
  get formula(): string {
    return this.read("formula") as string;
  }
  get comment(): string {
    return this.read("comment") as string;
  }
  set comment(value: string) {
    this.write("comment", value);
  }
  get visible(): boolean {
    return this.read("visible") as boolean;
  }

  getRange(): RangeProxy {
    const range = new RangeProxy(this.context, () => {
      const ref = this.rangeOf(this.resolveOrFail());
      if (!ref) fail("InvalidOperation", "The name does not refer to a range.");
      return ref;
    });
    return this.spawn("getRange", [], range);
  }
  getRangeOrNullObject(): RangeProxy {
    const range = new RangeProxy(this.context, () => {
      return this.rangeOf(this.resolveOrFail());
    });
    return this.spawn("getRangeOrNullObject", [], range);
  }
  delete(): void {
    this.call("delete", [], (item) => this.wb().names.remove(item));
  }
}

export class SettingCollectionProxy extends ClientCollection<Workbook, SettingProxy> {
  protected readonly typeName = "SettingCollection";
  protected readonly properties: Record<string, PropertySpec<Workbook>> = {
    count: { get: (wb) => wb.settings.keys().length },
  };
  protected itemsOf(wb: Workbook): SettingProxy[] {
    return wb.settings.keys().map((key) => new SettingProxy(this.context, () => key));
  }

  get count(): number {
    return this.read("count") as number;
  }

  /** add(key, value): sets the value, adding the setting if needed. */
  add(key: string, value: unknown): SettingProxy {
    return this.spawn(
      "add",
      [key, value],
      new SettingProxy(this.context, () => this.target().settings.set(key, value))
    );
  }
  getItem(key: string): SettingProxy {
    return this.spawn(
      "getItem",
      [key],
      new SettingProxy(this.context, () => {
        if (!this.target().settings.has(key)) fail("ItemNotFound", `There is no setting '${key}'.`);
        return key;
      })
    );
  }
  getItemOrNullObject(key: string): SettingProxy {
    return this.spawn(
      "getItemOrNullObject",
      [key],
      new SettingProxy(this.context, () => (this.target().settings.has(key) ? key : null))
    );
  }
}

export class SettingProxy extends ClientObject<string> {
  protected readonly typeName = "Setting";
  protected readonly properties: Record<string, PropertySpec<string>> = {
    key: { get: (key) => key },
    value: {
      get: (key) => this.context.host.workbook.settings.get(key),
      set: (key, value) => {
        this.context.host.workbook.settings.set(key, value);
      },
    },
  };

  get key(): string {
    return this.read("key") as string;
  }
  get value(): unknown {
    return this.read("value");
  }
  set value(value: unknown) {
    this.write("value", value);
  }

  delete(): void {
    this.call("delete", [], (key) => this.context.host.workbook.settings.delete(key));
  }
}
