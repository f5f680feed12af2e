/**
 * One browser session for the pane's browser tests: the production build served at the https address it
 * was built for (RELEASE.url, answered from the build's folder), a real headless Chromium, the real office.js (its CDN address served from @microsoft/office-js), and the
 * faithful workbook bound in by the harness. Each test opens a fresh pane on a fresh workbook; the
 * session collects console errors, page errors and refused outside requests as `problems`.
 */
import { build as esbuild } from "esbuild";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { RELEASE, productionBuild } from "../support/productionBuild";
import type {
  CellInspection,
  ChartSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
} from "../support/workbook";
import { type HostedBuild, launchChromium, routeAddin } from "./chromium";

export const SHOTS = join(__dirname, "../../test-artifacts/screenshots");

interface HarnessWindow {
  __workbook: {
    cell(sheet: string, address: string): CellInspection;
    tables(): TableSnapshot[];
    charts(): ChartSnapshot[];
    sheetNames(): string[];
    snapshot(): WorkbookSnapshot;
    setSelection(sheet: string, address: string): void;
    setCell(sheet: string, address: string, value: unknown): void;
  };
}

export interface PaneSession {
  /** The page of the current test (set by open()). */
  readonly page: Page;
  readonly problems: string[];
  /** Opens a fresh pane on a fresh workbook; `before` may route requests before the page loads. */
  open(before?: (page: Page) => Promise<void>): Promise<void>;
  /** Saves a screenshot of the state, and checks it fits a 320 px pane without sideways scrolling. */
  shot(name: string): Promise<void>;
  /** Types into a picker and clicks the option, as an analyst picks from a searchable list. */
  pick(label: string, typed: string, option: string): Promise<void>;
  readonly workbook: {
    cell(sheet: string, address: string): Promise<CellInspection>;
    tables(): Promise<TableSnapshot[]>;
    charts(): Promise<ChartSnapshot[]>;
    sheets(): Promise<string[]>;
    snapshot(): Promise<WorkbookSnapshot>;
    select(sheet: string, address: string): Promise<void>;
    set(sheet: string, address: string, value: string): Promise<void>;
  };
}

/** Call at the top of a test file: builds (once per run), serves, launches, and cleans up. */
export function usePaneSession(): PaneSession {
  let browser: Browser;
  let hosted: HostedBuild;
  let initScript: string;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const problems: string[] = [];

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
    hosted = { base: RELEASE.url, dir: built.dir };
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  }, 300_000);

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const current = (): Page => {
    if (!page) throw new Error("open() the pane first");
    return page;
  };
  // Each inspector is its own page.evaluate (the page's CSP forbids building functions from text there).
  type W = HarnessWindow;
  return {
    get page() {
      return current();
    },
    problems,
    async open(before) {
      context = await browser.newContext({ viewport: { width: 320, height: 900 } });
      const p = await context.newPage();
      page = p;
      problems.length = 0;
      p.on("console", (m) => {
        if (m.type() === "error") problems.push(`console: ${m.text()}`);
      });
      p.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      const refused = await routeAddin(p, hosted);
      if (before) await before(p);
      await p.addInitScript({ content: initScript });
      await p.goto(`${hosted.base}taskpane.html`);
      await p.getByRole("heading", { name: "AI Deals" }).waitFor();
      // office.js has reported ready and the pane found the workbook: the insert button's hint shows.
      await p.getByText("Choose companies to build the table from.").waitFor();
      problems.push(...refused.map((u) => `outside request: ${u}`));
    },
    async shot(name) {
      const p = current();
      // caret "initial": Playwright would otherwise hide a text box's caret with an injected inline
      // style, which the page's CSP rightly refuses (and reports as a violation).
      await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true, caret: "initial" });
      const width = await p.evaluate(() => document.documentElement.scrollWidth);
      expect([name, width]).toEqual([name, 320]);
    },
    async pick(label, typed, option) {
      const p = current();
      const box = p.getByRole("combobox", { name: label });
      await box.click();
      await box.pressSequentially(typed);
      // Fluent's multi-select combobox lists its options as checkable menu items.
      await p.getByRole("menuitemcheckbox", { name: option, exact: true }).click();
      await p.keyboard.press("Escape");
    },
    workbook: {
      cell: (sheet, address) =>
        current().evaluate(
          ([s, a]) => (window as unknown as W).__workbook.cell(s as string, a as string),
          [sheet, address]
        ),
      tables: () => current().evaluate(() => (window as unknown as W).__workbook.tables()),
      charts: () => current().evaluate(() => (window as unknown as W).__workbook.charts()),
      sheets: () => current().evaluate(() => (window as unknown as W).__workbook.sheetNames()),
      snapshot: () => current().evaluate(() => (window as unknown as W).__workbook.snapshot()),
      select: (sheet, address) =>
        current().evaluate(
          ([s, a]) => (window as unknown as W).__workbook.setSelection(s as string, a as string),
          [sheet, address]
        ),
      set: (sheet, address, value) =>
        current().evaluate(
          ([s, a, v]) => (window as unknown as W).__workbook.setCell(s as string, a as string, v),
          [sheet, address, value]
        ),
    },
  };
}
