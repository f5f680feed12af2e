/**
 * The two tables analysts asked for, as drafts over the dataset:
 * - valuation table: one row per company (latest valuation, its date and basis, the one before it,
 *   the change, the source);
 * - exposure table: one row per investor and company it backs (capital, stake and its basis, the stake's
 *   implied value, money flowing back, circularity, status).
 */
import { investeesOf } from "../analytics";
import { roundTrips } from "../roundTrips";
import { Dataset } from "../dataset";
import { normalizeName } from "../names";
import { byNameIgnoringCase } from "../order";
import { FORMATS } from "../numberFormats";
import { ColumnSpec, PlanResult, Recipe, TableRequest, planTable, readAsOf } from "./tablePlan";

const VALUATION_COLUMNS: readonly ColumnSpec[] = [
  { header: "Company", format: FORMATS.text, width: 90 },
  { header: "Valuation", format: FORMATS.usdBillions, width: 72 },
  { header: "Date", format: FORMATS.date, width: 68 },
  { header: "Basis", format: FORMATS.text, width: 92 },
  { header: "Previous valuation", format: FORMATS.usdBillions, width: 72 },
  { header: "Previous date", format: FORMATS.date, width: 68 },
  { header: "Change", format: FORMATS.percent, width: 56 },
  { header: "Source", format: FORMATS.text, width: 220 },
];

const EXPOSURE_COLUMNS: readonly ColumnSpec[] = [
  { header: "Investor", format: FORMATS.text, width: 80 },
  { header: "Company", format: FORMATS.text, width: 80 },
  { header: "Capital committed", format: FORMATS.usdBillions, width: 72 },
  { header: "Stake", format: FORMATS.percent, width: 52 },
  { header: "Stake basis", format: FORMATS.text, width: 120 },
  { header: "Stake value", format: FORMATS.usdBillions, width: 72 },
  { header: "Flowing back", format: FORMATS.usdBillions, width: 72 },
  { header: "Circularity", format: FORMATS.multiple, width: 60 },
  { header: "Status", format: FORMATS.text, width: 110 },
];

const ROUND_TRIP_COLUMNS: readonly ColumnSpec[] = [
  { header: "Investor", format: FORMATS.text, width: 80 },
  { header: "Company", format: FORMATS.text, width: 80 },
  { header: "Money in", format: FORMATS.usdBillions, width: 64 },
  { header: "Money back", format: FORMATS.usdBillions, width: 70 },
  { header: "Circularity", format: FORMATS.multiple, width: 60 },
  { header: "Stake", format: FORMATS.percent, width: 52 },
  { header: "Equity status", format: FORMATS.text, width: 110 },
  { header: "Money back status", format: FORMATS.text, width: 110 },
  { header: "Equity deals without an amount", format: FORMATS.count, width: 70 },
  { header: "Money back deals without an amount", format: FORMATS.count, width: 70 },
];

/** A subject as the pane sends it (an id) or as an analyst might type it (a name, alias or ticker). */
function resolve(ds: Dataset, subject: string): string | undefined {
  if (ds.companies.has(subject)) return subject;
  return ds.nameIndex.get(normalizeName(subject));
}

function nameOf(ds: Dataset, id: string): string {
  return ds.companies.get(id)?.name ?? id;
}

