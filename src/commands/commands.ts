/**
 * Ribbon commands of the add-in. The manifest's FunctionFile is the shared runtime's page (taskpane.html),
 * which loads this bundle, so a command runs in the same runtime as the custom functions and the pane:
 * "Refresh data" swaps the one dataset the formulas read, then updates the workbook, without opening
 * the pane. Its outcome waits in the runtime for the pane's Refresh tab.
 */
import { describeDiff } from "../core/refresh/diffDatasets";
import { defaultSource } from "../runtime/dataSources";
import { refreshData } from "../runtime/refreshData";
import { getActiveDataset } from "../runtime/datasetStore";
import { setRefreshNotice } from "../runtime/refreshNotice";
import { refreshWorkbook } from "../workbook/refreshWorkbook";

/** The ribbon's Refresh: from the team's feed saved in the pane, else the add-in's own data file. */
export async function refreshFromRibbon(): Promise<void> {
  try {
    const data = await refreshData(defaultSource());
    if (!data.ok && data.upToDate !== true) {
      setRefreshNotice(false, data.message);
      return;
    }
    // Up to date or newer: either way the workbook is brought to the data in use.
    const workbook = await refreshWorkbook(data.ok ? data.dataset : getActiveDataset());
    if (!data.ok) {
      setRefreshNotice(true, `${data.message} This workbook was brought to it.`);
      return;
    }
    const left = workbook.tables.filter((t) => t.status !== "rebuilt").length;
    setRefreshNotice(
      left === 0,
      `${describeDiff(data.diff)}${left > 0 ? ` ${left} table(s) could not be rebuilt: open the pane's Refresh tab.` : ""}`
    );
  } catch (err) {
    setRefreshNotice(
      false,
      `The refresh stopped: ${err instanceof Error ? err.message : String(err)}`
    );
  }
}

/** Resolves once Office is ready (with its host), or at once with undefined outside Office. */
export const commandsReady: Promise<Office.HostType | undefined> =
  typeof Office === "undefined"
    ? Promise.resolve(undefined)
    : Office.onReady().then((info) => {
        Office.actions?.associate("refreshAiDeals", (event: Office.AddinCommands.Event) => {
          void refreshFromRibbon().finally(() => event.completed());
        });
        return info.host ?? undefined;
      });
