/**
 * The bundled dataset: valid by the same rules the add-in loads data with, complete against the seed
 * article (tests/fixtures/seed-facts.json), every figure sourced; and the loader rejects broken data with
 * a message.
 */
import { loadDataset } from "../../src/core/load";
import { DatasetFile } from "../../src/core/schema";
import bundledJson from "../../src/data/dataset.json";
import seed from "../fixtures/seed-facts.json";

/** The AI labs the issue names besides OpenAI, Anthropic and xAI. */
const LABS = [
  "mistral",
  "safe-superintelligence",
  "thinking-machines",
  "reflection-ai",
  "inflection",
  "character-ai",
];

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

  it.each(seed.facts.map((f) => [f.fact, f] as const))(
    "holds the seed article's fact: %s, sourced to the seed's sentence",
    (_fact, f) => {
      const [table, id] = f.record.split(".") as ["deals" | "positions" | "valuations", string];
      const record = (bundled[table] as { id: string }[]).find((r) => r.id === id);
      expect(record).toBeDefined();
      const facts =
        table === "deals"
          ? (record as DatasetFile["deals"][0]).history
          : [record as unknown as { source: string; quote: string }];
      const fromSeed = facts.filter((x) => x.source === "seed");
      expect(fromSeed.map((x) => x.quote)).toContain(f.quote);
      if (f.field !== null) {
        const stated = fromSeed.find((x) => x.quote === f.quote) as unknown as Record<
          string,
          unknown
        >;
        expect(stated[f.field]).toBe(f.figure);
      }
    }
  );

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
    // An exchange rate's sentence can be as short as the conversion it states: "€1.2bn ($1.4bn)".
    for (const r of bundled.fxRates ?? []) expect(sources).toContain(r.source);
  });

  it("holds companies with aliases, tickers and parents (AWS belongs to Amazon; SpaceX owns xAI since 2026)", () => {
    const company = (id: string) => bundled.companies.find((c) => c.id === id);
    expect(company("aws")?.parent).toBe("amazon");
    expect(company("microsoft")?.tickers).toContain("MSFT");
    expect(company("google-cloud")?.parent).toBe("google");
    expect(company("xai")).toMatchObject({ parent: "spacex", parentSince: "2026-02-02" });
    for (const id of [
      ...LABS,
      "nscale",
      "lambda",
      "iren",
      "crusoe",
      "aligned",
      "intel",
      "groq",
      "samsung",
      "sk-hynix",
      "g42",
      "humain",
      "blackrock",
      "gip",
      "mgx",
    ])
      expect(company(id)).toBeDefined();
  });

  it("covers the deal map: at least 150 deals, each with a sourced history", () => {
    expect(bundled.deals.length).toBeGreaterThanOrEqual(150);
    for (const lab of ["openai", "anthropic", "xai", ...LABS])
      expect(bundled.deals.some((d) => d.to === lab && d.type === "equity")).toBe(true);
  });

  it("keeps disagreeing sources visible instead of picking one", () => {
    const anthropic2024 = bundled.valuations.filter(
      (v) => v.company === "anthropic" && v.date.startsWith("2024")
    );
    expect(anthropic2024.map((v) => v.valueUsd)).toEqual(expect.arrayContaining([15e9, 18.4e9]));
    const xaiSeriesC = bundled.valuations.filter((v) => v.dealId === "xai-series-c");
    expect(new Set(xaiSeriesC.map((v) => v.valueUsd)).size).toBeGreaterThanOrEqual(3);
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
      (d) =>
        d.positions
          .find((p) => p.investor === "microsoft" && p.company === "openai")!
          .covers.push("amazon-anthropic-2023"),
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
