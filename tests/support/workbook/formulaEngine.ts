/**
 * The calculation side of the workbook: one HyperFormula instance whose sheets mirror the worksheets.
 * Formula cells go in as formulas, everything else as typed values, so references, built-in functions,
 * error propagation and the custom functions evaluate as in Excel.
 */
import {
  CellType,
  DetailedCellError,
  ErrorType,
  HyperFormula,
  type RawCellContent,
} from "hyperformula";
import type { CellContent, ExcelErrorCode } from "./cellInput";
import {
  ENTITY_MARK,
  FIELD_ERROR,
  FIELD_FUNCTION,
  NULL_ERROR_FUNCTION,
  addressKey,
  type EntityJson,
  buildCustomFunctionPlugin,
  shownMessage,
  type CustomFunctionDef,
  type CustomFunctionPlugin,
  type Implementation,
} from "./customFunctions";
import type { CellRect } from "./addresses";
import { MAX_COLUMNS, MAX_ROWS } from "./addresses";

export interface CellErrorInfo {
  type: ExcelErrorCode;
  /** The message Excel shows with the error (a custom function's #N/A or #VALUE! message). */
  message?: string;
  /** The engine's own explanation; Excel shows nothing like it. For debugging tests. */
  detail?: string;
}

export interface EvaluatedCell {
  /** As range.values returns it: the error's code for errors, "" for empty, #VALUE! for an entity. */
  value: number | string | boolean;
  error?: CellErrorInfo;
  /** The entity value (card) the cell holds, as valuesAsJson returns it. */
  entity?: EntityJson;
  /** The number format a formatted number read by dot syntax brings, shown where the cell has none. */
  format?: string;
}

const TYPE_TO_CODE: Partial<Record<ErrorType, ExcelErrorCode>> = {
  [ErrorType.NA]: "#N/A",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.REF]: "#REF!",
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.SPILL]: "#SPILL!",
};

function toEvaluated(value: unknown): EvaluatedCell {
  if (value instanceof DetailedCellError) {
    // Excel shows the last value of a circular reference (0 for a new one) and warns; no error value.
    if (value.type === ErrorType.CYCLE) return { value: 0 };
    const isNull = value.type === ErrorType.ERROR && value.message === "#NULL!";
    const isField = value.type === ErrorType.ERROR && value.message === FIELD_ERROR;
    const code: ExcelErrorCode = isNull
      ? "#NULL!"
      : isField
        ? "#FIELD!"
        : (TYPE_TO_CODE[value.type] ?? "#VALUE!");
    const message = shownMessage(value.message);
    const detail =
      message === undefined && !isNull && !isField && value.message ? value.message : undefined;
    return {
      value: code,
      error: {
        type: code,
        ...(message !== undefined ? { message } : {}),
        ...(detail ? { detail } : {}),
      },
    };
  }
  if (typeof value === "number") return { value: Object.is(value, -0) ? 0 : value };
  if (typeof value === "string" || typeof value === "boolean") return { value };
  return { value: "" };
}

/** How a cell's content goes to HyperFormula; "'" keeps text from being read as a number or date. */
/**
 * Excel writes a quote inside a text literal as two quotes ("a""b"); HyperFormula's parser does not
 * accept that, so such a literal goes to the engine as ("a"&CHAR(34)&"b") and comes back from it as
 * Excel wrote it. Literals without a quote inside are left alone.
 */
const STRING_LITERAL = /"(?:[^"]|"")*"/g;
const ENGINE_QUOTED = /\("((?:[^"]|"&CHAR\(34\)&")*)"\)/g;

/**
 * Excel's dot syntax reads a field of the entity (card) in a cell: A1.Valuation, or A1.[Previous
 * valuation] for a name with spaces. HyperFormula has no such syntax, so a dot reference goes to the
 * engine as FAKEEXCEL.FIELD(A1,"Valuation") and comes back from it as Excel wrote it.
 */
const CELL = String.raw`(?:(?:'[^']+'|[A-Za-z0-9_]+)!)?\$?[A-Za-z]{1,3}\$?[0-9]+`;
const DOT_REFERENCE = new RegExp(
  String.raw`(?<![A-Za-z0-9_.])(${CELL})\.(?:\[([^\]]+)\]|([A-Za-z_][A-Za-z0-9_]*))`,
  "g"
);
const ENGINE_FIELD = new RegExp(
  String.raw`${FIELD_FUNCTION.replace(".", "\\.")}\((${CELL}),"([^"]*)"\)`,
  "gi"
);

/** Applies `outside` to the parts of a formula outside its text literals. */
function outsideLiterals(formula: string, outside: (part: string) => string): string {
  let out = "";
  let last = 0;
  for (const m of formula.matchAll(STRING_LITERAL)) {
    out += outside(formula.slice(last, m.index)) + m[0];
    last = (m.index ?? 0) + m[0].length;
  }
  return out + outside(formula.slice(last));
}

