/** Types of scripts/help-page.js (CommonJS, used by webpack.config.js and the tests). */
import type { Compiler } from "webpack";

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters?: { name: string; description?: string; optional?: boolean }[];
}

export function renderHelpPage(
  metadata: { functions?: FunctionMetadata[] },
  options: { namespace: string; title?: string }
): string;
export function signature(namespace: string, fn: FunctionMetadata): string;
export class HelpPagePlugin {
  constructor(options: { namespace: string; metadataAsset?: string; filename?: string });
  apply(compiler: Compiler): void;
}
