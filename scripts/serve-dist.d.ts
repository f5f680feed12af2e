/** Types of scripts/serve-dist.js (CommonJS: `npm run serve:dist`, and the tests). */
export const HASHED: RegExp;
export function hostHeaders(file: string): Record<string, string>;
export function builtBase(dir: string): string;
export function trialManifest(dir: string, localBase: string): string;
export function startDistServer(options: {
  dir: string;
  port: number;
  tls: { cert: Buffer | string; key: Buffer | string };
}): Promise<{ base: string; localBase: string; port: number; close: () => Promise<void> }>;
