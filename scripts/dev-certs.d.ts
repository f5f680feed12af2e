/** Types of scripts/dev-certs.js (CommonJS, shared by webpack.config.js, scripts/start.mjs and the tests). */

export interface DevCerts {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

export interface CertificatePaths {
  ca: string;
  cert: string;
  key: string;
}

export function certificateDirectory(): string;
export function certificatePaths(dir?: string): CertificatePaths;
export function readDevCerts(dir?: string): DevCerts;
export function certificateProblems(certPem: Buffer | string, now?: Date): string[];
export function ensureDevCerts(options?: {
  dir?: string;
  log?: (message: string) => void;
}): Promise<DevCerts & { created: boolean; dir: string }>;
