/**
 * A refresh of the data in use, from each kind of source, against every kind of failure: the data in use
 * stays the very same object and the message says what happened. A good refresh swaps the data whole,
 * reports what changed, and is kept for a restart without a network.
 */
import { createServer, type Server } from "node:http";
import { diffDatasets, describeDiff } from "../../src/core/refresh/diffDatasets";
import { compareVersions } from "../../src/core/versions";
import { readSource } from "../../src/runtime/dataSources";
import {
  RULES_STAMP,
  STAMP_KEY,
  STORAGE_KEY,
  getActiveDataset,
  resetStoreForTests,
} from "../../src/runtime/datasetStore";
import { refreshData } from "../../src/runtime/refreshData";
import { loadDataset } from "../../src/core/load";
import * as formulas from "../../src/core/formulas";
import {
  BUNDLED_VERSION,
  bundledFile,
  newerVersion,
  newerWithXaiAt,
  versionLabel,
} from "../support/datasets";
import { memoryStorage } from "../support/memoryStorage";

/** A stand-in web host: each path answers as the test says. */
let server: Server;
let base: string;
const routes = new Map<string, (res: import("node:http").ServerResponse) => void>();
beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes.get(req.url ?? "");
    if (route) route(res);
    else res.writeHead(404, "Not Found").end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/pane/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const serve =
  (body: string, status = 200) =>
  (res: import("node:http").ServerResponse) =>
    res.writeHead(status, { "Content-Type": "application/json" }).end(body);

let storage: ReturnType<typeof memoryStorage>;
beforeEach(() => {
  routes.clear();
  storage = memoryStorage();
  resetStoreForTests(storage);
});

async function refreshFromHost(
  body: string | ((res: import("node:http").ServerResponse) => void),
  timeoutMs = 2000
) {
  routes.set("/pane/data/dataset.json", typeof body === "string" ? serve(body) : body);
  return refreshData({ kind: "host" }, { baseUrl: base, timeoutMs });
}

describe("a good refresh", () => {
  it("swaps the data whole, says what changed, and the formulas answer from it", async () => {
    const before = getActiveDataset();
    expect(formulas.valuation(before, "xAI", null)).toBe(250e9);
    const out = await refreshFromHost(JSON.stringify(newerWithXaiAt(30e9)));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(getActiveDataset()).toBe(out.dataset);
    expect(formulas.valuation(getActiveDataset(), "xAI", null)).toBe(30e9);
    expect(formulas.dataVersion(getActiveDataset())).toBe(versionLabel(newerVersion()));
    expect(out.diff).toMatchObject({
      fromVersion: BUNDLED_VERSION,
      toVersion: newerVersion(),
      added: [],
      removed: [],
      changed: [],
      valuationsChanged: [expect.objectContaining({ company: "xAI", old: 250e9, new: 30e9 })],
    });
    expect(describeDiff(out.diff)).toBe(
      `${BUNDLED_VERSION} → ${newerVersion()}: 1 valuation changed.`
    );
  });

  it("is kept: a restart without a network starts from it", async () => {
    const out = await refreshFromHost(JSON.stringify(newerWithXaiAt(30e9)));
    expect(out).toMatchObject({ ok: true, kept: true });
    resetStoreForTests(storage); // a new session, same storage
    expect(getActiveDataset().file.version).toBe(newerVersion());
    storage.setItem(STORAGE_KEY, "{ not json");
    resetStoreForTests(storage);
    expect(getActiveDataset().file.version).toBe(BUNDLED_VERSION);
    expect(storage.data.has(STORAGE_KEY)).toBe(false);
  });

  it("is trusted only under the rules that checked it: a copy kept by another build is dropped", async () => {
    await refreshFromHost(JSON.stringify(newerWithXaiAt(30e9)));
    expect(storage.getItem(STAMP_KEY)).toBe(RULES_STAMP);
    storage.setItem(STAMP_KEY, "rules of an older build");
    resetStoreForTests(storage);
    expect(getActiveDataset().file.version).toBe(BUNDLED_VERSION);
    expect(storage.data.has(STORAGE_KEY)).toBe(false);
  });

  it("reads a file the analyst picked, through the same checks", async () => {
    const text = JSON.stringify(newerWithXaiAt(31e9, newerVersion(2)));
    const out = await refreshData({ kind: "file", name: "deals.json", text });
    expect(out.ok).toBe(true);
    expect(getActiveDataset().file.version).toBe(newerVersion(2));
  });
});

