/**
 * worksheet.findAll: Excel's Find with its default "Look in: Formulas" (a formula cell is matched by
 * its formula, any other cell by its value as entered), row by row, with Find's wildcards
 * (`*` any text, `?` one character, `~` before either or itself for the character itself).
 */
import { fail } from "./errors";
import { keyColumn, keyRow, type RangeRef, type SheetsModel } from "./model";

export interface SearchCriteria {
  completeMatch?: boolean;
  matchCase?: boolean;
}

/** The search text as a regular expression. */
function pattern(text: string, criteria: SearchCriteria): RegExp {
  let source = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const next = text.charAt(i + 1);
    if (ch === "~" && (next === "*" || next === "?" || next === "~")) {
      source += `\\${next}`;
      i++;
    } else if (ch === "*") source += ".*";
    else if (ch === "?") source += ".";
    else source += ch.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
  }
  const anchored = criteria.completeMatch === true ? `^(?:${source})$` : source;
  return new RegExp(anchored, criteria.matchCase === true ? "s" : "is");
}

function contentText(value: number | string | boolean): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** The matching cells of the sheet, one 1×1 range each, in row-major order. */
export function findCells(
  sheets: SheetsModel,
  sheetId: number,
  text: unknown,
  criteria: unknown
): RangeRef[] {
  if (typeof text !== "string" || text.length === 0)
    fail("InvalidArgument", "The text to find must be non-empty text.");
  if (criteria !== undefined && (typeof criteria !== "object" || criteria === null))
    fail("InvalidArgument", "The search criteria must be an object.");
  const regex = pattern(text, (criteria ?? {}) as SearchCriteria);
  const sheet = sheets.sheet(sheetId);
  return [...sheet.cells.keys()]
    .sort((a, b) => a - b)
    .filter((key) => regex.test(contentText(sheets.formulaOf(sheet, keyRow(key), keyColumn(key)))))
    .map((key) => ({
      sheetId,
      rect: { row: keyRow(key), column: keyColumn(key), rowCount: 1, columnCount: 1 },
    }));
}