export function toEngineFormula(excel: string): string {
  const fields = outsideLiterals(excel, (part) =>
    part.replace(
      DOT_REFERENCE,
      (_, cell: string, bracketed?: string, bare?: string) =>
        `${FIELD_FUNCTION}(${cell},"${bracketed ?? bare ?? ""}")`
    )
  );
  return fields.replace(STRING_LITERAL, (literal) =>
    literal.length > 2 && literal.slice(1, -1).includes('""')
      ? `(${literal.replace(/(?<=.)""(?=.)/g, '"&CHAR(34)&"')})`
      : literal
  );
}

export function fromEngineFormula(engine: string): string {
  const excel = engine.replace(ENGINE_QUOTED, (match, inner: string) =>
    inner.includes('"&CHAR(34)&"') ? `"${inner.split('"&CHAR(34)&"').join('""')}"` : match
  );
  return excel.replace(ENGINE_FIELD, (_, cell: string, name: string) =>
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `${cell}.${name}` : `${cell}.[${name}]`
  );
}

function toRaw(content: CellContent | null): RawCellContent {
  if (content === null) return null;
  if (content.kind === "formula") return toEngineFormula(content.text);
  if (content.kind === "error")
    return content.code === "#NULL!" ? `=${NULL_ERROR_FUNCTION}()` : content.code;
  return typeof content.value === "string" ? `'${content.value}` : content.value;
}

export interface EngineOptions {
  namespace: string;
  functions: readonly CustomFunctionDef[];
  implementations: ReadonlyMap<string, Implementation>;
}

export class FormulaEngine {
  private readonly hf: HyperFormula;
  private readonly custom: CustomFunctionPlugin;
  /** Formula cells per sheet, to find spills that need re-entering. */
  private readonly formulaCells = new Map<number, Set<string>>();
  /** "DEALS.": how a formula that calls a custom function is recognized. */
  private readonly customPrefix: string;

