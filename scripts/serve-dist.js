/**
 * `npm run serve:dist`: the production build in dist/ served over https on this machine, at the same
 * path it was built for and with the headers docs/deploy.md asks of a host, so the exact files you are
 * about to deploy can be tried in Excel on the web first.
 *
 * Built for https://deals.example.com/addin/, it serves https://localhost:3000/addin/ and writes a trial
 * manifest (the built manifest with that one address swapped for the local one) to sideload. Everything
 * else is byte for byte what the build wrote. Options: --port 3000, --dir dist.
 */
"use strict";

const fs = require("node:fs");
const https = require("node:https");
const os = require("node:os");
const path = require("node:path");
const { parseManifest, sharedRuntimeUrl } = require("./manifest");

/** A content-hashed file: the build names it "<name>.<8 hex>.<ext>", and it never changes under that name. */
const HASHED = /\.[0-9a-f]{8}\.(?:js|css)(?:\.map)?$/;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The headers a host should send for one file of the build (its path relative to dist/):
 * hashed scripts and styles cached for a year; everything with a fixed name revalidated every time, so
 * a release reaches users at once; functions.json readable by Excel from another origin (CORS GET).
 */
function hostHeaders(file) {
  const name = file.split(/[\\/]/).join("/");
  const headers = {
    "Content-Type": TYPES[path.extname(name)] || "application/octet-stream",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": HASHED.test(name) ? "public, max-age=31536000, immutable" : "no-cache",
  };
  if (name === "functions.json") {
    headers["Access-Control-Allow-Origin"] = "*";
    headers["Access-Control-Allow-Methods"] = "GET";
  }
  return headers;
}

/** The address the build in `dir` was made for, read from its manifest (ends in "/"). */
function builtBase(dir) {
  const file = path.join(dir, "manifest.xml");
  if (!fs.existsSync(file))
    throw new Error(
      `${file} does not exist. Build first: npm run build -- --env url=https://your.host/path/`
    );
  const page = sharedRuntimeUrl(parseManifest(fs.readFileSync(file, "utf8")));
  if (!page) throw new Error(`${file} names no shared runtime page`);
  return new URL(".", page).href;
}

/** The built manifest with the build's address replaced by the local one (for sideloading the trial). */
function trialManifest(dir, localBase) {
  const xml = fs.readFileSync(path.join(dir, "manifest.xml"), "utf8");
  return xml.split(builtBase(dir)).join(localBase);
}

/**
 * Starts the server; resolves with { base, localBase, port, close }. `port` 0 picks a free one.
 * `tls` is { cert, key } (npm run serve:dist uses the dev certificates).
 */
function startDistServer({ dir, port, tls }) {
  const base = builtBase(dir);
  const basePath = new URL(base).pathname; // "/addin/"
  const server = https.createServer(tls, (req, res) => {
    const url = new URL(req.url || "/", "https://localhost");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    if (!url.pathname.startsWith(basePath)) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end(`The add-in is at ${basePath}`);
      return;
    }
    let file;
    try {
      file = decodeURIComponent(url.pathname.slice(basePath.length)) || "taskpane.html";
    } catch {
      file = ".."; // a malformed %-escape: refused below, never a crash
    }
    const full = path.join(dir, file);
    if (file.includes("..") || !full.startsWith(path.resolve(dir))) {
      res.writeHead(400).end();
      return;
    }
    fs.readFile(full, (err, body) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        return;
      }
      res.writeHead(200, hostHeaders(file));
      res.end(req.method === "HEAD" ? undefined : body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "localhost", () => {
      const actual = server.address().port;
      resolve({
        base,
        localBase: `https://localhost:${actual}${basePath}`,
        port: actual,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

function option(args, name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

async function main() {
  const { ensureDevCerts } = require("./dev-certs");
  const args = process.argv.slice(2);
  const dir = path.resolve(option(args, "dir", path.join(__dirname, "..", "dist")));
  const port = Number(option(args, "port", "3000"));
  const { cert, key } = await ensureDevCerts();
  const served = await startDistServer({ dir: path.resolve(dir), port, tls: { cert, key } });
  const trialDir = fs.mkdtempSync(path.join(os.tmpdir(), "ai-deals-trial-"));
  const trial = path.join(trialDir, "manifest.xml");
  fs.writeFileSync(trial, trialManifest(dir, served.localBase));
  console.log(`
  The build in ${dir} (made for ${served.base}) is served at ${served.localBase}
  with the headers a host should send (docs/deploy.md).

  To try it in Excel on the web:
    1. Trust the dev certificate once (npx office-addin-dev-certs install, or import the CA that
       npm start names), then open ${served.localBase}taskpane.html without a certificate warning.
    2. In a workbook: Insert > Add-ins > Office Add-ins (or Home > Add-ins > More Add-ins),
       Upload My Add-in, and choose the trial manifest:
       ${trial}
       It is the built manifest with ${served.base} replaced by ${served.localBase}; every other
       file is exactly what you will deploy. (Help links in functions.json point at ${served.base}.)

  Ctrl+C stops the server.
`);
}

if (require.main === module)
  main().catch((err) => {
    console.error(`[serve:dist] ${err.message}`);
    process.exit(1);
  });

module.exports = { hostHeaders, builtBase, trialManifest, startDistServer, HASHED };
