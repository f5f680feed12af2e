/**
 * The add-in's custom functions as a HyperFormula function plugin, called the way Excel's
 * custom-functions runtime calls them: one argument per declared parameter (null for an omitted optional
 * one and for an empty cell), errors in arguments propagated without calling the function, and thrown
 * CustomFunctions.Error codes turned into the cell's error (with the message for #N/A and #VALUE!).
 *
 * HyperFormula caveats handled here:
 * - Function ids contain a dot (DEALS.VALUATION); HyperFormula's function-name token allows dots, and
 *   the id must also be in the language's translation table, so the ids are added to enGB (harmless to
 *   other engines: a name an engine has no plugin for still evaluates to #NAME?).
 * - HyperFormula fixes the size of an array result when the formula is parsed. For "matrix" results
 *   the size method calls the function with the arguments' current values; the size is remembered per
 *   call site, and if a later evaluation returns another size the cell gets #VALUE! and is listed in
 *   `staleSpills` so the engine re-enters the formula (as Excel would re-spill).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionPlugin,
  SimpleRangeValue,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from "hyperformula";
import type { ExcelErrorCode } from "./cellInput";
import { checkEntity } from "../entityRules";

export interface CustomFunctionParameter {
  name: string;
  optional?: boolean;
  dimensionality?: string;
}

export interface CustomFunctionDef {
  id: string;
  parameters: CustomFunctionParameter[];
  result?: { dimensionality?: string };
}

export type Implementation = (...args: unknown[]) => unknown;

type Ast = Parameters<FunctionPlugin["evaluateAst"]>[0];
type State = Parameters<FunctionPlugin["evaluateAst"]>[1];
type ProcedureAst = Extract<Ast, { procedureName: string }>;
type CellReferenceAst = Extract<Ast, { type: "CELL_REFERENCE" }>;
type Scalar = number | string | boolean | null;
type Element = Scalar | CellError;
type CallResult = Element | Element[][];

/**
 * Marks messages that Excel would show (a custom function's #N/A or #VALUE! message) apart from
 * HyperFormula's own explanations, which Excel has no equivalent of.
 */
const SHOWN = "[shown]";
export function shownMessage(message: string | undefined): string | undefined {
  return message?.startsWith(SHOWN) ? message.slice(SHOWN.length) : undefined;
}

/** Hidden function that stands for a typed #NULL! (HyperFormula has no such error of its own). */
export const NULL_ERROR_FUNCTION = "FAKEEXCEL.NULLERROR";
/** Hidden function a dot reference (A1.Valuation) is rewritten to: FAKEEXCEL.FIELD(A1,"Valuation"). */
export const FIELD_FUNCTION = "FAKEEXCEL.FIELD";

/**
 * An entity value (a card) in a cell. Excel's Range.values reads such a cell as its basicValue, #VALUE!,
 * and its valueTypes as Error; the cell shows the entity's text. The engine holds the marked #VALUE!, and
 * the entity itself is kept beside it per cell.
 */
export const ENTITY_MARK = "[entity]";
/** Excel's #FIELD!: a dot reference to a field the value does not have (HyperFormula has no such error). */
export const FIELD_ERROR = "#FIELD!";
export type EntityJson = { type: "Entity"; text?: string; properties?: Record<string, unknown> };

function isEntity(x: unknown): x is EntityJson {
  return (
    typeof x === "object" &&
    x !== null &&
    !Array.isArray(x) &&
    (x as { type?: unknown }).type === "Entity"
  );
}

const CODE_TO_TYPE: Record<string, ErrorType> = {
  "#FIELD!": ErrorType.ERROR,
  "#N/A": ErrorType.NA,
  "#VALUE!": ErrorType.VALUE,
  "#REF!": ErrorType.REF,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#NULL!": ErrorType.ERROR,
};

/** The CellError for an Excel error code; #NULL! travels as HyperFormula's generic ERROR. */
export function cellError(code: ExcelErrorCode, message?: string): CellError {
  if (code === "#NULL!") return new CellError(ErrorType.ERROR, "#NULL!");
  if (code === "#FIELD!") return new CellError(ErrorType.ERROR, FIELD_ERROR);
  return new CellError(CODE_TO_TYPE[code] ?? ErrorType.VALUE, message);
}

