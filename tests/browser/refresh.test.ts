/**
 * Refresh in the built pane, in a real browser: insert both tables and some formulas, point the loader at
 * a newer dataset served where the add-in's data file lives, press Refresh, and check the workbook and
 * the change summary; then a broken dataset, and nothing changes. Also a file the analyst picks.
 */
import type { Page, Route } from "playwright-core";
import { BUNDLED_VERSION, newerVersion, newerWithXaiAt, versionLabel } from "../support/datasets";

/** A version as a pattern: its dots are dots. */
const v = (version: string): string => version.replace(/\./g, "\\.");
import { usePaneSession } from "./paneSession";
import { RELEASE } from "../support/productionBuild";

const pane = usePaneSession();
const { workbook } = pane;

/** What the add-in's host serves as its data file (data/dataset.json next to the pane) in this test. */
let served: { status: number; body: string };
const serveData = async (page: Page): Promise<void> => {
  await page.route("**/data/dataset.json", (route: Route) =>
    route.fulfill({ status: served.status, contentType: "application/json", body: served.body })
  );
};

async function insertTables(): Promise<void> {
  const p = pane.page;
  await workbook.select("Sheet1", "A1");
  await pane.pick("Companies", "xai", "xAI");
  await pane.pick("Companies", "open", "OpenAI");
  await p.getByRole("button", { name: "Insert valuation table" }).click();
  await p.getByText("Table DealsValuations inserted").waitFor();
  await p.getByRole("radio", { name: /^Exposure/ }).check();
  await pane.pick("Investors", "micro", "Microsoft");
  await p.getByRole("radio", { name: /^Values/ }).check();
  await workbook.select("Sheet1", "A10");
  await p.getByRole("button", { name: "Insert exposure table" }).click();
  await p.getByText("Table DealsExposure inserted").waitFor();
  await workbook.set("Sheet1", "K1", '=DEALS.VALUATION("xAI")');
  await workbook.set("Sheet1", "K2", "=DEALS.DATA_VERSION()");
  await workbook.set("Sheet1", "K3", "=K1/1e9");
}

test("a newer dataset reaches the formulas and tables, with a summary; a broken one changes nothing", async () => {
  served = { status: 200, body: JSON.stringify(newerWithXaiAt(30e9)) };
  await pane.open(serveData);
  await insertTables();
  expect((await workbook.cell("Sheet1", "K1")).value).toBe(250e9);

  const p = pane.page;
  await p.getByRole("tab", { name: "Refresh" }).click();
  await pane.shot("09-refresh-tab");
  await p.getByRole("button", { name: "Refresh data" }).click();
  await p.getByText("Data refreshed").waitFor();
  await pane.shot("10-refreshed");

  await expect(
    p
      .getByText(new RegExp(`${v(BUNDLED_VERSION)} → ${v(newerVersion())}: 1 valuation changed\\.`))
      .isVisible()
  ).resolves.toBe(true);
  await expect(p.getByText(/xAI valuation \$250\.0B → \$30\.0B/).isVisible()).resolves.toBe(true);
  await expect(p.getByRole("status", { name: "Dataset in use" }).textContent()).resolves.toMatch(
    new RegExp(`^Data ${v(newerVersion())}`)
  );
  expect((await workbook.cell("Sheet1", "K1")).value).toBe(30e9);
  expect((await workbook.cell("Sheet1", "K2")).value).toBe(versionLabel(newerVersion()));
  expect((await workbook.cell("Sheet1", "K3")).value).toBe(30);
  expect((await workbook.cell("Sheet1", "B3")).value).toBe(30e9); // live table, xAI row
  expect((await workbook.cell("Sheet1", "A10")).value).toMatch(
    new RegExp(`data ${v(newerVersion())}`)
  ); // values table caption

  // Now the host serves a cut-off file: refused, the workbook and the data in use stay as they are.
  const before = await workbook.snapshot();
  served = {
    status: 200,
    body: JSON.stringify(newerWithXaiAt(40e9, newerVersion(2))).slice(0, 4000),
  };
  await p.getByRole("button", { name: "Refresh data" }).click();
  await p.getByText("Refresh failed").waitFor();
  await pane.shot("11-refresh-failed");
  await expect(
    p.getByText(/not a complete JSON file .*The data in use is unchanged; try again/).isVisible()
  ).resolves.toBe(true);
  expect(await workbook.snapshot()).toEqual(before);
  await expect(p.getByRole("status", { name: "Dataset in use" }).textContent()).resolves.toMatch(
    new RegExp(`^Data ${v(newerVersion())}`)
  );

  // And a server error.
  served = { status: 500, body: "oops" };
  await p.getByRole("button", { name: "Refresh data" }).click();
  await p.getByText(/answered 500/).waitFor();
  expect(await workbook.snapshot()).toEqual(before);
  expect(pane.problems.filter((m) => !m.includes("500"))).toEqual([]);
});

