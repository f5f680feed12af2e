/**
 * What Excel makes of a value written through range.values or range.formulas, the same as typing it:
 * "=…" (and "+…", "-…", "@…") is a formula, "'…" is text, "#N/A" is an error, "TRUE" a boolean, "12.5" a number, "" clears
 * the cell, and null leaves the cell as it is.
 */
import { fail } from "./errors";

export const ERROR_LITERALS = [
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
] as const;

/** The error values a cell can hold; #SPILL! and #FIELD! (a dot reference to no field) only come from a formula. */
export type ExcelErrorCode = (typeof ERROR_LITERALS)[number] | "#SPILL!" | "#FIELD!";

export type CellContent =
  | { kind: "formula"; text: string }
  | { kind: "value"; value: number | string | boolean }
  | { kind: "error"; code: ExcelErrorCode };

export type CellWrite = CellContent | { kind: "clear" } | { kind: "unchanged" };

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function errorLiteral(text: string): ExcelErrorCode | undefined {
  const upper = text.toUpperCase();
  return ERROR_LITERALS.find((code) => code === upper);
}

/** Reads one written cell value as Excel does; throws InvalidArgument for what Excel refuses. */
export function parseCellInput(raw: unknown): CellWrite {
  if (raw === null || raw === undefined) return { kind: "unchanged" };
  if (typeof raw === "boolean") return { kind: "value", value: raw };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) fail("InvalidArgument", `${raw} is not a number Excel can store.`);
    return { kind: "value", value: raw };
  }
  if (typeof raw !== "string")
    fail("InvalidArgument", `A cell value must be a number, text or a boolean, not ${typeof raw}.`);
  if (raw === "") return { kind: "clear" };
  if (raw.startsWith("'")) return { kind: "value", value: raw.slice(1) };
  if (raw.startsWith("=")) return { kind: "formula", text: raw };
  const error = errorLiteral(raw.trim());
  if (error) return { kind: "error", code: error };
  const lower = raw.trim().toLowerCase();
  if (lower === "true" || lower === "false") return { kind: "value", value: lower === "true" };
  if (NUMERIC.test(raw.trim())) {
    const value = Number(raw.trim());
    if (Number.isFinite(value)) return { kind: "value", value };
  }
  // As typed, "+…", "-…" and "@…" start a formula too ("-cmd|' /C calc'!A0" is the classic injection);
  // text meant as text needs the "'" marker.
  // Excel drops a leading "@" (implicit intersection) where it changes nothing.
  if (raw.length > 1 && /^[+\-@]/.test(raw))
    return { kind: "formula", text: raw.startsWith("@") ? `=${raw.slice(1)}` : `=${raw}` };
  return { kind: "value", value: raw };
}
