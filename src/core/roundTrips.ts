/**
 * Round trips: an investor puts equity into a company, and the company buys compute, chips or
 * infrastructure back from the investor. The pairs with money both ways by a day, most circular first:
 * the rows of the round-trip table, the chart and the flow map.
 */
import { EQUITY, FLOW_BACK_TYPES, circularity, investeesOf, pairTotal } from "./analytics";
import { Dataset } from "./dataset";
import { byNameIgnoringCase } from "./order";

export interface RoundTrip {
  readonly investor: string;
  readonly company: string;
  /** Money back ÷ money in; null where either side has no reported amount. */
  readonly circularity: number | null;
}

/**
 * Every pair of an investor (from `investors`) and a company it backs, each way holding at least one deal
 * known by the day (with or without an amount). Most circular first; pairs without a ratio last; then by
 * name, so the order is the same for the same data.
 */
export function roundTrips(ds: Dataset, investors: readonly string[], day: number): RoundTrip[] {
  const name = (id: string): string => ds.companies.get(id)?.name ?? id;
  const out: RoundTrip[] = [];
  for (const investor of investors)
    for (const company of investeesOf(ds, investor, day)) {
      const money = pairTotal(ds, investor, company, EQUITY, day);
      if (money.count === 0 && money.total === null) continue;
      if (pairTotal(ds, company, investor, FLOW_BACK_TYPES, day).count === 0) continue;
      const r = circularity(ds, investor, company, day);
      out.push({ investor, company, circularity: "ratio" in r ? r.ratio : null });
    }
  return out.sort(
    (a, b) =>
      (b.circularity ?? -1) - (a.circularity ?? -1) ||
      byNameIgnoringCase(name(a.investor), name(b.investor)) ||
      byNameIgnoringCase(name(a.company), name(b.company))
  );
}