/** What Excel shows for a thrown value: CustomFunctions.Error's code, else #VALUE!. */
function thrownToError(thrown: unknown): CellError {
  const code =
    typeof thrown === "object" && thrown !== null && "code" in thrown ? thrown.code : undefined;
  const message =
    typeof thrown === "object" && thrown !== null && "message" in thrown ? thrown.message : "";
  if (typeof code !== "string" || !(code in CODE_TO_TYPE)) return new CellError(ErrorType.VALUE);
  // Excel shows a custom message only on #N/A and #VALUE!.
  const keepsMessage = code === "#N/A" || code === "#VALUE!";
  const shown = keepsMessage && typeof message === "string" ? SHOWN + message : undefined;
  return cellError(code as ExcelErrorCode, shown);
}

function isReturnedError(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    "code" in value &&
    typeof value.code === "string" &&
    value.code.startsWith("#")
  );
}

/** An interpreter value as the runtime passes it: raw number, text, boolean, or null for empty. */
function toArgument(value: unknown): Scalar | CellError {
  if (value instanceof CellError) return value;
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  // Dates, percentages and currencies are RichNumbers holding the number in `val`.
  if (typeof value === "object" && "val" in value && typeof value.val === "number")
    return value.val;
  return new CellError(ErrorType.VALUE, "Unsupported argument value.");
}

/** One returned value as a cell shows it: finite numbers, text, booleans, errors. */
function fromScalar(result: unknown): Element {
  if (result === null || result === undefined) return null;
  if (typeof result === "number")
    return Number.isFinite(result) ? result : new CellError(ErrorType.NUM);
  if (typeof result === "string" || typeof result === "boolean") return result;
  if (isReturnedError(result)) return thrownToError(result);
  if (typeof result === "object" && "then" in result)
    return new CellError(ErrorType.VALUE, "Asynchronous custom functions are not modelled.");
  return new CellError(ErrorType.VALUE, "Unsupported return value.");
}

/** A returned value: a scalar, or a rectangular 2-D array of scalars (a "matrix" result). */
function fromResult(result: unknown): CallResult {
  if (!Array.isArray(result)) return fromScalar(result);
  const rows: unknown[] = result;
  const width = Array.isArray(rows[0]) ? rows[0].length : 0;
  if (width === 0 || rows.some((r) => !Array.isArray(r) || r.length !== width))
    return new CellError(ErrorType.VALUE, "A returned array must be rectangular and not empty.");
  return (rows as unknown[][]).map((row) => row.map(fromScalar));
}

export interface CustomFunctionPlugin {
  plugin: FunctionPluginDefinition;
  translations: Record<string, string>;
  /** Cells whose array result changed size since the formula was entered: re-enter them. */
  staleSpills: Set<string>;
  /** The entity each cell's custom function last returned (valid while the cell holds ENTITY_MARK). */
  entities: Map<string, EntityJson>;
  /** The number format a dot reference brought with a formatted number (A1.Valuation shows $852.0B). */
  fieldFormats: Map<string, string>;
}

/** A property read by dot syntax, as the cell shows it: its basic value, or a list of them (spills). */
function fieldResult(value: unknown): CallResult {
  if (typeof value !== "object" || value === null) return cellError("#FIELD!");
  const v = value as { type?: unknown; basicValue?: unknown; elements?: unknown; text?: unknown };
  if (v.type === "Array" && Array.isArray(v.elements))
    return (v.elements as unknown[][]).map((row) => row.map((e) => fieldElement(e)));
  return fieldElement(value);
}

function fieldElement(value: unknown): Element {
  const v = value as { type?: unknown; basicValue?: unknown };
  if (v.type === "Entity") return new CellError(ErrorType.VALUE, ENTITY_MARK);
  if (
    typeof v.basicValue === "number" ||
    typeof v.basicValue === "string" ||
    typeof v.basicValue === "boolean"
  )
    return v.basicValue;
  return new CellError(ErrorType.VALUE);
}

