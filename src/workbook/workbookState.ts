/**
 * How current this workbook is (for the pane when it opens): the dataset version it was last refreshed
 * with (written by refreshWorkbook), and how many of its inserted tables were built with another version
 * than the one in use.
 */
import { LAST_REFRESH_KEY } from "./refreshWorkbook";
import { RECORD_PREFIX, parseRecord } from "./tableRecords";

export interface WorkbookState {
  last?: { version: string; at: string };
  tablesBehind: number;
}

export async function readWorkbookState(inUse: string): Promise<WorkbookState> {
  return Excel.run(async (context) => {
    const settings = context.workbook.settings.load("items/key, items/value");
    await context.sync();
    let last: WorkbookState["last"];
    let tablesBehind = 0;
    for (const s of settings.items) {
      if (s.key === LAST_REFRESH_KEY) last = parseLast(s.value);
      else if (s.key.startsWith(RECORD_PREFIX)) {
        const record = parseRecord(s.value);
        if (record && record.dataVersion !== inUse) tablesBehind++;
      }
    }
    return { last, tablesBehind };
  });
}

function parseLast(value: unknown): WorkbookState["last"] {
  try {
    const v = JSON.parse(String(value)) as { version?: unknown; at?: unknown };
    return typeof v.version === "string" && typeof v.at === "string"
      ? { version: v.version, at: v.at }
      : undefined;
  } catch {
    return undefined; // not ours to read
  }
}
