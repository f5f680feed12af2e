/**
 * The manifest a production build ships: manifest.xml (written for the dev server at https://localhost:3000/)
 * with every address moved to the build's base address, AppDomains set to the team's feed origins,
 * Version from package.json, the provider and support page the build was given, and the custom functions'
 * Script pointed at the content-hashed functions bundle. Id, names, requirements and layout stay as written.
 */
"use strict";

const { parseManifest, findAll, sharedRuntimeUrl } = require("./manifest");

const PLUGIN_NAME = "ReleaseManifestPlugin";

/** XML text as written → the text it stands for (the five named entities and numeric references). */
function unescapeXml(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e) => {
    const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e.toLowerCase()];
    if (named) return named;
    return String.fromCodePoint(
      e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
    );
  });
}

function escapeXml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "1.4.2" → "1.4.2.0": Office wants up to four dot-separated numbers, each at most 65535. */
function manifestVersion(packageVersion) {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(String(packageVersion));
  if (!match || match.slice(1).some((n) => Number(n) > 65535))
    throw new Error(
      `package.json's version "${packageVersion}" must be three numbers (major.minor.patch, each ≤ 65535) to become the manifest's Version`
    );
  return `${match[1]}.${match[2]}.${match[3]}.0`;
}

/** The folder the source manifest's pages live in (https://localhost:3000/), from its shared runtime page. */
function devBase(root) {
  const page = sharedRuntimeUrl(root);
  if (!page) throw new Error("manifest.xml names no shared runtime page (Runtime resid)");
  return new URL(".", page).href;
}

/**
 * @param {string} xml the source manifest
 * @param {{baseUrl: string, feeds: string[], provider: string, supportUrl: string, version: string,
 *   functionsScript: string}} options functionsScript: the hashed functions bundle's file name
 */
function releaseManifest(xml, options) {
  const root = parseManifest(xml);
  const from = devBase(root);
  const moved = (value) => {
    if (!value.startsWith(from)) return value;
    const file = value.slice(from.length);
    return options.baseUrl + (file === "functions.js" ? options.functionsScript : file);
  };
  // Values are read as XML gives them (entities decoded) and written back escaped once: "R&amp;D" stays.
  let out = xml.replace(
    /(\sDefaultValue=")([^"]*)(")/g,
    (_, before, value, after) => before + escapeXml(moved(unescapeXml(value))) + after
  );
  out = out
    .replace(
      /<SupportUrl DefaultValue="[^"]*"\s*\/>/,
      `<SupportUrl DefaultValue="${escapeXml(options.supportUrl)}"/>`
    )
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(options.version)}</Version>`)
    .replace(
      /<ProviderName>[^<]*<\/ProviderName>/,
      `<ProviderName>${escapeXml(options.provider)}</ProviderName>`
    );
  const domains = options.feeds.map((o) => `\n    <AppDomain>${escapeXml(o)}</AppDomain>`).join("");
  // No feeds, no AppDomains: the add-in's own origin needs none (its pages come from SourceLocation).
  const appDomains = domains ? `\n  <AppDomains>${domains}\n  </AppDomains>` : "";
  out = /<AppDomains>/.test(out)
    ? out.replace(/\n\s*<AppDomains>[\s\S]*?<\/AppDomains>/, appDomains)
    : // The schema puts AppDomains right after SupportUrl.
      out.replace(/(<SupportUrl [^>]*\/>)/, `$1${appDomains}`);
  const check = parseManifest(out);
  const written = findAll(check, (el) => el.name === "AppDomain").map((el) => el.text);
  const missing = options.feeds.filter((f) => !written.includes(f));
  if (missing.length > 0)
    throw new Error(`The release manifest's AppDomains lack the feeds ${missing.join(", ")}`);
  const left = findAll(check, (el) => (el.attrs.DefaultValue ?? "").startsWith(from));
  if (left.length > 0 || out.includes(from))
    throw new Error(
      `The release manifest still names ${from}: ${left.map((e) => e.name).join(", ")}`
    );
  return out;
}

/**
 * Writes dist/manifest.xml once the bundles have their final (content-hashed) names: after webpack's
 * RealContentHashPlugin, which renames them at the OPTIMIZE_HASH stage.
 */
class ReleaseManifestPlugin {
  constructor({ source, ...options }) {
    this.source = source;
    this.options = options;
  }

  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        () => {
          compilation.fileDependencies.add(this.source);
          const functions = compilation.entrypoints.get("functions");
          const script =
            functions && [...functions.getEntrypointChunk().files].find((f) => f.endsWith(".js"));
          if (!script) {
            compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: no functions bundle`));
            return;
          }
          try {
            const xml = require("node:fs").readFileSync(this.source, "utf8");
            const out = releaseManifest(xml, { ...this.options, functionsScript: script });
            compilation.emitAsset("manifest.xml", new sources.RawSource(out));
          } catch (err) {
            compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${err.message}`));
          }
        }
      );
    });
  }
}

module.exports = { releaseManifest, manifestVersion, ReleaseManifestPlugin };
