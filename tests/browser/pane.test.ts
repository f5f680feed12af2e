/**
 * The built task pane in a real headless Chromium, with the real office.js and the faithful workbook
 * standing in for Excel (tests/browser/paneSession.ts). The test works the pane as an analyst would —
 * search, pick, insert tables, insert a formula, try to write over their own cells — and checks the
 * workbook afterwards. Screenshots of each state go to test-artifacts/screenshots/.
 */
import { join } from "node:path";
import { BUNDLED_AS_OF, BUNDLED_VERSION, bundledFile } from "../support/datasets";
import { TELEMETRY_FRAME } from "./chromium";
import { SHOTS, usePaneSession } from "./paneSession";

const pane = usePaneSession();
const { workbook } = pane;
const openPane = (): Promise<void> => pane.open();
const shot = (name: string): Promise<void> => pane.shot(name);
const pick = (label: string, typed: string, option: string): Promise<void> =>
  pane.pick(label, typed, option);

test("the pane opens with the dataset's version, in Office's look, with nothing blocked", async () => {
  await openPane();
  await expect(
    pane.page.getByRole("status", { name: "Dataset in use" }).textContent()
  ).resolves.toBe(
    `Data ${BUNDLED_VERSION} · as of ${BUNDLED_AS_OF} · ${bundledFile().deals.length} deals`
  );
  const insert = pane.page.getByRole("button", { name: "Insert valuation table" });
  await expect(insert.isDisabled()).resolves.toBe(true);
  await shot("01-opened");
  // Fluent's styles apply under the page's Content-Security-Policy: the primary button, once enabled,
  // settles (after Fluent's transition) on Fluent's brand blue, #0f6cbd.
  await pick("Companies", "scale ai", "Scale AI");
  await pane.page.mouse.move(0, 0);
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
  // office.js adds its hidden telemetry frame 3 s after loading: the CSP lets it in, style and all.
  await pane.page.locator(`iframe[src^="${TELEMETRY_FRAME}"]`).waitFor({ state: "attached" });
  await expect(
    pane.page
      .locator(`iframe[src^="${TELEMETRY_FRAME}"]`)
      .evaluate((f) => getComputedStyle(f).display)
  ).resolves.toBe("none");
  expect(pane.problems).toEqual([]);
});

test("insert a valuation table at the selected cell, then an exposure table on a new sheet", async () => {
  await openPane();
  await workbook.select("Sheet1", "B2");
  await pick("Companies", "open", "OpenAI");
  await pick("Companies", "anth", "Anthropic");
  await expect(
    pane.page.getByRole("button", { name: "Remove Anthropic" }).isVisible()
  ).resolves.toBe(true);
  await shot("02-companies-chosen");
  await pane.page.getByRole("button", { name: "Insert valuation table" }).click();
  await pane.page.getByText("Table DealsValuations inserted").waitFor();
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

  await pane.page.getByRole("radio", { name: /^Exposure/ }).check();
  await pick("Investors", "amaz", "Amazon");
  await pane.page.getByRole("radio", { name: /^Values/ }).check();
  await pane.page.getByRole("radio", { name: "On a new sheet" }).check();
  await pane.page.getByLabel("As of").fill("2025-12-17");
  await pane.page.getByRole("button", { name: "Insert exposure table" }).click();
  await pane.page.getByText("Table DealsExposure inserted").waitFor();
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
  expect(pane.problems).toEqual([]);
});

test("trying to insert over the analyst's own cells changes nothing, and offers a new sheet", async () => {
  await openPane();
  await workbook.set("Sheet1", "D4", "my forecast");
  await workbook.select("Sheet1", "C3");
  await pick("Companies", "xai", "xAI");
  const before = await workbook.snapshot();
  await pane.page.getByRole("button", { name: "Insert valuation table" }).click();
  await pane.page.getByText("Those cells are not empty").waitFor();
  await shot("05-occupied-refused");
  await expect(workbook.snapshot()).resolves.toEqual(before);
  await expect(pane.page.getByText(/Sheet1!C3:J5, which holds data/).isVisible()).resolves.toBe(
    true
  );

  await pane.page.getByRole("button", { name: "Insert on a new sheet" }).click();
  await pane.page.getByText("Table DealsValuations inserted").waitFor();
  await expect(workbook.cell("Sheet1", "D4")).resolves.toMatchObject({ value: "my forecast" });
  await expect(workbook.cell("Valuations", "A3")).resolves.toMatchObject({ value: "xAI" });
  expect(pane.problems).toEqual([]);
});

