/**
 * A card as Excel draws it, from the same entity JSON the functions return: the title, each section's
 * fields with their text as the number format shows it, sublabels and sources, and lists as tables.
 * The pane's preview is drawn from this, so what an analyst sees in the pane is what the card holds.
 */
import { dayOfSerial, formatDay } from "../dates";
import type { ArrayElement, EntityValue, PropertyValue } from "./cellValues";

export interface PreviewField {
  readonly kind: "field";
  readonly name: string;
  readonly text: string;
  readonly sublabel?: string;
  readonly source?: { readonly text: string; readonly address?: string };
}

export interface PreviewList {
  readonly kind: "list";
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface CardPreview {
  readonly title: string;
  readonly sections: readonly {
    readonly title?: string;
    readonly items: readonly (PreviewField | PreviewList)[];
  }[];
  readonly provider: string;
}

const grouped = (n: number, decimals: number): string => {
  const [whole = "0", fraction] = Math.abs(n).toFixed(decimals).split(".");
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${n < 0 ? "-" : ""}${withCommas}${fraction === undefined ? "" : `.${fraction}`}`;
};

/** A number as the card's number formats show it (the formats the cards use; others as plain numbers). */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case '$#,##0.0,,,"B"':
      return `$${grouped(value / 1e9, 1)}B`;
    case "0.0%":
      return `${grouped(value * 100, 1)}%`;
    case '0.00"x"':
      return `${grouped(value, 2)}x`;
    case "yyyy-mm-dd":
      return formatDay(dayOfSerial(value));
    case 'General" years"':
      return `${+value.toFixed(6)} years`;
    default:
      return String(value);
  }
}

function cellText(v: ArrayElement | PropertyValue): string {
  if (v.type === "FormattedNumber") return formatNumber(v.basicValue, v.numberFormat);
  if (v.type === "Double" || v.type === "String" || v.type === "Boolean")
    return String(v.basicValue);
  if (v.type === "Entity") return v.text ?? "";
  return "";
}

export function previewCard(card: EntityValue): CardPreview {
  const properties = card.properties ?? {};
  const layout = card.layouts?.card;
  const titleRef = layout?.title;
  const titleName = typeof titleRef === "object" ? titleRef.property : undefined;
  const title =
    typeof titleRef === "string"
      ? titleRef
      : titleName !== undefined && properties[titleName]
        ? cellText(properties[titleName] as PropertyValue)
        : (card.text ?? "");
  const sections = (layout?.sections ?? []).map((s) => ({
    ...(s.title === undefined ? {} : { title: s.title }),
    items: s.properties.flatMap((name): (PreviewField | PreviewList)[] => {
      const v = properties[name];
      if (v === undefined) return [];
      if (v.type === "Array") {
        const [header = [], ...rows] = v.elements;
        return [
          {
            kind: "list",
            name,
            header: header.map(cellText),
            rows: rows.map((r) => r.map(cellText)),
          },
        ];
      }
      const meta = "propertyMetadata" in v ? v.propertyMetadata : undefined;
      const a = meta?.attribution?.[0];
      return [
        {
          kind: "field",
          name,
          text: cellText(v),
          ...(meta?.sublabel === undefined ? {} : { sublabel: meta.sublabel }),
          ...(a?.sourceText === undefined
            ? {}
            : {
                source: {
                  text: a.sourceText,
                  ...(a.sourceAddress ? { address: a.sourceAddress } : {}),
                },
              }),
        },
      ];
    }),
  }));
  return { title, sections, provider: card.provider?.description ?? "" };
}
