/**
 * The rules that keep the data true, on the hand-built dataset: one transaction is one deal (the loader
 * refuses the early-report pattern), a relationship without a figure answers "not reported" and never 0,
 * an ended deal counts for nothing, a parent counts a subsidiary's deals only from its takeover, figures in
 * another currency convert at their stated rate, and stated parts add up.
 */
import * as formulas from "../../src/core/formulas";
import { DatasetFile } from "../../src/core/schema";
import { B, M, deal, event, load, loadErrors, miniFile } from "../support/miniDataset";

const withDeals = (...more: DatasetFile["deals"]): DatasetFile => {
  const f = miniFile();
  f.deals.push(...more);
  return f;
};

describe("one transaction, one deal", () => {
  // An early report of Series B (a round of $300M with Alpha in it, 60 days before the close) entered as
  // a second round: the total raised would count the round twice.
  const earlyReport = (): DatasetFile =>
    withDeals(
      deal(
        "lab-round-2021-07",
        "multiple-investors",
        "lab",
        [event("2021-07-03", 300 * M, "rumored")],
        {
          kind: "round",
        }
      ),
      deal("alpha-lab-2021-07", "alpha", "lab", [event("2021-07-03", null, "rumored")], {
        partOf: "lab-round-2021-07",
      }),
      deal("alpha-lab-b", "alpha", "lab", [event("2021-09-01", null)], {
        partOf: "lab-series-b",
        distinctFrom: [
          { deal: "alpha-lab-2021", why: "Its part of the round, after the June purchase." },
        ],
      })
    );

  it("the loader refuses two rounds of one company within 90 days whose investors overlap", () => {
    expect(loadErrors(earlyReport()).join("\n")).toMatch(
      /lab-round-2021-07 and lab-series-b: two rounds of lab 60 days apart with the same investors \(alpha\)/
    );
  });

  it("unless the record states why they are distinct", () => {
    const f = earlyReport();
    f.deals.find((d) => d.id === "lab-round-2021-07")!.distinctFrom = [
      { deal: "lab-series-b", why: "A bridge round, closed before Series B." },
    ];
    expect(loadErrors(f).filter((e) => /two rounds/.test(e))).toEqual([]);
  });

  it("merged, the early report is the round's first event and the round counts once", () => {
    const f = miniFile();
    const b = f.deals.find((d) => d.id === "lab-series-b")!;
    b.history.unshift(event("2021-07-03", 300 * M, "rumored"));
    const ds = load(f);
    expect(formulas.dealValue(ds, "Multiple investors", "Lab", "equity", "2021-08-01")).toBe(
      400 * M
    );
    expect(formulas.dealValue(ds, "Multiple investors", "Lab", "equity", "2021-07-31")).toBe(
      100 * M + 300 * M
    );
    expect(formulas.dealValue(ds, "Multiple investors", "Lab", "equity", "2021-12-31")).toBe(
      100 * M + 400 * M
    );
  });

  it("two investments by one investor within 90 days need a reason too", () => {
    const f = withDeals(deal("alpha-lab-2021-07", "alpha", "lab", [event("2021-07-15", 10 * M)]));
    expect(loadErrors(f).join("\n")).toMatch(
      /alpha-lab-2021 and alpha-lab-2021-07: two equity investments by alpha in lab 44 days apart/
    );
  });
});

