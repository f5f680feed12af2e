/**
 * Bundled into the page before anything else runs (Playwright's init script): it plays the part of Excel
 * for the real task pane page. It gives the page what Excel's shared runtime gives it — CustomFunctions
 * (associate, Error, ErrorCode) and the Excel API — with the Excel API backed by the faithful in-memory
 * workbook, whose formulas evaluate through the very functions the page's bundle associates.
 * The test reads the workbook through window.__workbook.
 */
import { associated } from "../support/customFunctionsRuntime";
import { createFakeExcel, type CustomFunctionDef, type FakeExcel } from "../support/workbook";

interface HarnessWindow {
  CustomFunctions: unknown;
  Excel: unknown;
  __AI_DEALS_FUNCTIONS__: { functions: CustomFunctionDef[] };
  __workbook: FakeExcel;
}
const w = window as unknown as HarnessWindow;

/**
 * office.js, loaded by the page after this script, declares its own CustomFunctions object; in Excel the
 * host's runtime owns these globals. Keep ours: the page's own assignments are ignored.
 */
function ignore(): void {
  // the host's globals are not the page's to replace
}

function hostGlobal(name: "CustomFunctions" | "Excel", value: unknown): void {
  Object.defineProperty(window, name, {
    configurable: true,
    get: () => value,
    set: ignore,
  });
}

const runtime = (globalThis as unknown as { CustomFunctions: Record<string, unknown> })
  .CustomFunctions;
const guarded: Record<string, unknown> = {};
for (const key of Object.keys(runtime))
  Object.defineProperty(guarded, key, {
    enumerable: true,
    get: () => runtime[key],
    set: ignore,
  });
hostGlobal("CustomFunctions", guarded);

const workbook = createFakeExcel({
  namespace: "DEALS",
  functions: w.__AI_DEALS_FUNCTIONS__.functions,
  implementations: associated,
});
hostGlobal("Excel", workbook.Excel);
w.__workbook = workbook;
