/**
 * The Office add-in lint rules are on, as errors, for the adapters: each snippet below breaks one rule
 * and must be refused by the project's own ESLint configuration (the one `npm test` runs through
 * office-addin-lint), with that rule's id.
 */
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");

interface Finding {
  ruleId: string | null;
  severity: number;
}

/** Lints `code` as if it were a file of the workbook writers, with the project's config. */
function lint(code: string, file = "src/workbook/example.ts"): Finding[] {
  const run = spawnSync(
    process.execPath,
    [
      // eslint's exports hide its bin; office-addin-lint finds it the same way
      join(dirname(require.resolve("eslint")), "../bin/eslint.js"),
      "-c",
      "eslint.config.mjs",
      "--format",
      "json",
      "--stdin",
      "--stdin-filename",
      file,
    ],
    { cwd: ROOT, input: code, encoding: "utf8" }
  );
  const report = JSON.parse(run.stdout) as { messages: Finding[] }[];
  return report.flatMap((r) => r.messages);
}

const errorsOf = (findings: Finding[]): string[] =>
  findings.filter((f) => f.severity === 2).map((f) => f.ruleId ?? "(parse error)");

it.each([
  [
    "office-addins/no-context-sync-in-loop",
    `export async function widths(context: Excel.RequestContext, names: string[]): Promise<void> {
  for (const name of names) {
    context.workbook.worksheets.getItem(name).getRange("A:A").format.autofitColumns();
    await context.sync();
  }
}`,
  ],
  [
    "office-addins/load-object-before-read",
    `export async function read(context: Excel.RequestContext): Promise<unknown> {
  const range = context.workbook.getSelectedRange();
  await context.sync();
  return range.values;
}`,
  ],
  [
    "office-addins/call-sync-before-read",
    `export async function read(context: Excel.RequestContext): Promise<unknown> {
  const range = context.workbook.getSelectedRange();
  range.load("values");
  const values = range.values;
  await context.sync();
  return values;
}`,
  ],
  [
    "office-addins/test-for-null-using-isNullObject",
    `export async function exists(context: Excel.RequestContext): Promise<boolean> {
  const table = context.workbook.tables.getItemOrNullObject("DealsValuations");
  table.load("name");
  await context.sync();
  if (table === null) return false;
  return true;
}`,
  ],
])("%s is an error", (rule, code) => {
  expect(errorsOf(lint(code))).toContain(rule);
});

it("the same code written the Office way passes", () => {
  const good = `export async function widths(context: Excel.RequestContext, names: string[]): Promise<boolean> {
  for (const name of names)
    context.workbook.worksheets.getItem(name).getRange("A:A").format.autofitColumns();
  const table = context.workbook.tables.getItemOrNullObject("DealsValuations");
  const range = context.workbook.getSelectedRange();
  range.load("values");
  table.load("name");
  await context.sync();
  const values = range.values; // (the rule reads range.values.length as a load of "values/length")
  return !table.isNullObject && values.length > 0;
}
`;
  expect(lint(good)).toEqual([]);
});
