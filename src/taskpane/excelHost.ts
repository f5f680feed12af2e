/**
 * Whether the pane can reach a workbook: office.js loaded, Office ready, and the Excel API present.
 * Outside Excel (a plain browser) the pane still shows the data; the insert buttons say why they wait.
 */
export async function excelAvailable(): Promise<boolean> {
  if (typeof Office === "undefined") return false;
  await Office.onReady();
  return typeof Excel !== "undefined" && typeof Excel.run === "function";
}
