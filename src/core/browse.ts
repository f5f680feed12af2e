/**
 * The task pane's deal browser: deals matching a search (party, title or id), a type and a status, each
 * at its latest state with its figure, source and the quoted sentence, and the formula that shows its
 * figure in a cell.
 */
import { DealState, dealState } from "./facts";
import { Dataset } from "./dataset";
import { LATEST } from "./dates";
import { byCodePoint } from "./order";
import { sourceLabel } from "./formulas";
import type { DealType, Qualifier, Status } from "./vocabulary";
import { call } from "./tables/cells";
import { FORMATS } from "./numberFormats";
import { NAMESPACE } from "./tables/tablePlan";

export interface DealFilter {
  /** Words that must all appear in the deal's parties (names, aliases, tickers), title or id. */
  readonly query: string;
  readonly type: DealType | null;
  readonly status: Status | null;
}

export interface DealRow {
  readonly id: string;
  readonly title: string;
  readonly from: string;
  readonly to: string;
  readonly type: DealType;
  readonly status: Status;
  readonly date: string;
  readonly amountUsd: number | null;
  readonly qualifier: Qualifier | null;
  readonly sourceLabel: string;
  /** https address of the source, or null when the source is not on the web (the seed article). */
  readonly sourceUrl: string | null;
  readonly quote: string;
  /** What "Insert formula" puts into the selected cell, and the number format that reads it. */
  readonly formula: string;
  readonly numberFormat: string;
  /** What "Insert card" puts there: the deal as a card, =DEALS.DEAL("id"). */
  readonly cardFormula: string;
}

/** Lower case, accents off, anything but letters and digits a space: "xAI's" and "xai s" match. */
function searchText(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ");
}

/** Search text of each deal, built once per dataset. */
const haystacks = new WeakMap<Dataset, Map<string, string>>();

function haystackOf(ds: Dataset, dealId: string): string {
  let map = haystacks.get(ds);
  if (!map) {
    map = new Map();
    for (const d of ds.deals) {
      const party = (id: string | null) => {
        const c = id === null ? undefined : ds.companies.get(id);
        return c ? [c.name, ...c.aliases, ...c.tickers].join(" ") : "";
      };
      map.set(d.id, searchText(`${party(d.from)} ${party(d.to)} ${d.title} ${d.id} ${d.type}`));
    }
    haystacks.set(ds, map);
  }
  return map.get(dealId) ?? "";
}

export function searchDeals(ds: Dataset, filter: DealFilter): DealRow[] {
  const words = searchText(filter.query).split(" ").filter(Boolean);
  const rows: DealRow[] = [];
  for (const deal of ds.deals) {
    if (filter.type !== null && deal.type !== filter.type) continue;
    const state = dealState(deal, LATEST) as DealState; // every deal has at least one event
    if (filter.status !== null && state.status !== filter.status) continue;
    const hay = haystackOf(ds, deal.id);
    if (!words.every((w) => hay.includes(w))) continue;
    const source = ds.sources.get(state.event.source);
    rows.push({
      id: deal.id,
      title: deal.title,
      from: ds.companies.get(deal.from)?.name ?? deal.from,
      to: deal.to === null ? "" : (ds.companies.get(deal.to)?.name ?? deal.to),
      type: deal.type,
      status: state.status,
      date: state.event.date,
      amountUsd: state.value,
      qualifier: state.qualifier,
      sourceLabel: source?.title ?? sourceLabel(ds, state.event.source),
      sourceUrl: source?.url ?? null,
      quote: state.event.quote,
      formula: `=${call(NAMESPACE, "DEAL_FIELD", [deal.id, "amount"])}`,
      cardFormula: `=${call(NAMESPACE, "DEAL", [deal.id])}`,
      numberFormat: FORMATS.usdBillions,
    });
  }
  // Newest first: what changed lately is what an analyst looks for.
  return rows.sort((a, b) => byCodePoint(b.date, a.date) || byCodePoint(a.id, b.id));
}
