/**
 * DEALS.COMPANY and DEALS.DEAL as Excel calls them: every card of the bundled data follows the rules
 * Microsoft documents for entity values (tests/support/entityRules.ts), and every figure on it is what
 * the number functions answer for the same arguments. A host without CustomFunctionsRuntime 1.4 gets
 * the plain text; bad input gets Excel's errors with their messages.
 */
import bundled from "../../src/data/dataset.json";
import {
  COMPANY_PROPERTIES,
  INVESTORS_HEADER,
  MONEY_RAISED_HEADER,
} from "../../src/core/cards/companyCard";
import { DEAL_PROPERTIES, HISTORY_HEADER } from "../../src/core/cards/dealCard";
import { bundledFile } from "../support/datasets";
import { checkEntity } from "../support/entityRules";
import { compactLayoutIcons } from "../support/officeTypes";
import { excel } from "../support/excel";
import {
  CARD_HOST,
  OLD_HOST,
  hostStarting,
  hostWithSets,
  noOfficeHost,
} from "../support/officeHost";

type Typed = { type: string; basicValue?: unknown; numberFormat?: string; elements?: Typed[][] };
type Card = {
  type: "Entity";
  text: string;
  properties: Record<string, Typed & { propertyMetadata?: Excel.CellValuePropertyMetadata }>;
  layouts: { card: { title: { property: string }; sections: { properties: string[] }[] } };
};

const companies = bundled.companies.map((c) => c.name);
const deals = bundled.deals.map((d) => d.id);
const DATES = [null, "2024-12-31", "2025-12-31"];

beforeAll(() => hostWithSets(CARD_HOST));
afterAll(() => noOfficeHost());

async function card(id: "COMPANY" | "DEAL", ...args: unknown[]): Promise<Card> {
  const result = await excel(id, ...args);
  if (typeof result !== "object" || result === null || !("type" in result))
    throw new Error(`DEALS.${id}(${args.join(", ")}) gave ${JSON.stringify(result)}`);
  return result as Card;
}

/** A number function's answer as a card shows it: the number, or nothing when it has none. */
async function figure(id: string, ...args: unknown[]): Promise<number | undefined> {
  const r = await excel(id, ...args);
  return typeof r === "number" ? r : undefined;
}

const basic = (v: Typed | undefined): unknown => v?.basicValue;
/** A list cell: a number, or undefined for the empty text a card shows where there is no answer. */
const listNumber = (v: Typed | undefined): number | undefined =>
  typeof v?.basicValue === "number" ? v.basicValue : undefined;

describe("every card follows Excel's rules for entity values", () => {
  it.each(DATES)("each company's card as of %s", async (asOf) => {
    for (const name of companies) {
      const c = await card("COMPANY", name, asOf);
      expect({ name, problems: checkEntity(c, { icons: compactLayoutIcons() }) }).toEqual({
        name,
        problems: [],
      });
      expect(c.text).toBe(name);
      // Properties in the documented order, and the card's sections in that same order.
      const names = Object.keys(c.properties);
      expect(names).toEqual(COMPANY_PROPERTIES.filter((p) => names.includes(p)));
      const shown = [
        c.layouts.card.title.property,
        ...c.layouts.card.sections.flatMap((s) => s.properties),
      ];
      expect(shown).toEqual(names);
    }
  });

  it("each deal's card", async () => {
    for (const id of deals) {
      const c = await card("DEAL", id);
      expect({ id, problems: checkEntity(c, { icons: compactLayoutIcons() }) }).toEqual({
        id,
        problems: [],
      });
      const names = Object.keys(c.properties);
      expect(names).toEqual(DEAL_PROPERTIES.filter((p) => names.includes(p)));
    }
  });

  it("the rules checker refuses what Excel refuses (so the checks above can fail)", () => {
    const good = {
      type: "Entity",
      text: "x",
      properties: { A: { type: "String", basicValue: "a" } },
    };
    expect(checkEntity(good)).toEqual([]);
    const bad = (change: Record<string, unknown>) =>
      checkEntity({ ...good, ...change }, { icons: compactLayoutIcons() });
    expect(bad({ properties: { A: 5 } })).toHaveLength(1);
    expect(bad({ properties: { A: { type: "FormattedNumber", basicValue: 5 } } })).toHaveLength(1);
    expect(bad({ text: "" })).toHaveLength(1);
    expect(
      bad({
        layouts: {
          card: { title: { property: "B" }, sections: [{ layout: "List", properties: ["C"] }] },
        },
      })
    ).toHaveLength(2);
    expect(bad({ layouts: { compact: { icon: "NoSuchIcon" } } })).toHaveLength(1);
    const nested = {
      type: "Array",
      elements: [[{ type: "Array", elements: [[{ type: "String", basicValue: "" }]] }]],
    };
    expect(bad({ properties: { A: nested } })).toHaveLength(1);
    const ragged = { type: "Array", elements: [[{ type: "String", basicValue: "" }], []] };
    expect(bad({ properties: { A: ragged } }).length).toBeGreaterThan(0);
    const meta = {
      type: "String",
      basicValue: "a",
      propertyMetadata: { attribution: [{ sourceAddress: "http://x" }] },
    };
    expect(bad({ properties: { A: meta } })).toHaveLength(1);
  });
});

