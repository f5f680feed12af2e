/**
 * Loading a dataset file that is not yet trusted (a refresh, a file the analyst picks, the build's check):
 * the schema (schema.ts), the indexes (dataset.ts), then the rules the schema cannot express
 * (consistency.ts). Either the dataset, or every problem found.
 */
import { checkConsistency } from "./consistency";
import { Dataset, indexDataset } from "./dataset";
import { datasetSchema } from "./schema";
import { Issue, validate } from "./validate";

export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

/**
 * Validates raw JSON (already parsed) and builds the dataset, or lists every problem found. The dataset
 * keeps `json` itself as its `file` (no copy): pass freshly parsed JSON and never change it afterwards.
 */
export function loadDataset(json: unknown): LoadResult {
  const parsed = validate(datasetSchema, json);
  if (!parsed.ok) return { ok: false, errors: parsed.issues.map(formatIssue) };
  // Index first (it tolerates broken references), then check consistency on the indexes: every
  // fact's day is computed once and the id maps are built once.
  const dataset = indexDataset(parsed.value);
  const errors = checkConsistency(dataset);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, dataset };
}

function formatIssue(issue: Issue): string {
  return `${issue.path.join(".") || "(root)"}: ${issue.message}`;
}
