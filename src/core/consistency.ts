/**
 * The rules a dataset file must keep that its schema cannot express: references resolve, no company is
 * its own ancestor, nothing is counted twice (one transaction entered twice, an early report of a round
 * entered beside its close), dates in order and not after the file's as-of date, stated parts add up and
 * figures in another currency convert at their stated rate.
 */
import { Dataset, IndexedDeal, IndexedEvent, ancestorsOn } from "./dataset";
import { factStartDay } from "./dates";
import { normalizeName } from "./names";
import type { Valuation } from "./schema";

const MAX_ERRORS = 50;

/** Every problem of an indexed file that its schema cannot express (at most 50). */
export function checkConsistency(ds: Dataset): string[] {
  const file = ds.file;
  const errors: string[] = [];
  const fail = (message: string): void => {
    if (errors.length < MAX_ERRORS) errors.push(message);
  };
  const duplicatesIn = (what: string, records: readonly { id: string }[]): void => {
    const seen = new Set<string>();
    for (const { id } of records) {
      if (seen.has(id)) fail(`${what} id '${id}' is used twice`);
      seen.add(id);
    }
  };
  // An id map smaller than its list means a duplicate: look for it only then.
  if (ds.companies.size !== file.companies.length) duplicatesIn("company", file.companies);
  if (ds.sources.size !== file.sources.length) duplicatesIn("source", file.sources);
  if (ds.dealById.size !== file.deals.length) duplicatesIn("deal", file.deals);
  duplicatesIn("position", file.positions);
  duplicatesIn("valuation", file.valuations);
  const asOfDay = factStartDay(file.asOf);
  const valuationById = ds.valuationById;
  // The checks below run for every fact of a large file; these report, and build their message, only
  // once a check has failed.
  const unknownCompany = (id: string, where: string): void =>
    fail(`${where}: unknown company '${id}'`);
  const unknownSource = (id: string, where: string): void =>
    fail(`${where}: unknown source '${id}'`);
  const afterAsOf = (date: string, what: string): void => {
    fail(`${what}: date ${date} is after the dataset's as-of date ${file.asOf}`);
  };

  // Names: one normalized name, alias or ticker must mean one company.
  const nameOwner = new Map<string, string>();
  for (const c of file.companies) {
    if (c.parent !== null && !ds.companies.has(c.parent))
      unknownCompany(c.parent, `company ${c.id} parent`);
    for (const name of [c.name, ...c.aliases, ...c.tickers]) {
      const key = normalizeName(name);
      const owner = nameOwner.get(key);
      if (owner !== undefined && owner !== c.id)
        fail(`name '${name}' belongs to both '${owner}' and '${c.id}'`);
      nameOwner.set(key, c.id);
    }
    if (ds.cyclic.has(c.id)) fail(`company '${c.id}' is its own ancestor`);
  }

  const seenDeal = new Map<string, string>();
  for (const d of ds.deals) {
    if (!ds.companies.has(d.from)) unknownCompany(d.from, `deal ${d.id} from`);
    if (d.to !== null && !ds.companies.has(d.to)) unknownCompany(d.to, `deal ${d.id} to`);
    const first = d.history[0] as IndexedEvent;
    if (d.from === d.to) fail(`deal ${d.id}: from and to are the same company`);
    else if (d.to !== null) {
      // One family the day before the deal: a company bought later may have dealt with its future
      // parent, and a takeover is itself a deal between two companies.
      if (sameFamily(ds, d.from, d.to, first.day - 1))
        fail(`deal ${d.id}: from and to belong to one company family (${d.from}, ${d.to})`);
    }
    if (d.kind !== "aggregate" && d.to === null && d.type !== "infrastructure") {
      fail(`deal ${d.id}: only infrastructure build-outs and aggregates may have no counterparty`);
    }
    if (d.kind === "consideration" && d.type !== "equity") {
      fail(`deal ${d.id}: consideration is shares or warrants received, so its type is equity`);
    }
    if (d.partOf !== undefined) {
      const round = ds.dealById.get(d.partOf);
      if (!round) fail(`deal ${d.id}: partOf '${d.partOf}' is not a deal`);
      else if (round.kind !== "round") fail(`deal ${d.id}: partOf '${d.partOf}' is not a round`);
      else if (round.to !== d.to) fail(`deal ${d.id}: part of a round into another company`);
    }
    for (const o of d.overlaps ?? [])
      if (!ds.dealById.has(o)) fail(`deal ${d.id}: overlaps unknown deal '${o}'`);
    for (const o of d.distinctFrom ?? [])
      if (!ds.dealById.has(o.deal)) fail(`deal ${d.id}: distinctFrom unknown deal '${o.deal}'`);
    if (d.pricedAt !== undefined) {
      const v = valuationById.get(d.pricedAt);
      if (!v) fail(`deal ${d.id}: pricedAt '${d.pricedAt}' is not a valuation`);
      else if (v.company !== d.to)
        fail(`deal ${d.id}: pricedAt '${d.pricedAt}' values ${v.company}, not ${d.to}`);
    }
    let previous = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < d.history.length; i++) {
      const e = d.history[i] as IndexedEvent;
      // Messages are built only once a check has failed: this loop runs for every event of a large file.
      if (!ds.sources.has(e.source)) unknownSource(e.source, eventAt(d, i));
      if (e.day > asOfDay) afterAsOf(e.date, eventAt(d, i));
      if (e.day < previous)
        fail(`${eventAt(d, i)} (${e.date}) is earlier than the event before it`);
      previous = e.day;
      if ((e.amountUsd === null) !== (e.qualifier === null)) {
        fail(`${eventAt(d, i)}: an amount needs a qualifier and a qualifier an amount`);
      }
      if (e.parts === undefined && e.reported === undefined) continue;
      if (e.amountUsd !== null)
        checkFigure(e.amountUsd, e.parts, e.reported, eventAt(d, i), ds, fail);
      else fail(`${eventAt(d, i)}: parts or a reported currency amount need an amount`);
    }
    // The same transaction entered twice: same parties, type, first date and first amount.
    if (d.kind === "transaction" && first.amountUsd !== null) {
      const key = `${d.from}|${d.to}|${d.type}|${first.date}|${first.amountUsd}`;
      const other = seenDeal.get(key);
      if (other !== undefined) {
        fail(
          `deal ${d.id}: looks like a second entry of deal '${other}' (same parties, type, date and amount); merge them`
        );
      }
      seenDeal.set(key, d.id);
    }
  }
  for (const message of earlyReportsEnteredTwice(ds)) fail(message);

  for (const p of file.positions) {
    if (!ds.companies.has(p.investor)) unknownCompany(p.investor, `position ${p.id} investor`);
    if (!ds.companies.has(p.company)) unknownCompany(p.company, `position ${p.id} company`);
    if (!ds.sources.has(p.source)) unknownSource(p.source, `position ${p.id}`);
    if (p.investedParts !== undefined) {
      if (p.investedUsd === undefined) fail(`position ${p.id}: investedParts need investedUsd`);
      else checkFigure(p.investedUsd, p.investedParts, undefined, `position ${p.id}`, ds, fail);
    }
    if (factStartDay(p.date) > asOfDay) afterAsOf(p.date, `position ${p.id}`);
    for (const c of p.covers) {
      const d = ds.dealById.get(c);
      if (!d) fail(`position ${p.id}: covers unknown deal '${c}'`);
      else if (d.from !== p.investor || d.to !== p.company || d.type !== "equity") {
        fail(
          `position ${p.id}: covers '${c}', which is not an equity deal from ${p.investor} to ${p.company}`
        );
      }
    }
  }
  for (const v of file.valuations) {
    if (!ds.companies.has(v.company)) unknownCompany(v.company, `valuation ${v.id} company`);
    if (!ds.sources.has(v.source)) unknownSource(v.source, `valuation ${v.id}`);
    if (v.parts !== undefined || v.reported !== undefined)
      checkFigure(v.valueUsd, v.parts, v.reported, `valuation ${v.id}`, ds, fail);
    if (factStartDay(v.date) > asOfDay) afterAsOf(v.date, `valuation ${v.id}`);
    const priced = v.dealId === undefined ? undefined : ds.dealById.get(v.dealId);
    if (v.dealId !== undefined && !priced)
      fail(`valuation ${v.id}: dealId '${v.dealId}' is not a deal`);
    else if (priced && priced.to !== v.company) {
      fail(
        `valuation ${v.id}: values ${v.company} but its deal '${priced.id}' is into ${priced.to}`
      );
    }
  }
  for (const s of file.sources) {
    if (s.date !== undefined && factStartDay(s.date) > asOfDay) afterAsOf(s.date, `source ${s.id}`);
  }
  for (const r of file.fxRates ?? []) {
    if (!ds.sources.has(r.source)) unknownSource(r.source, `fx rate ${r.id}`);
    if (factStartDay(r.date) > asOfDay) afterAsOf(r.date, `fx rate ${r.id}`);
    if (r.statedAs && !near(r.statedAs.usd / r.statedAs.amount, r.usdPerUnit, 0.001))
      fail(`fx rate ${r.id}: ${r.usdPerUnit} is not the rate its stated amounts give`);
  }
  return errors;
}

