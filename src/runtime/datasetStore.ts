/**
 * The one place the shared runtime keeps the dataset in use. Custom functions and the task pane read it
 * here, so a refresh (a later issue) has one thing to replace, whole.
 */
import bundled from "../data/dataset.json";
import { Dataset, loadDataset } from "../core/dataset";

let active: Dataset | undefined;

function loadBundled(): Dataset {
  const result = loadDataset(bundled);
  // The build validates the same file (scripts/check-dataset.ts), so this only fails on a broken build.
  if (!result.ok) throw new Error(`The bundled dataset is invalid: ${result.errors.join("; ")}`);
  return result.dataset;
}

export function getActiveDataset(): Dataset {
  active ??= loadBundled();
  return active;
}

/** What the task pane shows about the data in use. */
export interface DatasetSummary {
  version: string;
  asOf: string;
  title: string;
  companies: number;
  deals: number;
  valuations: number;
  sources: number;
}

export function summarize(dataset: Dataset): DatasetSummary {
  const f = dataset.file;
  return {
    version: f.version,
    asOf: f.asOf,
    title: f.title,
    companies: f.companies.length,
    deals: f.deals.length,
    valuations: f.valuations.length,
    sources: f.sources.length,
  };
}
