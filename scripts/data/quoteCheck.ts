/**
 * The sourcing rule, checked: every figure in the dataset is written in the sentence quoted for it. A deal
 * event's amount (or its stated parts, or the amount in the currency it was reported in), its tranche and
 * its recurring rate; a valuation; a position's amount invested and stake; an exchange rate.
 */
import { DatasetFile, ReportedAmount } from "../../src/core/schema";
import { Per, statedNumbers, statedPercents, states } from "./statedFigures";

export interface QuoteProblem {
  /** Where the figure is, as the loader names paths: "deals.openai-round-2026.history.1.amountUsd". */
  readonly path: string;
  readonly message: string;
}

const show = (n: number): string => n.toLocaleString("en-US");

/** The figure is in the quote: itself, or each of its stated parts (the loader checks they add up). */
function figureProblems(
  quote: string,
  usd: number,
  parts: readonly number[] | undefined,
  reported: ReportedAmount | undefined,
  path: string,
  per: Per | null = null
): QuoteProblem[] {
  const [currency, amount, pieces] = reported
    ? [reported.currency, reported.amount, reported.parts]
    : ["USD", usd, parts];
  const missing = (pieces ?? [amount]).filter((p) => !states(quote, p, currency, per));
  return missing.map((p) => ({
    path,
    message: `${currency} ${show(p)}${per ? ` a ${per}` : ""} is not written in its quote: "${quote}"`,
  }));
}

export function quoteProblems(file: DatasetFile): QuoteProblem[] {
  const problems: QuoteProblem[] = [];
  for (const d of file.deals) {
    d.history.forEach((e, i) => {
      const at = `deals.${d.id}.history.${i}`;
      if (e.amountUsd !== null)
        problems.push(
          ...figureProblems(e.quote, e.amountUsd, e.parts, e.reported, `${at}.amountUsd`)
        );
      if (e.trancheUsd !== undefined)
        problems.push(
          ...figureProblems(e.quote, e.trancheUsd, undefined, undefined, `${at}.trancheUsd`)
        );
      if (e.recurring !== undefined)
        problems.push(
          ...figureProblems(
            e.quote,
            e.recurring.amountUsd,
            undefined,
            undefined,
            `${at}.recurring`,
            e.recurring.per
          )
        );
    });
  }
  for (const v of file.valuations)
    problems.push(
      ...figureProblems(v.quote, v.valueUsd, v.parts, v.reported, `valuations.${v.id}.valueUsd`)
    );
  for (const p of file.positions) {
    if (p.investedUsd !== undefined)
      problems.push(
        ...figureProblems(
          p.quote,
          p.investedUsd,
          p.investedParts,
          undefined,
          `positions.${p.id}.investedUsd`
        )
      );
    if (
      p.stakePct !== undefined &&
      !statedPercents(p.quote).some((x) => Math.abs(x - (p.stakePct as number)) < 1e-9)
    )
      problems.push({
        path: `positions.${p.id}.stakePct`,
        message: `${(p.stakePct * 100).toFixed(2).replace(/\.?0+$/, "")}% is not written in its quote: "${p.quote}"`,
      });
  }
  for (const r of file.fxRates ?? []) {
    const path = `fxRates.${r.id}`;
    if (r.statedAs) {
      if (!states(r.quote, r.statedAs.amount, r.currency))
        problems.push({
          path,
          message: `${r.currency} ${show(r.statedAs.amount)} is not written in its quote: "${r.quote}"`,
        });
      if (!states(r.quote, r.statedAs.usd, "USD"))
        problems.push({
          path,
          message: `USD ${show(r.statedAs.usd)} is not written in its quote: "${r.quote}"`,
        });
    } else if (!statedNumbers(r.quote).some((x) => Math.abs(x - r.usdPerUnit) < 1e-9)) {
      problems.push({
        path,
        message: `the rate ${r.usdPerUnit} is not written in its quote: "${r.quote}"`,
      });
    }
  }
  return problems;
}
