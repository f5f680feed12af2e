/**
 * The production bundle as Excel loads it: webpack's build of the functions entry, run in a fresh
 * JavaScript context that has only what Excel's runtime gives it (CustomFunctions and a browser's
 * standard globals). Every function in
 * the built functions.json must be associated by the bundle itself and answer when called as Excel calls
 * it, with omitted optional arguments as null.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { metadata } from "./support/excel";
import { RELEASE, productionBuild, unhashed } from "./support/productionBuild";

interface FunctionsJson {
  functions: { id: string; parameters: { optional?: boolean }[] }[];
}

let outDir: string;
let functionsFiles: string[];
let commandsFiles: string[];

beforeAll(async () => {
  const build = await productionBuild();
  outDir = build.dir;
  functionsFiles = build.entrypoints.functions ?? [];
  commandsFiles = build.entrypoints.commands ?? [];
}, 300_000);

/** Runs the files of the functions entry, in order, in a context holding only Excel's CustomFunctions. */
function loadFunctionsBundle(): Map<string, (...args: unknown[]) => unknown> {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  const excelRuntime = (globalThis as unknown as { CustomFunctions: Record<string, unknown> })
    .CustomFunctions;
  const context = createContext({
    CustomFunctions: {
      ...excelRuntime,
      associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
    },
    // Standard globals every browser (and so Excel's JavaScript runtime) has.
    console,
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
  });
  runInContext("var self = globalThis; var window = globalThis;", context);
  const files = functionsFiles;
  expect(files.map(unhashed)).toContain("functions.js");
  for (const file of files)
    runInContext(readFileSync(join(outDir, file), "utf8"), context, { filename: file });
  return associated;
}

describe("the production functions bundle", () => {
  it("ships the functions.json that Office's tooling generates from the JSDoc, with help at the build's address", async () => {
    const built = JSON.parse(readFileSync(join(outDir, "functions.json"), "utf8")) as FunctionsJson;
    expect(built.functions).toEqual(
      (await metadata()).functions.map((f) => ({
        ...f,
        helpUrl: `${RELEASE.url}help.html#${f.id}`,
      }))
    );
  });

  it("associates every function of functions.json, and each answers Excel's way of calling it", () => {
    const built = JSON.parse(readFileSync(join(outDir, "functions.json"), "utf8")) as FunctionsJson;
    const associated = loadFunctionsBundle();
    expect([...associated.keys()].sort()).toEqual(built.functions.map((f) => f.id).sort());

    const call = (id: string, ...given: unknown[]) => {
      const f = built.functions.find((x) => x.id === id) as FunctionsJson["functions"][0];
      return (associated.get(id) as (...a: unknown[]) => unknown)(
        ...f.parameters.map((_, i) => (i < given.length ? given[i] : null))
      );
    };
    expect(call("DEAL_VALUE", "Amazon", "OpenAI")).toBe(50e9);
    expect(call("DEAL_VALUE", "Amazon", "OpenAI", null, "2025-12-17")).toBe(10e9);
    expect(call("STAKE_PCT", "Microsoft", "OpenAI")).toBe(0.27);
    expect(call("STAKE_BASIS", "Microsoft", "OpenAI")).toBe("reported");
    expect(call("VALUATION", "OpenAI")).toBe(852e9);
    expect((call("VALUATION_LIST", "OpenAI") as unknown[][])[0]?.[0]).toBe("Date");
    expect(call("EXPOSURE", "Amazon")).toBe(83e9);
    expect(call("CIRCULARITY", "Amazon", "OpenAI")).toBeCloseTo(2.76, 10);
    expect((call("DEAL_LIST", "Amazon") as unknown[][])[0]?.[0]).toBe("ID");
    expect(call("DEAL_FIELD", "amazon-openai-equity", "status")).toBe("closed");
    expect(call("DATA_VERSION")).toMatch(/^\d{4}\.\d{2}\.\d{2} \(data as of \d{4}-\d{2}-\d{2}\)$/);
    // Errors leave the bundle as Excel's error objects with their message.
    expect(() => call("DEAL_VALUE", "Amazn", "OpenAI")).toThrow(
      expect.objectContaining({
        code: "#N/A",
        message: "Unknown company 'Amazn'. Did you mean 'Amazon'?",
      })
    );
  });
});

describe("the production commands bundle", () => {
  it("associates the function the manifest's ribbon button runs", async () => {
    const manifest = readFileSync(join(__dirname, "../manifest.xml"), "utf8");
    const names = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
    expect(names).toEqual(["refreshAiDeals"]);
    const actions = new Map<string, unknown>();
    const context = createContext({
      Office: {
        onReady: () => Promise.resolve({ host: "Excel" }),
        actions: { associate: (name: string, fn: unknown) => actions.set(name, fn) },
      },
      console,
      URL,
      TextEncoder,
      setTimeout,
      clearTimeout,
    });
    runInContext("var self = globalThis; var window = globalThis;", context);
    for (const file of commandsFiles)
      runInContext(readFileSync(join(outDir, file), "utf8"), context, { filename: file });
    await new Promise((r) => setTimeout(r, 50));
    expect([...actions.keys()]).toEqual(names);
    // Office waits for completed() after an ExecuteFunction command, whatever happens inside it: here
    // there is no network (no fetch) and no workbook, and it still completes, once.
    const completed = jest.fn();
    (actions.get("refreshAiDeals") as (e: { completed: () => void }) => void)({ completed });
    await new Promise((r) => setTimeout(r, 200));
    expect(completed).toHaveBeenCalledTimes(1);
  });
});

describe("the production bundles under the pages' Content-Security-Policy", () => {
  it("build no code from text: no eval, no Function constructor, no timers given strings", () => {
    // dataset.js is data, not code: a note may well say "eval(" in words.
    const files = readdirSync(outDir).filter(
      (f) => f.endsWith(".js") && unhashed(f) !== "dataset.js"
    );
    expect(files.map(unhashed)).toEqual(
      expect.arrayContaining(["functions.js", "taskpane.js", "runtime.js"])
    );
    const evalLike = [
      /\beval\s*\(/,
      /\(\s*0\s*,\s*eval\s*\)/, // indirect eval
      /\bnew\s+Function\s*\(/,
      /\bFunction\s*\(\s*["'`]/,
      /=\s*Function\s*[;,)]/, // the constructor taken under another name, to call later
      /\bset(?:Timeout|Interval)\s*\(\s*["'`]/,
    ];
    const found = files.flatMap((file) => {
      const code = readFileSync(join(outDir, file), "utf8");
      return evalLike
        .map((pattern) => pattern.exec(code))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => `${file}: …${code.slice(Math.max(0, m.index - 60), m.index + 60)}…`);
    });
    expect(found).toEqual([]);
  });
});
