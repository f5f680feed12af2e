/**
 * The built task pane in a real headless Chromium, with the real office.js (its CDN address served from
 * @microsoft/office-js) and the faithful workbook standing in for Excel. The test works the pane as an
 * analyst would — search, pick, insert tables, insert a formula, try to write over their own cells — and
 * checks the workbook afterwards. Screenshots of each state go to test-artifacts/screenshots/.
 */
import { build as esbuild } from "esbuild";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { productionBuild } from "../support/productionBuild";
import type { CellInspection, TableSnapshot, WorkbookSnapshot } from "../support/workbook";
import { launchChromium, routeOfficeJs } from "./chromium";
import { serveFolder } from "./staticServer";

const SHOTS = join(__dirname, "../../test-artifacts/screenshots");

let browser: Browser;
let server: { origin: string; close: () => Promise<void> };
let initScript: string;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  const built = await productionBuild();
  const harness = await esbuild({
    entryPoints: [join(__dirname, "harness.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    logLevel: "silent",
  });
  const functionsJson = readFileSync(join(built.dir, "functions.json"), "utf8");
  initScript = `window.__AI_DEALS_FUNCTIONS__ = ${functionsJson};\n${harness.outputFiles[0]?.text ?? ""}`;
  server = await serveFolder(built.dir);
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh pane on a fresh workbook; `problems` collects console errors, page errors and outside requests. */
async function openPane(): Promise<void> {
  context = await browser.newContext({ viewport: { width: 320, height: 900 } });
  page = await context.newPage();
  problems = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  const refused = await routeOfficeJs(page, server.origin);
  await page.addInitScript({ content: initScript });
  await page.goto(`${server.origin}/taskpane.html`);
  await page.getByRole("heading", { name: "AI Deals" }).waitFor();
  // office.js has reported ready and the pane found the workbook: the insert button's hint is gone.
  await page.getByText("Choose companies to build the table from.").waitFor();
  problems.push(...refused.map((u) => `outside request: ${u}`));
}

afterEach(async () => {
  await context?.close();
});

/** Saves the state as a screenshot, and checks it fits a 320 px pane without sideways scrolling. */
async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect([name, width]).toEqual([name, 320]);
}

const workbook = {
  cell: (sheet: string, address: string) =>
    page.evaluate(
      ([s, a]) => (window as unknown as WB).__workbook.cell(s as string, a as string),
      [sheet, address]
    ),
  tables: () => page.evaluate(() => (window as unknown as WB).__workbook.tables()),
  sheets: () => page.evaluate(() => (window as unknown as WB).__workbook.sheetNames()),
  snapshot: () => page.evaluate(() => (window as unknown as WB).__workbook.snapshot()),
  select: (sheet: string, address: string) =>
    page.evaluate(
      ([s, a]) => (window as unknown as WB).__workbook.setSelection(s as string, a as string),
      [sheet, address]
    ),
  set: (sheet: string, address: string, value: string) =>
    page.evaluate(
      ([s, a, v]) => (window as unknown as WB).__workbook.setCell(s as string, a as string, v),
      [sheet, address, value]
    ),
};
interface WB {
  __workbook: {
    cell(sheet: string, address: string): CellInspection;
    tables(): TableSnapshot[];
    sheetNames(): string[];
    snapshot(): WorkbookSnapshot;
    setSelection(sheet: string, address: string): void;
    setCell(sheet: string, address: string, value: unknown): void;
  };
}

/** Types into a picker and clicks the option, as an analyst picks from a searchable list. */
async function pick(label: string, typed: string, option: string): Promise<void> {
  const box = page.getByRole("combobox", { name: label });
  await box.click();
  await box.pressSequentially(typed);
  // Fluent's multi-select combobox lists its options as checkable menu items.
  await page.getByRole("menuitemcheckbox", { name: option, exact: true }).click();
  await page.keyboard.press("Escape");
}

test("the pane opens with the dataset's version, in Office's look, with nothing blocked", async () => {
  await openPane();
  await expect(page.getByRole("status", { name: "Dataset in use" }).textContent()).resolves.toBe(
    "Data 2026.11.26 · as of 2026-11-26 · 70 deals"
  );
  const insert = page.getByRole("button", { name: "Insert valuation table" });
  await expect(insert.isDisabled()).resolves.toBe(true);
  await shot("01-opened");
  // Fluent's styles apply under the page's Content-Security-Policy: the primary button, once enabled,
  // settles (after Fluent's transition) on Fluent's brand blue, #0f6cbd.
  await pick("Companies", "scale ai", "Scale AI");
  await page.mouse.move(0, 0);
  await insert.evaluate(
    (b) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const check = (): void => {
          if (getComputedStyle(b).backgroundColor === "rgb(15, 108, 189)") resolve();
          else if (Date.now() - started > 5000)
            reject(new Error(`button colour ${getComputedStyle(b).backgroundColor}`));
          else setTimeout(check, 50);
        };
        check();
      })
  );
  expect(problems).toEqual([]);
});

