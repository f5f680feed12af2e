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

/** Each figure is written in the quote, in the currency (and per period) it was stated in. */
function notStated(
  quote: string,
  currency: string,
  figures: readonly number[],
  path: string,
  per: Per | null = null
): QuoteProblem[] {
  return figures
    .filter((f) => !states(quote, f, currency, per))
    .map((f) => ({
      path,
      message: `${currency} ${show(f)}${per ? ` a ${per}` : ""} is not written in its quote: "${quote}"`,
    }));
}

/** A US-dollar figure as its quote states it: in the reported currency if any, as its parts if stated
 * (the loader checks they add up), else itself. */
function amountProblems(
  quote: string,
  usd: number,
  parts: readonly number[] | undefined,
  reported: ReportedAmount | undefined,
  path: string
): QuoteProblem[] {
  return reported
    ? notStated(quote, reported.currency, reported.parts ?? [reported.amount], path)
    : notStated(quote, "USD", parts ?? [usd], path);
}

export function quoteProblems(file: DatasetFile): QuoteProblem[] {
  const problems: QuoteProblem[] = [];
  for (const d of file.deals) {
    d.history.forEach((e, i) => {
      const at = `deals.${d.id}.history.${i}`;
      if (e.amountUsd !== null)
        problems.push(
          ...amountProblems(e.quote, e.amountUsd, e.parts, e.reported, `${at}.amountUsd`)
        );
      if (e.trancheUsd !== undefined)
        problems.push(...notStated(e.quote, "USD", [e.trancheUsd], `${at}.trancheUsd`));
      if (e.recurring !== undefined)
        problems.push(
          ...notStated(e.quote, "USD", [e.recurring.amountUsd], `${at}.recurring`, e.recurring.per)
        );
    });
  }
  for (const v of file.valuations)
    problems.push(
      ...amountProblems(v.quote, v.valueUsd, v.parts, v.reported, `valuations.${v.id}.valueUsd`)
    );
  for (const p of file.positions) {
    if (p.investedUsd !== undefined)
      problems.push(
        ...notStated(
          p.quote,
          "USD",
          p.investedParts ?? [p.investedUsd],
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
      problems.push(
        ...notStated(r.quote, r.currency, [r.statedAs.amount], path),
        ...notStated(r.quote, "USD", [r.statedAs.usd], path)
      );
    } else if (!statedNumbers(r.quote).some((x) => Math.abs(x - r.usdPerUnit) < 1e-9)) {
      problems.push({
        path,
        message: `the rate ${r.usdPerUnit} is not written in its quote: "${r.quote}"`,
      });
    }
  }
  return problems;
}
