/**
 * Offline checks of manifest.xml (Microsoft's validation service needs a network; no XSD ships on npm).
 * Each check returns the problems it finds as sentences (empty = fine), so tests can run it on the real
 * manifest and on deliberately broken copies.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  assertWellFormed,
  findAll,
  functionsNamespace,
  manifestUrls,
  parseManifest,
  resourceTable,
  type XmlElement,
} from "../../scripts/manifest";

export const PROJECT_ROOT = join(__dirname, "..", "..");

/** Which Resources group each resid-carrying element must point into. */
const EXPECTED_KIND: Record<string, string> = {
  "bt:Image": "bt:Images",
  SourceLocation: "bt:Urls",
  Runtime: "bt:Urls",
  FunctionFile: "bt:Urls",
  LearnMoreUrl: "bt:Urls",
  Label: "bt:ShortStrings",
  Title: "bt:ShortStrings",
  Namespace: "bt:ShortStrings",
  Description: "bt:LongStrings",
};

const MAX_RESID_LENGTH = 32; // the manifest schema's limit for resid values

export function checkWellFormed(xml: string): string[] {
  try {
    assertWellFormed(xml);
    return [];
  } catch (err) {
    return [(err as Error).message];
  }
}

function withResid(root: XmlElement): XmlElement[] {
  return findAll(root, (el) => el.attrs.resid !== undefined);
}

/** Every resid resolves to a Resources entry of the right kind; every entry is used; ids are unique. */
export function checkResids(root: XmlElement): string[] {
  const problems: string[] = [];
  const { table, duplicates } = resourceTable(root);
  if (table.size === 0) problems.push("the manifest has no Resources entries");
  for (const id of duplicates) problems.push(`resource id "${id}" is defined more than once`);
  const used = new Set<string>();
  for (const el of withResid(root)) {
    const resid = el.attrs.resid as string;
    used.add(resid);
    if (resid.length > MAX_RESID_LENGTH)
      problems.push(`resid "${resid}" is longer than ${MAX_RESID_LENGTH} characters`);
    const entry = table.get(resid);
    if (!entry) {
      problems.push(`<${el.name} resid="${resid}"> has no Resources entry`);
      continue;
    }
    const expected = EXPECTED_KIND[el.name];
    if (expected && entry.kind !== expected) {
      problems.push(`<${el.name} resid="${resid}"> must point into ${expected}, not ${entry.kind}`);
    }
    if (!entry.value) problems.push(`resource "${resid}" has no DefaultValue`);
  }
  for (const id of table.keys()) if (!used.has(id)) problems.push(`resource "${id}" is never used`);
  return problems;
}

/** Width and height of a PNG file from its IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (
    bytes.length < 24 ||
    !bytes.subarray(0, 8).equals(signature) ||
    bytes.toString("latin1", 12, 16) !== "IHDR"
  ) {
    throw new Error("not a PNG file");
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * The file a manifest's image URL serves: with `base` (a built manifest's address, e.g.
 * https://deals.example.com/addin/), the file under `root` at the URL's path below it; without, a
 * https://host/assets/... URL in the project's assets/ (the build copies assets/ as is).
 */
