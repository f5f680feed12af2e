/**
 * The flow map in the faithful workbook: a sheet of native shapes drawn from the core's layout. Each pair
 * has its two connectors (money in, money back), coloured, with arrowheads and a label with the amount,
 * weights in the order of the amounts; boxes apart; all one named group under a stamp. Constant syncs;
 * a refresh redraws it in place, and never over the analyst's cells or shapes.
 */
import { LATEST } from "../../src/core/dates";
import { loadDataset } from "../../src/core/load";
import { roundTripNetwork } from "../../src/core/network/roundTripNetwork";
import {
  getActiveDataset,
  replaceActiveDataset,
  resetStoreForTests,
} from "../../src/runtime/datasetStore";
import { GROUP_NAME, insertFlowMap, refreshFlowMaps } from "../../src/workbook/flowMap";
import { newerVersion, newerWithAmazonXaiRoundTrip } from "../support/datasets";
import { dealsWorkbook } from "../support/dealsWorkbook";
import type { FakeExcel, ShapeModel } from "../support/workbook";

let wb: FakeExcel;
beforeEach(async () => {
  resetStoreForTests(undefined);
  wb = await dealsWorkbook(["Sheet1"]);
});

const inGroup = (shapes: ShapeModel[]) => {
  const group = shapes.find((s) => s.name === GROUP_NAME);
  return { group, members: shapes.filter((s) => s.group === group?.id) };
};

it("draws every pair's two connectors, labelled and weighted by amount, boxes apart, one named group", async () => {
  wb.resetSyncCount();
  const out = await insertFlowMap(getActiveDataset(), null);
  expect(wb.syncCount).toBe(2);
  const layout = roundTripNetwork(getActiveDataset(), LATEST);
  expect(out).toEqual({ status: "drawn", sheet: "Flow map", pairs: layout.links.length / 2 });
  expect(wb.activeSheet()).toBe("Flow map");
  const shapes = wb.shapes("Flow map");
  const { group, members } = inGroup(shapes);
  expect(group?.type).toBe("Group");
  // Nothing outside the group: the map is one object to move or delete.
  expect(shapes.filter((s) => s.group === undefined).map((s) => s.name)).toEqual([GROUP_NAME]);

  const lines = members.filter((s) => s.type === "Line");
  const labels = members.filter((s) => s.type === "TextBox" && s.name.includes(" label: "));
  const boxes = members.filter((s) => s.type === "GeometricShape");
  const name = (id: string) => getActiveDataset().companies.get(id)?.name ?? id;
  for (const l of layout.links) {
    const what = l.direction === "in" ? "money in" : "money back";
    const lineName = `AI Deals ${what}: ${name(l.investor)} and ${name(l.company)}`;
    const line = lines.find((s) => s.name === lineName);
    expect([lineName, line?.ends?.finish, line?.line.color]).toEqual([
      lineName,
      "Triangle",
      l.direction === "in" ? "#0F6CBD" : "#C43E1C",
    ]);
    expect(line?.line.dashStyle).toBe(l.amount === null ? "Dash" : "Solid");
    // Each amount labelled; a dashed line (no amount reported) has none.
    const label = labels.find((s) => s.name === `AI Deals label: ${lineName}`);
    if (l.amount === null) expect(label).toBeUndefined();
    else expect(label?.text).toMatch(/^(in|back) \$\d[\d.]*[BMT]$/);
  }
  // Heavier lines for larger amounts.
  const weighed = layout.links
    .filter((l) => l.amount !== null)
    .map((l) => ({
      amount: l.amount as number,
      weight:
        lines.find(
          (s) =>
            s.name.endsWith(`${name(l.investor)} and ${name(l.company)}`) &&
            s.name.includes(l.direction === "in" ? "money in" : "money back")
        )?.line.weight ?? 0,
    }))
    .sort((a, b) => a.amount - b.amount);
  for (let i = 1; i < weighed.length; i++)
    expect(weighed[i]?.weight).toBeGreaterThanOrEqual(weighed[i - 1]?.weight ?? 0);
  expect(boxes).toHaveLength(layout.nodes.length);
  for (const a of boxes)
    for (const b of boxes)
      if (a !== b)
        expect(
          a.left + a.width <= b.left ||
            b.left + b.width <= a.left ||
            a.top + a.height <= b.top ||
            b.top + b.height <= a.top
        ).toBe(true);
  const stamp = members.find((s) => s.name === "AI Deals stamp");
  expect(stamp?.text).toMatch(
    /^AI Deals · round trips as of the latest data · data \d{4}\.\d{2}\.\d{2}/
  );
});

it("redraws in place after a refresh: the new pair drawn, the stamp naming the new data, three syncs", async () => {
  await insertFlowMap(getActiveDataset(), null);
  const before = inGroup(wb.shapes("Flow map")).members.filter((s) => s.type === "Line").length;
  const file = newerWithAmazonXaiRoundTrip(newerVersion(1));
  const loaded = loadDataset(file);
  if (!loaded.ok) throw new Error(loaded.errors.join("; "));
  replaceActiveDataset(loaded.dataset, JSON.stringify(file));
  wb.resetSyncCount();
  const out = await refreshFlowMaps(loaded.dataset);
  expect(wb.syncCount).toBe(3);
  expect(out).toEqual([
    { table: "Flow map", status: "rebuilt", rows: before / 2 + 1, address: "Flow map!A1" },
  ]);
  const { members } = inGroup(wb.shapes("Flow map"));
  expect(members.filter((s) => s.type === "Line")).toHaveLength(before + 2);
  expect(members.some((s) => s.name === "AI Deals money back: Amazon and xAI")).toBe(true);
  expect(members.find((s) => s.name === "AI Deals stamp")?.text).toContain(newerVersion(1));
  expect(wb.sheetNames()).toEqual(["Sheet1", "Flow map"]);
});

it("leaves the map as it was when the analyst's cells or shapes are where it goes", async () => {
  await insertFlowMap(getActiveDataset(), null);
  wb.setCell("Flow map", "C5", "my note");
  const before = wb.shapes("Flow map");
  const out = await refreshFlowMaps(getActiveDataset());
  expect(out[0]).toMatchObject({
    status: "blocked",
    message: expect.stringMatching(/left as it was/),
  });
  expect(wb.shapes("Flow map")).toEqual(before);
  // A note far away from the picture does not stop it.
  wb.setCell("Flow map", "C5", "");
  wb.setCell("Flow map", "Z200", "far away");
  await expect(refreshFlowMaps(getActiveDataset())).resolves.toMatchObject([{ status: "rebuilt" }]);
});

it("says so when there is nothing to draw, and writes nothing", async () => {
  const out = await insertFlowMap(getActiveDataset(), "2015");
  expect(out).toEqual({
    status: "empty",
    message: "No round trips as of 2015-12-31: there is nothing to draw.",
  });
  expect(wb.sheetNames()).toEqual(["Sheet1"]);
});

it.each([["2024-06-30"], [null]])(
  "draws in two syncs whatever the number of pairs (as of %s)",
  async (asOf) => {
    wb.resetSyncCount();
    const out = await insertFlowMap(getActiveDataset(), asOf);
    expect(out.status).toBe("drawn");
    expect(wb.syncCount).toBe(2);
  }
);
