/**
 * Build of the AI Deals add-in: ONE page (taskpane.html) hosts the shared runtime, so the custom functions,
 * the task pane and the ribbon's function file are three entries loaded by that page, with a single webpack
 * runtime so a module they share (the dataset store) exists once.
 *
 *   npm run build -- --env url=https://host/path/ [--env feeds=https://data.host] [--env provider=…]
 *       [--env support=https://…]   -> dist/ for that address (docs/deploy.md); refuses a missing,
 *       http or localhost address (scripts/build-options.js)
 *   npm run build:dev                 -> dist/ for https://localhost:3000/ (manifest.xml as written)
 *   npm start / npm run dev-server    -> the dev server at https://localhost:3000
 *
 * A production build names every script and stylesheet by its content hash (a cache may keep them
 * forever); taskpane.html, functions.json, help.html, manifest.xml and data/dataset.json keep their names.
 *
 * Before every build and before the dev server compiles, scripts/check-dataset.ts validates the bundled
 * dataset; an invalid dataset fails the build.
 */
"use strict";

const path = require("node:path");
const { execFile } = require("node:child_process");
const { promisify } = require("node:util");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const compilerWebpack = require("webpack");
const { ensureDevCerts } = require("./scripts/dev-certs");
const { HelpPagePlugin } = require("./scripts/help-page");
const {
  readManifest,
  functionsNamespace,
  appDomainOrigins,
  sharedRuntimeUrl,
} = require("./scripts/manifest");
const { productionOptions } = require("./scripts/build-options");
const { ReleaseManifestPlugin } = require("./scripts/release-manifest");

const ROOT = __dirname;
const DEFAULT_PORT = Number(process.env.npm_package_config_dev_server_port) || 3000;
const FUNCTIONS_SOURCE = path.join(ROOT, "src/functions/functions.ts");

/** Runs scripts/check-dataset.ts (through tsx) before `webpack` builds and whenever the data or core change in watch mode. */
class CheckDatasetPlugin {
  apply(compiler) {
    const name = "CheckDatasetPlugin";
    const logger = compiler.getInfrastructureLogger(name);
    const tsxCli = path.join(path.dirname(require.resolve("tsx/package.json")), "dist/cli.mjs");
    const script = path.join(ROOT, "scripts/check-dataset.ts");
    const watched = [
      path.join(ROOT, "src/data") + path.sep,
      path.join(ROOT, "src/core") + path.sep,
      script,
    ];
    let failure; // message of the last failed check, reported as a compilation error in watch mode

    const check = async () => {
      try {
        const { stdout } = await promisify(execFile)(process.execPath, [tsxCli, script], {
          cwd: ROOT,
        });
        if (stdout.trim()) logger.info(stdout.trim());
        failure = undefined;
      } catch (err) {
        const output = [err.stderr, err.stdout].filter(Boolean).join("\n").trim();
        failure = `scripts/check-dataset.ts failed (exit ${err.code}):\n${output || err.message}`;
      }
    };

    // `webpack` (one build): an invalid dataset stops the build before it starts.
    compiler.hooks.beforeRun.tapPromise(name, async () => {
      await check();
      if (failure) {
        const error = new Error(failure);
        error.stack = `Error: ${failure}`; // the script's own output says it all; a stack into this file would not help
        throw error;
      }
    });
    // `webpack serve` / --watch: check on the first run and when the data or the core changed; keep serving
    // but report the problem as a compilation error (shown in the terminal and the browser overlay).
    compiler.hooks.watchRun.tapPromise(name, async (c) => {
      const changed = c.modifiedFiles ? [...c.modifiedFiles, ...(c.removedFiles || [])] : undefined;
      if (!changed || changed.some((f) => watched.some((w) => f === w || f.startsWith(w))))
        await check();
    });
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      if (!failure) return;
      const error = new compiler.webpack.WebpackError(failure);
      error.hideStack = true;
      compilation.errors.push(error);
    });
  }
}

/** A hash of the files that decide whether a dataset file is accepted: a change to any of them is a change of rules. */
function datasetRulesStamp() {
  const hash = require("node:crypto").createHash("sha256");
  for (const f of [
    "schema.ts",
    "vocabulary.ts",
    "validate.ts",
    "consistency.ts",
    "load.ts",
    "dataset.ts",
  ])
    hash.update(require("node:fs").readFileSync(path.join(ROOT, "src/core", f)));
  return hash.digest("hex").slice(0, 16);
}

/** The release options, or an error whose message alone is printed (it says what to pass; a stack would not help). */
function releaseOptions(env) {
  try {
    return productionOptions(env);
  } catch (err) {
    err.stack = `Error: ${err.message}`;
    throw err;
  }
}

