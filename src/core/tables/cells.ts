/**
 * What a table cell holds when written through Range.formulas: a number, a formula ("=…"), text, or an
 * error literal ("#N/A") that Excel stores as that error. Excel reads what is written as if typed, so
 * text that would be read as a formula, a number, a boolean or an error goes in behind an apostrophe.
 */
import { FormulaError, isFormulaError } from "../errors";

export type SheetCell = string | number;

/** Text typed with a leading = + - @ is a formula to Excel; numeric, boolean and error text is converted. */
const READ_AS_NON_TEXT = /^[=+\-@#']|^\s*[\d.]+(?:e[+-]?\d+)?\s*%?\s*$|^(?:true|false)$/i;

/** Text as a cell should show it, never a formula, number or error (a data file is not trusted to be code). */
export function text(value: string): SheetCell {
  return READ_AS_NON_TEXT.test(value) ? `'${value}` : value;
}

/** A formula argument: text in double quotes (inner quotes doubled), numbers as they are. */
export function formulaArg(value: string | number): string {
  return typeof value === "number" ? String(value) : `"${value.replace(/"/g, '""')}"`;
}

/** `=NS.ID(args…)`; trailing omitted arguments are dropped so the formula reads as an analyst types it. */
export function call(
  namespace: string,
  id: string,
  args: readonly (string | number | null)[]
): string {
  const kept = [...args];
  while (kept.length > 0 && kept[kept.length - 1] === null) kept.pop();
  return `${namespace}.${id}(${kept.map((a) => (a === null ? "" : formulaArg(a))).join(",")})`;
}

/** A computed figure as a value cell: the number, Excel's error for a missing one, or safe text. */
export function valueCell(value: string | number | FormulaError): SheetCell {
  if (isFormulaError(value)) return value.kind;
  return typeof value === "number" ? value : text(value);
}

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address of a 0-based row and column. */
export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}
