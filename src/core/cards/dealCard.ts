/**
 * DEALS.DEAL's card: one deal at its latest state, with the sentence that states its figure and every
 * dated event behind it. Its figures are DEAL_FIELD's answers for the same deal.
 */
import { Dataset } from "../dataset";
import { FormulaError, isFormulaError } from "../errors";
import { excelSerial } from "../dates";
import * as f from "../formulas";
import { FORMATS } from "../numberFormats";
import {
  EntityValue,
  ListCell,
  Property,
  PropertyValue,
  entity,
  excelDate,
  listValue,
  numberValue,
  textValue,
  usd,
} from "./cellValues";
import { providerOf, sourceOf } from "./provenance";

export const DEAL_PROPERTIES = [
  "Title",
  "ID",
  "From",
  "To",
  "Type",
  "Kind",
  "Amount",
  "Qualifier",
  "Funded",
  "Status",
  "Date",
  "Term",
  "Part of",
  "Quote",
  "Source",
  "History",
  "Notes",
  "Data version",
] as const;

export const HISTORY_HEADER = [
  "Date",
  "Status",
  "Amount (USD)",
  "Qualifier",
  "Tranche (USD)",
  "Source",
  "Quote",
] as const;

const TERM_FORMAT = 'General" years"';

/** DEALS.DEAL(deal_id) */
export function dealCard(ds: Dataset, dealId: unknown): EntityValue | FormulaError {
  const deal = f.dealArg(ds, dealId);
  if (isFormulaError(deal)) return deal;
  const field = (which: string): string | number | undefined => {
    const v = f.dealField(ds, deal.id, which);
    return isFormulaError(v) ? undefined : v;
  };
  const latest = deal.history.at(-1);
  const amount = field("amount");
  // The amount's provenance: the event that last stated it; or, where the tranches paid add up to more
  // (the figure is then their sum), the last tranche, said as such.
  const stated = [...deal.history].reverse().find((e) => e.amountUsd !== null);
  const summed = typeof amount === "number" && stated?.amountUsd !== amount;
  const stating = summed
    ? [...deal.history].reverse().find((e) => e.trancheUsd !== undefined)
    : stated;
  const qualifier = field("qualifier");
  const funded = field("funded");
  const term = field("term_years");
  const dateValue = field("date_value");
  const history = deal.history.map((e): ListCell[] => [
    { number: excelSerial(e.day), format: FORMATS.date },
    e.status,
    e.amountUsd === null ? null : { number: e.amountUsd, format: FORMATS.usdBillions },
    e.amountUsd === null ? null : e.qualifier,
    e.trancheUsd === undefined ? null : { number: e.trancheUsd, format: FORMATS.usdBillions },
    f.sourceLabel(ds, e.source),
    e.quote,
  ]);
  const text = (v: string | number | undefined): PropertyValue | undefined =>
    v === undefined || v === "" ? undefined : textValue(String(v));
  const quoteSource = latest && sourceOf(ds, latest.source);

  const properties: Property[] = [
    ["Title", textValue(deal.title)],
    ["ID", textValue(deal.id)],
    ["From", text(field("from"))],
    ["To", text(field("to"))],
    ["Type", textValue(deal.type)],
    ["Kind", textValue(deal.kind)],
  ];
  const figure: Property[] = [
    [
      "Amount",
      typeof amount !== "number" || !stating
        ? undefined
        : usd(amount, {
            source: sourceOf(ds, stating.source),
            sublabel: summed
              ? `${stating.date} · sum of the tranches paid`
              : `${stating.date}${qualifier === "exact" || qualifier === undefined ? "" : ` · ${String(qualifier).replace("_", " ")}`}`,
          }),
    ],
    ["Qualifier", text(qualifier)],
    ["Funded", typeof funded === "number" ? usd(funded) : undefined],
    ["Status", text(field("status"))],
    ["Date", typeof dateValue === "number" ? excelDate(dateValue) : undefined],
    ["Term", typeof term === "number" ? numberValue(term, TERM_FORMAT) : undefined],
    ["Part of", text(field("part_of"))],
  ];
  const evidence: Property[] = [
    [
      "Quote",
      latest && quoteSource
        ? textValue(latest.quote, { source: quoteSource, sublabel: latest.date })
        : undefined,
    ],
    ["Source", text(field("source"))],
  ];
  return entity({
    text: deal.title,
    titleProperty: "Title",
    icon: "Briefcase",
    provider: providerOf(ds),
    sections: [
      { properties },
      { title: "Figure", properties: figure },
      { title: "Source", properties: evidence },
      { title: "History", properties: [["History", listValue(HISTORY_HEADER, history)]] },
      {
        title: "About this card",
        properties: [
          ["Notes", text(field("notes"))],
          ["Data version", textValue(f.dataVersion(ds))],
        ],
      },
    ],
  });
}
