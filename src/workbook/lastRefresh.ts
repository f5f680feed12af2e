/** The dataset version this workbook was last refreshed with (written by refreshWorkbook), for the pane. */
import { LAST_REFRESH_KEY } from "./refreshWorkbook";

export async function readLastRefresh(): Promise<{ version: string; at: string } | undefined> {
  return Excel.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(LAST_REFRESH_KEY);
    setting.load("value");
    await context.sync();
    if (setting.isNullObject) return undefined;
    try {
      const v = JSON.parse(String(setting.value)) as { version?: unknown; at?: unknown };
      return typeof v.version === "string" && typeof v.at === "string"
        ? { version: v.version, at: v.at }
        : undefined;
    } catch {
      return undefined; // not ours to read
    }
  });
}
