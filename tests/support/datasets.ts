/** Variants of the bundled dataset file for refresh tests: newer, one figure changed, broken. */
import bundled from "../../src/data/dataset.json";
import type { DatasetFile } from "../../src/core/schema";

export function bundledFile(): DatasetFile {
  return JSON.parse(JSON.stringify(bundled)) as DatasetFile;
}

/** The bundled data as a newer version with one figure changed: xAI's valuation. */
export function newerWithXaiAt(valueUsd: number, version = "2026.12.01"): DatasetFile {
  const file = bundledFile();
  file.version = version;
  const xai = file.valuations.filter((v) => v.company === "xai");
  const last = xai[xai.length - 1];
  if (!last) throw new Error("the bundled dataset has no xAI valuation");
  last.valueUsd = valueUsd;
  return file;
}

/** The bundled data, newer, with one more equity deal: Amazon backs xAI (an exposure table grows a row). */
export function newerWithAmazonInXai(version = "2026.12.01"): DatasetFile {
  const file = bundledFile();
  file.version = version;
  const model = file.deals.find((d) => d.type === "equity" && d.kind === "transaction");
  if (!model) throw new Error("the bundled dataset has no equity transaction");
  file.deals.push({
    ...model,
    id: "amazon-xai-equity-test",
    title: "Amazon invests in xAI (test fixture)",
    from: "amazon",
    to: "xai",
    partOf: undefined,
    overlaps: undefined,
    history: [
      { ...(model.history[0] as (typeof model.history)[0]), amountUsd: 1e9, qualifier: "exact" },
    ],
  });
  return file;
}
