/** Shared helpers for the in-memory Excel's own tests. */
import type { FakeExcel, RequestContext } from "../support/workbook";

export type Batch<R> = (context: RequestContext) => Promise<R>;

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(
  promise: Promise<unknown>
): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected a rejection");
}

export function sheetOf(context: RequestContext) {
  return context.workbook.worksheets.getItem("Sheet1");
}

/** Writes to Sheet1!address in its own batch. */
export function write(fake: FakeExcel, address: string, values: unknown): Promise<void> {
  return fake.Excel.run(async (context) => {
    sheetOf(context).getRange(address).values = values;
    await context.sync();
  });
}

export const run = <R>(fake: FakeExcel, batch: Batch<R>): Promise<R> => fake.Excel.run(batch);
