/**
 * Each table the pane inserts is recorded in the workbook's settings (saved with the file), under its
 * table name, with what it was built from: a refresh can find it and rebuild it in place.
 */
import { TableRequest } from "../core/tables/tablePlan";

export const RECORD_PREFIX = "aiDeals.table.";

export interface TableRecord extends TableRequest {
  readonly table: string;
  readonly sheet: string;
  /** Dataset version the table was built with ("2026.11.26 (data as of 2026-11-26)"). */
  readonly dataVersion: string;
  /** ISO time of the insertion. */
  readonly insertedAt: string;
  /** A round-trip table's chart, by name on the table's sheet: a refresh points its bars at the new rows. */
  readonly chart?: string;
}

export const recordKey = (table: string): string => `${RECORD_PREFIX}${table}`;

/** A stored setting read back, or undefined when it is not one of ours (hand-edited, older format). */
export function parseRecord(value: unknown): TableRecord | undefined {
  const v = typeof value === "string" ? safeJson(value) : value;
  if (typeof v !== "object" || v === null) return undefined;
  const r = v as Record<string, unknown>;
  const ok =
    typeof r.table === "string" &&
    typeof r.sheet === "string" &&
    (r.kind === "valuation" || r.kind === "exposure" || r.kind === "roundtrip") &&
    Array.isArray(r.subjects) &&
    r.subjects.every((s) => typeof s === "string") &&
    (r.asOf === null || typeof r.asOf === "string") &&
    (r.mode === "live" || r.mode === "values") &&
    (r.cards === undefined || typeof r.cards === "boolean") &&
    (r.chart === undefined || typeof r.chart === "string") &&
    typeof r.dataVersion === "string" &&
    typeof r.insertedAt === "string";
  return ok ? (r as unknown as TableRecord) : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // not JSON: not a record of ours
  }
}
