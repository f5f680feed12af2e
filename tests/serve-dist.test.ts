/**
 * `npm run serve:dist`: the production build served over https at the path it was built for, with the
 * headers docs/deploy.md asks of a host, and a trial manifest that differs from the built one only in
 * that address.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import type { IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDevCerts } from "../scripts/dev-certs";
import { startDistServer, trialManifest } from "../scripts/serve-dist";
import { RELEASE, productionBuild, unhashed } from "./support/productionBuild";

const agent = new https.Agent({ rejectUnauthorized: false }); // a CI machine trusts no dev CA

function get(url: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { agent }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on("error", reject);
  });
}

let dir: string;
let certDir: string;
let served: Awaited<ReturnType<typeof startDistServer>>;
let entrypoints: Record<string, string[]>;

beforeAll(async () => {
  ({ dir, entrypoints } = await productionBuild());
  certDir = mkdtempSync(join(tmpdir(), "ai-deals-certs-"));
  const { cert, key } = await ensureDevCerts({ dir: certDir, log: () => undefined });
  served = await startDistServer({ dir, port: 0, tls: { cert, key } });
}, 300_000);

afterAll(async () => {
  await served?.close();
  rmSync(certDir, { recursive: true, force: true });
});

test("serves the build at the path it was built for, over https", async () => {
  expect(served.base).toBe(RELEASE.url);
  expect(served.localBase).toBe(`https://localhost:${served.port}/addin/`);
  const page = await get(`${served.localBase}taskpane.html`);
  expect(page.status).toBe(200);
  expect(page.body).toBe(readFileSync(join(dir, "taskpane.html"), "utf8"));
  expect((await get(`https://localhost:${served.port}/taskpane.html`)).status).toBe(404);
  expect((await get(`${served.localBase}nothing.js`)).status).toBe(404);
  // A malformed escape is refused, and the server keeps serving.
  expect((await get(`${served.localBase}%E0%A4%A.js`)).status).toBe(400);
  expect((await get(`${served.localBase}taskpane.html`)).status).toBe(200);
});

test("sends a host's headers: no-cache for fixed names, a year for hashed files, CORS GET for functions.json", async () => {
  for (const fixed of ["taskpane.html", "help.html", "manifest.xml", "data/dataset.json"]) {
    const { status, headers } = await get(served.localBase + fixed);
    expect([fixed, status, headers["cache-control"]]).toEqual([fixed, 200, "no-cache"]);
  }
  const script = (entrypoints.taskpane ?? []).find((f) => unhashed(f) === "taskpane.js") ?? "";
  const hashed = await get(served.localBase + script);
  expect(hashed.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(hashed.headers["content-type"]).toBe("text/javascript; charset=utf-8");

  const metadata = await get(`${served.localBase}functions.json`);
  expect(metadata.headers["content-type"]).toBe("application/json; charset=utf-8");
  expect(metadata.headers["access-control-allow-origin"]).toBe("*");
  expect(metadata.headers["access-control-allow-methods"]).toBe("GET");
  expect(metadata.headers["cache-control"]).toBe("no-cache");
  expect(metadata.headers["x-content-type-options"]).toBe("nosniff");
  expect(
    (await get(`${served.localBase}help.html`)).headers["access-control-allow-origin"]
  ).toBeUndefined();
});

test("the trial manifest is the built one with only the address made local", () => {
  const built = readFileSync(join(dir, "manifest.xml"), "utf8");
  const trial = trialManifest(dir, served.localBase);
  expect(trial).not.toContain(RELEASE.url);
  expect(trial.split(served.localBase).join(RELEASE.url)).toBe(built);
  expect(trial).toContain(`<SourceLocation DefaultValue="${served.localBase}taskpane.html"/>`);
});