test("the deal browser finds a deal, shows its source and quote, and inserts its formula", async () => {
  await openPane();
  await pane.page.getByRole("tab", { name: "Deals" }).click();
  await pane.page.getByRole("searchbox", { name: "Search deals" }).fill("amazon openai");
  await pane.page.getByText(/^\d+ deals?, newest first\.$/).waitFor();
  const card = pane.page.getByRole("group", { name: /Amazon.*OpenAI/i }).first();
  await expect(card.getByText(/“.+”/).isVisible()).resolves.toBe(true);
  await expect(card.getByText(/^Source:/).isVisible()).resolves.toBe(true);
  await shot("06-deal-browser");

  await workbook.select("Sheet1", "F6");
  await card.getByRole("button", { name: /^Insert the formula for/ }).click();
  await pane.page.getByText(/is in Sheet1!F6\.$/).waitFor();
  const cell = await workbook.cell("Sheet1", "F6");
  expect(cell.formula).toMatch(/^=DEALS\.DEAL_FIELD\("[a-z0-9-]+","amount"\)$/);
  expect(typeof cell.value).toBe("number");

  // Again into the same cell: refused, the cell keeps its formula.
  await card.getByRole("button", { name: /^Insert the formula for/ }).click();
  await pane.page.getByText(/Sheet1!F6 is not empty, so nothing was written/).waitFor();
  await shot("07-deal-browser-occupied");
  await expect(workbook.cell("Sheet1", "F6")).resolves.toMatchObject({ formula: cell.formula });
  expect(pane.problems).toEqual([]);
});

test("a valuation table by keyboard alone", async () => {
  await openPane();
  await workbook.select("Sheet1", "A1");
  // Tab from the top of the page to the company picker.
  const focusedRole = () => pane.page.evaluate(() => document.activeElement?.getAttribute("role"));
  for (let i = 0; i < 10 && (await focusedRole()) !== "combobox"; i++)
    await pane.page.keyboard.press("Tab");
  expect(await focusedRole()).toBe("combobox");
  await pane.page.keyboard.type("scale");
  await pane.page.keyboard.press("ArrowDown");
  await pane.page.keyboard.press("Enter");
  await pane.page.keyboard.press("Escape");
  // On to the Insert button, which Enter presses.
  const focusedText = () => pane.page.evaluate(() => document.activeElement?.textContent ?? "");
  for (let i = 0; i < 20 && (await focusedText()) !== "Insert valuation table"; i++)
    await pane.page.keyboard.press("Tab");
  expect(await focusedText()).toBe("Insert valuation table");
  await pane.page.keyboard.press("Enter");
  await pane.page.getByText("Table DealsValuations inserted").waitFor();
  await shot("08-keyboard");
  await expect(workbook.cell("Sheet1", "A3")).resolves.toMatchObject({ value: "Scale AI" });
  expect(pane.problems).toEqual([]);
});

test("the deal browser previews a deal's card and inserts it; the Tables tab inserts company cards", async () => {
  await openPane();
  await pane.page.getByRole("tab", { name: "Deals" }).click();
  await pane.page.getByRole("searchbox", { name: "Search deals" }).fill("amazon-anthropic-2023");
  await pane.page.getByText(/^\d+ deals?, newest first\.$/).waitFor();
  const title = "Amazon invests up to $4B in Anthropic";
  const card = pane.page.getByRole("group", { name: title, exact: true });

  const toggle = card.getByRole("button", { name: "Preview card" });
  await toggle.focus();
  await pane.page.keyboard.press("Enter");
  const preview = pane.page.getByRole("region", { name: `Card preview: ${title}` });
  await preview.waitFor();
  await expect(
    card.getByRole("button", { name: "Hide card" }).getAttribute("aria-expanded")
  ).resolves.toBe("true");
  // The card's figure with its sublabel and source, and its dated history as a table.
  await expect(
    preview
      .getByText(/^\$\d[\d,]*\.\dB/)
      .first()
      .isVisible()
  ).resolves.toBe(true);
  await expect(preview.getByRole("region", { name: "History" }).isVisible()).resolves.toBe(true);
  await expect(
    preview
      .getByText(/^Source:/)
      .first()
      .isVisible()
  ).resolves.toBe(true);
  await shot("17-card-preview");
  // The card alone, as the README shows it: a page tall enough that the pane's header stays clear of it.
  await pane.page.setViewportSize({ width: 320, height: 3000 });
  await preview.screenshot({ path: join(SHOTS, "17-card-alone.png"), caret: "initial" });
  await pane.page.setViewportSize({ width: 320, height: 900 });

  await workbook.select("Sheet1", "B2");
  await card.getByRole("button", { name: /^Insert the card for/ }).click();
  await pane.page.getByText(/is in Sheet1!B2: click the card icon/).waitFor();
  const inserted = await workbook.cell("Sheet1", "B2");
  expect(inserted.formula).toBe('=DEALS.DEAL("amazon-anthropic-2023")');
  // This host stands in without CustomFunctionsRuntime 1.4, so the cell shows the card's text alone.
  expect(inserted.value).toBe(title);
  await shot("18-card-inserted");

  await pane.page.getByRole("tab", { name: "Tables" }).click();
  await workbook.select("Sheet1", "D2");
  await pick("Companies", "open", "OpenAI");
  await pane.page.getByRole("checkbox", { name: "Company cards in the first column" }).check();
  await shot("19-company-cards-option");
  await pane.page.getByRole("button", { name: "Insert valuation table" }).click();
  await pane.page.getByText("Table DealsValuations inserted").waitFor();
  await expect(workbook.cell("Sheet1", "D4")).resolves.toMatchObject({
    formula: '=DEALS.COMPANY("OpenAI")',
    value: "OpenAI",
  });
  // A values table holds no formulas, so no cards: the option says why and stays off.
  await pane.page.getByRole("radio", { name: /^Values/ }).check();
  const option = pane.page.getByRole("checkbox", { name: "Company cards in the first column" });
  await expect(option.isDisabled()).resolves.toBe(true);
  await expect(
    pane.page.getByText("Cards are formulas: choose live formulas to add them.").isVisible()
  ).resolves.toBe(true);
  expect(pane.problems).toEqual([]);
});

