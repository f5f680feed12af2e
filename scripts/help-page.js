/**
 * help.html, generated at build time from functions.json (so it can never disagree with the functions):
 * one section per function whose id is the function's id, the target of each function's helpUrl, which
 * this plugin also writes into functions.json at the build's address (<base>help.html#DEAL_VALUE), and of
 * the manifest's default SupportUrl. A static page: no script; every link in it is relative.
 * Each section lists the arguments (from functions.json), then examples and errors from
 * src/functions/reference.json, whose every formula tests/functions/reference.test.ts evaluates.
 */
"use strict";

const fs = require("node:fs");

const PLUGIN_NAME = "HelpPagePlugin";

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function signature(namespace, fn) {
  const args = (fn.parameters || []).map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${namespace}.${fn.name}(${args.join(", ")})`;
}

/** A formula as typed: text in quotes (inner quotes doubled), numbers as they are, null left empty. */
function formulaText(namespace, name, args) {
  const shown = [...args];
  while (shown.length > 0 && shown[shown.length - 1] === null) shown.pop();
  const text = shown.map((a) =>
    a === null ? "" : typeof a === "string" ? `"${a.replace(/"/g, '""')}"` : String(a)
  );
  return `=${namespace}.${name}(${text.join(",")})`;
}

function resultText(example) {
  if (Array.isArray(example.header)) return `a table with the columns ${example.header.join(", ")}`;
  const r = example.result;
  if (typeof r === "number") return r.toLocaleString("en-US", { maximumFractionDigits: 4 });
  return JSON.stringify(r);
}

/** The errors a function can return: those of its kinds of arguments, then its own. */
function errorsOf(fn, reference) {
  const names = new Set((fn.parameters || []).map((p) => p.name));
  const common = (reference.common || []).filter((e) => e.parameters.some((p) => names.has(p)));
  const own = ((reference.functions || {})[fn.id] || {}).errors || [];
  return [...common, ...own];
}

function renderExamples(namespace, fn, reference) {
  const examples = ((reference.functions || {})[fn.id] || {}).examples || [];
  if (examples.length === 0) return "";
  const items = examples
    .map(
      (e) =>
        `<li><code>${escapeHtml(formulaText(namespace, fn.name, e.args))}</code> → <strong>${escapeHtml(resultText(e))}</strong>${e.note ? ` <span class="note">(${escapeHtml(e.note)})</span>` : ""}</li>`
    )
    .join("\n          ");
  return `<h3>Examples</h3>\n        <ul class="examples">\n          ${items}\n        </ul>`;
}

function renderErrors(fn, reference) {
  const errors = errorsOf(fn, reference);
  if (errors.length === 0) return "<h3>Errors</h3>\n        <p>None: it always answers.</p>";
  const rows = errors
    .map(
      (e) =>
        `<tr><td><code>${escapeHtml(e.error)}</code></td><td>${escapeHtml(e.when)}<br /><span class="message">${escapeHtml(e.message)}</span></td></tr>`
    )
    .join("\n          ");
  return `<h3>Errors</h3>\n        <table class="errors">\n          <tr><th scope="col">Error</th><th scope="col">When, and what Excel shows</th></tr>\n          ${rows}\n        </table>`;
}

/** A card function's fields: what =A1.Name reads, in the card's order. */
function renderFields(fn, reference) {
  const fields = ((reference.functions || {})[fn.id] || {}).fields || [];
  if (fields.length === 0) return "";
  const items = fields
    .map((f) => `<dt><code>${escapeHtml(f.name)}</code></dt><dd>${escapeHtml(f.what)}</dd>`)
    .join("\n          ");
  return `<h3>Card fields</h3>\n        <p>In the card's order. Read one with dot syntax: <code>=A1.Amount</code>, or <code>=A1.[Previous valuation]</code> for a name with spaces. A field the card does not have gives <code>#FIELD!</code>.</p>\n        <dl class="params">\n          ${items}\n        </dl>`;
}

