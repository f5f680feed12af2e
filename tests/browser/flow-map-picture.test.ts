/**
 * The flow map as the in-memory workbook holds it, drawn shape by shape in Chromium: boxes with their text,
 * lines with their colour, weight, dash and arrowhead, labels. Excel does not run here, so this picture is
 * what the add-in asked Excel to draw, for review (test-artifacts/screenshots/24-flow-map-shapes.png; the
 * README shows it).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { getActiveDataset, resetStoreForTests } from "../../src/runtime/datasetStore";
import { insertFlowMap } from "../../src/workbook/flowMap";
import { dealsWorkbook } from "../support/dealsWorkbook";
import type { ShapeModel } from "../support/workbook";
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