describe("a company card's figures are the number functions' answers", () => {
  it.each(DATES)("for every company as of %s", async (asOf) => {
    for (const name of companies) {
      const p = (await card("COMPANY", name, asOf)).properties;
      expect([name, basic(p.Valuation)]).toEqual([name, await figure("VALUATION", name, asOf)]);
      expect([name, basic(p["Valuation date"])]).toEqual([
        name,
        await figure("VALUATION_FIELD", name, "date_value", asOf),
      ]);
      expect([name, basic(p["Previous valuation"])]).toEqual([
        name,
        await figure("VALUATION_FIELD", name, "previous_amount", asOf),
      ]);
      const list = await excel("DEAL_LIST", name, null, asOf);
      expect([name, basic(p.Deals)]).toEqual([name, Array.isArray(list) ? list.length - 1 : 0]);

      const rows = p.Investors?.elements ?? [];
      if (rows.length > 0) expect(rows[0]?.map(basic)).toEqual([...INVESTORS_HEADER]);
      for (const row of rows.slice(1)) {
        const investor = String(basic(row[0]));
        const pair = [investor, name, asOf];
        const got = [
          listNumber(row[1]),
          listNumber(row[3]),
          listNumber(row[4]),
          listNumber(row[5]),
        ];
        const want = [
          await figure("STAKE_PCT", ...pair),
          await figure("DEAL_VALUE", investor, name, "equity", asOf),
          await figure("FLOW_BACK", ...pair),
          await figure("CIRCULARITY", ...pair),
        ];
        expect([name, investor, got]).toEqual([name, investor, want]);
      }
      const raised = p["Money raised"]?.elements ?? [];
      if (raised.length > 0) expect(raised[0]?.map(basic)).toEqual([...MONEY_RAISED_HEADER]);
    }
  });

  it("lists Anthropic's investors with their stakes, and sources its valuation", async () => {
    const p = (await card("COMPANY", "Anthropic", "2025-12-31")).properties;
    const investors = (p.Investors?.elements ?? []).slice(1).map((r) => basic(r[0]));
    expect(investors).toEqual(
      expect.arrayContaining(["Alphabet", "Amazon", "Microsoft", "Nvidia"])
    );
    const valuation = p.Valuation;
    const v = bundled.valuations
      .filter((x) => x.company === "anthropic" && x.date <= "2025-12-31")
      .map((x) => x.valueUsd);
    expect(v).toContain(valuation?.basicValue);
    expect(valuation?.numberFormat).toBe('$#,##0.0,,,"B"');
    const attribution = valuation?.propertyMetadata?.attribution?.[0];
    expect(attribution?.sourceAddress).toMatch(/^https:\/\//);
    expect(valuation?.propertyMetadata?.sublabel).toMatch(/^\d{4}(-\d{2}){0,2} · /);
    expect(basic(p["As of"])).toBe("as of 2025-12-31");
  });
});

describe("a deal card's figures are DEAL_FIELD's answers", () => {
  it("for every deal", async () => {
    for (const id of deals) {
      const p = (await card("DEAL", id)).properties;
      for (const [property, field] of [
        ["Amount", "amount"],
        ["Funded", "funded"],
        ["Term", "term_years"],
        ["Date", "date_value"],
      ] as const)
        expect([id, property, basic(p[property])]).toEqual([
          id,
          property,
          await figure("DEAL_FIELD", id, field),
        ]);
      expect([id, basic(p.Quote)]).toEqual([id, await excel("DEAL_FIELD", id, "quote")]);
      const history = p.History?.elements ?? [];
      expect(history[0]?.map(basic)).toEqual([...HISTORY_HEADER]);
      const record = bundled.deals.find((d) => d.id === id);
      expect([id, history.length - 1]).toEqual([id, record?.history.length]);
    }
  });

  it("attributes the quote to its source, with its date", async () => {
    const p = (await card("DEAL", "amazon-anthropic-2023")).properties;
    const record = bundled.deals.find((d) => d.id === "amazon-anthropic-2023");
    const last = record?.history.at(-1);
    const source = bundled.sources.find((s) => s.id === last?.source);
    expect(p.Quote?.propertyMetadata?.attribution).toEqual([
      source?.url
        ? { sourceText: source.title, sourceAddress: source.url }
        : { sourceText: source?.title },
    ]);
    expect(p.Quote?.propertyMetadata?.sublabel).toBe(last?.date);
  });
});

describe("hosts and errors", () => {
  afterEach(() => hostWithSets(CARD_HOST));

  it("gives a host without CustomFunctionsRuntime 1.4 the plain text, never an error", async () => {
    hostWithSets(OLD_HOST);
    await expect(excel("COMPANY", "anthropic")).resolves.toBe("Anthropic");
    await expect(excel("DEAL", "AMAZON-ANTHROPIC-2023")).resolves.toBe(
      bundled.deals.find((d) => d.id === "amazon-anthropic-2023")?.title
    );
    noOfficeHost();
    await expect(excel("COMPANY", "OpenAI")).resolves.toBe("OpenAI");
  });

  it("asks the host again once Office is there", async () => {
    noOfficeHost();
    await expect(excel("COMPANY", "OpenAI")).resolves.toBe("OpenAI");
    hostWithSets(CARD_HOST);
    await expect(card("COMPANY", "OpenAI")).resolves.toMatchObject({ type: "Entity" });
  });

  it("asked while Office is still starting, answers with a card once Office is ready", async () => {
    const ready = hostStarting(CARD_HOST);
    const answer = excel("COMPANY", "OpenAI");
    let settled = false;
    void answer.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false); // waits: a text answer now would stay text until a recalculation
    ready();
    await expect(answer).resolves.toMatchObject({ type: "Entity", text: "OpenAI" });
    // And on an older host that was starting, the text.
    const readyOld = hostStarting(OLD_HOST);
    const old = excel("DEAL", "amazon-anthropic-2023");
    readyOld();
    await expect(old).resolves.toBe("Amazon invests up to $4B in Anthropic");
  });

  it("answers an unknown company or deal with #N/A and a bad as_of with #VALUE!", async () => {
    await expect(excel("COMPANY", "antropic")).resolves.toEqual({
      error: "#N/A",
      message: "Unknown company 'antropic'. Did you mean 'Anthropic'?",
    });
    await expect(excel("COMPANY", "OpenAI", "someday")).resolves.toMatchObject({
      error: "#VALUE!",
    });
    await expect(excel("DEAL", "no-such-deal")).resolves.toMatchObject({ error: "#N/A" });
    await expect(excel("DEAL", "")).resolves.toMatchObject({ error: "#VALUE!" });
  });
});

describe("a deal whose tranches add up to more than its stated amount", () => {
  it("shows their sum as its amount, credited to the last tranche, said as such", async () => {
    const { indexDataset } = await import("../../src/core/dataset");
    const { dealCard } = await import("../../src/core/cards/dealCard");
    const file = bundledFile();
    const deal = file.deals.find((d) => d.id === "amazon-anthropic-2023");
    const last = deal?.history.at(-1);
    if (!deal || !last) throw new Error("no amazon-anthropic-2023");
    deal.history.push({
      ...last,
      date: "2024-06-01",
      amountUsd: null,
      qualifier: null,
      trancheUsd: 5e9,
    });
    const ds = indexDataset(file);
    const card = dealCard(ds, "amazon-anthropic-2023") as unknown as Card;
    // Its tranches were $1.25B and $2.75B; with $5B more they pass the stated "up to $4B".
    expect(card.properties.Amount?.basicValue).toBe(9e9);
    expect(card.properties.Amount?.propertyMetadata?.sublabel).toBe(
      "2024-06-01 · sum of the tranches paid"
    );
  });
});
