/**
 * Round trips on the bundled data: every investor–company pair with money both ways appears once, most
 * circular first, and no pair is missing that the formulas see both ways. The round-trip table's rows are
 * these pairs, each figure a DEALS formula.
 */
import { roundTrips } from "../../src/core/roundTrips";
import { buildTable, tableChoices } from "../../src/core/tables/dealTables";
import { LATEST, parseAsOf } from "../../src/core/dates";
import { ancestorsOn } from "../../src/core/dataset";
import * as f from "../../src/core/formulas";
import { isFormulaError } from "../../src/core/errors";
import { getActiveDataset } from "../../src/runtime/datasetStore";

const ds = getActiveDataset();
const investors = tableChoices(ds).investors.map((i) => i.id);
const name = (id: string) => ds.companies.get(id)?.name ?? id;

describe.each([null, "2025-06-30", "2025-12-31"])("as of %s", (asOf) => {
  const day = asOf === null ? LATEST : (parseAsOf(asOf) as number);
  const pairs = roundTrips(ds, investors, day);

  it("lists each pair once, with money both ways, most circular first", () => {
    const keys = pairs.map((p) => `${p.investor}|${p.company}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of pairs) {
      const [i, c] = [name(p.investor), name(p.company)];
      expect([i, c, isFormulaError(f.dealStatus(ds, i, c, "equity", asOf))]).toEqual([i, c, false]);
      expect([i, c, isFormulaError(f.dealStatus(ds, c, i, "flow_back", asOf))]).toEqual([
        i,
        c,
        false,
      ]);
      const ratio = f.circularityRatio(ds, i, c, asOf);
      expect(p.circularity).toBe(isFormulaError(ratio) ? null : ratio);
    }
    const ratios = pairs.map((p) => p.circularity ?? -1);
    expect(ratios).toEqual([...ratios].sort((a, b) => b - a));
  });

  it("misses no pair the formulas see both ways (a parent's pair is listed under its subsidiary, or the reverse)", () => {
    for (const investor of investors)
      for (const company of ds.companies.keys()) {
        const [i, c] = [name(investor), name(company)];
        if (investor === company) continue;
        const both =
          !isFormulaError(f.dealStatus(ds, i, c, "equity", asOf)) &&
          !isFormulaError(f.dealStatus(ds, c, i, "flow_back", asOf));
        if (!both) continue;
        // SpaceX's round trips with Nvidia are xAI's: listed once, under the company the deals name.
        const sameFamily = (x: string) =>
          ancestorsOn(ds, company, day).includes(x) || ancestorsOn(ds, x, day).includes(company);
        const seen = pairs.some((p) => p.investor === investor && sameFamily(p.company));
        expect([i, c, seen]).toEqual([i, c, true]);
      }
  });
});

it("holds the seed's round trips: Microsoft and OpenAI, Amazon and Anthropic, Amazon and OpenAI", () => {
  const keys = roundTrips(ds, investors, LATEST).map(
    (p) => `${name(p.investor)}|${name(p.company)}`
  );
  expect(keys).toEqual(
    expect.arrayContaining(["Microsoft|OpenAI", "Amazon|Anthropic", "Amazon|OpenAI"])
  );
});

it("the table: one row per pair, each figure a formula, the statuses and the deals without an amount", () => {
  const planned = buildTable(ds, {
    kind: "roundtrip",
    subjects: ["Microsoft"],
    asOf: null,
    mode: "live",
  });
  if (!planned.ok) throw new Error(planned.message);
  const rows = planned.plan.cellsAt({ row: 0, column: 0 }).slice(2);
  const openai = rows.find((r) => r[1] === "'OpenAI");
  expect(openai).toEqual([
    "'Microsoft",
    "'OpenAI",
    '=DEALS.DEAL_VALUE("Microsoft","OpenAI","equity")',
    '=DEALS.FLOW_BACK("Microsoft","OpenAI")',
    '=DEALS.CIRCULARITY("Microsoft","OpenAI")',
    '=DEALS.STAKE_PCT("Microsoft","OpenAI")',
    '=DEALS.DEAL_STATUS("Microsoft","OpenAI","equity")',
    '=DEALS.DEAL_STATUS("OpenAI","Microsoft","flow_back")',
    '=DEALS.UNREPORTED("Microsoft","OpenAI","equity")',
    '=DEALS.UNREPORTED("OpenAI","Microsoft","flow_back")',
  ]);
  expect(rows.length).toBe(roundTrips(ds, ["microsoft"], LATEST).length);
  expect(
    buildTable(ds, { kind: "roundtrip", subjects: ["Microsoft"], asOf: "2018", mode: "live" })
  ).toEqual({
    ok: false,
    message:
      "No round trips for Microsoft as of 2018-12-31: none of the companies they back buys compute, chips or infrastructure from them.",
  });
});
