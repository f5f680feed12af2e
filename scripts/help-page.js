/**
 * help.html, generated at build time from functions.json (so it can never disagree with the functions):
 * one section per function whose id is the function's id, the target of each JSDoc @helpurl
 * (https://localhost:3000/help.html#DEAL_VALUE) and of the manifest's SupportUrl. A static page: no script.
 */
"use strict";

const PLUGIN_NAME = "HelpPagePlugin";

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function signature(namespace, fn) {
  const args = (fn.parameters || []).map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${namespace}.${fn.name}(${args.join(", ")})`;
}

/** The whole page as a string; `metadata` is the parsed functions.json. */
function renderHelpPage(metadata, { namespace, title = "AI Deals: function help" }) {
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
    <link rel="stylesheet" href="help.css" />
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

/** Emits help.html next to functions.json (which custom-functions-metadata-plugin adds to the compilation). */
class HelpPagePlugin {
  constructor({ namespace, metadataAsset = "functions.json", filename = "help.html" }) {
    this.options = { namespace, metadataAsset, filename };
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
          const html = renderHelpPage(metadata, { namespace: this.options.namespace });
          compilation.emitAsset(this.options.filename, new sources.RawSource(html));
        }
      );
    });
  }
}

module.exports = { renderHelpPage, signature, HelpPagePlugin };
