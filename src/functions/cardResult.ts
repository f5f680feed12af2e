/**
 * What a card function gives Excel: the card where the host shows cards, its text where it does not,
 * Excel's error for bad input. Asked before Office is ready, it answers once Office is (a promise, which
 * Excel waits for), so the first calculation after opening a workbook gets cards too.
 */
import type { EntityValue } from "../core/cards/cellValues";
import { cardOrText } from "../core/cards/cellValues";
import type { FormulaError } from "../core/errors";
import { hostShowsCards, officeReady } from "../runtime/hostCapabilities";
import { excelResult } from "./excelErrors";

export function cardResult(
  build: () => EntityValue | FormulaError
): EntityValue | string | Promise<EntityValue | string> {
  const shows = hostShowsCards();
  if (shows !== undefined) return excelResult(cardOrText(build(), shows));
  return officeReady().then(() => excelResult(cardOrText(build(), hostShowsCards() === true)));
}
