/**
 * What a table cell holds when written through Range.formulas: a number, a formula ("=…"), text, or an
 * error literal ("#N/A") that Excel stores as that error. Excel reads what is written as if typed, so
 * text that would be read as a formula, a number, a boolean or an error goes in behind an apostrophe.
 */
import { FormulaError, isFormulaError } from "../errors";

export type SheetCell = string | number;

/**
 * Text as a cell should show it, never a formula, number, date, time, boolean or error. Excel reads what
 * is written as if typed, and what typing converts depends on the locale ("2025-03", "$5", "1/2", "10:30"),
 * so every non-empty text goes in behind the apostrophe that marks typed text (Excel does not show it).
 * A data file is not trusted to be code.
 */
export function text(value: string): SheetCell {
  return value === "" ? "" : `'${value}`;
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

export interface CellBlock {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

const ADDRESS =
  /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** An address as Excel returns it ("Sheet1!B3:I5", "'My sheet'!A1") as a block, or undefined. */
export function parseAddress(address: string): CellBlock | undefined {
  const m = ADDRESS.exec(address);
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] as string);
  const row = Number(m[4]) - 1;
  const column = columnIndex(m[3] as string);
  const lastRow = m[6] !== undefined ? Number(m[6]) - 1 : row;
  const lastColumn = m[5] !== undefined ? columnIndex(m[5]) : column;
  return { sheet, row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 };
}

export function overlaps(a: CellBlock, b: CellBlock): boolean {
  return (
    a.sheet.toLowerCase() === b.sheet.toLowerCase() &&
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

/** "Sheet1!B3:I12", the sheet quoted when Excel would quote it. */
export function formatAddress(block: CellBlock): string {
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(block.sheet)
    ? block.sheet
    : `'${block.sheet.replace(/'/g, "''")}'`;
  const first = a1(block.row, block.column);
  const last = a1(block.row + block.rows - 1, block.column + block.columns - 1);
  return `${sheet}!${first === last ? first : `${first}:${last}`}`;
}
