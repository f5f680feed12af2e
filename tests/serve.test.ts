/**
 * The dev server, as `npm start` runs it: the project's webpack.config.js under `webpack serve`
 * (development, https with the dev certificates, creating them if this machine has none yet), on a free
 * port, writing its build into a temp dir. Then every URL manifest.xml names must answer 200, and the
 * pages must hold what Excel needs: one page that loads the functions, task pane and commands bundles.
 */
import { X509Certificate } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import type { IncomingHttpHeaders } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TLSSocket } from "node:tls";
import webpack, { type Configuration, type Stats } from "webpack";
import WebpackDevServer from "webpack-dev-server";
import { readDevCerts } from "../scripts/dev-certs";
import { manifestUrls, readManifest } from "../scripts/manifest";
import { pngSize } from "./support/manifestChecks";

type ConfigFactory = (
  env: Record<string, unknown>,
  argv: { mode: string }
) => Promise<Configuration & { devServer?: WebpackDevServer.Configuration }>;
// webpack.config.js is CommonJS without types; this is its shape.
const createConfig: ConfigFactory = require("../webpack.config.js");

const MANIFEST_ORIGIN = "https://localhost:3000";

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  peerFingerprint: string;
}

// Trust is not what this test is about (a CI machine trusts no dev CA): ignore it per request, not globally.
// No TLS session reuse: a resumed session does not show the server's certificate again.
const agent = new https.Agent({
  rejectUnauthorized: false,
  keepAlive: false,
  maxCachedSessions: 0,
});

function get(url: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      const peer = (res.socket as TLSSocket).getPeerCertificate();
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          peerFingerprint: peer.fingerprint256,
        })
      );
    });
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${url}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "localhost", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

let server: WebpackDevServer | undefined;
let outDir: string;
let origin: string;
let stats: Stats | undefined;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "ai-deals-serve-"));
  const port = await freePort();
  origin = `https://localhost:${port}`;

  // Exactly what `webpack serve --mode development` does with the config (it creates missing certs).
  const config = await createConfig({ WEBPACK_SERVE: true }, { mode: "development" });
  config.output = { ...config.output, path: outDir };
  config.infrastructureLogging = { level: "warn" };
  config.stats = "none"; // the test reads errors and warnings from the Stats object itself
  const devServerOptions: WebpackDevServer.Configuration = {
    ...config.devServer,
    port,
    devMiddleware: { ...config.devServer?.devMiddleware, writeToDisk: true },
  };
  delete config.devServer;

  const compiler = webpack(config);
  const compiled = new Promise<Stats>((resolve) => compiler.hooks.done.tap("serve.test", resolve));
  server = new WebpackDevServer(devServerOptions, compiler);
  await server.start();
  stats = await compiled;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  agent.destroy();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

test("the build has no errors or warnings", () => {
  const info = stats?.toJson({ all: false, errors: true, warnings: true });
  expect(info?.errors?.map((e) => e.message) ?? []).toEqual([]);
  expect(info?.warnings?.map((w) => w.message) ?? []).toEqual([]);
});

test("the build wrote the page, the bundles, functions.json, help.html, the manifest and the icons", () => {
  for (const file of [
    "taskpane.html",
    "pane.css",
    "help.css",
    "functions.js",
    "functions.json",
    "taskpane.js",
    "commands.js",
    "runtime.js",
    "help.html",
    "manifest.xml",
    ...[16, 32, 64, 80].map((n) => `assets/icon-${n}.png`),
  ]) {
    expect([file, existsSync(join(outDir, file))]).toEqual([file, true]);
  }
  expect(readFileSync(join(outDir, "manifest.xml"), "utf8")).toBe(
    readFileSync(join(__dirname, "..", "manifest.xml"), "utf8")
  );
});

