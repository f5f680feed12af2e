/**
 * The pieces of an Excel entity value, as plain JSON. The types are @types/office-js' own
 * (type positions only: they vanish from the built code, so the core still makes no Office call), so
 * the compiler checks every card against the shape Excel reads.
 *
 * Numbers are FormattedNumber values: they carry their number format into the card and into a cell
 * read with dot syntax on every host with CustomFunctionsRuntime 1.4 (ExcelApi 1.16). ExcelApi 1.19's
 * Double with a numberFormat says the same but older hosts show it unformatted.
 */
import { FormulaError, isFormulaError } from "../errors";
import { FORMATS } from "../numberFormats";

export type EntityValue = Excel.EntityCellValue;
export type PropertyValue = Excel.EntityPropertyType;
export type CardSection = Excel.CardLayoutListSection | Excel.CardLayoutTableSection;
export type ArrayValue = Excel.ArrayCellValue;
export type ArrayElement = Excel.CellValue;
type Metadata = Excel.CellValuePropertyMetadata;

/** What a figure says about where it comes from: the card shows the source and a sublabel (its date). */
export interface Provenance {
  /** The source's name, and its https address when it is on the web. */
  readonly source?: { readonly text: string; readonly address: string | null };
  readonly sublabel?: string;
}

function metadata(p: Provenance | undefined): { propertyMetadata?: Metadata } {
  if (!p || (p.source === undefined && p.sublabel === undefined)) return {};
  const m: Metadata = {};
  if (p.sublabel !== undefined) m.sublabel = p.sublabel;
  if (p.source !== undefined)
    m.attribution = [
      p.source.address === null
        ? { sourceText: p.source.text }
        : { sourceText: p.source.text, sourceAddress: p.source.address },
    ];
  return { propertyMetadata: m };
}

export function textValue(value: string, p?: Provenance): PropertyValue {
  return { type: "String", basicValue: value, ...metadata(p) };
}

export function numberValue(value: number, format: string, p?: Provenance): PropertyValue {
  return { type: "FormattedNumber", basicValue: value, numberFormat: format, ...metadata(p) };
}

export const usd = (value: number, p?: Provenance): PropertyValue =>
  numberValue(value, FORMATS.usdBillions, p);
export const excelDate = (serial: number, p?: Provenance): PropertyValue =>
  numberValue(serial, FORMATS.date, p);
export const count = (value: number): PropertyValue => ({ type: "Double", basicValue: value });

/** One element of a list inside a card: text, a formatted number, or nothing to show (empty text). */
export type ListCell = string | { readonly number: number; readonly format: string } | null;

function element(cell: ListCell): ArrayElement {
  if (cell === null) return { type: "String", basicValue: "" };
  if (typeof cell === "string") return { type: "String", basicValue: cell };
  return { type: "FormattedNumber", basicValue: cell.number, numberFormat: cell.format };
}

/** A list in a card: a header row, then one row per item, every row as wide as the header. */
export function listValue(
  header: readonly string[],
  rows: readonly (readonly ListCell[])[],
  p?: Provenance
): PropertyValue {
  const value: ArrayValue = {
    type: "Array",
    elements: [header.map((h) => element(h)), ...rows.map((r) => r.map(element))],
  };
  return { ...value, ...metadata(p) };
}

/** A named property in the card's order, or left out when the data has no value for it. */
export type Property = readonly [name: string, value: PropertyValue | undefined];

export interface CardSpec {
  /** What the cell shows. */
  readonly text: string;
  /** The property that titles the card. */
  readonly titleProperty: string;
  readonly icon: string;
  /** Sections in order, each listing its properties in order; properties without a value are left out. */
  readonly sections: readonly {
    readonly title?: string;
    readonly properties: readonly Property[];
  }[];
  readonly provider: string;
}

/** An entity value from sections of properties: names in card order, sections naming only what exists. */
export function entity(spec: CardSpec): EntityValue {
  const properties: Record<string, PropertyValue> = {};
  const sections: CardSection[] = [];
  for (const s of spec.sections) {
    const names: string[] = [];
    for (const [name, value] of s.properties) {
      if (value === undefined) continue;
      properties[name] = value;
      if (name !== spec.titleProperty) names.push(name);
    }
    if (names.length === 0) continue;
    sections.push(
      s.title === undefined
        ? { layout: "List", properties: names }
        : { layout: "List", title: s.title, properties: names }
    );
  }
  return {
    type: "Entity",
    text: spec.text,
    properties,
    layouts: {
      card: { title: { property: spec.titleProperty }, sections },
      compact: { icon: spec.icon },
    },
    provider: { description: spec.provider },
  };
}

/** What a card function returns: the card, or on a host that cannot show cards, the text its cell shows. */
export function cardOrText(
  card: EntityValue | FormulaError,
  showsCards: boolean
): EntityValue | string | FormulaError {
  return showsCards || isFormulaError(card) ? card : (card.text ?? "");
}
