/**
 * The round-trip network's layout, pure: every pair with money both ways appears once with its two links,
 * weights in proportion to the amounts, no two boxes overlap, and the same data gives the same picture.
 */
import { roundTrips } from "../../src/core/roundTrips";
import { LATEST, parseAsOf } from "../../src/core/dates";
import * as f from "../../src/core/formulas";
import { isFormulaError } from "../../src/core/errors";
import { ancestorsOn, indexDataset } from "../../src/core/dataset";
import {
  MAX_WEIGHT,
  PANE_GEOMETRY,
  roundTripNetwork,
} from "../../src/core/network/roundTripNetwork";
import { tableChoices } from "../../src/core/tables/dealTables";
import { getActiveDataset } from "../../src/runtime/datasetStore";
import { bundledFile } from "../support/datasets";

const ds = getActiveDataset();
const name = (id: string) => ds.companies.get(id)?.name ?? id;

describe.each([null, "2025-06-30"])("as of %s", (asOf) => {
  const day = asOf === null ? LATEST : (parseAsOf(asOf) as number);
  const net = roundTripNetwork(ds, day);

  it("has each round trip once, with a link each way whose amount is what the formulas say", () => {
    // Every investor, each under its topmost investing parent (Google's pairs are Alphabet's).
    const all = new Set(tableChoices(ds).investors.map((i) => i.id));
    const investors = [...all].filter((id) =>
      ancestorsOn(ds, id, day).every((a) => a === id || !all.has(a))
    );
    expect(investors).not.toContain("google");
    const pairs = roundTrips(ds, investors, day).map((p) => `${p.investor}|${p.company}`);
    const linked = (d: "in" | "back") =>
      net.links.filter((l) => l.direction === d).map((l) => `${l.investor}|${l.company}`);
    expect(linked("in").sort()).toEqual([...pairs].sort());
    expect(linked("back").sort()).toEqual([...pairs].sort());
    for (const l of net.links) {
      const [i, c] = [name(l.investor), name(l.company)];
      const formula =
        l.direction === "in" ? f.dealValue(ds, i, c, "equity", asOf) : f.flowBack(ds, i, c, asOf);
      expect([i, c, l.direction, l.amount]).toEqual([
        i,
        c,
        l.direction,
        isFormulaError(formula) ? null : formula,
      ]);
    }
  });

  it("draws weights in proportion to the amounts, the largest at the maximum", () => {
    const sized = net.links.filter((l) => l.amount !== null && l.amount > 0);
    const max = Math.max(...sized.map((l) => l.amount as number));
    for (const l of sized)
      expect(l.weight).toBeCloseTo((MAX_WEIGHT * (l.amount as number)) / max, 9);
    expect(Math.max(...net.links.map((l) => l.weight))).toBeCloseTo(MAX_WEIGHT, 9);
    for (const l of net.links.filter((x) => x.amount === null)) expect(l.weight).toBe(0);
  });

  it("puts investors left and companies right, boxes apart, links between the boxes they join", () => {
    const boxes = net.nodes;
    for (const a of boxes)
      for (const b of boxes) {
        if (a === b) continue;
        const apart =
          a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y;
        expect([a.side, a.name, b.side, b.name, apart]).toEqual([
          a.side,
          a.name,
          b.side,
          b.name,
          true,
        ]);
      }
    for (const n of boxes) {
      expect(n.x + n.width).toBeLessThanOrEqual(net.width);
      expect(n.y + n.height).toBeLessThanOrEqual(net.height);
      expect(n.height).toBe(PANE_GEOMETRY.box.height);
    }
    const investorX = new Set(boxes.filter((n) => n.side === "investor").map((n) => n.x));
    const companyX = new Set(boxes.filter((n) => n.side === "company").map((n) => n.x));
    expect(Math.max(...investorX)).toBeLessThan(Math.min(...companyX));
    for (const l of net.links) {
      const box = (side: string, id: string) => boxes.find((n) => n.side === side && n.id === id);
      const i = box("investor", l.investor);
      const c = box("company", l.company);
      const ends = l.direction === "in" ? [l.from, l.to] : [l.to, l.from];
      expect(ends[0]?.x).toBe((i?.x ?? 0) + (i?.width ?? 0));
      expect(ends[1]?.x).toBe(c?.x);
    }
  });
});

it("gives the same picture for the same data, loaded again", () => {
  const again = indexDataset(bundledFile());
  expect(roundTripNetwork(again, LATEST)).toEqual(roundTripNetwork(ds, LATEST));
});
