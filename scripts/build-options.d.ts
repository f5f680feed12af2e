/** Types of scripts/build-options.js (CommonJS, used by webpack.config.js and the tests). */
export interface ProductionOptions {
  /** The add-in's address, ending in "/". */
  baseUrl: string;
  origin: string;
  /** The team's feed origins (https, no path), in the order given. */
  feeds: string[];
  provider: string;
  supportUrl: string;
}
export function productionOptions(
  env?: Record<string, unknown>,
  environment?: Record<string, string | undefined>
): ProductionOptions;
export function isLocalHost(hostname: string): boolean;
export const EXAMPLE: string;
