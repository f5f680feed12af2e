/**
 * DEALS.COMPANY's card: a company as of a date. Every figure on it is the answer of the number formula
 * for the same arguments (VALUATION, VALUATION_FIELD, STAKE_PCT, DEAL_VALUE, FLOW_BACK, CIRCULARITY,
 * DEAL_LIST), called here, so a card and a model built from formulas never disagree. A figure the
 * formula has no answer for is left off the card (dot syntax then gives Excel's #FIELD!).
 */
import { dealsOf, investorsOf } from "../analytics";
import { Dataset, IndexedValuation } from "../dataset";
import { latestValuation } from "../facts";
import { FormulaError, isFormulaError } from "../errors";
import { describeAsOf, excelSerial } from "../dates";
import * as f from "../formulas";
import { byNameIgnoringCase } from "../order";
import { FORMATS } from "../numberFormats";
import type { Company } from "../schema";
import type { CompanyKind, ValuationBasis } from "../vocabulary";
import {
  EntityValue,
  ListCell,
  Property,
  PropertyValue,
  Provenance,
  count,
  entity,
  excelDate,
  listValue,
  textValue,
  usd,
} from "./cellValues";
import { providerOf, sourceOf } from "./provenance";

export const COMPANY_KIND_WORDS: Record<CompanyKind, string> = {
  ai_lab: "AI lab",
  hyperscaler: "Hyperscaler",
  neocloud: "Neocloud",
  data_center: "Data centers",
  chipmaker: "Chipmaker",
  investor: "Investor",
  group: "Group",
  other: "Other",
};

export const BASIS_WORDS: Record<ValuationBasis, string> = {
  post_money: "post-money",
  pre_money: "pre-money",
  secondary: "secondary sale",
  implied_by_deal: "implied by a deal",
  reported: "reported",
};

/** The card's property names, in card order: stable, documented in the README and the functions reference. */
export const COMPANY_PROPERTIES = [
  "Name",
  "Kind",
  "Parent",
  "Aliases",
  "Tickers",
  "Valuation",
  "Valuation date",
  "Valuation basis",
  "Valuation source",
  "Previous valuation",
  "Previous valuation date",
  "Investors",
  "Money raised",
  "Deals",
  "As of",
  "Data version",
] as const;

export const INVESTORS_HEADER = [
  "Investor",
  "Stake",
  "Stake basis",
  "Capital (USD)",
  "Money back (USD)",
  "Circularity",
] as const;

export const MONEY_RAISED_HEADER = [
  "Deal",
  "ID",
  "Date",
  "Amount (USD)",
  "Qualifier",
  "Status",
] as const;

const answer = <T>(x: T | FormulaError): T | undefined => (isFormulaError(x) ? undefined : x);
const num = (x: number | undefined, format: string): ListCell =>
  x === undefined ? null : { number: x, format };

function valuationProvenance(ds: Dataset, v: IndexedValuation): Provenance {
  const qualifier = v.qualifier === "exact" ? "" : ` · ${v.qualifier.replace("_", " ")}`;
  return {
    source: sourceOf(ds, v.source),
    sublabel: `${v.date} · ${BASIS_WORDS[v.basis]}${qualifier}`,
  };
}

/** The company's own rounds, and equity deals into it outside any round, known by the day. */
function raises(ds: Dataset, company: string, day: number): ReturnType<typeof dealsOf> {
  return dealsOf(ds, company, "to", day).filter(
    ({ deal: d }) =>
      d.type === "equity" &&
      (d.kind === "round" || (d.kind === "transaction" && d.partOf === undefined))
  );
}

