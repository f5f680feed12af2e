/** How the pane shows figures: the same reading as the tables' number formats ($852.0B, 27.0%). */
import type { Qualifier } from "../core/vocabulary";

const SIGN: Record<Qualifier, string> = {
  exact: "",
  approx: "~",
  at_least: "≥ ",
  up_to: "≤ ",
  more_than: "> ",
};

/**
 * As the tables' $#,##0.0 formats read: thousands separated, one decimal. Made on first use: a page's
 * first Intl formatter costs tens of milliseconds, which the pane's first screen does not need.
 */
let oneDecimal: Intl.NumberFormat | undefined;
const ONE_DECIMAL = {
  format: (n: number): string =>
    (oneDecimal ??= new Intl.NumberFormat("en-US", {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    })).format(n),
};

export function money(usd: number | null, qualifier: Qualifier | null = null): string {
  if (usd === null) return "amount not reported";
  const sign = qualifier ? SIGN[qualifier] : "";
  if (Math.abs(usd) >= 1e9) return `${sign}$${ONE_DECIMAL.format(usd / 1e9)}B`;
  if (Math.abs(usd) >= 1e6) return `${sign}$${ONE_DECIMAL.format(usd / 1e6)}M`;
  return `${sign}$${usd.toLocaleString("en-US")}`;
}

/** "in_talks" → "in talks". */
export const words = (token: string): string => token.replace(/_/g, " ");
