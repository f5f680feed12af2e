/**
 * A table the task pane inserts, as pure data: its columns (header, number format, width), and for every
 * row a recipe per column. One recipe renders either as a live formula (=DEALS.…, updates with the data)
 * or as the value that formula returns today, computed by the same core functions the custom functions
 * call, so a live table and a values table for the same date read the same.
 */
import { Dataset } from "../dataset";
import { describeAsOf, parseAsOf } from "../dates";
import { FormulaError, isFormulaError } from "../errors";
import * as formulas from "../formulas";
import { SheetCell, a1, call, text, valueCell } from "./cells";

export const NAMESPACE = "DEALS";

export type TableKind = "valuation" | "exposure" | "roundtrip";
export type FigureMode = "live" | "values";

/** What the analyst asked for; recorded in the workbook so a refresh can rebuild the table. */
export interface TableRequest {
  readonly kind: TableKind;
  /** Company ids (or names): the companies of a valuation table, the investors of an exposure table. */
  readonly subjects: readonly string[];
  /** YYYY-MM-DD, YYYY-MM or YYYY; null for the latest data. */
  readonly asOf: string | null;
  readonly mode: FigureMode;
  /** Valuation table: the first column as company cards (=DEALS.COMPANY(…)) in a live table. */
  readonly cards?: boolean;
}

export interface ColumnSpec {
  readonly header: string;
  /** Excel number format code of the column's body. */
  readonly format: string;
  /** Column width in points (Excel's unit for Range.format.columnWidth). */
  readonly width: number;
}

/** The functions a recipe may call, by Excel id, with arguments as Excel passes them (null = omitted). */
type Args = readonly (string | null)[];
const CALLS = {
  VALUATION: (ds: Dataset, a: Args) => formulas.valuation(ds, a[0], a[1]),
  VALUATION_FIELD: (ds: Dataset, a: Args) => formulas.valuationField(ds, a[0], a[1], a[2]),
  DEAL_VALUE: (ds: Dataset, a: Args) => formulas.dealValue(ds, a[0], a[1], a[2], a[3]),
  DEAL_STATUS: (ds: Dataset, a: Args) => formulas.dealStatus(ds, a[0], a[1], a[2], a[3]),
  STAKE_PCT: (ds: Dataset, a: Args) => formulas.stakePct(ds, a[0], a[1], a[2]),
  STAKE_BASIS: (ds: Dataset, a: Args) => formulas.stakeBasis(ds, a[0], a[1], a[2]),
  FLOW_BACK: (ds: Dataset, a: Args) => formulas.flowBack(ds, a[0], a[1], a[2]),
  CIRCULARITY: (ds: Dataset, a: Args) => formulas.circularityRatio(ds, a[0], a[1], a[2]),
  UNREPORTED: (ds: Dataset, a: Args) => formulas.unreportedCount(ds, a[0], a[1], a[2], a[3]),
} satisfies Record<string, (ds: Dataset, a: Args) => string | number | FormulaError>;
export type FunctionId = keyof typeof CALLS;

/** How one cell of a row is made. Column indexes are within the table (0 = first column). */
export type Recipe =
  | { readonly kind: "label"; readonly text: string }
  | { readonly kind: "call"; readonly id: FunctionId; readonly args: Args }
  /** A company card, =DEALS.COMPANY(company, as_of), live; its name in a values table (a card is a formula). */
  | { readonly kind: "card"; readonly company: string; readonly args: Args }
  /** column(numerator) / column(denominator) - 1: a change in percent. */
  | { readonly kind: "change"; readonly numerator: number; readonly denominator: number }
  /** column(factor) × the call: a stake times a valuation. */
  | { readonly kind: "times"; readonly factor: number; readonly by: Recipe & { kind: "call" } };

export interface TableDraft {
  /** Words for the caption: "valuations", "exposure". */
  readonly title: string;
  readonly baseTableName: string;
  readonly baseSheetName: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly (readonly Recipe[])[];
}

export interface TablePlan {
  readonly request: TableRequest;
  readonly baseTableName: string;
  readonly baseSheetName: string;
  readonly columns: readonly ColumnSpec[];
  /** Caption row + header row + one row per body row. */
  readonly height: number;
  readonly width: number;
  readonly bodyRows: number;
  readonly dataVersion: string;
  /** What each body row is about, as its Investor and Company cells show it ("Amazon|OpenAI"). */
  readonly rowKeys: readonly string[];
  /**
   * Every cell of the block (caption, header, body), for a block whose top-left cell is at the anchor.
   * `offsets` places each column elsewhere in the table (an analyst moved or inserted columns), so a
   * formula that refers to another column of its row points where that column now is.
   */
  cellsAt(anchor: { row: number; column: number }, offsets?: readonly number[]): SheetCell[][];
}

