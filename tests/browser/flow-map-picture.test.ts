/**
 * What the add-in asks Excel to draw, drawn in Chromium for review (Excel does not run here): the flow map
 * shape by shape (boxes with their text, lines with their colour, weight, dash and arrowhead, labels), and
 * the round-trip chart from its series' own ranges (bars of the cells each series reads, labelled by its
 * category cells, titled by its title cell). The README shows both (test-artifacts/screenshots/24-, 25-).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { getActiveDataset, resetStoreForTests } from "../../src/runtime/datasetStore";
import { buildTable } from "../../src/core/tables/dealTables";
import { insertFlowMap } from "../../src/workbook/flowMap";
import { insertTable } from "../../src/workbook/insertTable";
import { insertRoundTripChart } from "../../src/workbook/roundTripChart";
import { dealsWorkbook } from "../support/dealsWorkbook";
import type { FakeExcel, ShapeModel } from "../support/workbook";
import { launchChromium } from "./chromium";
import { SHOTS } from "./paneSession";

const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** SVG for the shapes, at their positions in points (1 pt drawn as 1 px). */
function svgOf(shapes: ShapeModel[]): { svg: string; width: number; height: number } {
  const drawn = shapes.filter((s) => s.type !== "Group");
  const width = Math.ceil(Math.max(...drawn.map((s) => s.left + s.width))) + 24;
  const height = Math.ceil(Math.max(...drawn.map((s) => s.top + s.height))) + 24;
  const colors = [...new Set(drawn.filter((s) => s.ends).map((s) => s.line.color))];
  const markers = colors
    .map(
      (c) =>
        `<marker id="m${c.slice(1)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="4" markerHeight="4" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`
    )
    .join("");
  const parts = drawn.map((s) => {
    if (s.ends) {
      const [x1, y1] = s.ends.start;
      const [x2, y2] = s.ends.end;
      const dash = s.line.dashStyle === "Dash" ? ' stroke-dasharray="4 3"' : "";
      const head =
        s.ends.finish === "Triangle" ? ` marker-end="url(#m${s.line.color.slice(1)})"` : "";
      return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${s.line.color}" stroke-width="${s.line.weight}"${dash}${head}/>`;
    }
    const box =
      s.type === "GeometricShape"
        ? `<rect x="${s.left}" y="${s.top}" width="${s.width}" height="${s.height}" rx="6" fill="${s.fill ?? "none"}" stroke="${s.line.visible ? s.line.color : "none"}"/>`
        : "";
    const lines = s.text.split("\n");
    const centred = s.type === "GeometricShape";
    const text = lines
      .map(
        (t, i) =>
          `<text x="${centred ? s.left + s.width / 2 : s.left}" y="${s.top + (centred ? s.height / 2 : s.font.size) + i * (s.font.size + 3)}" font-size="${s.font.size}" fill="${s.font.color}" font-family="Segoe UI, sans-serif" ${centred ? 'text-anchor="middle" dominant-baseline="central"' : ""}>${esc(t)}</text>`
      )
      .join("");
    return box + text;
  });
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs>${markers}</defs><rect width="100%" height="100%" fill="white"/>${parts.join("")}</svg>`,
    width,
    height,
  };
}

it("draws what the add-in asked Excel to draw, for review", async () => {
  resetStoreForTests(undefined);
  const wb = await dealsWorkbook();
  await insertFlowMap(getActiveDataset(), null);
  const shapes = wb.shapes("Flow map");
  const { svg, width, height } = svgOf(shapes);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, "24-flow-map-shapes.png") });
    const lines = await page.locator("line").count();
    expect(lines).toBe(shapes.filter((s) => s.type === "Line").length);
    expect(lines).toBeGreaterThan(0);
  } finally {
    await browser.close();
  }
}, 120_000);

/** The cells a range address covers, top to bottom ("Sheet1!C3:C9"), as the workbook shows them. */
function cellsOf(wb: FakeExcel, address: string): { value: unknown; text: string }[][] {
  const [sheet = "", range = ""] = address.split("!");
  const [from = "", to = from] = range.split(":");
  const col = (a: string) =>
    [...(/^[A-Z]+/.exec(a)?.[0] ?? "A")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = (a: string) => Number(/\d+$/.exec(a)?.[0] ?? 1);
  const letters = (n: number) => String.fromCharCode(64 + n);
  const out: { value: unknown; text: string }[][] = [];
  for (let r = row(from); r <= row(to); r++) {
    const line: { value: unknown; text: string }[] = [];
    for (let c = col(from); c <= col(to); c++) {
      const cell = wb.cell(sheet, `${letters(c)}${r}`);
      line.push({ value: cell.value, text: cell.text });
    }
    out.push(line);
  }
  return out;
}

it("draws the round-trip chart from the ranges its series read, for review", async () => {
  resetStoreForTests(undefined);
  const wb = await dealsWorkbook();
  const planned = buildTable(getActiveDataset(), {
    kind: "roundtrip",
    subjects: ["Amazon", "Microsoft", "Alphabet", "Nvidia"],
    asOf: null,
    mode: "live",
  });
  if (!planned.ok) throw new Error(planned.message);
  wb.setSelection("Sheet1", "A1");
  const table = await insertTable(planned.plan, "selection");
  if (table.status !== "inserted") throw new Error(table.status);
  await insertRoundTripChart(table.table);
  const [chart] = wb.charts();
  if (!chart) throw new Error("no chart");
  const categories = cellsOf(wb, chart.series[0]?.categories ?? "").map((r) =>
    r.map((c) => c.text).join(" → ")
  );
  const series = chart.series.map((s) =>
    cellsOf(wb, s.values).map((r) =>
      typeof r[0]?.value === "number" ? (r[0].value as number) : null
    )
  );
  // Excel leaves a gap for #N/A: no bar, and here the word for it.
  const max = Math.max(...series.flat().map((v) => v ?? 0), 1);
  const label = 190;
  const barArea = 300;
  const bar = 9;
  const rowHeight = 2 * bar + 10;
  const width = label + barArea + 90;
  const height = 60 + categories.length * rowHeight + 40;
  const colors = ["#4472C4", "#ED7D31"]; // Excel's first two series colours
  const money = (v: number) => `$${(v / 1e9).toFixed(1)}B`;
  const rows = categories
    .map((name, i) => {
      const y = 50 + i * rowHeight; // reversePlotOrder: the table's first row on top
      const bars = series
        .map((values, s) => {
          const v = values[i] ?? null;
          const w = v === null ? 0 : (barArea * v) / max;
          return `<rect x="${label}" y="${y + s * bar}" width="${w}" height="${bar - 1}" fill="${colors[s]}"/><text x="${label + w + 4}" y="${y + s * bar + bar - 2}" font-size="9" fill="${v === null ? "#707070" : "#000"}">${v === null ? "no amount (#N/A)" : money(v)}</text>`;
        })
        .join("");
      return `<text x="${label - 6}" y="${y + bar + 3}" font-size="10" text-anchor="end">${esc(name)}</text>${bars}`;
    })
    .join("");
  const legend = chart.series
    .map(
      (s, i) =>
        `<rect x="${label + i * 110}" y="${height - 24}" width="10" height="10" fill="${colors[i]}"/><text x="${label + i * 110 + 14}" y="${height - 15}" font-size="10">${esc(s.name)}</text>`
    )
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="Segoe UI, sans-serif"><rect width="100%" height="100%" fill="white" stroke="#d0d0d0"/><text x="${width / 2}" y="24" font-size="12" text-anchor="middle">${esc(chart.title)}</text>${rows}${legend}</svg>`;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, "25-round-trip-chart.png") });
    expect(await page.locator("rect[height]").count()).toBeGreaterThan(categories.length * 2);
  } finally {
    await browser.close();
  }
  expect(categories.length).toBe(planned.plan.bodyRows);
}, 120_000);
