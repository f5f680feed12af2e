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

const CODE_TO_TYPE: Record<string, ErrorType> = {
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
      try {
        return fromResult(fn(...args));
      } catch (thrown) {
        return thrownToError(thrown);
      }
    }

    custom(ast: ProcedureAst, state: State): unknown {
      const result = this.call(ast, state);
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
      let size: [number, number] = [1, 1];
      try {
        const result = this.call(ast, state);
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

  const translations: Record<string, string> = { [NULL_ERROR_FUNCTION]: NULL_ERROR_FUNCTION };
  CustomFunctionsPlugin.implementedFunctions[NULL_ERROR_FUNCTION] = { method: "nullError" };
  for (const [hfId, def] of byHfId) {
    translations[hfId] = hfId;
    CustomFunctionsPlugin.implementedFunctions[hfId] = {
      method: "custom",
      // `call` evaluates the arguments itself; no parameters also keeps HyperFormula from lifting.
      vectorizationForbidden: true,
      ...(def.result?.dimensionality === "matrix" ? { sizeOfResultArrayMethod: "customSize" } : {}),
    };
  }
  return { plugin: CustomFunctionsPlugin, translations, staleSpills };
}