export function addressKey(address: { sheet: number; row: number; col: number }): string {
  return `${address.sheet}:${address.row}:${address.col}`;
}

/** Builds the plugin for these functions: ids are NAMESPACE.ID in upper case. */
export function buildCustomFunctionPlugin(
  namespace: string,
  functions: readonly CustomFunctionDef[],
  implementations: ReadonlyMap<string, Implementation>
): CustomFunctionPlugin {
  const byHfId = new Map<string, CustomFunctionDef>();
  for (const def of functions) byHfId.set(`${namespace}.${def.id}`.toUpperCase(), def);
  const staleSpills = new Set<string>();
  const entities = new Map<string, EntityJson>();
  const fieldFormats = new Map<string, string>();
  // Predicted array sizes per call site: the AST node HyperFormula shares across cells, then the cell.
  const predicted = new WeakMap<object, Map<string, [number, number]>>();

  class CustomFunctionsPlugin extends FunctionPlugin {
    static implementedFunctions: ImplementedFunctions = {};

    /** Calls the function with each declared parameter's argument; undefined values are skipped. */
    private call(ast: ProcedureAst, state: State): CallResult {
      const def = byHfId.get(ast.procedureName);
      const fn = def ? implementations.get(def.id.toUpperCase()) : undefined;
      if (!def || !fn)
        return new CellError(ErrorType.NAME, `${ast.procedureName} has no implementation.`);
      const required = def.parameters.reduce((n, p, i) => (p.optional ? n : i + 1), 0);
      // Excel refuses such a formula when it is typed; the fake evaluates it to #VALUE! instead.
      if (ast.args.length > def.parameters.length || ast.args.length < required)
        return new CellError(
          ErrorType.VALUE,
          `${ast.procedureName} takes ${required} to ${def.parameters.length} arguments.`
        );
      const args: unknown[] = [];
      for (const [i, param] of def.parameters.entries()) {
        const argAst = ast.args[i];
        const value = argAst === undefined ? null : this.evaluateAst(argAst, state);
        const matrix = param.dimensionality === "matrix";
        if (value instanceof SimpleRangeValue) {
          const rows = value.data.map((row) => row.map(toArgument));
          const error = rows.flat().find((v) => v instanceof CellError);
          if (error) return error;
          // A range given to a scalar parameter: Excel would lift the call over the range; not modelled.
          if (!matrix && rows.flat().length !== 1)
            return new CellError(ErrorType.VALUE, "A range passed to a scalar parameter.");
          args.push(matrix ? rows : (rows[0]?.[0] ?? null));
        } else {
          const arg = toArgument(value);
          if (arg instanceof CellError) return arg;
          args.push(matrix ? [[arg]] : arg);
        }
      }
      const key = addressKey(state.formulaAddress);
      entities.delete(key);
      try {
        const result: unknown = fn(...args);
        if (!isEntity(result)) return fromResult(result);
        // Excel refuses an entity that breaks its rules: the cell shows #VALUE!.
        const problems = checkEntity(result);
        if (problems.length > 0)
          return new CellError(ErrorType.VALUE, `Excel refuses this entity: ${problems[0]}`);
        entities.set(key, result);
        return new CellError(ErrorType.VALUE, ENTITY_MARK);
      } catch (thrown) {
        return thrownToError(thrown);
      }
    }

    /** A dot reference, A1.Name or A1.[Name with spaces]: the field of the entity in that cell. */
    private fieldOf(ast: ProcedureAst, state: State): CallResult {
      const [target, nameAst] = ast.args;
      if (target === undefined || nameAst === undefined || String(target.type) !== "CELL_REFERENCE")
        return cellError("#FIELD!");
      const reference = (target as CellReferenceAst).reference;
      // Evaluated so the engine orders this cell after the one it reads.
      const held = this.evaluateAst(target, state);
      const name = this.evaluateAst(nameAst, state);
      const address = reference.toSimpleCellAddress(state.formulaAddress);
      const entity = entities.get(addressKey(address));
      if (!(held instanceof CellError) || held.message !== ENTITY_MARK || !entity) {
        // Dot syntax on an error passes the error on; on anything else there is no such field.
        return held instanceof CellError ? held : cellError("#FIELD!");
      }
      const wanted = String(name).toLowerCase();
      const match = Object.entries(entity.properties ?? {}).find(
        ([n]) => n.toLowerCase() === wanted
      );
      const excluded = (
        match?.[1] as { propertyMetadata?: { excludeFrom?: { dotNotation?: boolean } } }
      )?.propertyMetadata?.excludeFrom?.dotNotation;
      if (!match || excluded === true) return cellError("#FIELD!");
      const format = (match[1] as { numberFormat?: unknown }).numberFormat;
      if (typeof format === "string") fieldFormats.set(addressKey(state.formulaAddress), format);
      return fieldResult(match[1]);
    }

    field(ast: ProcedureAst, state: State): unknown {
      fieldFormats.delete(addressKey(state.formulaAddress));
      return this.spill(this.fieldOf(ast, state), ast, state);
    }

    fieldSize(ast: ProcedureAst, state: State): ArraySize {
      return this.predict(() => this.fieldOf(ast, state), ast, state);
    }

    custom(ast: ProcedureAst, state: State): unknown {
      return this.spill(this.call(ast, state), ast, state);
    }

    /** A result as the cell holds it: a value, or an array spilled at the size predicted when parsing. */
    private spill(result: CallResult, ast: ProcedureAst, state: State): unknown {
      if (!Array.isArray(result)) return result === null ? EmptyValue : result;
      const height = result.length;
      const width = result[0]?.length ?? 0;
      if (height === 1 && width === 1) return result[0]?.[0] ?? EmptyValue;
      const key = addressKey(state.formulaAddress);
      const size = predicted.get(ast)?.get(key);
      if (!size || size[0] !== height || size[1] !== width) {
        staleSpills.add(key);
        return new CellError(
          ErrorType.VALUE,
          "The array result changed size; re-entering formula."
        );
      }
      return SimpleRangeValue.onlyValues(result.map((row) => row.map((v) => v ?? EmptyValue)));
    }

    customSize(ast: ProcedureAst, state: State): ArraySize {
      return this.predict(() => this.call(ast, state), ast, state);
    }

    private predict(compute: () => CallResult, ast: ProcedureAst, state: State): ArraySize {
      let size: [number, number] = [1, 1];
      try {
        const result = compute();
        if (Array.isArray(result)) size = [result.length, result[0]?.length ?? 1];
      } catch {
        // Arguments not computable while parsing: predict one cell; evaluation flags the cell stale.
      }
      const sites = predicted.get(ast) ?? new Map<string, [number, number]>();
      sites.set(addressKey(state.formulaAddress), size);
      predicted.set(ast, sites);
      return new ArraySize(size[1], size[0]);
    }

    nullError(): CellError {
      return new CellError(ErrorType.ERROR, "#NULL!");
    }
  }

  const translations: Record<string, string> = {
    [NULL_ERROR_FUNCTION]: NULL_ERROR_FUNCTION,
    [FIELD_FUNCTION]: FIELD_FUNCTION,
  };
  CustomFunctionsPlugin.implementedFunctions[NULL_ERROR_FUNCTION] = { method: "nullError" };
  CustomFunctionsPlugin.implementedFunctions[FIELD_FUNCTION] = {
    method: "field",
    sizeOfResultArrayMethod: "fieldSize",
    vectorizationForbidden: true,
  };
  for (const [hfId, def] of byHfId) {
    translations[hfId] = hfId;
    CustomFunctionsPlugin.implementedFunctions[hfId] = {
      method: "custom",
      // `call` evaluates the arguments itself; no parameters also keeps HyperFormula from lifting.
      vectorizationForbidden: true,
      ...(def.result?.dimensionality === "matrix" ? { sizeOfResultArrayMethod: "customSize" } : {}),
    };
  }
  return { plugin: CustomFunctionsPlugin, translations, staleSpills, entities, fieldFormats };
}