test("a dataset file the analyst picks goes through the same loader", async () => {
  served = { status: 404, body: "" };
  await pane.open(serveData);
  const p = pane.page;
  await workbook.set("Sheet1", "A1", '=DEALS.VALUATION("xAI")');
  await p.getByRole("tab", { name: "Refresh" }).click();
  await p.getByRole("radio", { name: /A file on this computer/ }).check();
  await p.getByLabel("Dataset file", { exact: true }).setInputFiles({
    name: "deals-2026-12-05.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(newerWithXaiAt(33e9, newerVersion(5)))),
  });
  await p.getByText("deals-2026-12-05.json").waitFor();
  await p.getByRole("button", { name: "Refresh data" }).click();
  await p.getByText("Data refreshed").waitFor();
  expect((await workbook.cell("Sheet1", "A1")).value).toBe(33e9);
  expect(pane.problems).toEqual([]);
});

test("a team's feed on an origin the build was given (--env feeds); any other address is refused", async () => {
  served = { status: 404, body: "" };
  const feed = JSON.stringify(newerWithXaiAt(35e9, newerVersion(7)));
  await pane.open(async (page) => {
    await serveData(page);
    // The build was made with --env feeds=https://data.example.com; the test answers for that host.
    await page.route(`${RELEASE.feeds[0]}/team/deals.json`, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: feed })
    );
  });
  const p = pane.page;
  await workbook.set("Sheet1", "A1", '=DEALS.VALUATION("xAI")');
  await p.getByRole("tab", { name: "Refresh" }).click();
  await p.getByRole("radio", { name: /My team's feed/ }).check();
  const address = p.getByRole("textbox", { name: /Feed address/ });
  await address.fill("https://data.example.org/deals.json");
  await p.getByRole("button", { name: "Refresh data" }).click();
  await p
    .getByText(/not on the add-in's list of data domains \(https:\/\/data\.example\.com\)/)
    .waitFor();
  await pane.shot("12-feed-refused");

  await address.fill(`${RELEASE.feeds[0]}/team/deals.json`);
  await p.getByRole("button", { name: "Refresh data" }).click();
  await p.getByText("Data refreshed").waitFor();
  expect((await workbook.cell("Sheet1", "A1")).value).toBe(35e9);
  // The page's own CSP let the request through: no violation was reported.
  expect(pane.problems).toEqual([]);
});

test("convert to values asks first, then leaves values and a note of the data version", async () => {
  served = { status: 404, body: "" };
  await pane.open(serveData);
  const p = pane.page;
  await workbook.set("Sheet1", "A1", '=DEALS.VALUATION("OpenAI")');
  await workbook.set("Sheet1", "A2", "=A1/1000000000");
  await p.getByRole("tab", { name: "Refresh" }).click();
  await p.getByRole("button", { name: "Convert this sheet to values" }).click();
  await p.getByText("Replace the formulas with their values?").waitFor();
  await pane.shot("13-convert-confirm");
  expect((await workbook.cell("Sheet1", "A1")).formula).toBe('=DEALS.VALUATION("OpenAI")');
  await p.getByRole("button", { name: "Convert", exact: true }).click();
  await p.getByText(/1 DEALS formula on Sheet1 now holds? their values/).waitFor();
  expect((await workbook.cell("Sheet1", "A1")).formula).toBe(852e9);
  expect((await workbook.cell("Sheet1", "A2")).formula).toBe("=A1/1000000000");
  expect(String((await workbook.cell("Sheet1", "A4")).value)).toMatch(
    new RegExp(`^Values from AI Deals data ${v(BUNDLED_VERSION)}`)
  );
  expect(pane.problems.filter((m) => !m.includes("404"))).toEqual([]);
});
