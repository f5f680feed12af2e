/**
 * Ribbon commands of the add-in. The manifest's FunctionFile is the shared runtime's page (taskpane.html),
 * which loads this bundle, so a command runs in the same runtime as the custom functions and the pane:
 * "Refresh data" swaps the one dataset the formulas read, then updates the workbook, without opening
 * the pane. Its outcome waits in the runtime for the pane's Refresh tab.
 */
import { describeDiff } from "../core/refresh/diffDatasets";
import { defaultSource } from "../runtime/dataSources";
import { setRefreshNotice } from "../runtime/refreshNotice";
import { describeError } from "../workbook/describeError";
import { refreshAll } from "../workbook/refreshAll";

/** The ribbon's Refresh: from the team's feed saved in the pane, else the add-in's own data file. */
export async function refreshFromRibbon(): Promise<void> {
  try {
    const r = await refreshAll(defaultSource(), { updateWorkbook: true });
    if (r.status === "failed") {
      setRefreshNotice(false, r.message);
      return;
    }
    if (r.workbookError) {
      setRefreshNotice(false, `The workbook was not updated: ${r.workbookError}. Refresh again.`);
      return;
    }
    const left = [...(r.workbook?.tables ?? []), ...(r.workbook?.maps ?? [])].filter(
      (t) => t.status !== "rebuilt"
    ).length;
    const said = r.diff
      ? describeDiff(r.diff)
      : `${r.message ?? ""} This workbook was brought to it.`;
    setRefreshNotice(
      left === 0,
      `${said}${left > 0 ? ` ${left} table(s) could not be rebuilt: open the pane's Refresh tab.` : ""}`
    );
  } catch (err) {
    setRefreshNotice(false, `The refresh stopped: ${describeError(err)}`);
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