test("insert a valuation table at the selected cell, then an exposure table on a new sheet", async () => {
  await openPane();
  await workbook.select("Sheet1", "B2");
  await pick("Companies", "open", "OpenAI");
  await pick("Companies", "anth", "Anthropic");
  await expect(page.getByRole("button", { name: "Remove Anthropic" }).isVisible()).resolves.toBe(
    true
  );
  await shot("02-companies-chosen");
  await page.getByRole("button", { name: "Insert valuation table" }).click();
  await page.getByText("Table DealsValuations inserted").waitFor();
  await shot("03-valuation-inserted");

  const [valuations] = await workbook.tables();
  expect(valuations).toMatchObject({
    name: "DealsValuations",
    sheet: "Sheet1",
    address: "Sheet1!B3:I5",
  });
  await expect(workbook.cell("Sheet1", "C4")).resolves.toMatchObject({
    formula: '=DEALS.VALUATION("OpenAI")',
    value: 852e9,
    text: "$852.0B",
  });
  await expect(workbook.cell("Sheet1", "B5")).resolves.toMatchObject({ value: "Anthropic" });

  await page.getByRole("radio", { name: /^Exposure/ }).check();
  await pick("Investors", "amaz", "Amazon");
  await page.getByRole("radio", { name: /^Values/ }).check();
  await page.getByRole("radio", { name: "On a new sheet" }).check();
  await page.getByLabel("As of").fill("2025-12-17");
  await page.getByRole("button", { name: "Insert exposure table" }).click();
  await page.getByText("Table DealsExposure inserted").waitFor();
  await shot("04-exposure-inserted");

  await expect(workbook.sheets()).resolves.toEqual(["Sheet1", "Exposure"]);
  // As of the article, Amazon backed Anthropic ($8B) and was in talks to put $10B into OpenAI.
  await expect(workbook.cell("Exposure", "A1")).resolves.toMatchObject({
    value: expect.stringContaining("exposure as of 2025-12-17"),
  });
  const row = async (r: number) =>
    Promise.all(
      ["A", "B", "C", "I"].map(async (c) => (await workbook.cell("Exposure", `${c}${r}`)).value)
    );
  await expect(row(3)).resolves.toEqual(["Amazon", "Anthropic", 8e9, "closed, announced"]);
  await expect(row(4)).resolves.toEqual(["Amazon", "OpenAI", 10e9, "in_talks"]);
  // Values: nothing in the snapshot depends on the add-in.
  await expect(workbook.cell("Exposure", "C4")).resolves.toMatchObject({ formula: 10e9 });
  expect(problems).toEqual([]);
});

test("trying to insert over the analyst's own cells changes nothing, and offers a new sheet", async () => {
  await openPane();
  await workbook.set("Sheet1", "D4", "my forecast");
  await workbook.select("Sheet1", "C3");
  await pick("Companies", "xai", "xAI");
  const before = await workbook.snapshot();
  await page.getByRole("button", { name: "Insert valuation table" }).click();
  await page.getByText("Those cells are not empty").waitFor();
  await shot("05-occupied-refused");
  await expect(workbook.snapshot()).resolves.toEqual(before);
  await expect(page.getByText(/Sheet1!C3:J5, which holds data/).isVisible()).resolves.toBe(true);

  await page.getByRole("button", { name: "Insert on a new sheet" }).click();
  await page.getByText("Table DealsValuations inserted").waitFor();
  await expect(workbook.cell("Sheet1", "D4")).resolves.toMatchObject({ value: "my forecast" });
  await expect(workbook.cell("Valuations", "A3")).resolves.toMatchObject({ value: "xAI" });
  expect(problems).toEqual([]);
});

test("the deal browser finds a deal, shows its source and quote, and inserts its formula", async () => {
  await openPane();
  await page.getByRole("tab", { name: "Deals" }).click();
  await page.getByRole("searchbox", { name: "Search deals" }).fill("amazon openai");
  await page.getByText(/^\d+ deals?, newest first\.$/).waitFor();
  const card = page.getByRole("group", { name: /Amazon.*OpenAI/i }).first();
  await expect(card.getByText(/“.+”/).isVisible()).resolves.toBe(true);
  await expect(card.getByText(/^Source:/).isVisible()).resolves.toBe(true);
  await shot("06-deal-browser");

  await workbook.select("Sheet1", "F6");
  await card.getByRole("button", { name: /^Insert the formula for/ }).click();
  await page.getByText(/is in Sheet1!F6\.$/).waitFor();
  const cell = await workbook.cell("Sheet1", "F6");
  expect(cell.formula).toMatch(/^=DEALS\.DEAL_FIELD\("[a-z0-9-]+","amount"\)$/);
  expect(typeof cell.value).toBe("number");

  // Again into the same cell: refused, the cell keeps its formula.
  await card.getByRole("button", { name: /^Insert the formula for/ }).click();
  await page.getByText(/Sheet1!F6 is not empty, so nothing was written/).waitFor();
  await shot("07-deal-browser-occupied");
  await expect(workbook.cell("Sheet1", "F6")).resolves.toMatchObject({ formula: cell.formula });
  expect(problems).toEqual([]);
});

test("a valuation table by keyboard alone", async () => {
  await openPane();
  await workbook.select("Sheet1", "A1");
  // Tab from the top of the page to the company picker.
  const focusedRole = () => page.evaluate(() => document.activeElement?.getAttribute("role"));
  for (let i = 0; i < 10 && (await focusedRole()) !== "combobox"; i++)
    await page.keyboard.press("Tab");
  expect(await focusedRole()).toBe("combobox");
  await page.keyboard.type("scale");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  // On to the Insert button, which Enter presses.
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? "");
  for (let i = 0; i < 20 && (await focusedText()) !== "Insert valuation table"; i++)
    await page.keyboard.press("Tab");
  expect(await focusedText()).toBe("Insert valuation table");
  await page.keyboard.press("Enter");
  await page.getByText("Table DealsValuations inserted").waitFor();
  await shot("08-keyboard");
  await expect(workbook.cell("Sheet1", "A3")).resolves.toMatchObject({ value: "Scale AI" });
  expect(problems).toEqual([]);
});
