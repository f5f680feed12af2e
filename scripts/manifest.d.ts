/** Types of scripts/manifest.js (CommonJS, used by webpack.config.js, scripts/start.mjs and the tests). */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export interface ResourceEntry {
  /** bt:Images, bt:Urls, bt:ShortStrings or bt:LongStrings */
  kind: string;
  /** bt:Image, bt:Url or bt:String */
  element: string;
  value: string | undefined;
}

export const MANIFEST_FILE: string;
export function assertWellFormed(xml: string): void;
export function parseManifest(xml: string): XmlElement;
export function readManifest(file?: string): { xml: string; root: XmlElement };
export function walk(
  element: XmlElement,
  ancestors?: string[]
): Generator<{ element: XmlElement; ancestors: string[] }>;
export function findAll(
  root: XmlElement,
  predicate: (element: XmlElement, ancestors: string[]) => boolean
): XmlElement[];
export function resourceTable(root: XmlElement): {
  table: Map<string, ResourceEntry>;
  duplicates: string[];
};
export function functionsNamespace(root: XmlElement): string | undefined;
export function manifestUrls(root: XmlElement): { where: string; url: string }[];
export function sharedRuntimeUrl(root: XmlElement): string | undefined;
