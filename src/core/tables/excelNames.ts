/**
 * Excel's naming rules for what the add-in creates: sheet names (1–31 characters, none of []:*?/\, no
 * apostrophe at either end, unique ignoring case, not "History") and table names (a letter, _ or \ first,
 * then letters, digits, _ and .; no spaces; not a cell reference or R/C; unique among tables and names).
 */
const SHEET_FORBIDDEN = /[[\]:*?/\\]/;
const SHEET_MAX = 31;

export function sheetNameProblem(name: string, taken: readonly string[] = []): string | undefined {
  if (name.length === 0 || name.length > SHEET_MAX) return `must be 1 to ${SHEET_MAX} characters`;
  if (SHEET_FORBIDDEN.test(name)) return "may not contain [ ] : * ? / \\";
  if (name.startsWith("'") || name.endsWith("'")) return "may not begin or end with an apostrophe";
  if (name.toLowerCase() === "history") return "History is reserved by Excel";
  if (taken.some((t) => t.toLowerCase() === name.toLowerCase())) return "is already used";
  return undefined;
}

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;
const A1_REFERENCE = /^[A-Za-z]{1,3}[0-9]+$/;
const R1C1_REFERENCE = /^[Rr][0-9]*[Cc][0-9]*$/;

export function tableNameProblem(name: string, taken: readonly string[] = []): string | undefined {
  if (name.length === 0 || name.length > 255) return "must be 1 to 255 characters";
  if (!TABLE_NAME.test(name))
    return "must start with a letter or _ and hold only letters, digits, _ and . (no spaces)";
  if (/^[CcRr]$/.test(name) || A1_REFERENCE.test(name) || R1C1_REFERENCE.test(name))
    return "may not look like a cell reference";
  if (taken.some((t) => t.toLowerCase() === name.toLowerCase())) return "is already used";
  return undefined;
}

/** The base name, or "Base (2)", "Base (3)"… — the first that follows the rules; trimmed to fit 31 characters. */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const clean =
    base
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/^'+|'+$/g, "")
      .trim() || "Sheet";
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : ` (${i})`;
    const name = clean.slice(0, SHEET_MAX - suffix.length).trimEnd() + suffix;
    if (sheetNameProblem(name, taken) === undefined) return name;
  }
}

/** The base name, or Base2, Base3… (Excel's own numbering style for tables). */
export function uniqueTableName(base: string, taken: readonly string[]): string {
  let clean = base.replace(/[^A-Za-z0-9_.\\]/g, "");
  // A base Excel would refuse on its own (empty, "R", "AB12") gets a leading underscore.
  if (tableNameProblem(clean.slice(0, 250)) !== undefined) clean = `_${clean}`;
  clean = clean.slice(0, 250);
  for (let i = 1; ; i++) {
    const name = i === 1 ? clean : `${clean}${i}`;
    if (tableNameProblem(name, taken) === undefined) return name;
  }
}