/**
 * The whole page as a string; `metadata` is the parsed functions.json, `reference` the parsed
 * src/functions/reference.json (examples and errors by function id).
 */
function renderHelpPage(
  metadata,
  { namespace, title = "AI Deals: function help", reference = {}, stylesheet = "help.css" }
) {
  const functions = Array.isArray(metadata && metadata.functions) ? metadata.functions : [];
  const toc = functions
    .map(
      (fn) =>
        `<li><a href="#${escapeHtml(fn.id)}"><code>${escapeHtml(`${namespace}.${fn.name}`)}</code></a></li>`
    )
    .join("\n        ");
  const sections = functions
    .map((fn) => {
      const params = (fn.parameters || [])
        .map(
          (p) =>
            `<dt><code>${escapeHtml(p.name)}</code>${p.optional ? ' <span class="tag">optional</span>' : ""}</dt>` +
            `<dd>${escapeHtml(p.description || "")}</dd>`
        )
        .join("\n          ");
      return `
      <section class="card" id="${escapeHtml(fn.id)}" aria-labelledby="${escapeHtml(fn.id)}-title">
        <h2 id="${escapeHtml(fn.id)}-title"><code>${escapeHtml(signature(namespace, fn))}</code></h2>
        <p>${escapeHtml(fn.description || "")}</p>
        ${params ? `<h3>Arguments</h3>\n        <dl class="params">\n          ${params}\n        </dl>` : "<p>No arguments.</p>"}
        ${renderFields(fn, reference)}
        ${renderExamples(namespace, fn, reference)}
        ${renderErrors(fn, reference)}
      </section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'self'" />
    <title>${escapeHtml(title)}</title>
    <link rel="stylesheet" href="${escapeHtml(stylesheet)}" />
  </head>
  <body>
    <header class="app-header">
      <img src="assets/icon-32.png" alt="" width="32" height="32" />
      <h1>${escapeHtml(title)}</h1>
    </header>
    <main>
      <p>Type <code>=${escapeHtml(namespace)}.</code> in a cell to see these functions in Excel. Optional arguments can be left out.</p>
      <nav aria-label="Functions">
        <ul class="toc">
        ${toc}
        </ul>
      </nav>
${sections}
    </main>
  </body>
</html>
`;
}

/**
 * Emits help.html next to functions.json (which custom-functions-metadata-plugin adds to the compilation)
 * and gives every function in functions.json its helpUrl: `${baseUrl}help.html#<id>`, so a build for
 * another address links there with no change to the source.
 */
class HelpPagePlugin {
  constructor({
    namespace,
    reference,
    baseUrl,
    stylesheet = "help.css",
    metadataAsset = "functions.json",
    filename = "help.html",
  }) {
    this.options = { namespace, reference, baseUrl, stylesheet, metadataAsset, filename };
  }

  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.options.metadataAsset);
          if (!asset) {
            // The metadata plugin has already reported why (a JSDoc error); say what is missing too.
            compilation.errors.push(
              new WebpackError(`${PLUGIN_NAME}: no ${this.options.metadataAsset}, so no help page`)
            );
            return;
          }
          const metadata = JSON.parse(asset.source.source().toString());
          for (const fn of metadata.functions || [])
            fn.helpUrl = `${this.options.baseUrl}${this.options.filename}#${fn.id}`;
          compilation.updateAsset(
            this.options.metadataAsset,
            new sources.RawSource(JSON.stringify(metadata, null, 2))
          );
          // Read on every build, and watched: editing an example rebuilds the page.
          compilation.fileDependencies.add(this.options.reference);
          const reference = JSON.parse(fs.readFileSync(this.options.reference, "utf8"));
          const html = renderHelpPage(metadata, {
            namespace: this.options.namespace,
            reference,
            stylesheet: this.options.stylesheet,
          });
          compilation.emitAsset(this.options.filename, new sources.RawSource(html));
        }
      );
    });
  }
}

module.exports = { renderHelpPage, signature, formulaText, errorsOf, HelpPagePlugin };