describe("a relationship without a figure", () => {
  const ds = load(
    withDeals(
      // Gamma is the lab's preferred cloud: known, no size.
      deal("lab-gamma-cloud", "lab", "gamma", [event("2021-01-01", null, "announced")], {
        type: "compute",
      }),
      deal("gamma-lab-equity", "gamma", "lab", [event("2020-06-01", 1 * B)]),
      deal("lab-gamma-2023", "lab", "gamma", [event("2023-03-01", 5 * B, "signed")], {
        type: "compute",
      })
    )
  );

  it("money back that rests only on it reads #N/A, never 0", () => {
    const back = formulas.flowBack(ds, "Gamma", "Lab", "2022-12-31");
    expect(back).toMatchObject({ kind: "#N/A" });
    expect((back as { message: string }).message).toMatch(/no reported amount \(lab-gamma-cloud\)/);
    expect(formulas.circularityRatio(ds, "Gamma", "Lab", "2022-12-31")).toMatchObject({
      kind: "#N/A",
    });
    expect(formulas.exposureValue(ds, "Gamma", "compute", "2022-12-31")).toMatchObject({
      kind: "#N/A",
    });
  });

  it("before it existed there was nothing to report: 0", () => {
    expect(formulas.flowBack(ds, "Gamma", "Lab", "2020-12-31")).toBe(0);
  });

  it("once some deals have amounts, the total is theirs (a floor) and the statuses list every deal", () => {
    expect(formulas.flowBack(ds, "Gamma", "Lab", null)).toBe(5 * B);
    expect(formulas.dealStatus(ds, "Lab", "Gamma", "compute", null)).toBe("signed, announced");
  });

  it("an equity deal without an amount makes the stake a floor", () => {
    const f = miniFile();
    f.deals.push(deal("alpha-lab-2022", "alpha", "lab", [event("2022-06-01", null)]));
    const s = load(f);
    expect(formulas.stakeBasis(s, "Alpha", "Lab", "2022-12-31")).toBe("implied, partial");
  });
});

describe("an ended deal counts for nothing from its end", () => {
  const ds = load(
    withDeals(
      deal(
        "lab-delta-talks",
        "lab",
        "delta",
        [event("2022-01-10", 2 * B, "in_talks"), event("2022-02-20", null, "ended")],
        { type: "compute" }
      )
    )
  );

  it("counted while the talks were on", () => {
    expect(formulas.dealValue(ds, "Lab", "Delta", null, "2022-01-31")).toBe(2 * B);
  });

  it("after the end: #N/A naming the ended deal; still listed with its status", () => {
    const after = formulas.dealValue(ds, "Lab", "Delta", null, null);
    expect(after).toMatchObject({ kind: "#N/A" });
    expect((after as { message: string }).message).toMatch(/No live deals.*lab-delta-talks ended/);
    const list = formulas.dealList(ds, "Delta", "to", null) as unknown[][];
    expect(list[1]?.[8]).toBe("ended");
    expect(formulas.dealField(ds, "lab-delta-talks", "amount")).toBe(2 * B);
  });
});

describe("a subsidiary counts for its parent from the takeover", () => {
  const f = withDeals(deal("alpha-beta-2022", "alpha", "beta", [event("2022-06-01", 3 * B)]));
  f.companies.find((c) => c.id === "lab")!.parent = "gamma";
  f.companies.find((c) => c.id === "lab")!.parentSince = "2023-03-01";
  const ds = load(f);

  it("before it, the lab's deals are its own alone", () => {
    expect(formulas.dealValue(ds, "Alpha", "Gamma", null, "2023-02-28")).toMatchObject({
      kind: "#N/A",
    });
    const list = formulas.dealList(ds, "Gamma", "any", "2023-02-28");
    expect(list).toMatchObject({ kind: "#N/A" });
  });

  it("from it, the parent's totals include them", () => {
    expect(formulas.dealValue(ds, "Alpha", "Gamma", "equity", "2023-03-01")).toBe(100 * M + 50 * M);
    expect(formulas.dealValue(ds, "Alpha", "Lab", "equity", "2023-03-01")).toBe(100 * M + 50 * M);
  });

  it("a deal between the two before the takeover is a deal between two companies", () => {
    const g = miniFile();
    g.companies.find((c) => c.id === "lab")!.parent = "gamma";
    g.companies.find((c) => c.id === "lab")!.parentSince = "2023-03-01";
    g.deals.push(deal("gamma-lab-2022", "gamma", "lab", [event("2022-06-01", 1 * B)]));
    expect(loadErrors(g)).toEqual([]);
    g.deals.push(
      deal("gamma-lab-2024", "gamma", "lab", [event("2023-12-01", 1 * B)], {
        distinctFrom: [{ deal: "gamma-lab-2022", why: "test" }],
      })
    );
    expect(loadErrors(g).join("\n")).toMatch(
      /gamma-lab-2024: from and to belong to one company family/
    );
  });
});