function resolveAll(ds: Dataset, subjects: readonly string[]): string[] | { message: string } {
  const ids: string[] = [];
  for (const s of subjects) {
    const id = resolve(ds, s);
    if (id === undefined) return { message: `'${s}' is not a company in the dataset.` };
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** A request's date and subjects, read the way every table reads them; or why it cannot be built. */
function readRequest(
  ds: Dataset,
  request: TableRequest,
  subjects: "company" | "investor"
): { day: number; label: string; ids: string[] } | { ok: false; message: string } {
  const asOf = readAsOf(request.asOf);
  if ("message" in asOf) return { ok: false, message: asOf.message };
  const ids = resolveAll(ds, request.subjects);
  if ("message" in ids) return { ok: false, message: ids.message };
  if (ids.length === 0) return { ok: false, message: `Choose at least one ${subjects}.` };
  return { ...asOf, ids };
}

export function valuationTable(ds: Dataset, request: TableRequest): PlanResult {
  const read = readRequest(ds, request, "company");
  if ("ok" in read) return read;
  const { ids, label } = read;
  const a = request.asOf;
  const rows = ids.map((id): Recipe[] => {
    const company = nameOf(ds, id);
    const field = (f: string): Recipe => ({
      kind: "call",
      id: "VALUATION_FIELD",
      args: [company, f, a],
    });
    return [
      request.cards === true && request.mode === "live"
        ? { kind: "card", company, args: [company, a] }
        : { kind: "label", text: company },
      { kind: "call", id: "VALUATION", args: [company, a] },
      field("date_value"),
      field("basis"),
      field("previous_amount"),
      field("previous_date_value"),
      { kind: "change", numerator: 1, denominator: 4 },
      field("source"),
    ];
  });
  const draft = {
    title: "valuations",
    baseTableName: "DealsValuations",
    baseSheetName: "Valuations",
    columns: VALUATION_COLUMNS,
    rows,
  };
  return { ok: true, plan: planTable(ds, request, draft, label) };
}

export function exposureTable(ds: Dataset, request: TableRequest): PlanResult {
  const read = readRequest(ds, request, "investor");
  if ("ok" in read) return read;
  const { ids, label, day } = read;
  const a = request.asOf;
  const rows: Recipe[][] = [];
  for (const id of ids) {
    const investor = nameOf(ds, id);
    const companies = investeesOf(ds, id, day)
      .map((c) => nameOf(ds, c))
      .sort(byNameIgnoringCase);
    for (const company of companies) {
      const pair: (string | null)[] = [investor, company, a];
      rows.push([
        { kind: "label", text: investor },
        { kind: "label", text: company },
        { kind: "call", id: "DEAL_VALUE", args: [investor, company, "equity", a] },
        { kind: "call", id: "STAKE_PCT", args: pair },
        { kind: "call", id: "STAKE_BASIS", args: pair },
        { kind: "times", factor: 3, by: { kind: "call", id: "VALUATION", args: [company, a] } },
        { kind: "call", id: "FLOW_BACK", args: pair },
        { kind: "call", id: "CIRCULARITY", args: pair },
        { kind: "call", id: "DEAL_STATUS", args: [investor, company, "equity", a] },
      ]);
    }
  }
  if (rows.length === 0) {
    const names = ids.map((id) => nameOf(ds, id)).join(", ");
    return { ok: false, message: `No equity investments by ${names} ${label}.` };
  }
  const draft = {
    title: "exposure",
    baseTableName: "DealsExposure",
    baseSheetName: "Exposure",
    columns: EXPOSURE_COLUMNS,
    rows,
  };
  return { ok: true, plan: planTable(ds, request, draft, label) };
}

/**
 * The round-trip table: one row per investor and company with money both ways by the date (equity in,
 * compute, chips and infrastructure bought back), most circular first.
 */
export function roundTripTable(ds: Dataset, request: TableRequest): PlanResult {
  const read = readRequest(ds, request, "investor");
  if ("ok" in read) return read;
  const { ids, label, day } = read;
  const a = request.asOf;
  const rows = roundTrips(ds, ids, day).map(({ investor, company }): Recipe[] => {
    const i = nameOf(ds, investor);
    const c = nameOf(ds, company);
    const pair: (string | null)[] = [i, c, a];
    return [
      { kind: "label", text: i },
      { kind: "label", text: c },
      { kind: "call", id: "DEAL_VALUE", args: [i, c, "equity", a] },
      { kind: "call", id: "FLOW_BACK", args: pair },
      { kind: "call", id: "CIRCULARITY", args: pair },
      { kind: "call", id: "STAKE_PCT", args: pair },
      { kind: "call", id: "DEAL_STATUS", args: [i, c, "equity", a] },
      { kind: "call", id: "DEAL_STATUS", args: [c, i, "flow_back", a] },
      { kind: "call", id: "UNREPORTED", args: [i, c, "equity", a] },
      { kind: "call", id: "UNREPORTED", args: [c, i, "flow_back", a] },
    ];
  });
  if (rows.length === 0) {
    const names = ids.map((id) => nameOf(ds, id)).join(", ");
    return {
      ok: false,
      message: `No round trips for ${names} ${label}: none of the companies they back buys compute, chips or infrastructure from them.`,
    };
  }
  const draft = {
    title: "round trips",
    baseTableName: "DealsRoundTrips",
    baseSheetName: "Round trips",
    columns: ROUND_TRIP_COLUMNS,
    rows,
  };
  return { ok: true, plan: planTable(ds, request, draft, label) };
}

export function buildTable(ds: Dataset, request: TableRequest): PlanResult {
  switch (request.kind) {
    case "valuation":
      return valuationTable(ds, request);
    case "exposure":
      return exposureTable(ds, request);
    case "roundtrip":
      return roundTripTable(ds, request);
  }
}

/** What the pane offers: companies with a valuation on record, and investors with equity in a company. */
export function tableChoices(ds: Dataset): {
  companies: { id: string; name: string }[];
  investors: { id: string; name: string }[];
} {
  const entry = (id: string) => ({ id, name: nameOf(ds, id) });
  const byName = (x: { name: string }, y: { name: string }) => byNameIgnoringCase(x.name, y.name);
  const companies = [...ds.valuationsByCompany.keys()].map(entry).sort(byName);
  const investors = [...ds.companies.keys()]
    .filter((id) => investeesOf(ds, id, Number.POSITIVE_INFINITY).length > 0)
    .map(entry)
    .sort(byName);
  return { companies, investors };
}
