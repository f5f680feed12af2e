/**
 * Ribbon commands of the add-in. This bundle exists because the manifest's FunctionFile (the runtime that
 * add-in commands run in) is the shared runtime's page, taskpane.html, which loads it: command handlers
 * registered here with Office.actions.associate would run in the same runtime as the custom functions and
 * the task pane. The only ribbon button today ("Show AI Deals") is a ShowTaskpane action, which Office
 * handles itself, so there is nothing to register yet.
 */

/** Resolves once Office is ready (with its host), or at once with undefined outside Office. */
export const commandsReady: Promise<Office.HostType | undefined> =
  typeof Office === "undefined"
    ? Promise.resolve(undefined)
    : Office.onReady().then((info) => info.host ?? undefined);
