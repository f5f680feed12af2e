/**
 * A real headless Chromium for the browser tests, with nothing installed beyond `npm install`:
 * @sparticuz/chromium ships one inside its npm package. CHROMIUM_PATH points the tests at another
 * Chrome or Chromium (a developer's own, or Debian's /usr/bin/chromium).
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { extname, join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

/** Flags for a closed network: no background connections, no first-run work. */
const QUIET = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-gpu",
];

const UNLIKE_A_DESKTOP = new Set([
  "--single-process",
  "--disable-web-security",
  "--allow-running-insecure-content",
  "--disable-site-isolation-trials",
]);

export async function launchChromium(): Promise<Browser> {
  const own = process.env.CHROMIUM_PATH;
  if (own) return chromium.launch({ executablePath: own, args: ["--no-sandbox", ...QUIET] });
  const packaged = await packagedChromium();
  // Its serverless defaults run one page per process and relax web security; the tests want a
  // browser like an analyst's: several pages, the same-origin policy and mixed-content blocking on.
  const args = packaged.args.filter((a) => !UNLIKE_A_DESKTOP.has(a));
  return chromium.launch({ executablePath: packaged.path, args: [...args, ...QUIET] });
}

/**
 * @sparticuz/chromium is an ES module, which Jest (CommonJS on Node 20) cannot import: a child Node
 * unpacks the browser and reports where it is and the flags it needs.
 */
async function packagedChromium(): Promise<{ path: string; args: string[] }> {
  const script =
    'import c from "@sparticuz/chromium";' +
    "process.stdout.write(JSON.stringify({ path: await c.executablePath(), args: c.args }));";
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--input-type=module", "-e", script],
    { cwd: join(__dirname, "../..") }
  );
  return JSON.parse(stdout) as { path: string; args: string[] };
}

const OFFICE_JS_DIR = join(__dirname, "../../node_modules/@microsoft/office-js/dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

/** What a static host sends as Content-Type for the files of the build. */
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

export const TELEMETRY_FRAME = "https://telemetryservice.firstpartyapps.oaspapps.com/";

/** A production build and the address it was built for (ending in "/"). */
export interface HostedBuild {
  base: string;
  dir: string;
}

/**
 * The page loads from the very address the build was made for: requests under `hosted.base` are
 * answered with the built files, as a static https host would. office.js keeps loading from Microsoft's
 * CDN, as in production; the test serves those addresses from the @microsoft/office-js package (the same
 * files, offline). Any other outside request is refused and returned, so a page that reaches elsewhere
 * fails visibly. Routes a test adds later take precedence (a feed, a changed data file).
 */
export async function routeAddin(page: Page, hosted: HostedBuild): Promise<string[]> {
  const refused: string[] = [];
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(CDN)) {
      const file = url.slice(CDN.length).split(/[?#]/)[0] ?? "";
      try {
        const body = readFileSync(join(OFFICE_JS_DIR, file));
        return await route.fulfill({ body, contentType: "text/javascript" });
      } catch {
        return await route.fulfill({ status: 404, body: `not in @microsoft/office-js: ${file}` });
      }
    }
    if (url.startsWith(hosted.base)) {
      const file = decodeURIComponent(url.slice(hosted.base.length).split(/[?#]/)[0] ?? "");
      if (file.includes("..")) return await route.fulfill({ status: 400 });
      try {
        const body = readFileSync(join(hosted.dir, file || "taskpane.html"));
        return await route.fulfill({
          body,
          contentType: TYPES[extname(file || ".html")] ?? "application/octet-stream",
        });
      } catch {
        return await route.fulfill({ status: 404, body: "not found" });
      }
    }
    // office.js's telemetry frame (see the CSP in taskpane.html): an empty page stands in for Microsoft's.
    if (url.startsWith(TELEMETRY_FRAME))
      return await route.fulfill({
        body: "<!doctype html><title>telemetry</title>",
        contentType: "text/html",
      });
    if (url.startsWith("data:")) return route.continue();
    refused.push(url);
    return route.abort();
  });
  return refused;
}
