/**
 * A1 addresses: parsing what the add-in passes to getRange ("B3", "B3:D10", "A:C", "2:5", "Sheet1!A1",
 * "'My Sheet'!A1:B2", with or without $) and formatting them back the way Excel reports range.address.
 */

/** Excel's grid: rows 1..1,048,576, columns A..XFD. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangle of cells by zero-based indexes, as range.rowIndex/columnIndex/rowCount/columnCount. */
export interface CellRect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export interface ParsedAddress {
  /** The sheet name before "!", unquoted; undefined when the address has none. */
  sheet?: string;
  rect: CellRect;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 0, "XFD" → 16383; -1 for anything that is not a column of the grid. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLUMNS ? n - 1 : -1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

interface Corner {
  row?: number;
  column?: number;
}

function parseCorner(text: string): Corner | undefined {
  const cell = CELL.exec(text);
  if (cell) {
    const column = columnIndex(cell[1] ?? "");
    const row = Number(cell[2]) - 1;
    return column >= 0 && row >= 0 && row < MAX_ROWS ? { row, column } : undefined;
  }
  const col = COLUMN.exec(text);
  if (col) {
    const column = columnIndex(col[1] ?? "");
    return column >= 0 ? { column } : undefined;
  }
  const rowMatch = ROW.exec(text);
  if (rowMatch) {
    const row = Number(rowMatch[1]) - 1;
    return row >= 0 && row < MAX_ROWS ? { row } : undefined;
  }
  return undefined;
}

/** Splits "'My Sheet'!A1" into the sheet name (quotes undone, '' → ') and the cell part. */
function splitSheet(address: string): { sheet?: string; cells: string } | undefined {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { cells: address };
  const prefix = address.slice(0, bang);
  const cells = address.slice(bang + 1);
  if (prefix.startsWith("'")) {
    if (!prefix.endsWith("'") || prefix.length < 3) return undefined;
    return { sheet: prefix.slice(1, -1).replace(/''/g, "'"), cells };
  }
  return prefix.length > 0 ? { sheet: prefix, cells } : undefined;
}

/** Parses an A1 address; undefined when Excel would call it invalid (including beyond XFD1048576). */
export function parseAddress(address: string): ParsedAddress | undefined {
  const split = splitSheet(address.trim());
  if (!split) return undefined;
  const parts = split.cells.split(":");
  if (parts.length > 2) return undefined;
  const first = parseCorner(parts[0] ?? "");
  const second = parts.length === 2 ? parseCorner(parts[1] ?? "") : first;
  if (!first || !second) return undefined;
  const wholeColumns = first.row === undefined && second.row === undefined;
  const wholeRows = first.column === undefined && second.column === undefined;
  // A lone "A" or "3" is not an address; "A:A" and "3:3" are.
  if ((wholeColumns || wholeRows) && parts.length === 1) return undefined;
  if (!wholeColumns && !wholeRows && (first.row === undefined || first.column === undefined))
    return undefined;
  if (!wholeColumns && !wholeRows && (second.row === undefined || second.column === undefined))
    return undefined;
  const r0 = first.row ?? 0;
  const r1 = second.row ?? MAX_ROWS - 1;
  const c0 = first.column ?? 0;
  const c1 = second.column ?? MAX_COLUMNS - 1;
  const rect: CellRect = {
    row: Math.min(r0, r1),
    column: Math.min(c0, c1),
    rowCount: Math.abs(r1 - r0) + 1,
    columnCount: Math.abs(c1 - c0) + 1,
  };
  return split.sheet === undefined ? { rect } : { sheet: split.sheet, rect };
}

/** True when the rectangle lies inside the grid. */
export function isInGrid(rect: CellRect): boolean {
  return (
    Number.isInteger(rect.row) &&
    Number.isInteger(rect.column) &&
    Number.isInteger(rect.rowCount) &&
    Number.isInteger(rect.columnCount) &&
    rect.row >= 0 &&
    rect.column >= 0 &&
    rect.rowCount >= 1 &&
    rect.columnCount >= 1 &&
    rect.row + rect.rowCount <= MAX_ROWS &&
    rect.column + rect.columnCount <= MAX_COLUMNS
  );
}

export function cellName(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** "B3", "B3:D10", or "A:C" / "2:5" for whole columns / rows, as Excel writes them. */
export function formatRect(rect: CellRect, absolute = false): string {
  const d = absolute ? "$" : "";
  const lastRow = rect.row + rect.rowCount - 1;
  const lastColumn = rect.column + rect.columnCount - 1;
  if (rect.row === 0 && rect.rowCount === MAX_ROWS && rect.columnCount < MAX_COLUMNS)
    return `${d}${columnLetters(rect.column)}:${d}${columnLetters(lastColumn)}`;
  if (rect.column === 0 && rect.columnCount === MAX_COLUMNS && rect.rowCount < MAX_ROWS)
    return `${d}${rect.row + 1}:${d}${lastRow + 1}`;
  const first = `${d}${columnLetters(rect.column)}${d}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${d}${columnLetters(lastColumn)}${d}${lastRow + 1}`;
}

/** Names that look like a cell reference in A1 or R1C1 style (A1, XFD1048576, R1C1, RC, R2C3). */
export function isCellReferenceLike(name: string): boolean {
  if (/^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]\d*$/.test(name)) return true;
  const cell = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(name);
  if (!cell) return false;
  const row = Number(cell[2]);
  return columnIndex(cell[1] ?? "") >= 0 && row >= 1 && row <= MAX_ROWS;
}

/** Excel quotes a sheet name in an address unless it is a plain identifier that is not a reference. */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !isCellReferenceLike(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!B3:D10", "'My Sheet'!A1". */
export function formatAddress(sheetName: string, rect: CellRect, absolute = false): string {
  return `${quoteSheetName(sheetName)}!${formatRect(rect, absolute)}`;
}

export function intersect(a: CellRect, b: CellRect): CellRect | undefined {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const lastRow = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const lastColumn = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  if (lastRow <= row || lastColumn <= column) return undefined;
  return { row, column, rowCount: lastRow - row, columnCount: lastColumn - column };
}

export function contains(outer: CellRect, row: number, column: number): boolean {
  return (
    row >= outer.row &&
    row < outer.row + outer.rowCount &&
    column >= outer.column &&
    column < outer.column + outer.columnCount
  );
}
