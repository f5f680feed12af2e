/**
 * The stake rule on a small hand-built dataset whose answers are worked out by hand: each equity deal is
 * priced at its own round's post-money valuation, else at the earliest qualifying one on or after it, then
 * diluted by every later priced round; a reported stake wins as of its date and later rounds adjust it.
 */
import * as formulas from "../../src/core/formulas";
import { B, M, deal, event, load, miniFile } from "../support/miniDataset";

const ds = load(miniFile());
const stake = (investor: string, asOf: string | null = null) =>
  formulas.stakePct(ds, investor, "Lab", asOf);
const basis = (investor: string, asOf: string | null = null) =>
  formulas.stakeBasis(ds, investor, "Lab", asOf);

describe("implied stakes: priced when the money went in, then diluted", () => {
  it("a part of a round is priced at the round's post-money valuation", () => {
    expect(stake("Alpha", "2020-12-31")).toBeCloseTo(100 / 500, 12);
    expect(basis("Alpha", "2020-12-31")).toBe("implied");
  });

  it("each later priced round multiplies earlier holdings by 1 − new money ÷ post-money", () => {
    // Series A part 20% × 0.8 (B) × 0.9 (C); the 2021 deal bought 2.5% at Series B's price, × 0.9 (C).
    expect(stake("Alpha", "2022-12-31")).toBeCloseTo(0.2 * 0.8 * 0.9 + 0.025 * 0.9, 12);
  });

  it("a deal with no price of its own takes the earliest qualifying valuation on or after it, and that round does not dilute it again", () => {
    // Before Series B is known the 2021 deal has no price: the stake is a floor.
    expect(basis("Alpha", "2021-08-31")).toBe("implied, partial");
    expect(stake("Alpha", "2021-08-31")).toBeCloseTo(0.2, 12);
    expect(stake("Alpha", "2021-12-31")).toBeCloseTo(0.2 * 0.8 + 0.025, 12);
  });

  it("never prices a stake at a pre-money or secondary figure", () => {
    // Beta's April 2022 deal: the May 2022 pre-money ($12B) and secondary ($15B) are skipped until
    // Series D's $20B post-money exists; before it, the deal is unpriced.
    expect(stake("Beta", "2022-12-31")).toBeCloseTo(0.025, 12);
    expect(basis("Beta", "2022-12-31")).toBe("implied, partial");
    expect(stake("Beta")).toBeCloseTo(0.025 * 0.9 + (120 * M) / (20 * B), 12);
    expect(basis("Beta")).toBe("implied");
  });

  it("a deal that cannot be priced leaves the stake a floor: 'implied, partial'", () => {
    expect(stake("Alpha")).toBeCloseTo((0.2 * 0.8 * 0.9 + 0.025 * 0.9) * 0.9, 12);
    expect(basis("Alpha")).toBe("implied, partial");
  });

  it("a reported stake wins as of its date, and later rounds dilute it ('reported, adjusted')", () => {
    expect(stake("Gamma", "2023-03-01")).toBe(0.1);
    expect(basis("Gamma", "2023-03-01")).toBe("reported");
    expect(stake("Gamma")).toBeCloseTo(0.09, 12);
    expect(basis("Gamma")).toBe("reported, adjusted");
    expect(stake("Gamma", "2023-01-31")).toMatchObject({ kind: "#N/A" });
  });

  it("a deal priced at the valuation whose price it reused (pricedAt) takes that price, and no new valuation appears", () => {
    const file = miniFile();
    file.deals.push(
      deal("delta-lab-2023", "delta", "lab", [event("2023-09-01", 200 * M)], {
        pricedAt: "lab-d-post",
      })
    );
    // Without pricedAt it would be unpriced (no valuation after September 2023).
    const priced = load(file);
    expect(formulas.stakePct(priced, "Delta", "Lab", null)).toBeCloseTo(0.01, 12);
    expect(formulas.valuation(priced, "Lab", null)).toBe(20 * B);
    const detail = formulas.stakeDetail(priced, "Delta", "Lab", null) as unknown[][];
    expect(detail[1]?.[4]).toBe("lab-d-post");
    expect(detail[1]?.[11]).toMatch(/reused/);
  });
});

