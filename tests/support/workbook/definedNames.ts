/**
 * Workbook-scoped defined names (workbook.names): a name for a range or a formula. Range names are
 * also given to the formula engine, so formulas can use them.
 */
import { formatAddress, parseAddress } from "./addresses";
import { fail } from "./errors";
import type { RangeRef, SheetsModel } from "./model";
import { checkItemName } from "./nameRules";

export interface NamedItemState {
  name: string;
  comment: string;
  /** Set for a name that refers to a range; it follows the sheet when the sheet is renamed. */
  range?: RangeRef;
  /** Set for a name that refers to a formula or constant ("=0.25"). */
  formula?: string;
}

export type NamedItemType = "Range" | "String" | "Double" | "Boolean" | "Error" | "Array";

export class NamedItems {
  readonly list: NamedItemState[] = [];

  constructor(
    private readonly sheets: SheetsModel,
    private readonly takenNames: () => string[]
  ) {}

  find(name: string): NamedItemState | undefined {
    const lower = name.toLowerCase();
    return this.list.find((n) => n.name.toLowerCase() === lower);
  }

  /** names.add(name, reference, comment): reference is a range or a formula ("=Sheet1!$A$1", "=0.5"). */
  add(name: unknown, reference: RangeRef | string, comment: unknown): NamedItemState {
    const valid = checkItemName(name, this.takenNames(), "defined");
    const item: NamedItemState = {
      name: valid,
      comment: typeof comment === "string" ? comment : "",
    };
    if (typeof reference === "string") {
      const formula = reference.startsWith("=") ? reference : `=${reference}`;
      const parsed = parseAddress(formula.slice(1));
      const sheet = parsed?.sheet === undefined ? undefined : this.sheets.findSheet(parsed.sheet);
      if (parsed && sheet) item.range = { sheetId: sheet.id, rect: parsed.rect };
      else if (this.sheets.engine.isValidFormula(formula)) item.formula = formula;
      else fail("InvalidArgument", `'${reference}' is not a reference or formula Excel accepts.`);
    } else {
      this.sheets.sheet(reference.sheetId);
      item.range = reference;
    }
    this.list.push(item);
    this.sheets.engine.addName(item.name, this.formula(item));
    return item;
  }

  remove(item: NamedItemState): void {
    this.list.splice(this.list.indexOf(item), 1);
    this.sheets.engine.removeName(item.name);
  }

  /** "=Sheet1!$A$1:$B$2" for a range (#REF! once its sheet is gone), else the formula. */
  formula(item: NamedItemState): string {
    if (!item.range) return item.formula ?? "=#REF!";
    const sheet = this.sheets.sheets.find((s) => s.id === item.range?.sheetId);
    return sheet ? `=${formatAddress(sheet.name, item.range.rect, true)}` : "=#REF!";
  }

  type(item: NamedItemState): NamedItemType {
    if (item.range) return "Range";
    const value = this.sheets.engine.nameValue(item.name);
    if (value === "array") return "Array";
    if (value.error) return "Error";
    return typeof value.value === "number"
      ? "Double"
      : typeof value.value === "boolean"
        ? "Boolean"
        : "String";
  }

  /** NamedItem.value: the address for a range, else what the formula computes. */
  value(item: NamedItemState): unknown {
    if (item.range) return this.formula(item).slice(1);
    const value = this.sheets.engine.nameValue(item.name);
    return value === "array" ? null : value.value;
  }
}
