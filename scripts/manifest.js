/**
 * Reads manifest.xml into a plain element tree (fast-xml-parser) and answers the few questions the build,
 * `npm start` and the tests ask of it: the Resources table, the functions namespace and every URL named.
 * The structural checks themselves live in tests/support/manifestChecks.ts.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { XMLParser, XMLValidator } = require("fast-xml-parser");

const MANIFEST_FILE = path.join(__dirname, "..", "manifest.xml");

/** Throws with line and column if the XML is not well formed. */
function assertWellFormed(xml) {
  const result = XMLValidator.validate(xml);
  if (result !== true) {
    const { msg, line, col } = result.err;
    throw new Error(`manifest.xml is not well-formed XML (line ${line}, column ${col}): ${msg}`);
  }
}

function toElement(node) {
  const name = Object.keys(node).find((key) => key !== ":@");
  const attrs = { ...(node[":@"] || {}) };
  const children = [];
  let text = "";
  for (const child of node[name] || []) {
    if ("#text" in child) text += String(child["#text"]);
    else if (!("#comment" in child)) children.push(toElement(child));
  }
  return { name, attrs, children, text: text.trim() };
}

/** The root element (OfficeApp) as {name, attrs, children, text}; names keep their prefix (bt:Image). */
function parseManifest(xml) {
  assertWellFormed(xml);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    parseTagValue: false,
    commentPropName: "#comment",
    trimValues: true,
  });
  const roots = parser.parse(xml).filter((n) => !("?xml" in n) && !("#comment" in n));
  if (roots.length !== 1)
    throw new Error(`manifest.xml must have one root element, found ${roots.length}`);
  return toElement(roots[0]);
}

function readManifest(file = MANIFEST_FILE) {
  const xml = fs.readFileSync(file, "utf8");
  return { xml, root: parseManifest(xml) };
}

/** Every element below (and including) `element`, depth first, with its ancestors' names. */
function* walk(element, ancestors = []) {
  yield { element, ancestors };
  for (const child of element.children) yield* walk(child, [...ancestors, element.name]);
}

function findAll(root, predicate) {
  return [...walk(root)]
    .filter(({ element, ancestors }) => predicate(element, ancestors))
    .map((x) => x.element);
}

/**
 * The Resources table: id -> {kind, value}, kind being the element's group (bt:Images, bt:Urls,
 * bt:ShortStrings, bt:LongStrings). A duplicated id is reported in `duplicates`.
 */
function resourceTable(root) {
  const table = new Map();
  const duplicates = [];
  for (const resources of findAll(root, (el) => el.name === "Resources")) {
    for (const group of resources.children) {
      for (const entry of group.children) {
        const id = entry.attrs.id;
        if (table.has(id)) duplicates.push(id);
        table.set(id, { kind: group.name, element: entry.name, value: entry.attrs.DefaultValue });
      }
    }
  }
  return { table, duplicates };
}

/** The custom functions namespace (the ShortString the CustomFunctions Namespace resid points at). */
function functionsNamespace(root) {
  const [ns] = findAll(
    root,
    (el, ancestors) => el.name === "Namespace" && ancestors.includes("AllFormFactors")
  );
  if (!ns) return undefined;
  const entry = resourceTable(root).table.get(ns.attrs.resid);
  return entry && entry.value;
}

/** Every URL the manifest names: DefaultValue attributes that look like URLs, and AppDomain texts. */
function manifestUrls(root) {
  const urls = [];
  for (const { element, ancestors } of walk(root)) {
    const value = element.attrs.DefaultValue;
    if (value !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
      urls.push({
        where: `${[...ancestors, element.name].join("/")}${element.attrs.id ? `#${element.attrs.id}` : ""}`,
        url: value,
      });
    }
    if (element.name === "AppDomain")
      urls.push({ where: "AppDomains/AppDomain", url: element.text });
  }
  return urls;
}

/** The origins of the manifest's AppDomains: where the add-in may reach (a team's data feed among them). */
function appDomainOrigins(root) {
  return findAll(root, (el) => el.name === "AppDomain").flatMap((el) => {
    try {
      return [new URL(el.text.trim()).origin];
    } catch {
      return []; // the manifest tests report a malformed domain
    }
  });
}

/** The page of the shared runtime (the Runtime resid's URL). */
function sharedRuntimeUrl(root) {
  const [runtime] = findAll(root, (el) => el.name === "Runtime");
  const entry = runtime && resourceTable(root).table.get(runtime.attrs.resid);
  return entry && entry.value;
}

module.exports = {
  MANIFEST_FILE,
  assertWellFormed,
  parseManifest,
  readManifest,
  walk,
  findAll,
  resourceTable,
  functionsNamespace,
  manifestUrls,
  sharedRuntimeUrl,
  appDomainOrigins,
};
