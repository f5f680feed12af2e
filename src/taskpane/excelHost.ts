/**
 * Whether the pane can reach a workbook: office.js loaded, Office ready, and the Excel API present.
 * Outside Excel (a plain browser) the pane still shows the data; the insert buttons say why they wait.
 */
export async function excelAvailable(): Promise<boolean> {
  if (typeof Office === "undefined") return false;
  await Office.onReady();
  return typeof Excel !== "undefined" && typeof Excel.run === "function";
}

/** What went wrong, in words for the pane (office.js errors carry a code and a message). */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === "string" && code !== "" && !err.message.includes(code)
      ? `${err.message} (${code})`
      : err.message;
  }
  return String(err);
}