test("the Flows tab draws the round trips; a pair shows its amounts, deals and sources; the slider steps back in time", async () => {
  await openPane();
  await pane.page.getByRole("tab", { name: "Flows" }).click();
  const picture = pane.page.getByRole("group", { name: "Round trips as of the latest data" });
  await picture.waitFor();
  // The picture alone, nothing selected, as the README shows it.
  await picture.screenshot({ path: join(SHOTS, "20-flows-picture.png"), caret: "initial" });
  const pair = picture.getByRole("button", { name: /^Microsoft and OpenAI: / });
  // Lines cross, so the pair is chosen as a keyboard user would: focus it, press Enter.
  await pair.focus();
  await pane.page.keyboard.press("Enter");
  const details = pane.page.getByRole("region", { name: "Selected pair" });
  await expect(details.getByText("Microsoft ⇄ OpenAI").isVisible()).resolves.toBe(true);
  await expect(
    details.getByText(/^Money back \(compute, chips, infrastructure\): \$250\.0B$/).isVisible()
  ).resolves.toBe(true);
  await expect(details.getByRole("link").first().isVisible()).resolves.toBe(true);
  await shot("20-flows");

  // Enter pinned the pair: moving on (focus or pointer) previews others, and leaving comes back to it.
  await expect(pair.getAttribute("aria-pressed")).resolves.toBe("true");
  await pane.page.keyboard.press("Tab");
  await expect(details.getByText("Microsoft ⇄ OpenAI").count()).resolves.toBe(0);
  await pane.page.getByRole("slider", { name: /^As of/ }).focus();
  await expect(details.getByText("Microsoft ⇄ OpenAI").isVisible()).resolves.toBe(true);

  // Back to the end of 2023: fewer round trips.
  const slider = pane.page.getByRole("slider", { name: /^As of/ });
  const pairsNow = await picture.getByRole("button").count();
  await slider.fill("0");
  await slider.focus();
  for (let i = 0; i < 19; i++) await pane.page.keyboard.press("ArrowRight");
  const label = (await slider.getAttribute("aria-valuetext")) ?? "";
  expect(label).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const earlier = pane.page.getByRole("group", { name: `Round trips as of ${label}` });
  await earlier.waitFor();
  expect(await earlier.getByRole("button").count()).toBeLessThan(pairsNow);
  await shot("21-flows-earlier");

  // The same picture as native shapes on a new sheet, as of the slider's date.
  await pane.page.getByRole("button", { name: "Draw as a flow map on a new sheet" }).click();
  await pane.page
    .getByText(/^The flow map of \d+ round trips is on the new sheet Flow map\./)
    .waitFor();
  await expect(workbook.sheets()).resolves.toContain("Flow map");
  await shot("23-flow-map-drawn");
  expect(pane.problems).toEqual([]);
});

test("a round-trip table from the Tables tab", async () => {
  await openPane();
  await workbook.select("Sheet1", "A1");
  await pane.page.getByRole("radio", { name: /^Round trips/ }).check();
  await pick("Investors", "micro", "Microsoft");
  await expect(
    pane.page.getByRole("checkbox", { name: "A bar chart beside the table" }).isChecked()
  ).resolves.toBe(true);
  await pane.page.getByRole("button", { name: "Insert round-trip table" }).click();
  await pane.page.getByText("Table DealsRoundTrips inserted").waitFor();
  await pane.page.getByText(/Its chart is at Sheet1!L1:S\d+\./).waitFor();
  const [chart] = await workbook.charts();
  expect(chart).toMatchObject({
    type: "BarClustered",
    titleCell: "Sheet1!A1",
    reversePlotOrder: true,
  });
  expect(chart?.series.map((s) => s.name)).toEqual(["Money in", "Money back"]);
  await expect(workbook.cell("Sheet1", "D2")).resolves.toMatchObject({ value: "Money back" });
  const openai = await Promise.all(
    ["A", "B", "D", "H"].map(async (col) => {
      for (let r = 3; r < 12; r++) {
        const company = await workbook.cell("Sheet1", `B${r}`);
        if (company.value === "OpenAI") return (await workbook.cell("Sheet1", `${col}${r}`)).value;
      }
      return undefined;
    })
  );
  expect(openai).toEqual(["Microsoft", "OpenAI", 250e9, "signed"]);
  await shot("22-round-trip-table");
  expect(pane.problems).toEqual([]);
});