const eventAt = (d: IndexedDeal, i: number): string => `deal ${d.id} history[${i}]`;
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Whether two companies had a common ancestor (or were one) on a day. */
function sameFamily(ds: Dataset, a: string, b: string, day: number): boolean {
  if (ds.memberSince.size === 0 || (!ds.memberSince.has(a) && !ds.memberSince.has(b))) {
    const as = ds.selfAndAncestors.get(a) ?? [a];
    const bs = ds.selfAndAncestors.get(b) ?? [b];
    return as[as.length - 1] === bs[bs.length - 1];
  }
  const as = ancestorsOn(ds, a, day);
  return ancestorsOn(ds, b, day).some((x) => as.includes(x));
}

/** Whether two figures agree within a relative tolerance (a converted or summed figure, rounded). */
function near(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

/** A figure's stated parts add up to it; a figure reported in another currency converts to it at its rate. */
function checkFigure(
  usd: number,
  parts: readonly number[] | undefined,
  reported: Valuation["reported"],
  where: string,
  ds: Dataset,
  fail: (message: string) => void
): void {
  if (parts !== undefined && !near(sum(parts), usd, 1e-9))
    fail(`${where}: its parts add up to ${sum(parts)}, not ${usd}`);
  if (reported === undefined) return;
  if (reported.parts !== undefined && !near(sum(reported.parts), reported.amount, 1e-9))
    fail(`${where}: its reported parts add up to ${sum(reported.parts)}, not ${reported.amount}`);
  const rate = ds.fxRates.get(reported.fx);
  if (!rate) fail(`${where}: unknown fx rate '${reported.fx}'`);
  else if (rate.currency !== reported.currency)
    fail(`${where}: fx rate '${rate.id}' is for ${rate.currency}, not ${reported.currency}`);
  else if (!near(reported.amount * rate.usdPerUnit, usd, 0.005))
    fail(
      `${where}: ${reported.currency} ${reported.amount} at ${rate.usdPerUnit} is ${Math.round(reported.amount * rate.usdPerUnit)} USD, not ${usd}`
    );
}

/** Early reports and closes of one transaction within this many days are suspect (class 1 of the data review). */
const SAME_TRANSACTION_DAYS = 90;

/**
 * One transaction entered twice: two rounds of one company within 90 days whose named investors overlap,
 * or two equity investments by one investor in one company within 90 days. Allowed only when one of the
 * two states why they are distinct (`distinctFrom`).
 */
function earlyReportsEnteredTwice(ds: Dataset): string[] {
  const investorsOf = new Map<string, Set<string>>();
  // Rounds by company; investments by investor and company (so only one investor's deals are compared).
  const groups = new Map<string, IndexedDeal[]>();
  for (const d of ds.deals) {
    if (d.partOf !== undefined) {
      const set = investorsOf.get(d.partOf);
      if (set) set.add(d.from);
      else investorsOf.set(d.partOf, new Set([d.from]));
    }
    if (d.type !== "equity" || d.to === null) continue;
    if (d.kind !== "round" && d.kind !== "transaction") continue;
    const key = d.kind === "round" ? `round|${d.to}` : `${d.from}|${d.to}`;
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  const messages: string[] = [];
  for (const deals of groups.values()) {
    if (deals.length < 2) continue;
    deals.sort((a, b) => firstEventDay(a) - firstEventDay(b));
    for (let i = 0; i < deals.length; i++) {
      const a = deals[i] as IndexedDeal;
      for (let j = i + 1; j < deals.length; j++) {
        const b = deals[j] as IndexedDeal;
        const days = firstEventDay(b) - firstEventDay(a);
        if (days > SAME_TRANSACTION_DAYS) break;
        if (explained(a, b)) continue;
        if (a.kind === "round") {
          const shared = [...(investorsOf.get(a.id) ?? [])].filter((x) =>
            investorsOf.get(b.id)?.has(x)
          );
          if (shared.length > 0)
            messages.push(
              `deals ${a.id} and ${b.id}: two rounds of ${a.to} ${days} days apart with the same investors (${shared.join(", ")}): an early report and the close of one round? Merge them, or say why they are distinct (distinctFrom)`
            );
        } else if (a.partOf === undefined || a.partOf !== b.partOf) {
          messages.push(
            `deals ${a.id} and ${b.id}: two equity investments by ${a.from} in ${a.to} ${days} days apart: one transaction reported twice? Merge them, or say why they are distinct (distinctFrom)`
          );
        }
      }
    }
  }
  return messages;
}

const firstEventDay = (d: IndexedDeal): number => (d.history[0] as IndexedEvent).day;
const explained = (a: IndexedDeal, b: IndexedDeal): boolean =>
  (a.distinctFrom ?? []).some((x) => x.deal === b.id) ||
  (b.distinctFrom ?? []).some((x) => x.deal === a.id);
