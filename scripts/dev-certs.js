/**
 * The one place that finds (and, if absent, creates) the https certificates of the dev server.
 * Used by webpack.config.js (webpack serve), scripts/start.mjs and tests/serve.test.ts.
 *
 * Files: ~/.office-addin-dev-certs/{ca.crt,localhost.crt,localhost.key}, the same ones the
 * office-addin-dev-certs CLI manages. We read them directly: its getHttpsServerOptions() also insists the
 * CA be trusted by the OS, which needs sudo on Linux and fails in CI.
 * Creating them uses office-addin-dev-certs' generateCertificates (pure JS, works offline); trusting the CA
 * is left to `npx office-addin-dev-certs install` (Windows/macOS) or to the browser (Linux).
 */
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { X509Certificate } = require("node:crypto");

const DAYS_VALID = 30; // office-addin-dev-certs' own default
const SOON_MS = 3 * 24 * 60 * 60 * 1000;

/** Directory of the certificates; HOME is read at call time so tests and CI see their own. */
function certificateDirectory() {
  return path.join(os.homedir(), ".office-addin-dev-certs");
}

function certificatePaths(dir = certificateDirectory()) {
  return {
    ca: path.join(dir, "ca.crt"),
    cert: path.join(dir, "localhost.crt"),
    key: path.join(dir, "localhost.key"),
  };
}

/** Reads the three files; throws a message that says how to get them if any is missing. */
function readDevCerts(dir = certificateDirectory()) {
  const paths = certificatePaths(dir);
  const missing = Object.values(paths).filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `Missing dev certificate file(s): ${missing.join(", ")}. ` +
        "Run `npm start` (it creates them) or `npx office-addin-dev-certs install`."
    );
  }
  return {
    ca: fs.readFileSync(paths.ca),
    cert: fs.readFileSync(paths.cert),
    key: fs.readFileSync(paths.key),
  };
}

/** Problems with the localhost certificate that would make Office refuse the page (empty if none). */
function certificateProblems(certPem, now = new Date()) {
  const problems = [];
  let cert;
  try {
    cert = new X509Certificate(certPem);
  } catch (err) {
    return [`localhost.crt is not a readable certificate (${err.message})`];
  }
  const validTo = new Date(cert.validTo);
  if (validTo.getTime() <= now.getTime()) problems.push(`localhost.crt expired on ${cert.validTo}`);
  else if (validTo.getTime() - now.getTime() < SOON_MS)
    problems.push(`localhost.crt expires soon (${cert.validTo})`);
  if (!cert.checkHost("localhost")) problems.push("localhost.crt is not issued for localhost");
  return problems;
}

/**
 * Returns {ca, cert, key, created, dir}. Creates all three files when none exists; refuses to mix a new
 * key with an old CA when only some exist (the trusted CA would no longer match). Warns through `log`
 * when the certificate is expired, expiring or not for localhost.
 */
async function ensureDevCerts({ dir = certificateDirectory(), log = console.warn } = {}) {
  const paths = certificatePaths(dir);
  const present = Object.values(paths).filter((file) => fs.existsSync(file));
  let created = false;
  if (present.length === 0) {
    // Lazy: only this path needs office-addin-dev-certs (and mkcert).
    const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
    await generateCertificates(paths.ca, paths.cert, paths.key, DAYS_VALID);
    created = true;
    log(
      `Created dev certificates in ${dir}. Trust ${paths.ca} as a root certificate authority ` +
        "(or run `npx office-addin-dev-certs install`) so Excel accepts https://localhost."
    );
  } else if (present.length < 3) {
    throw new Error(
      `Incomplete dev certificates in ${dir} (found only ${present.map((f) => path.basename(f)).join(", ")}). ` +
        "Run `npx office-addin-dev-certs uninstall`, delete that folder, then `npm start` again."
    );
  }
  const certs = readDevCerts(dir);
  for (const problem of certificateProblems(certs.cert)) {
    log(
      `Warning: ${problem}. Renew with \`npx office-addin-dev-certs install\` (it replaces and re-trusts them).`
    );
  }
  return { ...certs, created, dir };
}

module.exports = {
  certificateDirectory,
  certificatePaths,
  readDevCerts,
  certificateProblems,
  ensureDevCerts,
};
