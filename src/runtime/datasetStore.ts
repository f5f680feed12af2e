/**
 * The one place the shared runtime keeps the dataset in use. Custom functions and the task pane read it
 * here; a refresh replaces it whole, in one assignment, so no formula ever sees half of two datasets.
 * The last good refreshed dataset is kept in the runtime's storage, so a restart without a network still
 * has it; the bundled dataset is the floor that always works offline.
 */
import bundled from "../data/dataset.json";
import { Dataset, loadDataset } from "../core/dataset";
import { compareVersions } from "../core/refresh/acceptDataset";

/** What the store needs of localStorage (the shared runtime's storage persists across sessions). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const STORAGE_KEY = "aiDeals.lastGoodDataset";

let active: Dataset | undefined;
let storage: KeyValueStorage | undefined = defaultStorage();
const listeners = new Set<(dataset: Dataset) => void>();

function defaultStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled by the browser's settings: run on the bundled data
  }
}

function loadBundled(): Dataset {
  const result = loadDataset(bundled);
  // The build validates the same file (scripts/check-dataset.ts), so this only fails on a broken build.
  if (!result.ok) throw new Error(`The bundled dataset is invalid: ${result.errors.join("; ")}`);
  return result.dataset;
}

/** The kept dataset if it is valid and newer than the bundled one (an add-in update may bring newer data). */
function loadKept(floor: Dataset): Dataset | undefined {
  const text = storage?.getItem(STORAGE_KEY);
  if (!text) return undefined;
  try {
    const result = loadDataset(JSON.parse(text) as unknown);
    if (result.ok && compareVersions(result.dataset.file.version, floor.file.version) > 0)
      return result.dataset;
  } catch {
    // unreadable: fall through and forget it
  }
  storage?.removeItem(STORAGE_KEY);
  return undefined;
}

export function getActiveDataset(): Dataset {
  if (!active) {
    const floor = loadBundled();
    active = loadKept(floor) ?? floor;
  }
  return active;
}

/** Puts a checked dataset in use, keeps its text for the next start, and tells the listeners. */
export function replaceActiveDataset(next: Dataset, text: string): { kept: boolean } {
  active = next;
  let kept = false;
  try {
    storage?.setItem(STORAGE_KEY, text);
    kept = storage !== undefined;
  } catch {
    kept = false; // storage full: in use now, but a restart will fall back to the bundled data
  }
  for (const listener of listeners) listener(next);
  return { kept };
}

export function onDatasetChange(listener: (dataset: Dataset) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For tests: another storage, and a fresh start. */
export function resetStoreForTests(kv: KeyValueStorage | undefined): void {
  storage = kv;
  active = undefined;
  listeners.clear();
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
