/** Types of scripts/help-page.js (CommonJS, used by webpack.config.js and the tests). */
import type { Compiler } from "webpack";

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters?: { name: string; description?: string; optional?: boolean }[];
}

/** src/functions/reference.json: examples and errors by function id. */
export interface Reference {
  common?: ReferenceError[];
  functions?: Record<
    string,
    { examples: ReferenceExample[]; errors: ReferenceError[]; fields?: ReferenceField[] }
  >;
}
/** A card function's field: its property name, and what it holds. */
export interface ReferenceField {
  name: string;
  what: string;
}
export interface ReferenceExample {
  args: (string | number | null)[];
  /** A single value; or, for a function returning a table, its header row. */
  result?: string | number;
  header?: string[];
  note?: string;
}
export interface ReferenceError {
  /** Common errors: the parameter names they come with; and the function the example calls. */
  parameters?: string[];
  id?: string;
  args: (string | number | null)[];
  error: string;
  when: string;
  message: string;
}

export function renderHelpPage(
  metadata: { functions?: FunctionMetadata[] },
  options: { namespace: string; title?: string; reference?: Reference; stylesheet?: string }
): string;
export function formulaText(
  namespace: string,
  name: string,
  args: readonly (string | number | null)[]
): string;
export function errorsOf(fn: FunctionMetadata, reference: Reference): ReferenceError[];
export function signature(namespace: string, fn: FunctionMetadata): string;
export class HelpPagePlugin {
  constructor(options: {
    namespace: string;
    reference: string;
    /** The add-in's address, ending in "/": each function's helpUrl is <baseUrl>help.html#<id>. */
    baseUrl: string;
    stylesheet?: string;
    metadataAsset?: string;
    filename?: string;
  });
  apply(compiler: Compiler): void;
}
