/**
 * The flow map: the round trips drawn on a sheet of their own with native Excel shapes, from the same
 * layout the pane draws (core/network/roundTripNetwork.ts): investors in one column, companies in the
 * other, a box with the name for each, two connector lines per pair with arrowheads (money in blue,
 * money back orange), each line's weight in proportion to its amount and its amount as a label, all in
 * one named group under a stamp with the as-of date and the data version. It opens without the add-in.
 *
 * Insert: two syncs (the sheet names; the new sheet with everything on it). Refresh: three syncs
 * whatever the number of maps or pairs (the records; each map sheet's shapes and used cells; the
 * redraws). A refresh redraws a map in place, and never over cells or shapes the analyst added there.
 */
import { Dataset } from "../core/dataset";
import { LATEST } from "../core/dates";
import { dataVersion, money } from "../core/formulas";
import { Geometry, NetworkLayout, roundTripNetwork } from "../core/network/roundTripNetwork";
import { uniqueSheetName } from "../core/tables/excelNames";
import { readAsOf } from "../core/tables/tablePlan";
import type { TableOutcome } from "./refreshWorkbook";

export const FLOW_MAP_PREFIX = "aiDeals.flowMap.";
/** Every shape the add-in draws is named from here; the group by GROUP_NAME. */
const NAME = "AI Deals";
export const GROUP_NAME = `${NAME} flow map`;

/** Points: boxes wide enough for a name, room between the columns for the lines and their labels. */
const GEOMETRY: Geometry = { box: { width: 150, height: 30 }, gap: 18, span: 320 };
/** The picture's top-left corner on the sheet; the stamp sits above it. */
const ORIGIN = { left: 24, top: 64 };
const COLORS = {
  in: "#0F6CBD",
  back: "#C43E1C",
  box: "#F3F2F1",
  boxLine: "#8A8886",
  text: "#242424",
} as const;

export interface FlowMapRecord {
  readonly sheet: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY as the analyst chose it; null for the latest data. */
  readonly asOf: string | null;
  readonly dataVersion: string;
  readonly insertedAt: string;
}

export type FlowMapOutcome =
  { status: "drawn"; sheet: string; pairs: number } | { status: "empty"; message: string };

function parseMapRecord(value: unknown): FlowMapRecord | undefined {
  try {
    const v = (typeof value === "string" ? JSON.parse(value) : value) as Partial<FlowMapRecord>;
    return typeof v.sheet === "string" && (v.asOf === null || typeof v.asOf === "string")
      ? (v as FlowMapRecord)
      : undefined;
  } catch {
    return undefined; // not JSON: not one of ours
  }
}

/** The area a map of this layout covers, in points from the sheet's top-left corner. */
function extent(layout: NetworkLayout): { right: number; bottom: number } {
  return { right: ORIGIN.left + layout.width, bottom: ORIGIN.top + layout.height };
}

/** Queues the whole picture on the sheet, grouped and named. */
function draw(sheet: Excel.Worksheet, layout: NetworkLayout, stampText: string): void {
  const shapes = sheet.shapes;
  const drawn: Excel.Shape[] = [];
  const stamp = shapes.addTextBox(stampText);
  stamp.name = `${NAME} stamp`;
  stamp.left = ORIGIN.left;
  stamp.top = 8;
  stamp.width = Math.max(layout.width, 360);
  stamp.height = 44;
  stamp.textFrame.textRange.font.size = 10;
  stamp.textFrame.textRange.font.color = COLORS.text;
  stamp.lineFormat.visible = false;
  drawn.push(stamp);

  const names = new Map(layout.nodes.map((n) => [`${n.side}:${n.id}`, n.name]));
  for (const l of layout.links) {
    const [x1, y1, x2, y2] = [l.from.x, l.from.y, l.to.x, l.to.y];
    const line = shapes.addLine(
      ORIGIN.left + x1,
      ORIGIN.top + y1,
      ORIGIN.left + x2,
      ORIGIN.top + y2,
      "Straight"
    );
    const what = l.direction === "in" ? "money in" : "money back";
    const lineName = `${NAME} ${what}: ${names.get(`investor:${l.investor}`)} and ${names.get(`company:${l.company}`)}`;
    line.name = lineName;
    line.lineFormat.color = l.direction === "in" ? COLORS.in : COLORS.back;
    line.lineFormat.weight = Math.max(0.75, l.weight * 0.6);
    line.lineFormat.dashStyle = l.amount === null ? "Dash" : "Solid";
    line.line.endArrowheadStyle = "Triangle";
    drawn.push(line);
    // The amount beside the line, nearer the company, where fewer lines meet: money in above, money back
    // below. A dashed line has no amount to show (the stamp says what dashed means).
    if (l.amount === null) continue;
    const label = shapes.addTextBox(
      `${l.direction === "in" ? "in" : "back"} ${money(l.amount, "exact")}`
    );
    label.name = `${NAME} label: ${lineName}`;
    const t = l.direction === "in" ? 0.7 : 0.3;
    label.left = ORIGIN.left + x1 + (x2 - x1) * t - 30;
    label.top = ORIGIN.top + y1 + (y2 - y1) * t + (l.direction === "in" ? -15 : 2);
    label.width = 72;
    label.height = 13;
    label.textFrame.textRange.font.size = 8;
    label.textFrame.textRange.font.color = l.direction === "in" ? COLORS.in : COLORS.back;
    label.fill.clear();
    label.lineFormat.visible = false;
    drawn.push(label);
  }
  for (const n of layout.nodes) {
    const box = shapes.addGeometricShape("RoundRectangle");
    box.name = `${NAME} ${n.side}: ${n.name}`;
    box.left = ORIGIN.left + n.x;
    box.top = ORIGIN.top + n.y;
    box.width = n.width;
    box.height = n.height;
    box.fill.setSolidColor(COLORS.box);
    box.lineFormat.color = COLORS.boxLine;
    box.textFrame.textRange.text = n.name;
    box.textFrame.textRange.font.size = 10;
    box.textFrame.textRange.font.color = COLORS.text;
    drawn.push(box);
  }
  const group = shapes.addGroup(drawn);
  group.name = GROUP_NAME;
}

