/**
 * What a refresh changes, for the analyst to read before and after: deals added, removed and changed
 * (status, figure, date, with the new source), valuations added, changed or removed, and reported
 * positions (cumulative investment, stake) added, changed or removed.
 */
import { DealState, dealState } from "../facts";
import { Dataset, IndexedDeal } from "../dataset";
import { LATEST } from "../dates";
import { sourceLabel } from "../formulas";

export interface DealChange {
  readonly id: string;
  readonly title: string;
  /** "status", "amount", "date" with the old and new values (null: none reported). */
  readonly fields: readonly {
    field: string;
    old: string | number | null;
    new: string | number | null;
  }[];
  /** Where the new state comes from. */
  readonly source: string;
  readonly quote: string;
}

export interface DatasetDiff {
  readonly fromVersion: string;
  readonly toVersion: string;
  readonly added: readonly { id: string; title: string; amount: number | null; source: string }[];
  readonly removed: readonly { id: string; title: string }[];
  readonly changed: readonly DealChange[];
  readonly valuationsAdded: readonly {
    id: string;
    company: string;
    amount: number;
    date: string;
  }[];
  readonly valuationsRemoved: readonly { id: string; company: string }[];
  /** Reported positions (cumulative investment, stake) new, changed or gone: STAKE_PCT reads them. */
  readonly positions: readonly {
    id: string;
    investor: string;
    company: string;
    change: "added" | "changed" | "removed";
    stake: { old: number | null; new: number | null };
    invested: { old: number | null; new: number | null };
  }[];
  /** Same valuation record, new figure or date (a corrected source). */
  readonly valuationsChanged: readonly {
    id: string;
    company: string;
    old: number;
    new: number;
    date: string;
    source: string;
  }[];
}

function latest(deal: IndexedDeal): DealState {
  return dealState(deal, LATEST) as DealState; // every deal has at least one event
}

export function diffDatasets(before: Dataset, after: Dataset): DatasetDiff {
  const added: DatasetDiff["added"][number][] = [];
  const changed: DealChange[] = [];
  for (const deal of after.deals) {
    const old = before.dealById.get(deal.id);
    const now = latest(deal);
    if (!old) {
      added.push({
        id: deal.id,
        title: deal.title,
        amount: now.value,
        source: sourceLabel(after, now.event.source),
      });
      continue;
    }
    const was = latest(old);
    const fields: DealChange["fields"][number][] = [];
    if (was.status !== now.status)
      fields.push({ field: "status", old: was.status, new: now.status });
    if (was.value !== now.value) fields.push({ field: "amount", old: was.value, new: now.value });
    if (was.event.date !== now.event.date)
      fields.push({ field: "date", old: was.event.date, new: now.event.date });
    if (fields.length > 0)
      changed.push({
        id: deal.id,
        title: deal.title,
        fields,
        source: sourceLabel(after, now.event.source),
        quote: now.event.quote,
      });
  }
  const removed = before.deals
    .filter((d) => !after.dealById.has(d.id))
    .map((d) => ({ id: d.id, title: d.title }));
  const ids = (ds: Dataset) => new Set(ds.file.valuations.map((v) => v.id));
  const beforeIds = ids(before);
  const afterIds = ids(after);
  const company = (ds: Dataset, id: string) => ds.companies.get(id)?.name ?? id;
  return {
    fromVersion: before.file.version,
    toVersion: after.file.version,
    added,
    removed,
    changed,
    valuationsAdded: after.file.valuations
      .filter((v) => !beforeIds.has(v.id))
      .map((v) => ({
        id: v.id,
        company: company(after, v.company),
        amount: v.valueUsd,
        date: v.date,
      })),
    valuationsRemoved: before.file.valuations
      .filter((v) => !afterIds.has(v.id))
      .map((v) => ({ id: v.id, company: company(before, v.company) })),
    positions: diffPositions(before, after),
    valuationsChanged: after.file.valuations.flatMap((v) => {
      const old = before.file.valuations.find((o) => o.id === v.id);
      return old && (old.valueUsd !== v.valueUsd || old.date !== v.date)
        ? [
            {
              id: v.id,
              company: company(after, v.company),
              old: old.valueUsd,
              new: v.valueUsd,
              date: v.date,
              source: sourceLabel(after, v.source),
            },
          ]
        : [];
    }),
  };
}

function diffPositions(before: Dataset, after: Dataset): DatasetDiff["positions"] {
  const out: DatasetDiff["positions"][number][] = [];
  const name = (ds: Dataset, id: string) => ds.companies.get(id)?.name ?? id;
  const old = new Map(before.file.positions.map((p) => [p.id, p]));
  const now = new Map(after.file.positions.map((p) => [p.id, p]));
  for (const id of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(id);
    const b = now.get(id);
    const stake = { old: a?.stakePct ?? null, new: b?.stakePct ?? null };
    const invested = { old: a?.investedUsd ?? null, new: b?.investedUsd ?? null };
    const change = !a
      ? "added"
      : !b
        ? "removed"
        : stake.old !== stake.new || invested.old !== invested.new
          ? "changed"
          : undefined;
    const p = (b ?? a) as NonNullable<typeof a>;
    if (change)
      out.push({
        id,
        investor: name(b ? after : before, p.investor),
        company: name(b ? after : before, p.company),
        change,
        stake,
        invested,
      });
  }
  return out;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** One line for the pane's summary, naming only what moved. */
export function describeDiff(d: DatasetDiff): string {
  const parts = [
    d.added.length > 0 ? `${count(d.added.length, "deal", "deals")} added` : "",
    d.changed.length > 0 ? `${count(d.changed.length, "deal", "deals")} changed` : "",
    d.removed.length > 0 ? `${count(d.removed.length, "deal", "deals")} removed` : "",
    d.valuationsAdded.length > 0
      ? `${count(d.valuationsAdded.length, "valuation", "valuations")} added`
      : "",
    d.valuationsChanged.length > 0
      ? `${count(d.valuationsChanged.length, "valuation", "valuations")} changed`
      : "",
    d.valuationsRemoved.length > 0
      ? `${count(d.valuationsRemoved.length, "valuation", "valuations")} removed`
      : "",
    d.positions.length > 0
      ? `${count(d.positions.length, "reported position", "reported positions")} added, changed or removed`
      : "",
  ].filter(Boolean);
  return `${d.fromVersion} → ${d.toVersion}: ${parts.length > 0 ? parts.join(", ") : "no deal or valuation changed"}.`;
}
