/**
 * Reading functions.json (generated at build time from the JSDoc of src/functions/functions.ts) for the
 * task pane's function list. Pure: no DOM, no Office.
 */

/** The namespace of the custom functions; must equal the manifest's (tests/manifest.test.ts checks). */
export const FUNCTIONS_NAMESPACE = "DEALS";

export interface FunctionParameterInfo {
  name: string;
  description: string;
  optional: boolean;
}

export interface FunctionInfo {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: FunctionParameterInfo[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** The functions listed in a parsed functions.json; throws an Error that says what is wrong with it. */
export function parseFunctionsMetadata(json: unknown): FunctionInfo[] {
  if (!isRecord(json) || !Array.isArray(json.functions)) {
    throw new Error('functions.json has no "functions" list');
  }
  return json.functions.map((fn: unknown, index: number): FunctionInfo => {
    if (!isRecord(fn) || typeof fn.name !== "string" || fn.name === "") {
      throw new Error(`functions.json: function #${index + 1} has no name`);
    }
    const parameters = Array.isArray(fn.parameters) ? fn.parameters : [];
    return {
      id: typeof fn.id === "string" && fn.id !== "" ? fn.id : fn.name,
      name: fn.name,
      description: text(fn.description),
      helpUrl: typeof fn.helpUrl === "string" ? fn.helpUrl : undefined,
      parameters: parameters.filter(isRecord).map((p) => ({
        name: text(p.name),
        description: text(p.description),
        optional: p.optional === true,
      })),
    };
  });
}

/** How the function is typed in a cell, optional arguments in brackets: DEALS.VALUATION(company, [as_of]). */
export function formulaSignature(
  fn: FunctionInfo,
  namespace: string = FUNCTIONS_NAMESPACE
): string {
  const args = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${namespace}.${fn.name}(${args.join(", ")})`;
}

/**
 * A help link the pane can open: the function's helpUrl reduced to a path on this site when it points at
 * a help.html (the build writes each helpUrl at the address it is built for, the pane's own site), so the
 * link works wherever the add-in is hosted; any other address unchanged.
 */
export function helpHref(fn: FunctionInfo): string | undefined {
  if (!fn.helpUrl) return undefined;
  try {
    const url = new URL(fn.helpUrl);
    return url.pathname.endsWith("/help.html") ? `help.html${url.hash}` : fn.helpUrl;
  } catch {
    return undefined; // not an address: no link rather than a broken one
  }
}