function stampOf(ds: Dataset, label: string): string {
  return `${NAME} · round trips ${label} · data ${dataVersion(ds)}\nBlue: money in (equity). Orange: money back (compute, chips, infrastructure). Line weight: amount; dashed: no amount reported.`;
}

/** A new sheet with the flow map as of `asOf` (null: the latest data), recorded for refreshes. */
export async function insertFlowMap(
  ds: Dataset,
  asOf: string | null,
  now: Date = new Date()
): Promise<FlowMapOutcome> {
  const when = readAsOf(asOf);
  if ("message" in when) return { status: "empty", message: when.message };
  const layout = roundTripNetwork(ds, when.day, GEOMETRY);
  if (layout.nodes.length === 0)
    return { status: "empty", message: `No round trips ${when.label}: there is nothing to draw.` };
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const name = uniqueSheetName(
      "Flow map",
      sheets.items.map((s) => s.name)
    );
    const sheet = context.workbook.worksheets.add(name);
    draw(sheet, layout, stampOf(ds, when.label));
    sheet.activate();
    const record: FlowMapRecord = {
      sheet: name,
      asOf,
      dataVersion: dataVersion(ds),
      insertedAt: now.toISOString(),
    };
    context.workbook.settings.add(`${FLOW_MAP_PREFIX}${name}`, JSON.stringify(record));
    await context.sync();
    return { status: "drawn", sheet: name, pairs: layout.links.length / 2 };
  });
}

/** Redraws every recorded flow map for the data in use, in place; one outcome per map. */
export async function refreshFlowMaps(ds: Dataset): Promise<TableOutcome[]> {
  return Excel.run(async (context) => {
    const settings = context.workbook.settings.load("items/key, items/value");
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();

    const outcomes: TableOutcome[] = [];
    const found: {
      record: FlowMapRecord;
      key: string;
      sheet: Excel.Worksheet;
      shapes: Excel.ShapeCollection;
      charts: Excel.ChartCollection;
      used: Excel.Range;
    }[] = [];
    const names = new Set(sheets.items.map((s) => s.name));
    for (const s of settings.items) {
      if (!s.key.startsWith(FLOW_MAP_PREFIX)) continue;
      const record = parseMapRecord(s.value);
      if (!record) continue;
      if (!names.has(record.sheet)) {
        outcomes.push({
          table: record.sheet,
          status: "missing",
          message: `The flow map sheet ${record.sheet} is no longer in the workbook; draw it again from the pane.`,
        });
        continue;
      }
      const sheet = context.workbook.worksheets.getItem(record.sheet);
      const shapes = sheet.shapes.load(
        "items/name, items/left, items/top, items/width, items/height"
      );
      const charts = sheet.charts.load("items/left, items/top");
      const used = sheet.getUsedRangeOrNullObject(true).load("address, left, top, width, height");
      found.push({ record, key: s.key, sheet, shapes, charts, used });
    }
    if (found.length === 0) return outcomes;
    await context.sync();

    for (const f of found) {
      const when = readAsOf(f.record.asOf);
      const layout = roundTripNetwork(ds, "message" in when ? LATEST : when.day, GEOMETRY);
      const label = "message" in when ? "in the latest data" : when.label;
      const area = extent(layout);
      // The map covers the sheet from its top-left corner to the picture's far corner.
      const covers = (r: { left: number; top: number }) =>
        r.left < area.right && r.top < area.bottom;
      const ours = f.shapes.items.filter((s) => s.name === GROUP_NAME);
      const theirs = f.shapes.items.filter((s) => s.name !== GROUP_NAME);
      const over =
        theirs.some(covers) ||
        f.charts.items.some(covers) ||
        (!f.used.isNullObject && covers(f.used));
      if (over) {
        outcomes.push({
          table: f.record.sheet,
          status: "blocked",
          message: `${f.record.sheet}: cells or shapes of yours are where the map goes, so it was left as it was. Move them, then press Refresh data again.`,
        });
        continue;
      }
      for (const s of ours) s.delete();
      if (layout.nodes.length > 0) draw(f.sheet, layout, stampOf(ds, label));
      context.workbook.settings.add(
        f.key,
        JSON.stringify({ ...f.record, dataVersion: dataVersion(ds) } satisfies FlowMapRecord)
      );
      outcomes.push({
        table: f.record.sheet,
        status: "rebuilt",
        rows: layout.links.length / 2,
        address: `${f.record.sheet}!A1`,
      });
    }
    await context.sync();
    return outcomes;
  });
}
