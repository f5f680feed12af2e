/**
 * Calls the DEALS functions the way Excel does: by the ids in the metadata that Office's own tooling
 * (custom-functions-metadata) generates from src/functions/functions.ts, with omitted optional
 * arguments passed as null, and errors read back as Excel shows them (#N/A, #VALUE! and a message).
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { resolve } from "node:path";
import * as functions from "../../src/functions/functions";

export const FUNCTIONS_SOURCE = resolve(__dirname, "../../src/functions/functions.ts");

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: {
    name: string;
    description?: string;
    type?: string;
    optional?: boolean;
    dimensionality?: string;
  }[];
  result: { type?: string; dimensionality?: string };
}

export interface Metadata {
  functions: FunctionMetadata[];
  /** Excel id → the exported function the tooling associates with it. */
  byId: Map<string, { meta: FunctionMetadata; fn: (...args: unknown[]) => unknown }>;
}

let cached: Promise<Metadata> | undefined;

/** The metadata exactly as the build generates it (the same generator the webpack plugin calls). */
export function metadata(): Promise<Metadata> {
  cached ??= generateCustomFunctionsMetadata(FUNCTIONS_SOURCE).then((result) => {
    if (result.errors.length > 0)
      throw new Error(`functions.json generation failed:\n${result.errors.join("\n")}`);
    const json = JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] };
    const exported = functions as unknown as Record<string, (...args: unknown[]) => unknown>;
    const byId = new Map<string, { meta: FunctionMetadata; fn: (...args: unknown[]) => unknown }>();
    for (const a of result.associate) {
      const meta = json.functions.find((f) => f.id === a.id);
      const fn = exported[a.functionName];
      if (!meta || typeof fn !== "function")
        throw new Error(
          `${a.id} is associated with '${a.functionName}', which is not an exported function`
        );
      byId.set(a.id, { meta, fn });
    }
    return { functions: json.functions, byId };
  });
  return cached;
}

export interface ExcelError {
  error: string;
  message: string;
}

/** What a cell shows for =DEALS.<id>(args…): the value, or the Excel error with its message. */
export async function excel(id: string, ...args: unknown[]): Promise<unknown> {
  const entry = (await metadata()).byId.get(id);
  if (!entry) throw new Error(`DEALS.${id} is not in functions.json`);
  // Excel passes every declared parameter; the ones the user left out arrive as null.
  const full = entry.meta.parameters.map((_, i) => (i < args.length ? args[i] : null));
  try {
    return entry.fn(...full);
  } catch (e) {
    const err = e as { code?: unknown; message?: string; name?: string };
    if (err.name === "CustomFunctions.Error" && typeof err.code === "string")
      return { error: err.code, message: err.message ?? "" };
    throw e;
  }
}

export const B = 1e9;
