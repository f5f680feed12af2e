/**
 * What Excel gives the add-in's page, at the least cost, for `npm run bench:pane`: CustomFunctions
 * (associate noting when each id arrives, Error, ErrorCode) and an Excel object with run(), which the
 * pane only calls when the analyst acts. The browser tests' harness backs Excel with the faithful
 * workbook and a formula engine instead; timing the page under that would time the test double.
 */
type Fn = (...args: unknown[]) => unknown;

const associatedAt = new Map<string, number>();

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

const runtime = {
  Error: CustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
  associate(idOrMappings: string | Record<string, Fn>): void {
    const ids = typeof idOrMappings === "string" ? [idOrMappings] : Object.keys(idOrMappings);
    for (const id of ids) associatedAt.set(id.toUpperCase(), performance.now());
  },
};

const excel = {
  run: (): Promise<never> => Promise.reject(new Error("no workbook in the benchmark")),
};

/**
 * office.js declares its own CustomFunctions and Excel, and assigns members such as associate; in Excel
 * the host owns them, so ours stay: the globals and each member ignore assignments.
 */
function ignore(): void {
  // the host's globals are not the page's to replace
}
function hostGlobal(name: string, value: unknown): void {
  Object.defineProperty(window, name, { configurable: true, get: () => value, set: ignore });
}
const guarded = {};
for (const [key, value] of Object.entries(runtime))
  Object.defineProperty(guarded, key, { enumerable: true, get: () => value, set: ignore });
hostGlobal("CustomFunctions", guarded);
hostGlobal("Excel", excel);
(window as unknown as { __associatedAt: Map<string, number> }).__associatedAt = associatedAt;
