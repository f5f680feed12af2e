/** Where a card's figures come from: a source as a card attributes it, and the card's provider line. */
import { Dataset } from "../dataset";

/** A source by id: its title, and its address when it is on the web (the seed article is not). */
export function sourceOf(
  ds: Dataset,
  sourceId: string
): { readonly text: string; readonly address: string | null } {
  const s = ds.sources.get(sourceId);
  return s ? { text: s.title, address: s.url } : { text: sourceId, address: null };
}

/** The card's provider line: who made it, from which data. */
export function providerOf(ds: Dataset): string {
  return `AI Deals · data ${ds.file.version}`;
}
