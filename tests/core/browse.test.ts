/** The deal browser's search: parties by name, alias or ticker, type and status filters, newest first. */
import { searchDeals } from "../../src/core/browse";
import { getActiveDataset } from "../../src/runtime/datasetStore";
import * as formulas from "../../src/core/formulas";

const ds = getActiveDataset();
const all = { query: "", type: null, status: null };

test("every deal is listed with no filter, newest first", () => {
  const rows = searchDeals(ds, all);
  expect(rows).toHaveLength(ds.deals.length);
  const dates = rows.map((r) => r.date);
  expect([...dates].sort().reverse()).toEqual(dates);
});

test("words must all match a party (name, alias, ticker), the title or the id", () => {
  const rows = searchDeals(ds, { ...all, query: "amazon openai" });
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(`${r.from} ${r.to}`).toMatch(/Amazon|AWS/);
  expect(rows.map((r) => r.id)).toContain("amazon-openai-equity");
  const byTicker = searchDeals(ds, { ...all, query: "MSFT" });
  expect(byTicker.every((r) => `${r.from} ${r.to}`.includes("Microsoft"))).toBe(true);
  expect(searchDeals(ds, { ...all, query: "no such party" })).toEqual([]);
});

test("type and status filters", () => {
  const compute = searchDeals(ds, { ...all, type: "compute" });
  expect(compute.length).toBeGreaterThan(0);
  expect(compute.every((r) => r.type === "compute")).toBe(true);
  const talks = searchDeals(ds, { ...all, status: "in_talks" });
  expect(talks.every((r) => r.status === "in_talks")).toBe(true);
});

test("each deal carries its figure, source, quote and the formula that shows its figure", () => {
  const deal = searchDeals(ds, { ...all, query: "amazon-openai-equity" })[0];
  expect(deal).toMatchObject({
    id: "amazon-openai-equity",
    amountUsd: 50e9,
    status: "closed",
    formula: '=DEALS.DEAL_FIELD("amazon-openai-equity","amount")',
  });
  expect(deal?.quote.length).toBeGreaterThan(20);
  expect(deal?.sourceUrl === null || deal?.sourceUrl.startsWith("https://")).toBe(true);
  expect(formulas.dealField(ds, "amazon-openai-equity", "amount")).toBe(deal?.amountUsd);
});
