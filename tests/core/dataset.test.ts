/**
 * The bundled dataset: valid by the same rules the add-in loads data with, complete against the seed
 * article, every figure sourced and quoted; and the loader rejects broken data with a message.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadDataset } from "../../src/core/dataset";
import { DatasetFile } from "../../src/core/schema";
import bundledJson from "../../src/data/dataset.json";

const SEED = readFileSync(
  resolve(__dirname, "../../../shared/seed/000_647103e5de56ae75.txt"),
  "utf8"
);
const REFERENCE = readFileSync(resolve(__dirname, "../../../shared/reference/deals.csv"), "utf8");

/** The JSON import's inferred type is narrower than the schema; the tests read it as the schema's type. */
const bundled = bundledJson as unknown as DatasetFile;
const fresh = (): DatasetFile => JSON.parse(JSON.stringify(bundled)) as DatasetFile;
function errorsOf(mutate: (d: DatasetFile) => void): string[] {
  const d = fresh();
  mutate(d);
  const r = loadDataset(d);
  return r.ok ? [] : r.errors;
}

describe("the bundled dataset", () => {
  const result = loadDataset(bundled);

  it("passes the schema and consistency checks", () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("has a version and an as-of date", () => {
    expect(bundled.version).toMatch(/^\d{4}\.\d{2}\.\d{2}/);
    expect(bundled.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("contains every fact of the seed article (reference rows S01 to S09)", () => {
    const seedRows = [...REFERENCE.matchAll(/^(S\d\d),/gm)].map((m) => m[1]);
    expect(seedRows).toHaveLength(9);
    const refs = new Set(
      [...bundled.deals, ...bundled.positions, ...bundled.valuations].flatMap((x) => x.refs)
    );
    for (const row of seedRows) expect(refs).toContain(row);
  });

  it("quotes the seed article word for word wherever it cites it", () => {
    const seedQuotes = [
      ...bundled.deals.flatMap((d) => d.history),
      ...bundled.positions,
      ...bundled.valuations,
    ].filter((f) => f.source === "seed");
    expect(seedQuotes.length).toBeGreaterThanOrEqual(10);
    for (const { quote } of seedQuotes) {
      for (const piece of quote.split(" ... ")) expect(SEED).toContain(piece);
    }
  });

  it("gives every figure a source that exists and a quoted sentence", () => {
    const sources = new Set(bundled.sources.map((s) => s.id));
    const facts = [
      ...bundled.deals.flatMap((d) => d.history),
      ...bundled.positions,
      ...bundled.valuations,
    ];
    for (const f of facts) {
      expect(sources).toContain(f.source);
      expect(f.quote.length).toBeGreaterThan(20);
    }
  });

  it("holds companies with aliases, tickers and parents (AWS belongs to Amazon)", () => {
    const aws = bundled.companies.find((c) => c.id === "aws");
    expect(aws?.parent).toBe("amazon");
    expect(bundled.companies.find((c) => c.id === "microsoft")?.tickers).toContain("MSFT");
    expect(bundled.companies.find((c) => c.id === "google-cloud")?.parent).toBe("google");
  });

  it("records each transaction once, with its history (talks, then the announcement)", () => {
    const amazonOpenAI = bundled.deals.filter(
      (d) => d.from === "amazon" && d.to === "openai" && d.type === "equity"
    );
    expect(amazonOpenAI).toHaveLength(1);
    expect(amazonOpenAI[0]?.history.map((e) => e.status)).toEqual([
      "in_talks",
      "in_talks",
      "announced",
    ]);
    // Every reference row that says it is the same deal as another lands in one record.
    const sameAs = [...REFERENCE.matchAll(/^(\w\d\d),.*SAME_DEAL_AS=([SD]\d\d)/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(sameAs.length).toBeGreaterThan(5);
    for (const [a, b] of sameAs) {
      const holder = (ref: string | undefined) =>
        [...bundled.deals, ...bundled.positions]
          .filter((x) => x.refs.includes(ref as string))
          .map((x) => x.id);
      const withA = holder(a);
      const withB = holder(b);
      expect(withA.filter((id) => withB.includes(id))).toHaveLength(1);
    }
  });

  it("keeps disagreeing sources visible instead of picking one", () => {
    const anthropic2024 = bundled.valuations.filter(
      (v) => v.company === "anthropic" && v.date.startsWith("2024")
    );
    expect(anthropic2024.map((v) => v.valueUsd).sort()).toEqual([15e9, 18e9]);
    const openai202304 = bundled.valuations.filter(
      (v) => v.company === "openai" && v.date === "2023-04"
    );
    expect(openai202304.map((v) => v.valueUsd).sort()).toEqual([28e9, 29e9]);
  });
});

describe("loading rejects broken data with a message", () => {
  it.each<[string, (d: DatasetFile) => void, RegExp]>([
    [
      "a missing field",
      (d) => delete (d.deals[0] as Partial<DatasetFile["deals"][0]>).type,
      /deals\.0\.type/,
    ],
    [
      "a wrong type",
      (d) => ((d.deals[0]!.history[0] as { amountUsd: unknown }).amountUsd = "ten billion"),
      /deals\.0\.history\.0\.amountUsd/,
    ],
    ["a negative amount", (d) => (d.deals[0]!.history[0]!.amountUsd = -1), /amountUsd/],
    ["an unreadable date", (d) => (d.deals[0]!.history[0]!.date = "2025-02-30"), /calendar date/],
    [
      "an unknown status",
      (d) => ((d.deals[0]!.history[0] as { status: string }).status = "done"),
      /status/,
    ],
    ["an unknown party", (d) => (d.deals[0]!.from = "amazn"), /unknown company 'amazn'/],
    [
      "an unknown source",
      (d) => (d.deals[0]!.history[0]!.source = "nowhere"),
      /unknown source 'nowhere'/,
    ],
    ["a duplicated id", (d) => (d.deals[1]!.id = d.deals[0]!.id), /used twice/],
    [
      "the same deal entered twice",
      (d) =>
        d.deals.push({
          ...d.deals.find((x) => x.id === "openai-aws-compute-2026")!,
          id: "copy-of-aws",
        }),
      /second entry of deal 'openai-aws-compute-2026'/,
    ],
    [
      "a part of something that is not a round",
      (d) =>
        (d.deals.find((x) => x.id === "softbank-openai-2026")!.partOf = "openai-aws-compute-2026"),
      /is not a round/,
    ],
    [
      "a cumulative figure covering another pair's deal",
      (d) => d.positions[1]!.covers.push("amazon-anthropic-2023"),
      /not an equity deal from microsoft to openai/,
    ],
    [
      "history out of order",
      (d) => d.deals.find((x) => x.id === "amazon-openai-equity")!.history.reverse(),
      /earlier than the event before it/,
    ],
    [
      "a fact dated after the dataset",
      (d) => (d.deals[0]!.history[0]!.date = "2027-01"),
      /after the dataset's as-of date/,
    ],
    [
      "one name for two companies",
      (d) => d.companies[1]!.aliases.push("OpenAI"),
      /belongs to both/,
    ],
    [
      "a deal inside one company family",
      (d) => (d.deals.find((x) => x.id === "openai-aws-compute-2026")!.from = "amazon"),
      /belong to one company family \(amazon, aws\)/,
    ],
    [
      "a valuation priced by a deal into another company",
      (d) => (d.valuations.find((v) => v.company === "xai")!.dealId = "anthropic-series-e"),
      /values xai but its deal 'anthropic-series-e' is into anthropic/,
    ],
    [
      "a parent cycle",
      (d) => (d.companies.find((c) => c.id === "amazon")!.parent = "aws"),
      /its own ancestor/,
    ],
    ["a stake above 100%", (d) => (d.positions[0]!.stakePct = 1.5), /stakePct/],
    [
      "a name no formula could type (over 255 characters)",
      (d) => d.companies[0]!.aliases.push("x".repeat(256)),
      /companies\.0\.aliases\.\d+: must be at most 255 characters/,
    ],
    ["an http source", (d) => (d.sources[1]!.url = "http://example.com/x"), /url/],
    [
      "an unknown field",
      (d) => ((d.deals[0] as unknown as Record<string, unknown>).colour = "red"),
      /colour/,
    ],
    ["not an object at all", () => undefined, /./],
  ])("%s", (_what, mutate, message) => {
    const errors =
      _what === "not an object at all"
        ? (loadDataset("[]" as unknown) as { errors: string[] }).errors
        : errorsOf(mutate);
    expect(errors.join("\n")).toMatch(message);
  });
});
