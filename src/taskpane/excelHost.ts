/**
 * Whether the pane can reach a workbook: office.js loaded, Office ready, and the Excel API present.
 * Outside Excel (a plain browser) the pane still shows the data; the insert buttons say why they wait.
 */
export async function excelAvailable(): Promise<boolean> {
  if (typeof Office === "undefined") return false;
  await Office.onReady();
  return typeof Excel !== "undefined" && typeof Excel.run === "function";
}

let pending: Promise<boolean> | undefined;
let known: boolean | undefined;

/**
 * The one check, started as early as the page can (taskpane.tsx, before the first render) and shared by
 * every later caller. Office is often ready before React renders: then the first render already knows,
 * and the pane is drawn once instead of twice.
 */
export function excelAvailability(): Promise<boolean> {
  pending ??= excelAvailable().then(
    (ok) => (known = ok),
    () => (known = false)
  );
  return pending;
}

/** The check's answer if it has settled, else undefined. */
export function excelKnown(): boolean | undefined {
  return known;
}
