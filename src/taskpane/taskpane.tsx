/**
 * Entry of the task pane (the shared runtime's page): mounts the Fluent 2 React app. The dataset comes
 * from the shared runtime's store, the same one the custom functions read. Renders without Office too,
 * so a plain browser shows the data; Office is only touched after Office.onReady.
 */
import { AriaLiveAnnouncer, FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Dataset } from "../core/dataset";
import { getActiveDataset } from "../runtime/datasetStore";
import { App } from "./components/App";
import { excelAvailability } from "./excelHost";

function load(): { dataset?: Dataset; error?: string } {
  try {
    return { dataset: getActiveDataset() };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

// Ask Office now: it is often ready before React's first render, which can then show the pane ready.
void excelAvailability();

const container = document.getElementById("root");
if (container) {
  const { dataset, error } = load();
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      {/* Lets Fluent's message bars announce themselves to screen readers. */}
      <AriaLiveAnnouncer>
        <App dataset={dataset} loadError={error} />
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
