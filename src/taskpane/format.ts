/** How the pane shows figures: the same reading as the tables' number formats ($852.0B, 27.0%). */
import { Qualifier } from "../core/schema";

const SIGN: Record<Qualifier, string> = {
  exact: "",
  approx: "~",
  at_least: "≥ ",
  up_to: "≤ ",
  more_than: "> ",
};

export function money(usd: number | null, qualifier: Qualifier | null = null): string {
  if (usd === null) return "amount not reported";
  const sign = qualifier ? SIGN[qualifier] : "";
  if (Math.abs(usd) >= 1e9) return `${sign}$${(usd / 1e9).toFixed(1)}B`;
  if (Math.abs(usd) >= 1e6) return `${sign}$${(usd / 1e6).toFixed(0)}M`;
  return `${sign}$${usd.toLocaleString("en-US")}`;
}

/** "in_talks" → "in talks". */
export const words = (token: string): string => token.replace(/_/g, " ");