describe("figures in another currency and sums of stated parts", () => {
  const base = (): DatasetFile => {
    const f = miniFile();
    f.fxRates = [
      {
        id: "eur-usd-2022",
        currency: "EUR",
        usdPerUnit: 1.1765,
        date: "2022-03-01",
        statedAs: { amount: 1.7 * B, usd: 2 * B },
        source: "test",
        quote: "a €1.7 billion ($2 billion) round",
      },
    ];
    f.deals.push(
      deal("delta-lab-eur", "delta", "lab", [
        {
          ...event("2022-03-02", 2 * B),
          reported: { currency: "EUR", amount: 1.7 * B, fx: "eur-usd-2022" },
        },
      ]),
      deal(
        "delta-lab-parts",
        "delta",
        "lab",
        [{ ...event("2023-10-01", 50 * B), parts: [15 * B, 35 * B] }],
        {
          distinctFrom: [{ deal: "delta-lab-eur", why: "test" }],
        }
      )
    );
    return f;
  };

  it("are stored as reported and converted at the stated rate; DEAL_FIELD shows both", () => {
    const ds = load(base());
    expect(formulas.dealField(ds, "delta-lab-eur", "amount")).toBe(2 * B);
    expect(formulas.dealField(ds, "delta-lab-eur", "currency")).toBe("EUR");
    expect(formulas.dealField(ds, "delta-lab-eur", "amount_in_currency")).toBe(1.7 * B);
    expect(formulas.dealField(ds, "delta-lab-eur", "fx_rate")).toBe(1.1765);
    expect(formulas.dealField(ds, "delta-lab-eur", "fx_source")).toMatch(
      /1 EUR = 1.1765 USD on 2022-03-01/
    );
    expect(formulas.dealField(ds, "delta-lab-eur", "history")).toMatch(/\$2B \(€1\.7B\)/);
    expect(formulas.dealField(ds, "alpha-lab-2021", "currency")).toBe("USD");
  });

  it("the loader refuses a conversion that does not match its rate, or parts that do not add up", () => {
    const f = base();
    f.deals.find((d) => d.id === "delta-lab-eur")!.history[0]!.amountUsd = 1.7 * B;
    f.deals.find((d) => d.id === "delta-lab-parts")!.history[0]!.parts = [15 * B, 30 * B];
    const errors = loadErrors(f).join("\n");
    expect(errors).toMatch(/EUR 1700000000 at 1.1765 is 2000050000 USD, not 1700000000/);
    expect(errors).toMatch(/its parts add up to 45000000000, not 50000000000/);
  });
});

it("a deal known only by its rate of spending says so, and never becomes a total", () => {
  const f = miniFile();
  f.deals.push(
    deal(
      "lab-gamma-lease",
      "lab",
      "gamma",
      [
        {
          ...event("2023-05-06", null, "signed"),
          recurring: { amountUsd: 1.25 * B, per: "month" },
        },
      ],
      { type: "compute" }
    )
  );
  const ds = load(f);
  expect(formulas.dealValue(ds, "Lab", "Gamma", null, null)).toMatchObject({
    kind: "#N/A",
    message:
      "The deal from Lab to Gamma in the latest data has no reported amount (lab-gamma-lease: $1.25B a month, a rate, never added up).",
  });
  expect(formulas.dealField(ds, "lab-gamma-lease", "recurring")).toBe("$1.25B a month");
});