export type PlanResult = { ok: true; plan: TablePlan } | { ok: false; message: string };

type Computed = number | string | FormulaError;

function compute(ds: Dataset, recipe: Recipe, row: readonly Computed[]): Computed {
  switch (recipe.kind) {
    case "label":
      return recipe.text;
    case "card":
      return recipe.company;
    case "call":
      return CALLS[recipe.id](ds, recipe.args);
    case "change":
      return arithmetic(row[recipe.numerator], row[recipe.denominator], (n, d) => n / d - 1);
    case "times":
      return arithmetic(row[recipe.factor], compute(ds, recipe.by, row), (a, b) => a * b);
  }
}

/** Excel's arithmetic on two cells: the first error wins, text is #VALUE!. */
function arithmetic(
  a: Computed | undefined,
  b: Computed | undefined,
  op: (x: number, y: number) => number
): Computed {
  for (const x of [a, b]) if (isFormulaError(x)) return x;
  if (typeof a !== "number" || typeof b !== "number")
    return new FormulaError("#VALUE!", "Not a number.");
  const result = op(a, b);
  // Excel shows #DIV/0! where JavaScript gives Infinity or NaN.
  return Number.isFinite(result) ? result : new FormulaError("#DIV/0!", "Division by zero.");
}

function formula(recipe: Recipe, at: (column: number) => string): string {
  switch (recipe.kind) {
    case "label":
      return recipe.text;
    case "card":
      return call(NAMESPACE, "COMPANY", recipe.args);
    case "call":
      return call(NAMESPACE, recipe.id, recipe.args);
    case "change":
      return `${at(recipe.numerator)}/${at(recipe.denominator)}-1`;
    case "times":
      return `${at(recipe.factor)}*${formula(recipe.by, at)}`;
  }
}

/** "as of latest data" or "as of 2025-12-17"; an unreadable date is the analyst's to fix. */
export function readAsOf(
  asOf: string | null
): { day: number; label: string } | { message: string } {
  const day = parseAsOf(asOf === null ? null : asOf.trim());
  if (isFormulaError(day)) return { message: day.message };
  return {
    day,
    label: asOf === null || asOf.trim() === "" ? "as of the latest data" : describeAsOf(day),
  };
}

export function planTable(
  ds: Dataset,
  request: TableRequest,
  draft: TableDraft,
  asOfLabel: string
): TablePlan {
  const version = formulas.dataVersion(ds);
  // A row is known by its Investor and Company cells (Company alone in a valuation table).
  const keyColumns = draft.columns
    .map((c, i) => (/^(company|investor)$/i.test(c.header) ? i : -1))
    .filter((i) => i >= 0);
  const shownAs = (r: Recipe | undefined): string =>
    r?.kind === "label" ? r.text : r?.kind === "card" ? r.company : "";
  const captionText = `AI Deals · ${draft.title} ${asOfLabel} · data `;
  const width = draft.columns.length;
  return {
    request,
    baseTableName: draft.baseTableName,
    baseSheetName: draft.baseSheetName,
    columns: draft.columns,
    height: draft.rows.length + 2,
    width,
    bodyRows: draft.rows.length,
    dataVersion: version,
    rowKeys: draft.rows.map((row) => keyColumns.map((i) => shownAs(row[i])).join("|")),
    cellsAt(anchor, offsets) {
      const live = request.mode === "live";
      const pad = (first: SheetCell): SheetCell[] => [
        first,
        ...Array<SheetCell>(width - 1).fill(""),
      ];
      // Live, the caption follows the data: after a refresh it names the new version.
      const caption = live
        ? `="${captionText.replace(/"/g, '""')}"&${NAMESPACE}.DATA_VERSION()`
        : text(captionText + version);
      // Headers are the add-in's own words, written as they are (a table's header is its column's name).
      const out: SheetCell[][] = [pad(caption), draft.columns.map((c) => c.header)];
      draft.rows.forEach((recipes, i) => {
        const row = anchor.row + 2 + i;
        if (live) {
          const at = (column: number): string =>
            a1(row, anchor.column + (offsets?.[column] ?? column));
          out.push(recipes.map((r) => (r.kind === "label" ? text(r.text) : `=${formula(r, at)}`)));
        } else {
          const computed: Computed[] = [];
          for (const r of recipes) computed.push(compute(ds, r, computed));
          out.push(computed.map(valueCell));
        }
      });
      return out;
    },
  };
}
