/**
 * The Flows tab alone, for `npm run bench:pane`: renders the pane's own FlowsTab for the dataset the
 * benchmark puts in window.__flowsData, and times each render from the call to laid-out DOM.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { indexDataset } from "../../src/core/dataset";
import type { DatasetFile } from "../../src/core/schema";
import { FlowsTab } from "../../src/taskpane/components/FlowsTab";

const w = window as unknown as {
  __flowsData: DatasetFile;
  __renderFlows: () => { ms: number; pairs: number };
};
const dataset = indexDataset(w.__flowsData);

w.__renderFlows = () => {
  const container = document.createElement("div");
  container.style.width = "296px";
  document.body.replaceChildren(container);
  const root = createRoot(container);
  const start = performance.now();
  flushSync(() =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <FlowsTab dataset={dataset} />
      </FluentProvider>
    )
  );
  // Reading a size makes the browser lay the picture out now: what the analyst waits for.
  void container.getBoundingClientRect().height;
  const ms = performance.now() - start;
  const pairs = container.querySelectorAll('svg g[role="button"]').length;
  root.unmount();
  return { ms, pairs };
};