/** DEALS.COMPANY(name, [as_of]) */
export function companyCard(ds: Dataset, name: unknown, asOf: unknown): EntityValue | FormulaError {
  const args = f.partyAndDate(ds, name, asOf);
  if (isFormulaError(args)) return args;
  const { id, day } = args;
  // partyAndDate answers only ids it found.
  const company = ds.companies.get(id) as Company;
  const n = company.name;
  const list = ds.valuationsByCompany.get(id);
  const latest = latestValuation(list, day);
  const previous = latest && latestValuation(list, latest.day - 1);
  const field = (which: string) => answer(f.valuationField(ds, n, which, asOf));
  const valuation = answer(f.valuation(ds, n, asOf));
  const previousAmount = answer(f.valuationField(ds, n, "previous_amount", asOf));

  const investors = investorsOf(ds, id, day)
    .map((i) => ds.companies.get(i)?.name ?? i)
    .sort(byNameIgnoringCase)
    .map((investor): ListCell[] => [
      investor,
      num(answer(f.stakePct(ds, investor, n, asOf)), FORMATS.percent),
      answer(f.stakeBasis(ds, investor, n, asOf)) ?? null,
      num(answer(f.dealValue(ds, investor, n, "equity", asOf)), FORMATS.usdBillions),
      num(answer(f.flowBack(ds, investor, n, asOf)), FORMATS.usdBillions),
      num(answer(f.circularityRatio(ds, investor, n, asOf)), FORMATS.multiple),
    ]);
  const raised = raises(ds, id, day).map(({ deal: d, state }): ListCell[] => [
    d.title,
    d.id,
    { number: excelSerial(state.event.day), format: FORMATS.date },
    num(state.value ?? undefined, FORMATS.usdBillions),
    state.value === null ? null : state.qualifier,
    state.status,
  ]);
  const deals = answer(f.dealList(ds, n, "any", asOf));
  const parent = company.parent === null ? undefined : ds.companies.get(company.parent)?.name;
  const parentSince = company.parentSince === undefined ? "" : ` (since ${company.parentSince})`;

  const properties: Property[] = [
    ["Name", textValue(n)],
    ["Kind", textValue(COMPANY_KIND_WORDS[company.kind])],
    ["Parent", parent === undefined ? undefined : textValue(parent + parentSince)],
    ["Aliases", company.aliases.length ? textValue(company.aliases.join(", ")) : undefined],
    ["Tickers", company.tickers.length ? textValue(company.tickers.join(", ")) : undefined],
  ];
  const valuationSection: Property[] = [
    [
      "Valuation",
      valuation === undefined || !latest
        ? undefined
        : usd(valuation, valuationProvenance(ds, latest)),
    ],
    ["Valuation date", dateOf(field("date_value"))],
    ["Valuation basis", textOf(field("basis"))],
    ["Valuation source", textOf(field("source"))],
    [
      "Previous valuation",
      previousAmount === undefined || !previous
        ? undefined
        : usd(previousAmount as number, valuationProvenance(ds, previous)),
    ],
    ["Previous valuation date", dateOf(field("previous_date_value"))],
  ];
  const version = f.dataVersion(ds);
  return entity({
    text: n,
    titleProperty: "Name",
    icon: "Building",
    provider: providerOf(ds),
    sections: [
      { properties },
      { title: "Valuation", properties: valuationSection },
      {
        title: "Investors",
        properties: [
          ["Investors", investors.length ? listValue(INVESTORS_HEADER, investors) : undefined],
        ],
      },
      {
        title: "Money raised",
        properties: [
          ["Money raised", raised.length ? listValue(MONEY_RAISED_HEADER, raised) : undefined],
        ],
      },
      {
        title: "About this card",
        properties: [
          ["Deals", deals === undefined ? count(0) : count(deals.length - 1)],
          ["As of", textValue(describeAsOf(day))],
          ["Data version", textValue(version)],
        ],
      },
    ],
  });
}

function dateOf(serial: string | number | undefined): PropertyValue | undefined {
  return typeof serial === "number" ? excelDate(serial) : undefined;
}

function textOf(value: string | number | undefined): PropertyValue | undefined {
  return value === undefined || value === "" ? undefined : textValue(String(value));
}