test("every URL manifest.xml names answers 200 over https, with CORS open", async () => {
  const urls = manifestUrls(readManifest().root);
  expect(urls.length).toBeGreaterThanOrEqual(10);
  const failures: string[] = [];
  for (const { where, url } of urls) {
    expect(url.startsWith(MANIFEST_ORIGIN)).toBe(true);
    const local = origin + url.slice(MANIFEST_ORIGIN.length);
    const reply = await get(local);
    if (reply.status !== 200) failures.push(`${where}: GET ${local} -> ${reply.status}`);
    else if (reply.headers["access-control-allow-origin"] !== "*")
      failures.push(`${where}: no Access-Control-Allow-Origin: *`);
    if (/\.png$/.test(url) && reply.status === 200) {
      const declared = /icon-(\d+)\.png$/.exec(url);
      if (declared && pngSize(reply.body).width !== Number(declared[1]))
        failures.push(`${where}: served PNG has the wrong size`);
    }
  }
  expect(failures).toEqual([]);
});

test("the server presents the shared module's localhost certificate", async () => {
  const reply = await get(`${origin}/taskpane.html`);
  const expected = new X509Certificate(readDevCerts().cert).fingerprint256;
  expect(reply.peerFingerprint).toBe(expected);
});

test("taskpane.html is the one page of the shared runtime: office.js from Microsoft's CDN, the three bundles, no inline script, a CSP", async () => {
  const html = (await get(`${origin}/taskpane.html`)).body.toString("utf8");
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  const srcs = scripts.map((m) => /\bsrc="?([^"\s>]+)/.exec(m[1] ?? "")?.[1]);
  expect(srcs[0]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  for (const bundle of ["runtime.js", "functions.js", "taskpane.js", "commands.js"])
    expect(srcs).toContain(bundle);
  expect(srcs.indexOf("functions.js")).toBeLessThan(srcs.indexOf("taskpane.js"));
  for (const m of scripts) expect((m[2] ?? "").trim()).toBe(""); // every script is external
  expect(html).not.toMatch(/\son[a-z]+="/i); // no inline event handlers
  const csp =
    /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
  expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
});

test("the page's bundles share one webpack runtime, so the dataset store is one module for functions and pane", async () => {
  const html = (await get(`${origin}/taskpane.html`)).body.toString("utf8");
  const local = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)]
    .map((m) => m[1] ?? "")
    .filter((src) => !/^https?:/.test(src));
  expect(local.filter((src) => src === "runtime.js")).toHaveLength(1);
  const definesStore = /^\/\*\*\*\/ "\.\/src\/runtime\/datasetStore\.ts"/m;
  const holders: string[] = [];
  for (const src of local) {
    if (definesStore.test((await get(`${origin}/${src}`)).body.toString("utf8"))) holders.push(src);
  }
  expect(holders).toHaveLength(1);
});

test("functions.json lists the DEALS functions, and each helpUrl lands on a section of help.html", async () => {
  const metadata = JSON.parse((await get(`${origin}/functions.json`)).body.toString("utf8")) as {
    functions: { id: string; name: string; helpUrl?: string }[];
  };
  expect(metadata.functions.length).toBeGreaterThan(0);
  const help = (await get(`${origin}/help.html`)).body.toString("utf8");
  for (const fn of metadata.functions) {
    expect(help).toContain(`id="${fn.id}"`);
    expect(fn.helpUrl).toBe(`${MANIFEST_ORIGIN}/help.html#${fn.id}`);
    const url = new URL(fn.helpUrl ?? "");
    expect(url.origin).toBe(MANIFEST_ORIGIN);
    expect((await get(origin + url.pathname)).status).toBe(200);
    expect(help).toContain(`id="${url.hash.slice(1)}"`);
  }
});

test("the functions bundle registers the functions with Excel (the metadata plugin's associate calls)", async () => {
  const js = (await get(`${origin}/functions.js`)).body.toString("utf8");
  expect(js).toMatch(/CustomFunctions\.associate\(\\?"DEAL_VALUE\\?"/);
});
