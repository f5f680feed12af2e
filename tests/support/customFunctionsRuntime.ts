/**
 * What Excel's custom-functions runtime provides to the functions bundle: CustomFunctions.Error and
 * ErrorCode (values as in @types/custom-functions-runtime), and associate(), recorded so tests can call
 * each function by its Excel id exactly as Excel would.
 */
type Fn = (...args: unknown[]) => unknown;

class ExcelCustomError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

export const associated = new Map<string, Fn>();

const runtime = {
  Error: ExcelCustomError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
  associate(idOrMappings: string | Record<string, Fn>, fn?: Fn): void {
    if (typeof idOrMappings === "string") associated.set(idOrMappings.toUpperCase(), fn as Fn);
    else for (const [id, f] of Object.entries(idOrMappings)) associated.set(id.toUpperCase(), f);
  },
};

(globalThis as unknown as { CustomFunctions: typeof runtime }).CustomFunctions = runtime;
