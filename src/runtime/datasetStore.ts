/**
 * The one place the shared runtime keeps the dataset in use. Custom functions and the task pane read it
 * here; a refresh replaces it whole, in one assignment, so no formula ever sees half of two datasets.
 * The last good refreshed dataset is kept in the runtime's storage, so a restart without a network still
 * has it; the bundled dataset is the floor that always works offline.
 *
 * Both are files already checked: the bundled one by the build (scripts/check-dataset.ts, the same rules),
 * the kept one by the refresh that accepted it. So starting up only indexes them, and the checking code
 * (schema, consistency) stays out of what a formula needs. A kept copy is trusted only under the rules
 * that checked it: it is stored with their stamp, and a build with other rules drops it.
 */
import bundled from "../data/dataset.json";
import { Dataset, indexDataset } from "../core/dataset";
import type { DatasetFile } from "../core/schema";
import { compareVersions } from "../core/versions";

/** A hash of the loader's rules, set by the build (webpack.config.js); "dev" where no build ran (tests). */
declare const __AI_DEALS_RULES__: string | undefined;
export const RULES_STAMP = typeof __AI_DEALS_RULES__ === "undefined" ? "dev" : __AI_DEALS_RULES__;

/** What the store needs of localStorage (the shared runtime's storage persists across sessions). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const STORAGE_KEY = "aiDeals.lastGoodDataset";
/** The stamp of the rules the kept copy passed. */
export const STAMP_KEY = "aiDeals.lastGoodDataset.rules";

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
  // The build refuses a bundled file that does not pass the loader (CheckDatasetPlugin).
  return indexDataset(bundled as unknown as DatasetFile);
}

/**
 * The kept dataset if the rules in use checked it and it is newer than the bundled one (an add-in update
 * may bring newer data). A copy checked under other rules, or unreadable, is forgotten: the bundled data
 * is used, and the next refresh checks and keeps a copy again.
 */
function loadKept(floor: Dataset): Dataset | undefined {
  const text = storage?.getItem(STORAGE_KEY);
  if (!text) return undefined;
  if (storage?.getItem(STAMP_KEY) === RULES_STAMP) {
    try {
      const kept = indexDataset(JSON.parse(text) as DatasetFile);
      if (compareVersions(kept.file.version, floor.file.version) > 0) return kept;
    } catch {
      // unreadable (cut off in storage): fall through and forget it
    }
  }
  storage?.removeItem(STORAGE_KEY);
  storage?.removeItem(STAMP_KEY);
  return undefined;
}

export function getActiveDataset(): Dataset {
  if (!active) {
    const floor = loadBundled();
    active = loadKept(floor) ?? floor;
  }
  return active;
}

/** Puts a dataset checked by the loader (core/load.ts) in use, keeps its text for the next start, and tells the listeners. */
export function replaceActiveDataset(next: Dataset, text: string): { kept: boolean } {
  active = next;
  let kept = false;
  try {
    storage?.setItem(STORAGE_KEY, text);
    storage?.setItem(STAMP_KEY, RULES_STAMP);
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
