/** Types of scripts/release-manifest.js (CommonJS, used by webpack.config.js and the tests). */
import type { Compiler } from "webpack";

export interface ReleaseOptions {
  baseUrl: string;
  feeds: string[];
  provider: string;
  supportUrl: string;
  /** package.json's version (major.minor.patch). */
  version: string;
}
export function releaseManifest(
  xml: string,
  options: ReleaseOptions & { functionsScript: string }
): string;
export function manifestVersion(packageVersion: string): string;
export class ReleaseManifestPlugin {
  constructor(options: ReleaseOptions & { source: string });
  apply(compiler: Compiler): void;
}