/** A stylesheet copied as is: its name, with an 8-character hash of its content in a release build. */
function stylesheetName(file, hashed) {
  const { name, ext } = path.parse(file);
  if (!hashed) return `${name}${ext}`;
  const digest = require("node:crypto")
    .createHash("sha256")
    .update(require("node:fs").readFileSync(path.join(ROOT, file)))
    .digest("hex");
  return `${name}.${digest.slice(0, 8)}${ext}`;
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const serve = Boolean(env.WEBPACK_SERVE);
  // A release: production mode outside the dev server. It must be told where it will be served.
  const release = mode === "production" && !serve ? releaseOptions(env) : undefined;
  const manifestRoot = readManifest().root;
  const namespace = functionsNamespace(manifestRoot);
  if (!namespace) throw new Error("manifest.xml has no custom functions Namespace");
  const baseUrl = release ? release.baseUrl : new URL(".", sharedRuntimeUrl(manifestRoot)).href;
  // A team's data feed may be on the origins the build was given (in dev: the manifest's https
  // AppDomains): the pane's CSP lets it connect there, and the loader refuses a feed elsewhere
  // (src/runtime/dataSources.ts).
  const feedOrigins = release
    ? release.feeds
    : appDomainOrigins(manifestRoot).filter((o) => o.startsWith("https://"));
  const paneCss = stylesheetName("src/taskpane/pane.css", Boolean(release));
  const helpCss = stylesheetName("src/help/help.css", Boolean(release));
  const scriptName = release ? "[name].[contenthash:8].js" : "[name].js";

  const config = {
    mode,
    context: ROOT,
    // Separate .map files: eval-based devtools would need 'unsafe-eval' in the page's CSP.
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.join(ROOT, "dist"),
      filename: scriptName,
      chunkFilename: scriptName,
      // The pane's later tabs load relative to the page (which sits at the build's address), so no runtime
      // code guesses the address from the current script (it would throw where there is no document).
      publicPath: "",
      clean: true,
      // Every runtime the add-in meets (WebView2, Safari's WebKit, Chromium in Excel on the web) has
      // globalThis; without this, webpack finds the global object with `new Function("return this")`,
      // which the pages' CSP forbids.
      environment: { globalThis: true },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type errors are `npm run typecheck`'s job (tsc --noEmit); the bundle only needs transpiling.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    optimization: {
      // One runtime for the three entries of the shared page: a module imported by several entries is
      // instantiated once (one dataset store for the functions and the task pane).
      runtimeChunk: "single",
      // The bundled dataset is its own file (dataset.js): it changes with every data release while the
      // code does not, and the size budgets (tests/budgets.test.ts) measure the code without it.
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          dataset: {
            test: /[\\/]src[\\/]data[\\/]dataset\.json$/,
            name: "dataset",
            chunks: "all",
            enforce: true,
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new CheckDatasetPlugin(),
      new compilerWebpack.DefinePlugin({
        __AI_DEALS_FEED_ORIGINS__: JSON.stringify(feedOrigins),
        // The stamp a kept dataset is trusted under: a hash of the code that checks a file (see datasetStore.ts).
        __AI_DEALS_RULES__: JSON.stringify(datasetRulesStamp()),
      }),
      // Absolute input: the plugin matches modules by the resolved path of this option.
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      new HelpPagePlugin({
        namespace,
        reference: path.join(ROOT, "src/functions/reference.json"),
        baseUrl,
        stylesheet: helpCss,
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane", "commands"],
        chunksSortMode: "manual",
        // The dev server's live-reload socket; production allows no websocket.
        templateParameters: {
          devConnectSrc: serve ? " wss://localhost:*" : "",
          feedConnectSrc: feedOrigins.map((o) => ` ${o}`).join(""),
          paneCss,
        },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // A release writes its own manifest (ReleaseManifestPlugin below).
          ...(release ? [] : [{ from: "manifest.xml", to: "manifest.xml" }]),
          { from: "src/help/help.css", to: helpCss },
          // The host's data file: a refresh reads it, so data can be updated without a new build.
          { from: "src/data/dataset.json", to: "data/dataset.json" },
          { from: "src/taskpane/pane.css", to: paneCss },
        ],
      }),
      ...(release
        ? [
            new ReleaseManifestPlugin({
              source: path.join(ROOT, "manifest.xml"),
              ...release,
              version: require("./package.json").version,
            }),
          ]
        : []),
    ],
  };

  if (serve) {
    const { ca, cert, key } = await ensureDevCerts();
    config.devServer = {
      host: "localhost",
      port: DEFAULT_PORT,
      server: { type: "https", options: { ca, cert, key } },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false, // everything is served from the compilation (assets and manifest are copied into it)
      devMiddleware: { index: "taskpane.html" }, // https://localhost:3000/ (the AppDomain) shows the pane
      client: { overlay: { errors: true, warnings: false } },
    };
  }
  return config;
};
