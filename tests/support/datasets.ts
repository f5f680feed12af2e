/** Variants of the bundled dataset file for refresh tests: newer, one figure changed, broken. */
import bundled from "../../src/data/dataset.json";
import type { DatasetFile } from "../../src/core/schema";

export function bundledFile(): DatasetFile {
  return JSON.parse(JSON.stringify(bundled)) as DatasetFile;
}

/** The bundled data's version, and what DATA_VERSION shows for it. */
export const BUNDLED_VERSION: string = bundled.version;
export const BUNDLED_AS_OF: string = bundled.asOf;
export const versionLabel = (version: string = BUNDLED_VERSION): string =>
  `${version} (data as of ${BUNDLED_AS_OF})`;

/** A version newer than the bundled one; a larger n is newer still ("2026.12.02.3"). */
export const newerVersion = (n = 1): string => `${BUNDLED_VERSION}.${n}`;

/** The bundled data as a newer version with one figure changed: xAI's latest valuation. */
export function newerWithXaiAt(valueUsd: number, version = newerVersion()): DatasetFile {
  const file = bundledFile();
  file.version = version;
  const xai = file.valuations
    .filter((v) => v.company === "xai")
    .sort((a, b) => a.date.localeCompare(b.date));
  const last = xai[xai.length - 1];
  if (!last) throw new Error("the bundled dataset has no xAI valuation");
  last.valueUsd = valueUsd;
  return file;
}

/** The bundled data, newer, with one more equity deal: Amazon backs xAI (an exposure table grows a row). */
export function newerWithAmazonInXai(version = newerVersion()): DatasetFile {
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
    distinctFrom: undefined,
    pricedAt: undefined,
    history: [
      {
        ...(model.history[0] as (typeof model.history)[0]),
        date: "2025-06-01",
        status: "closed",
        amountUsd: 1e9,
        qualifier: "exact",
        parts: undefined,
        reported: undefined,
        trancheUsd: undefined,
        recurring: undefined,
      },
    ],
  });
  return file;
}

/** newerWithAmazonInXai, and xAI buys AWS compute: a new round trip (Amazon ⇄ xAI) for the round-trip views. */
export function newerWithAmazonXaiRoundTrip(version = newerVersion()): DatasetFile {
  const file = newerWithAmazonInXai(version);
  const model = file.deals.find((d) => d.type === "compute" && d.kind === "transaction");
  if (!model) throw new Error("the bundled dataset has no compute transaction");
  file.deals.push({
    ...model,
    id: "xai-aws-compute-test",
    title: "xAI buys AWS compute (test fixture)",
    from: "xai",
    to: "aws",
    partOf: undefined,
    overlaps: undefined,
    distinctFrom: undefined,
    pricedAt: undefined,
  });
  return file;
}