  constructor(options: EngineOptions) {
    this.customPrefix = `${options.namespace.toUpperCase()}.`;
    this.custom = buildCustomFunctionPlugin(
      options.namespace,
      options.functions,
      options.implementations
    );
    HyperFormula.getLanguage("enGB").extendFunctions(this.custom.translations);
    this.hf = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      // Only this engine gets these functions: the plugin list replaces the global registry.
      functionPlugins: [...HyperFormula.getAllFunctionPlugins(), this.custom.plugin],
      maxRows: MAX_ROWS,
      maxColumns: MAX_COLUMNS,
      // Excel: =A1 of an empty A1 is 0; results are not rounded; ranges spill (dynamic arrays).
      evaluateNullToZero: true,
      smartRounding: false,
      useArrayArithmetic: true,
    });
    // Excel reads a bare TRUE / FALSE in a formula as the boolean; HyperFormula only knows TRUE().
    this.hf.addNamedExpression("TRUE", "=TRUE()");
    this.hf.addNamedExpression("FALSE", "=FALSE()");
  }

  addSheet(name: string): number {
    this.hf.addSheet(name);
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`HyperFormula did not add sheet ${name}`);
    this.formulaCells.set(id, new Set());
    return id;
  }

  renameSheet(id: number, name: string): void {
    this.hf.renameSheet(id, name);
  }

  removeSheet(id: number): void {
    this.hf.removeSheet(id);
    this.formulaCells.delete(id);
    this.refreshSpills();
  }

  isValidFormula(text: string): boolean {
    return this.hf.validateFormula(toEngineFormula(text));
  }

  /** Writes a block of contents (null clears a cell) with its top-left corner at row, column. */
  write(sheet: number, row: number, column: number, contents: (CellContent | null)[][]): void {
    const formulas = this.formulaCells.get(sheet);
    contents.forEach((line, r) =>
      line.forEach((content, c) => {
        const key = addressKey({ sheet, row: row + r, col: column + c });
        if (content?.kind === "formula") formulas?.add(key);
        else formulas?.delete(key);
        // A cell written anew holds no card until a custom function returns one there.
        this.custom.entities.delete(key);
        this.custom.fieldFormats.delete(key);
      })
    );
    this.hf.setCellContents(
      { sheet, row, col: column },
      contents.map((line) => line.map(toRaw))
    );
    this.refreshSpills();
  }

  /** Empties the given cells in one recalculation. */
  clear(sheet: number, cells: readonly [number, number][]): void {
    if (cells.length === 0) return;
    const formulas = this.formulaCells.get(sheet);
    this.hf.batch(() => {
      for (const [row, col] of cells) {
        formulas?.delete(addressKey({ sheet, row, col }));
        this.custom.entities.delete(addressKey({ sheet, row, col }));
        this.hf.setCellContents({ sheet, row, col }, null);
      }
    });
    this.refreshSpills();
  }

  evaluate(sheet: number, row: number, column: number): EvaluatedCell {
    const value = this.hf.getCellValue({ sheet, row, col: column });
    const entity =
      value instanceof DetailedCellError && value.message === ENTITY_MARK
        ? this.custom.entities.get(addressKey({ sheet, row, col: column }))
        : undefined;
    if (entity) return { value: "#VALUE!", entity };
    const evaluated = toEvaluated(value);
    const format = this.custom.fieldFormats.get(addressKey({ sheet, row, col: column }));
    return format !== undefined && typeof evaluated.value === "number"
      ? { ...evaluated, format }
      : evaluated;
  }

  /** The formula as Excel reports it (function names and references in upper case). */
  formula(sheet: number, row: number, column: number): string | undefined {
    const formula = this.hf.getCellFormula({ sheet, row, col: column });
    return formula === undefined ? undefined : fromEngineFormula(formula);
  }

  /** The cells a dynamic-array formula at row, column spills into (the formula's cell included). */
  spillRect(sheet: number, row: number, column: number): CellRect | undefined {
    if (this.hf.getCellType({ sheet, row, col: column }) !== CellType.ARRAYFORMULA)
      return undefined;
    const isSpill = (r: number, c: number) =>
      this.hf.getCellType({ sheet, row: r, col: c }) === CellType.ARRAY;
    let columnCount = 1;
    while (column + columnCount < MAX_COLUMNS && isSpill(row, column + columnCount)) columnCount++;
    let rowCount = 1;
    while (row + rowCount < MAX_ROWS && isSpill(row + rowCount, column)) rowCount++;
    return { row, column, rowCount, columnCount };
  }

  /** Adds a defined name; false when HyperFormula cannot hold it (formulas then show #NAME?). */
  addName(name: string, formula: string): boolean {
    try {
      if (!this.hf.isItPossibleToAddNamedExpression(name, formula)) return false;
      this.hf.addNamedExpression(name, formula);
      return true;
    } catch {
      return false;
    }
  }

  removeName(name: string): void {
    if (this.hf.getNamedExpression(name)) this.hf.removeNamedExpression(name);
  }

  nameValue(name: string): EvaluatedCell | "array" {
    const value = this.hf.getNamedExpressionValue(name);
    return Array.isArray(value) ? "array" : toEvaluated(value);
  }

  /**
   * Excel's full calculation ("Full", "FullRebuild"): every formula and defined name is evaluated
   * again, so the custom functions, which are non-volatile, are called again. HyperFormula keeps
   * results until an input changes, so each formula is re-entered; rebuildAndRecalculate() would
   * renumber the sheets after a deletion and turn spilled cells into constants that block the spill.
   * Excel's known limit (office-js issues 4502, 4185, 6611): a cell whose custom function returned an
   * error is not called again by a full calculation; it only recalculates when its formula is entered
   * again. The fake keeps such cells as they are, so an add-in that relies on calculate() alone fails.
   */
  recalculateAll(): void {
    // Read first: HyperFormula answers no reads inside a batch.
    const again: { sheet: number; row: number; col: number; formula: string }[] = [];
    for (const [sheet, keys] of this.formulaCells)
      for (const key of keys) {
        const [, row = 0, col = 0] = key.split(":").map(Number);
        const formula = this.hf.getCellFormula({ sheet, row, col });
        if (formula === undefined) continue;
        const stuck =
          formula.toUpperCase().includes(this.customPrefix) &&
          this.hf.getCellValue({ sheet, row, col }) instanceof DetailedCellError;
        if (!stuck) again.push({ sheet, row, col, formula });
      }
    this.hf.batch(() => {
      for (const { formula, ...address } of again) this.hf.setCellContents(address, formula);
      for (const name of this.hf.listNamedExpressions()) {
        const formula = this.hf.getNamedExpressionFormula(name);
        if (formula !== undefined) this.hf.changeNamedExpression(name, formula);
      }
    });
    this.refreshSpills();
  }

  /**
   * HyperFormula sizes a spill when the formula is entered and does not re-spill when a blocking cell
   * is cleared, while Excel re-spills on every recalculation: re-enter the formulas whose spill is
   * blocked or whose array result changed size, until nothing changes (a few rounds at most).
   */
  private refreshSpills(): void {
    const retried = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const stale = new Set(this.custom.staleSpills);
      this.custom.staleSpills.clear();
      for (const [sheet, keys] of this.formulaCells)
        for (const key of keys) {
          if (retried.has(key)) continue;
          const [, row = 0, col = 0] = key.split(":").map(Number);
          const value = this.hf.getCellValue({ sheet, row, col });
          if (value instanceof DetailedCellError && value.type === ErrorType.SPILL) stale.add(key);
        }
      if (stale.size === 0) return;
      this.hf.batch(() => {
        for (const key of stale) {
          retried.add(key);
          const [sheet = 0, row = 0, col = 0] = key.split(":").map(Number);
          const formula = this.hf.getCellFormula({ sheet, row, col });
          if (formula !== undefined) this.hf.setCellContents({ sheet, row, col }, formula);
        }
      });
    }
  }
}
