/**
 * Excel's naming rules for worksheets, tables and defined names. Each check throws the error Excel
 * gives (InvalidArgument for a malformed name, ItemAlreadyExists for a taken one).
 */
import { isCellReferenceLike } from "./addresses";
import { fail } from "./errors";

const SHEET_FORBIDDEN = /[[\]:*?/\\]/;

/**
 * A sheet name: 1-31 characters, none of [ ] : * ? / \, no apostrophe at either end, not the reserved
 * "History", and unique among `others` ignoring case.
 */
export function checkSheetName(name: unknown, others: readonly string[]): string {
  if (typeof name !== "string") fail("InvalidArgument", "A worksheet name must be text.");
  if (name.length < 1 || name.length > 31)
    fail("InvalidArgument", `The worksheet name '${name}' must have 1 to 31 characters.`);
  if (SHEET_FORBIDDEN.test(name))
    fail("InvalidArgument", `The worksheet name '${name}' contains one of [ ] : * ? / \\.`);
  if (name.startsWith("'") || name.endsWith("'"))
    fail("InvalidArgument", `The worksheet name '${name}' begins or ends with an apostrophe.`);
  if (name.toLowerCase() === "history")
    fail("InvalidArgument", "'History' is a name Excel reserves.");
  const lower = name.toLowerCase();
  if (others.some((o) => o.toLowerCase() === lower))
    fail("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
  return name;
}

/**
 * A table or defined name: starts with a letter, underscore or backslash, then letters, digits,
 * underscores and periods; at most 255 characters; not C, R, TRUE, FALSE or a cell reference;
 * unique among `taken` (tables and defined names share one namespace) ignoring case.
 */
export function checkItemName(name: unknown, taken: readonly string[], kind: string): string {
  if (typeof name !== "string") fail("InvalidArgument", `A ${kind} name must be text.`);
  if (name.length < 1 || name.length > 255)
    fail("InvalidArgument", `The ${kind} name '${name}' must have 1 to 255 characters.`);
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name))
    fail(
      "InvalidArgument",
      `The ${kind} name '${name}' must start with a letter, underscore or backslash and contain only letters, digits, underscores and periods.`
    );
  if (/^(true|false)$/i.test(name))
    fail("InvalidArgument", `The ${kind} name '${name}' is a boolean value.`);
  if (isCellReferenceLike(name))
    fail("InvalidArgument", `The ${kind} name '${name}' is the same as a cell reference.`);
  const lower = name.toLowerCase();
  if (taken.some((t) => t.toLowerCase() === lower))
    fail("ItemAlreadyExists", `The name '${name}' is already used by a table or a defined name.`);
  return name;
}