export function localAssetFor(
  url: string,
  projectRoot: string = PROJECT_ROOT,
  base?: string
): string | undefined {
  if (base) {
    if (!url.startsWith(base)) return undefined;
    const rest = decodeURIComponent(url.slice(base.length).split(/[?#]/)[0] ?? "");
    return rest.startsWith("assets/") && !rest.includes("..") ? join(projectRoot, rest) : undefined;
  }
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  return pathname.startsWith("/assets/")
    ? join(projectRoot, decodeURIComponent(pathname))
    : undefined;
}

function checkImageFile(
  what: string,
  url: string | undefined,
  allowedSizes: number[],
  projectRoot: string,
  base?: string
): string[] {
  if (!url) return [`${what} has no URL`];
  const file = localAssetFor(url, projectRoot, base);
  if (!file) return [`${what} (${url}) is not under ${base ?? "/"}assets/`];
  if (!existsSync(file)) return [`${what} (${url}): ${file} does not exist`];
  let size: { width: number; height: number };
  try {
    size = pngSize(readFileSync(file));
  } catch (err) {
    return [`${what} (${url}): ${(err as Error).message}`];
  }
  if (size.width !== size.height || !allowedSizes.includes(size.width)) {
    return [
      `${what} (${url}) is ${size.width}x${size.height}, expected ${allowedSizes.map((n) => `${n}x${n}`).join(" or ")}`,
    ];
  }
  return [];
}

/**
 * Every image exists in assets/ as a PNG of the declared size: the size in a bt:Image resource id
 * (Icon.16x16), the size="N" of each <bt:Image> that uses it, and a task-pane add-in's 32 × 32 IconUrl
 * and 64 × 64 HighResolutionIconUrl. `base`: see localAssetFor.
 */
export function checkImages(
  root: XmlElement,
  projectRoot: string = PROJECT_ROOT,
  base?: string
): string[] {
  const problems: string[] = [];
  const { table } = resourceTable(root);
  for (const [id, entry] of table) {
    if (entry.kind !== "bt:Images") continue;
    const declared = /(\d+)x(\d+)/.exec(id);
    if (declared && declared[1] !== declared[2])
      problems.push(`image resource "${id}" declares a non-square size`);
    const sizes = declared ? [Number(declared[1])] : [16, 20, 24, 32, 40, 48, 64, 80, 128];
    problems.push(
      ...checkImageFile(`image resource "${id}"`, entry.value, sizes, projectRoot, base)
    );
  }
  for (const use of findAll(root, (el) => el.name === "bt:Image" && el.attrs.resid !== undefined)) {
    const entry = table.get(use.attrs.resid as string);
    const size = Number(use.attrs.size);
    if (!Number.isInteger(size))
      problems.push(`<bt:Image resid="${use.attrs.resid}"> has no numeric size`);
    else if (entry)
      problems.push(
        ...checkImageFile(
          `<bt:Image size="${size}" resid="${use.attrs.resid}">`,
          entry.value,
          [size],
          projectRoot,
          base
        )
      );
  }
  const icon = (name: string, sizes: number[]) => {
    const [el] = findAll(root, (e, ancestors) => e.name === name && ancestors.length === 1);
    if (!el) problems.push(`<${name}> is missing`);
    else
      problems.push(
        ...checkImageFile(`<${name}>`, el.attrs.DefaultValue, sizes, projectRoot, base)
      );
  };
  icon("IconUrl", [32]);
  icon("HighResolutionIconUrl", [64]);
  return [...new Set(problems)];
}

/**
 * The shared runtime is wired the way Office requires: one long-lived Runtime whose resid is the custom
 * functions' Page, the FunctionFile and every ShowTaskpane's page; the SharedRuntime 1.1 requirement set;
 * the CustomFunctions extension point complete (Script .js, Page, Metadata .json, Namespace).
 */
export function checkSharedRuntime(root: XmlElement): string[] {
  const problems: string[] = [];
  const { table } = resourceTable(root);
  const urlOf = (resid: string | undefined) => (resid ? table.get(resid)?.value : undefined);

  const runtimes = findAll(root, (el) => el.name === "Runtime");
  if (runtimes.length !== 1) problems.push(`expected one <Runtime>, found ${runtimes.length}`);
  const runtime = runtimes[0];
  const runtimeResid = runtime?.attrs.resid;
  if (runtime && runtime.attrs.lifetime !== "long") {
    problems.push(`<Runtime> lifetime is "${runtime.attrs.lifetime ?? ""}", must be "long"`);
  }

  const [cf] = findAll(
    root,
    (el) => el.name === "ExtensionPoint" && el.attrs["xsi:type"] === "CustomFunctions"
  );
  if (!cf) {
    problems.push("no CustomFunctions extension point");
  } else {
    const part = (name: string) => cf.children.find((c) => c.name === name);
    const source = (name: string) =>
      part(name)?.children.find((c) => c.name === "SourceLocation")?.attrs.resid;
    for (const name of ["Script", "Page", "Metadata", "Namespace"]) {
      if (!part(name)) problems.push(`CustomFunctions has no <${name}>`);
    }
    const page = source("Page");
    if (runtimeResid && page !== runtimeResid) {
      problems.push(
        `CustomFunctions Page resid "${page ?? ""}" differs from the Runtime resid "${runtimeResid}"`
      );
    }
    const script = urlOf(source("Script"));
    if (part("Script") && !script?.endsWith(".js"))
      problems.push(`CustomFunctions Script URL "${script ?? ""}" is not a .js file`);
    const metadata = urlOf(source("Metadata"));
    if (part("Metadata") && !metadata?.endsWith(".json")) {
      problems.push(`CustomFunctions Metadata URL "${metadata ?? ""}" is not a .json file`);
    }
  }

  const functionFiles = findAll(root, (el) => el.name === "FunctionFile");
  if (functionFiles.length === 0) problems.push("no <FunctionFile>");
  for (const ff of functionFiles) {
    if (runtimeResid && ff.attrs.resid !== runtimeResid) {
      problems.push(
        `FunctionFile resid "${ff.attrs.resid ?? ""}" differs from the Runtime resid "${runtimeResid}"`
      );
    }
  }
  for (const action of findAll(
    root,
    (el) => el.name === "Action" && el.attrs["xsi:type"] === "ShowTaskpane"
  )) {
    const resid = action.children.find((c) => c.name === "SourceLocation")?.attrs.resid;
    if (runtimeResid && resid !== runtimeResid) {
      problems.push(
        `ShowTaskpane SourceLocation resid "${resid ?? ""}" differs from the Runtime resid "${runtimeResid}"`
      );
    }
    if (!action.children.some((c) => c.name === "TaskpaneId" && c.text)) {
      problems.push(
        "ShowTaskpane has no TaskpaneId (a shared runtime supports one task pane, named by its id)"
      );
    }
  }

  const sets = findAll(
    root,
    (el, ancestors) => el.name === "Set" && ancestors.includes("Requirements")
  );
  const shared = sets.find((s) => s.attrs.Name === "SharedRuntime");
  if (!shared) problems.push("the SharedRuntime requirement set is missing");
  else {
    const min =
      shared.attrs.MinVersion ??
      findAll(root, (el) => el.name === "Sets")[0]?.attrs.DefaultMinVersion;
    if (!min || Number(min) < 1.1)
      problems.push(`SharedRuntime MinVersion is "${min ?? ""}", must be at least 1.1`);
  }
  return problems;
}

/** Every URL the manifest names (DefaultValue attributes, Resources, AppDomains) is https. */
export function checkHttps(root: XmlElement): string[] {
  const problems: string[] = [];
  for (const { where, url } of manifestUrls(root)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`${where}: "${url}" is not a URL`);
      continue;
    }
    if (parsed.protocol !== "https:") problems.push(`${where}: "${url}" is not https`);
  }
  return problems;
}

/** Excel's namespace rule: a letter, then letters, digits or underscores; at most 32 characters. */
export function namespaceProblems(namespace: string | undefined): string[] {
  if (!namespace) return ["no custom functions namespace"];
  const problems: string[] = [];
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(namespace)) {
    problems.push(
      `namespace "${namespace}" must start with a letter and contain only letters, digits and underscores`
    );
  }
  if (namespace.length > 32) problems.push(`namespace "${namespace}" is longer than 32 characters`);
  return problems;
}

export function checkNamespace(root: XmlElement, expected: string): string[] {
  const namespace = functionsNamespace(root);
  const problems = namespaceProblems(namespace);
  if (namespace && namespace !== expected)
    problems.push(`namespace is "${namespace}", expected "${expected}"`);
  return problems;
}

/** All checks on one manifest text, for the "broken copy" tests. */
export function allProblems(
  xml: string,
  expectedNamespace: string,
  projectRoot: string = PROJECT_ROOT,
  base?: string
): string[] {
  const wellFormed = checkWellFormed(xml);
  if (wellFormed.length > 0) return wellFormed;
  const root = parseManifest(xml);
  return [
    ...checkResids(root),
    ...checkImages(root, projectRoot, base),
    ...checkSharedRuntime(root),
    ...checkHttps(root),
    ...checkNamespace(root, expectedNamespace),
  ];
}