describe("every failure leaves the data in use untouched and says why", () => {
  const cases: [string, () => Promise<{ ok: boolean; message?: string }>, RegExp][] = [
    [
      "no network",
      () =>
        refreshData(
          { kind: "feed", url: "https://feed.example.com/deals.json" },
          {
            fetchImpl: () => Promise.reject(new TypeError("Failed to fetch")),
            feedOrigins: ["https://feed.example.com"],
          }
        ),
      /could not be reached \(Failed to fetch\).*unchanged/,
    ],
    ["an error status", () => refreshFromHost(serve("gone", 503)), /answered 503.*unchanged/],
    [
      "a timeout",
      () => refreshFromHost(() => undefined /* never answers */, 300),
      /did not answer within 300 ms.*unchanged/,
    ],
    ["bad JSON", () => refreshFromHost("<html>Sign in</html>"), /not a complete JSON file/],
    [
      "a truncated file",
      () => refreshFromHost(JSON.stringify(newerWithXaiAt(30e9)).slice(0, 5000)),
      /not a complete JSON file.*cut off/,
    ],
    [
      "a schema violation",
      () => {
        const file = newerWithXaiAt(30e9) as unknown as {
          deals: { history: { amountUsd: unknown }[] }[];
        };
        (file.deals[0]?.history[0] as { amountUsd: unknown }).amountUsd = -5;
        return refreshFromHost(JSON.stringify(file));
      },
      /not a valid AI Deals dataset \(1 problem, first: deals\.0\.history\.0\.amountUsd/,
    ],
    [
      "an unknown party",
      () => {
        const file = newerWithXaiAt(30e9);
        (file.deals[0] as { to: string | null }).to = "nobody-inc";
        return refreshFromHost(JSON.stringify(file));
      },
      /not a valid AI Deals dataset.*nobody-inc/,
    ],
    [
      "an older dataset",
      () => refreshFromHost(JSON.stringify(newerWithXaiAt(30e9, "2026.10.01"))),
      new RegExp(
        `version 2026\\.10\\.01, older than the ${BUNDLED_VERSION.replace(/\./g, "\\.")} in use, which is kept`
      ),
    ],
    [
      "a feed outside the manifest's app domains",
      () =>
        refreshData(
          { kind: "feed", url: "https://elsewhere.example.org/deals.json" },
          { feedOrigins: ["https://feed.example.com"] }
        ),
      /not on the add-in's list of data domains \(https:\/\/feed\.example\.com\).*allow https:\/\/elsewhere\.example\.org as a data feed/,
    ],
    [
      "a feed that is not https",
      () => refreshData({ kind: "feed", url: "http://feed.example.com/deals.json" }),
      /not https/,
    ],
  ];

  it.each(cases)("%s", async (_what, attempt, message) => {
    const before = getActiveDataset();
    const out = await attempt();
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(message);
    expect(getActiveDataset()).toBe(before);
    expect(storage.data.has(STORAGE_KEY)).toBe(false);
  });

  it("the same version is not an error: it is up to date", async () => {
    const out = await refreshFromHost(JSON.stringify(bundledFile()));
    expect(out).toMatchObject({ ok: false, upToDate: true });
  });
});

describe("the pieces", () => {
  it("orders versions, a point release after its day", () => {
    expect(compareVersions("2026.11.26", "2026.11.26.1")).toBeLessThan(0);
    expect(compareVersions("2026.12.01", "2026.11.26.9")).toBeGreaterThan(0);
    expect(compareVersions("2026.11.26", "2026.11.26")).toBe(0);
  });

  it("a diff names deals added, removed and changed with their source", () => {
    const before = getActiveDataset();
    const file = bundledFile();
    const deal = file.deals.find((d) => d.id === "amazon-openai-equity");
    if (!deal) throw new Error("fixture");
    deal.history.push({
      ...(deal.history[deal.history.length - 1] as (typeof deal.history)[0]),
      status: "ended",
    });
    // A deal nothing else refers to (no position, overlap, round or valuation names it).
    const text = JSON.stringify(file);
    const loner = file.deals.find((d) => text.split(`"${d.id}"`).length === 2)?.id;
    file.deals = file.deals.filter((d) => d.id !== loner);
    const after = loadDataset(file);
    if (!after.ok) throw new Error(after.errors.join("; "));
    const diff = diffDatasets(before, after.dataset);
    expect(diff.changed).toEqual([
      expect.objectContaining({
        id: "amazon-openai-equity",
        fields: [{ field: "status", old: "closed", new: "ended" }],
      }),
    ]);
    expect(loner).toBeDefined();
    expect(diff.removed.map((d) => d.id)).toEqual([loner]);
    expect(diff.added).toEqual([]);
  });

  it("the host's data file is found next to the pane", async () => {
    routes.set("/pane/data/dataset.json", serve("{}"));
    await expect(readSource({ kind: "host" }, { baseUrl: base })).resolves.toMatchObject({
      ok: true,
      text: "{}",
    });
  });
});

test("a changed reported stake is in the summary", () => {
  const before = getActiveDataset();
  const file = bundledFile();
  const position = file.positions.find((p) => p.id === "microsoft-openai-2025-10-28");
  if (!position) throw new Error("fixture: no reported stake");
  position.stakePct = 0.3;
  file.version = newerVersion();
  const after = loadDataset(file);
  if (!after.ok) throw new Error(after.errors.join("; "));
  const diff = diffDatasets(before, after.dataset);
  expect(diff.positions).toEqual([
    expect.objectContaining({ id: position.id, change: "changed", stake: { old: 0.27, new: 0.3 } }),
  ]);
  expect(describeDiff(diff)).toBe(
    `${BUNDLED_VERSION} → ${newerVersion()}: 1 reported position added, changed or removed.`
  );
});
