/**
 * A refresh as the analyst starts it, from the pane or the ribbon: newer data from the source, then the
 * workbook brought to the data in use. The workbook is updated also when the data was already up to
 * date: that is how a table blocked last time, or a workbook from an older session, gets updated.
 */
import { DatasetDiff } from "../core/refresh/diffDatasets";
import { DataSource, ReadOptions } from "../runtime/dataSources";
import { getActiveDataset } from "../runtime/datasetStore";
import { refreshData } from "../runtime/refreshData";
import { describeError } from "./describeError";
import { refreshFlowMaps } from "./flowMap";
import { RefreshScope, WorkbookOutcome, refreshWorkbook } from "./refreshWorkbook";

export type RefreshAll =
  /** Nothing changed, in the data or the workbook; the message says why and what to do. */
  | { status: "failed"; message: string }
  | {
      status: "refreshed" | "upToDate";
      /** What the new data changed; absent when the data in use was already the newest. */
      diff?: DatasetDiff;
      /** The source's own words when it held the data already in use. */
      message?: string;
      /** false: in use now, but not stored for the next start. */
      kept: boolean;
      /** Absent when there is no workbook to update (the pane outside Excel) or it failed. */
      workbook?: WorkbookOutcome;
      workbookError?: string;
    };

export async function refreshAll(
  source: DataSource,
  options: { updateWorkbook: boolean; scope?: RefreshScope; read?: ReadOptions }
): Promise<RefreshAll> {
  const data = await refreshData(source, options.read);
  if (!data.ok && data.upToDate !== true) return { status: "failed", message: data.message };
  let workbook: WorkbookOutcome | undefined;
  let workbookError: string | undefined;
  if (options.updateWorkbook) {
    try {
      workbook = await refreshWorkbook(getActiveDataset(), new Date(), options.scope);
      // Flow maps are drawings of the whole data: redrawn with a workbook refresh, not a table's.
      if (options.scope !== "selectedTable")
        workbook = { ...workbook, maps: await refreshFlowMaps(getActiveDataset()) };
    } catch (err) {
      workbookError = describeError(err);
    }
  }
  return data.ok
    ? { status: "refreshed", diff: data.diff, kept: data.kept, workbook, workbookError }
    : { status: "upToDate", message: data.message, kept: true, workbook, workbookError };
}
