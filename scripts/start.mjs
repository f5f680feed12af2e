/**
 * `npm start`: dev certificates, the https dev server (webpack serve) and, where Office desktop can be
 * driven from the command line (Windows, macOS), sideloading manifest.xml into Excel. On Linux (or when
 * sideloading fails) it prints how to load the add-in in Excel on the web. Ctrl+C stops the server.
 *
 * office-addin-dev-settings is run through `npx --yes` rather than being a dependency: its dependency tree
 * does not install on Linux: it needs the native module keytar, whose prebuilt download needs a network and
 * whose source build needs libsecret.
 */
import { spawn } from "node:child_process";
import https from "node:https";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { ensureDevCerts, certificatePaths } = require("./dev-certs.js");
const { readManifest, sharedRuntimeUrl } = require("./manifest.js");

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const READY_TIMEOUT_MS = 180_000;

const log = (message) => console.log(`[start] ${message}`);

/** On Windows/macOS, let office-addin-dev-certs create, renew and trust the certificates (it may prompt). */
async function trustCertificatesOnDesktop() {
  if (process.platform !== "win32" && process.platform !== "darwin") return;
  try {
    const { ensureCertificatesAreInstalled } = require("office-addin-dev-certs");
    await ensureCertificatesAreInstalled();
  } catch (err) {
    log(
      `Could not install a trusted dev certificate (${err.message}); continuing with the files as they are.`
    );
  }
}

function waitForServer(url, child) {
  const agent = new https.Agent({ rejectUnauthorized: false }); // only "is it up", not "is it trusted"
  const deadline = Date.now() + READY_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null)
        return reject(new Error(`the dev server exited (code ${child.exitCode})`));
      if (Date.now() > deadline)
        return reject(new Error(`no answer from ${url} after ${READY_TIMEOUT_MS / 1000} s`));
      const req = https.get(url, { agent }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve();
        else setTimeout(attempt, 1000);
      });
      req.on("error", () => setTimeout(attempt, 1000));
      req.setTimeout(5000, () => req.destroy());
    };
    attempt();
  });
}

function run(command, args) {
  // Windows runs npx.cmd through a shell, which splits unquoted arguments at spaces.
  const win = process.platform === "win32";
  const argv = win ? args.map((a) => (/\s/.test(a) ? `"${a}"` : a)) : args;
  return new Promise((resolve) => {
    const child = spawn(command, argv, { cwd: ROOT, stdio: "inherit", shell: win });
    child.on("error", () => resolve(1));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function sideloadDesktop() {
  if (process.platform !== "win32" && process.platform !== "darwin") return false;
  log("Sideloading manifest.xml into Excel desktop (npx office-addin-dev-settings)...");
  const code = await run("npx", [
    "--yes",
    "office-addin-dev-settings",
    "sideload",
    MANIFEST,
    "desktop",
    "--app",
    "excel",
  ]);
  if (code !== 0) log(`Sideloading failed (exit ${code}).`);
  return code === 0;
}

function printWebInstructions(pageUrl) {
  const { ca } = certificatePaths();
  const origin = new URL(pageUrl).origin;
  console.log(`
  AI Deals is served at ${pageUrl}

  To load it in Excel on the web:
    1. Trust the dev certificate authority once: import ${ca}
       as a trusted root/authority in your browser or OS (or run \`npx office-addin-dev-certs install\`),
       then open ${pageUrl} in that browser: it must load without a certificate warning.
    2. Open a workbook in Excel on the web (https://www.office.com > Excel).
    3. Open the add-ins dialog: Insert > Add-ins > Office Add-ins, or Home > Add-ins > More Add-ins
       (the ribbon differs between versions), choose Upload My Add-in, select
       ${MANIFEST} and Upload.
    4. Type =DEALS. in a cell, or select Home > Show AI Deals for the task pane.

  The dev server must keep running (${origin}); press Ctrl+C here to stop it.
`);
}

async function main() {
  await trustCertificatesOnDesktop();
  await ensureDevCerts({ log });

  const pageUrl = sharedRuntimeUrl(readManifest(MANIFEST).root);
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const server = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: ROOT,
    stdio: "inherit",
  });

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    log("Stopping the dev server...");
    if (server.exitCode === null) server.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  server.on("exit", (code, signal) => {
    if (!stopping) log(`The dev server exited (${signal ?? `code ${code}`}).`);
    process.exit(stopping ? 0 : (code ?? 1));
  });

  try {
    await waitForServer(pageUrl, server);
  } catch (err) {
    log(`The dev server did not come up: ${err.message}`);
    stop("SIGTERM");
    return;
  }
  if (stopping) return;
  const sideloaded = await sideloadDesktop();
  if (!sideloaded) printWebInstructions(pageUrl);
  else
    log(
      `Excel should open with the add-in. The dev server keeps running; press Ctrl+C to stop it.`
    );
}

main().catch((err) => {
  console.error(`[start] ${err.message}`);
  process.exit(1);
});