describe("STAKE_DETAIL: the working, checkable by hand", () => {
  const table = formulas.stakeDetail(ds, "Alpha", "Lab", null) as (string | number)[][];
  const header = table[0] as string[];
  const col = (name: string) => header.indexOf(name);
  const rows = table.slice(1);

  it("lists each deal, each later round and a total, oldest first", () => {
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ["deal", "alpha-lab-a"],
      ["round", "lab-series-b"],
      ["deal", "alpha-lab-2021"],
      ["round", "lab-series-c"],
      ["round", "lab-series-d"],
      ["deal", "alpha-lab-2023"],
      ["total", ""],
    ]);
  });

  it("each priced deal's stake held is its stake bought times the factors of the rounds below it", () => {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as (string | number)[];
      if (r[0] !== "deal" || r[col("Stake bought")] === "") continue;
      const bought = (r[col("Amount (USD)")] as number) / (r[col("Valuation (USD)")] as number);
      expect(r[col("Stake bought")]).toBeCloseTo(bought, 12);
      const factors = rows
        .slice(i + 1)
        .filter((x) => x[0] === "round")
        .map((x) => x[col("Dilution")] as number);
      const dilution = factors.reduce((a, b) => a * b, 1);
      expect(r[col("Dilution")]).toBeCloseTo(dilution, 12);
      expect(r[col("Stake held")]).toBeCloseTo(bought * dilution, 12);
    }
  });

  it("each round's factor is 1 − new money ÷ its post-money valuation", () => {
    const b = rows.find((r) => r[1] === "lab-series-b") as (string | number)[];
    expect(b[col("Amount (USD)")]).toBe(400 * M);
    expect(b[col("Valuation (USD)")]).toBe(2 * B);
    expect(b[col("Valuation basis")]).toBe("post_money");
    expect(b[col("Dilution")]).toBeCloseTo(0.8, 12);
  });

  it("the unpriced deal says why; the total row equals STAKE_PCT and gives the basis", () => {
    const unpriced = rows.find((r) => r[1] === "alpha-lab-2023") as (string | number)[];
    expect(unpriced[col("Note")]).toMatch(/no valuation of Lab on or after it.*floor/);
    const total = rows[rows.length - 1] as (string | number)[];
    const held = rows.filter((r) => r[0] === "deal").map((r) => r[col("Stake held")]);
    expect(total[col("Stake held")]).toBeCloseTo(
      held.filter((h): h is number => typeof h === "number").reduce((a, b) => a + b, 0),
      12
    );
    expect(total[col("Stake held")]).toBe(stake("Alpha"));
    expect(total[col("Note")]).toBe("implied, partial");
  });

  it("a reported stake starts the working", () => {
    const g = formulas.stakeDetail(ds, "Gamma", "Lab", null) as (string | number)[][];
    expect(g.slice(1).map((r) => r[0])).toEqual(["reported", "round", "total"]);
    expect(g[1]?.[col("Stake bought")]).toBe(0.1);
    expect(g[1]?.[col("Stake held")]).toBeCloseTo(0.09, 12);
  });

  it("errors as STAKE_PCT does", () => {
    expect(formulas.stakeDetail(ds, "Lab", "Alpha", null)).toMatchObject({ kind: "#N/A" });
    expect(formulas.stakeDetail(ds, "Alpha", "Lab", "soon")).toMatchObject({ kind: "#VALUE!" });
  });
});

it("valuations that are neither post-money nor pricing figures stay listed", () => {
  expect(formulas.valuationList(ds, "Lab", null)).toEqual(
    expect.arrayContaining([expect.arrayContaining(["2022-05-01", 12 * B, "exact", "pre_money"])])
  );
});
