/**
 * A safe refresh of the data in use: read the source (with a timeout), check the candidate (JSON,
 * schema, consistency, newer), then swap it in whole and keep it. Any failure leaves the data in use
 * untouched and says why. The workbook's part (formulas and tables) follows in src/workbook/.
 */
import { Dataset } from "../core/dataset";
import { acceptDataset } from "../core/refresh/acceptDataset";
import { DatasetDiff, diffDatasets } from "../core/refresh/diffDatasets";
import { DataSource, ReadOptions, readSource } from "./dataSources";
import { getActiveDataset, replaceActiveDataset } from "./datasetStore";

export type DataRefresh =
  | { ok: true; dataset: Dataset; diff: DatasetDiff; kept: boolean }
  | { ok: false; message: string; upToDate?: boolean };

export async function refreshData(
  source: DataSource,
  options: ReadOptions = {}
): Promise<DataRefresh> {
  const read = await readSource(source, options);
  if (!read.ok) return { ok: false, message: read.message };
  const current = getActiveDataset();
  const verdict = acceptDataset(current, read.text, read.from);
  if (!verdict.ok)
    return { ok: false, message: verdict.message, upToDate: verdict.kind === "same" };
  const diff = diffDatasets(current, verdict.dataset);
  const { kept } = replaceActiveDataset(verdict.dataset, read.text);
  return { ok: true, dataset: verdict.dataset, diff, kept };
}
