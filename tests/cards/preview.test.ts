/**
 * The pane's card preview is drawn from the same JSON Excel gets: every field and list of every card,
 * with each number shown as its number format shows it in a cell (the in-memory workbook's formatter,
 * which follows Excel's rules), every sublabel and source kept.
 */
import { companyCard } from "../../src/core/cards/companyCard";
import { dealCard } from "../../src/core/cards/dealCard";
import type { EntityValue } from "../../src/core/cards/cellValues";
import { previewCard } from "../../src/core/cards/preview";
import { isFormulaError } from "../../src/core/errors";
import { getActiveDataset, resetStoreForTests } from "../../src/runtime/datasetStore";
import { formatText } from "../support/workbook/numberFormat";

beforeAll(() => resetStoreForTests(undefined));

type Typed = { type: string; basicValue?: unknown; numberFormat?: string; elements?: Typed[][] };

/** What Excel shows for a value in a cell with the value's own number format. */
function shown(v: Typed): string {
  if (v.type === "FormattedNumber")
    return formatText(v.basicValue as number, v.numberFormat ?? "General");
  return String(v.basicValue);
}

function cards(): EntityValue[] {
  const ds = getActiveDataset();
  const out: EntityValue[] = [];
  for (const c of ds.companies.values()) {
    const card = companyCard(ds, c.name, null);
    if (!isFormulaError(card)) out.push(card);
  }
  for (const d of ds.deals) {
    const card = dealCard(ds, d.id);
    if (!isFormulaError(card)) out.push(card);
  }
  return out;
}

it("shows every property of every card, as a cell would show it", () => {
  const all = cards();
  expect(all.length).toBe(getActiveDataset().companies.size + getActiveDataset().deals.length);
  for (const card of all) {
    const preview = previewCard(card);
    const properties = card.properties as Record<
      string,
      Typed & { propertyMetadata?: Excel.CellValuePropertyMetadata }
    >;
    expect(preview.title).toBe(card.text);
    const items = preview.sections.flatMap((s) => s.items);
    // Everything but the title property is on the preview, in the card's order.
    expect(items.map((i) => i.name)).toEqual(Object.keys(properties).slice(1));
    for (const item of items) {
      const v = properties[item.name] as Typed & {
        propertyMetadata?: Excel.CellValuePropertyMetadata;
      };
      if (item.kind === "list") {
        const [header = [], ...rows] = v.elements ?? [];
        expect(item.header).toEqual(header.map(shown));
        expect(item.rows).toEqual(rows.map((r) => r.map(shown)));
      } else {
        expect([card.text, item.name, item.text]).toEqual([card.text, item.name, shown(v)]);
        expect(item.sublabel).toBe(v.propertyMetadata?.sublabel);
        expect(item.source?.text).toBe(v.propertyMetadata?.attribution?.[0]?.sourceText);
        expect(item.source?.address).toBe(v.propertyMetadata?.attribution?.[0]?.sourceAddress);
      }
    }
    expect(preview.provider).toMatch(/^AI Deals · data \d{4}\.\d{2}\.\d{2}/);
  }
});
