/**
 * Whether a candidate dataset may replace the one in use: it must parse (a truncated download does not),
 * pass the schema and the consistency checks, and be newer. Pure: the text in, a verdict out, so every
 * source (the add-in's host, a team's feed, a file the analyst picks) is judged by the same rules.
 */
import { Dataset } from "../dataset";
import { loadDataset } from "../load";
import { compareVersions } from "../versions";

export type Verdict =
  | { ok: true; dataset: Dataset }
  | {
      ok: false;
      /** What kind of problem, for tests and for choosing the pane's advice. */
      kind: "json" | "invalid" | "older" | "same";
      /** What happened and what to do, in the analyst's words. */
      message: string;
      details: readonly string[];
    };

export function acceptDataset(current: Dataset, text: string, from: string): Verdict {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      kind: "json",
      message: `${from} is not a complete JSON file (${reason}); it may have been cut off. The data in use is unchanged; try again, and if it keeps failing, tell whoever publishes the data.`,
      details: [],
    };
  }
  const loaded = loadDataset(json);
  if (!loaded.ok) {
    const n = loaded.errors.length;
    return {
      ok: false,
      kind: "invalid",
      message: `${from} is not a valid AI Deals dataset (${n} ${n === 1 ? "problem" : "problems"}, first: ${loaded.errors[0] ?? "unknown"}). The data in use is unchanged; tell whoever publishes it.`,
      details: loaded.errors,
    };
  }
  const next = loaded.dataset;
  const order = compareVersions(next.file.version, current.file.version);
  if (order < 0)
    return {
      ok: false,
      kind: "older",
      message: `${from} holds version ${next.file.version}, older than the ${current.file.version} in use, which is kept.`,
      details: [],
    };
  if (order === 0)
    return {
      ok: false,
      kind: "same",
      message: `${from} holds version ${next.file.version}, the one already in use: nothing to update.`,
      details: [],
    };
  return { ok: true, dataset: next };
}
