/**
 * The task pane: the dataset's version and date always at the top, then five tabs: insert tables,
 * browse deals, the round trips' flows, refresh, the function list. Only the Tables tab is in the pane's
 * first bundle: it is what the analyst sees first, so the pane is usable sooner; the others are chunks, fetched
 * once the pane is up (docs/benchmarks.md, pane load).
 */
import {
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { Dataset } from "../../core/dataset";
import { onDatasetChange } from "../../runtime/datasetStore";
import { excelAvailability, excelKnown } from "../excelHost";
import { TablesTab } from "./TablesTab";

const loadDealsTab = () => import(/* webpackChunkName: "deals-tab" */ "./DealsTab");
const loadDataTab = () => import(/* webpackChunkName: "refresh-tab" */ "./DataTab");
const loadFunctionsTab = () => import(/* webpackChunkName: "functions-tab" */ "./FunctionsTab");
const loadFlowsTab = () => import(/* webpackChunkName: "flows-tab" */ "./FlowsTab");
const DealsTab = React.lazy(() => loadDealsTab().then((m) => ({ default: m.DealsTab })));
const DataTab = React.lazy(() => loadDataTab().then((m) => ({ default: m.DataTab })));
const FunctionsTab = React.lazy(() =>
  loadFunctionsTab().then((m) => ({ default: m.FunctionsTab }))
);
const FlowsTab = React.lazy(() => loadFlowsTab().then((m) => ({ default: m.FlowsTab })));

function excelState(known: boolean | undefined): ExcelState {
  return known === undefined ? "checking" : known ? "ready" : "absent";
}

/** Fetches the other tabs once the pane is idle, so switching to one does not wait for the network. */
function preloadTabs(): void {
  const load = (): void => {
    // A failed fetch here is retried when the tab is opened, where React.lazy reports it.
    for (const chunk of [loadDealsTab, loadFlowsTab, loadDataTab, loadFunctionsTab])
      chunk().catch(() => undefined);
  };
  const idle = (globalThis as { requestIdleCallback?: (f: () => void) => void })
    .requestIdleCallback;
  if (idle) idle(load);
  else setTimeout(load, 200);
}

type TabId = "tables" | "deals" | "flows" | "data" | "functions";
export type ExcelState = "checking" | "ready" | "absent";

const useStyles = makeStyles({
  header: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
  brand: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  version: { display: "block", color: tokens.colorNeutralForeground3 },
  main: { padding: tokens.spacingHorizontalM },
  // Five tabs in a 320 px pane: a little less room around each label than Fluent's default.
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
});

export function App(props: {
  dataset: Dataset | undefined;
  loadError?: string;
}): React.JSX.Element {
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabId>("tables");
  const [excel, setExcel] = React.useState<ExcelState>(() => excelState(excelKnown()));
  React.useEffect(() => {
    excelAvailability().then(
      (ok) => setExcel(excelState(ok)),
      () => setExcel("absent")
    );
  }, []);
  // The other tabs' code is fetched once the pane knows whether Excel is there: after it is usable.
  const settled = excel !== "checking";
  React.useEffect(() => {
    if (settled) preloadTabs();
  }, [settled]);

  // A refresh swaps the dataset in the shared runtime's store; the whole pane follows it.
  const [ds, setDs] = React.useState(props.dataset);
  React.useEffect(() => {
    const unsubscribe = onDatasetChange(setDs);
    return () => {
      unsubscribe();
    };
  }, []);
  return (
    <>
      <header className={styles.header}>
        <div className={styles.brand}>
          <img src="assets/icon-32.png" alt="" width={24} height={24} />
          <Subtitle1 as="h1">AI Deals</Subtitle1>
        </div>
        <Caption1 className={styles.version} role="status" aria-label="Dataset in use">
          {ds
            ? `Data ${ds.file.version} · as of ${ds.file.asOf} · ${ds.deals.length} deals`
            : "No dataset loaded"}
        </Caption1>
        <TabList
          size="small"
          selectedValue={tab}
          onTabSelect={(_, d) => setTab(d.value as TabId)}
          aria-label="AI Deals"
        >
          <Tab value="tables" id="tab-tables" className={styles.tab}>
            Tables
          </Tab>
          <Tab value="deals" id="tab-deals" className={styles.tab}>
            Deals
          </Tab>
          <Tab value="flows" id="tab-flows" className={styles.tab}>
            Flows
          </Tab>
          <Tab value="data" id="tab-data" className={styles.tab}>
            Refresh
          </Tab>
          <Tab value="functions" id="tab-functions" className={styles.tab}>
            Help
          </Tab>
        </TabList>
      </header>
      <main className={styles.main} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {!ds ? (
          <MessageBar intent="error">
            <MessageBarBody>
              The dataset could not be loaded: {props.loadError}. Reload the add-in; if it keeps
              failing, reinstall it.
            </MessageBarBody>
          </MessageBar>
        ) : tab === "tables" ? (
          <TablesTab dataset={ds} excel={excel} />
        ) : (
          <React.Suspense fallback={<Spinner size="small" label="Loading…" />}>
            {tab === "deals" ? (
              <DealsTab dataset={ds} excelReady={excel === "ready"} />
            ) : tab === "flows" ? (
              <FlowsTab dataset={ds} excelReady={excel === "ready"} />
            ) : tab === "data" ? (
              <DataTab dataset={ds} excel={excel} />
            ) : (
              <FunctionsTab />
            )}
          </React.Suspense>
        )}
      </main>
    </>
  );
}
