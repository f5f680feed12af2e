/**
 * The pure core makes no Office call and imports no adapter. Its cards are typed with @types/office-js'
 * Excel.* types, which exist only for the compiler: the JavaScript each file compiles to must not name
 * Office, Excel or CustomFunctions at all, nor import from src/functions, runtime, workbook, taskpane or
 * commands.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";

const CORE = resolve(__dirname, "../../src/core");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const compiled = files(CORE).map((path) => ({
  file: relative(CORE, path),
  source: readFileSync(path, "utf8"),
  js: ts.transpileModule(readFileSync(path, "utf8"), {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2020,
      removeComments: true,
    },
  }).outputText,
}));

it("finds the core's files, cards among them", () => {
  expect(compiled.map((c) => c.file)).toEqual(
    expect.arrayContaining(["formulas.ts", "cards/companyCard.ts", "cards/cellValues.ts"])
  );
});

/** The identifiers a piece of JavaScript uses (text and comments are not identifiers). */
function identifiers(js: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile("x.js", js, ts.ScriptTarget.ES2020));
  return found;
}

it("compiles to code that names no Office global", () => {
  const office = new Set(["Office", "Excel", "CustomFunctions"]);
  for (const { file, js } of compiled)
    expect([file, identifiers(js).filter((i) => office.has(i))]).toEqual([file, []]);
  // The check can fail: a call to Excel.run is an identifier it catches.
  expect(identifiers("Excel.run(async () => {})")).toContain("Excel");
  // The check sees what it should: the card types are there in the source.
  expect(compiled.find((c) => c.file === "cards/cellValues.ts")?.source).toMatch(
    /Excel\.EntityCellValue/
  );
});

it("imports no adapter", () => {
  for (const { file, source } of compiled)
    expect([
      file,
      source.match(/from "[^"]*\/(functions|runtime|workbook|taskpane|commands)\//g) ?? [],
    ]).toEqual([file, []]);
});
