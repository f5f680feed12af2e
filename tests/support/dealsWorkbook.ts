/**
 * The faithful workbook with the DEALS functions registered as Excel's runtime registers them: each id of
 * functions.json bound to the function the build's CustomFunctions.associate call names (the list Office's
 * metadata tooling generates), installed as the global Excel the add-in's writers call.
 */
import { metadata } from "./excel";
import { createFakeExcel, type FakeExcel } from "./workbook";

export async function dealsWorkbook(sheets: string[] = ["Sheet1"]): Promise<FakeExcel> {
  const { functions, byId } = await metadata();
  const implementations = new Map([...byId].map(([id, { fn }]) => [id, fn]));
  const fake = createFakeExcel({ namespace: "DEALS", functions, implementations, sheets });
  (globalThis as unknown as { Excel: unknown }).Excel = fake.Excel;
  return fake;
}
