/**
 * The ribbon's Refresh data, which runs in the shared runtime without the pane: it reads the add-in's
 * data file (or the team's saved feed), swaps the data, brings the workbook along, and leaves its outcome
 * for the pane's Refresh tab.
 */
import { createServer, type Server } from "node:http";
import { refreshFromRibbon } from "../../src/commands/commands";
import { getActiveDataset, resetStoreForTests } from "../../src/runtime/datasetStore";
import { getRefreshNotice } from "../../src/runtime/refreshNotice";
import { BUNDLED_VERSION, newerVersion, newerWithXaiAt } from "../support/datasets";
import { dealsWorkbook } from "../support/dealsWorkbook";

let server: Server;
let body = "";
beforeAll(async () => {
  server = createServer((_req, res) => res.writeHead(200).end(body));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  // The pane's page, as the runtime sees it: data/dataset.json is found next to it.
  (globalThis as unknown as { location: unknown }).location = {
    href: `${origin}/taskpane.html`,
    origin,
  };
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

test("a newer data file reaches the workbook; a broken one is reported and changes nothing", async () => {
  resetStoreForTests(undefined);
  const wb = await dealsWorkbook();
  wb.setCell("Sheet1", "A1", '=DEALS.VALUATION("xAI")');

  body = JSON.stringify(newerWithXaiAt(30e9));
  await refreshFromRibbon();
  expect(getRefreshNotice()).toMatchObject({
    ok: true,
    message: `${BUNDLED_VERSION} → ${newerVersion()}: 1 valuation changed.`,
  });
  expect(wb.cell("Sheet1", "A1").value).toBe(30e9);

  const inUse = getActiveDataset();
  body = "{ cut off";
  await refreshFromRibbon();
  expect(getRefreshNotice()).toMatchObject({
    ok: false,
    message: expect.stringMatching(/not a complete JSON file/),
  });
  expect(getActiveDataset()).toBe(inUse);
  expect(wb.cell("Sheet1", "A1").value).toBe(30e9);
});
