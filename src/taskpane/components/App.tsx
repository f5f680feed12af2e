/**
 * The task pane: the dataset's version and date always at the top, then three tabs: insert tables,
 * browse deals, the function list.
 */
import {
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { Dataset } from "../../core/dataset";
import { onDatasetChange } from "../../runtime/datasetStore";
import { excelAvailable } from "../excelHost";
import { DataTab } from "./DataTab";
import { DealsTab } from "./DealsTab";
import { FunctionsTab } from "./FunctionsTab";
import { TablesTab } from "./TablesTab";

type TabId = "tables" | "deals" | "data" | "functions";
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
});

export function App(props: {
  dataset: Dataset | undefined;
  loadError?: string;
}): React.JSX.Element {
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabId>("tables");
  const [excel, setExcel] = React.useState<ExcelState>("checking");
  React.useEffect(() => {
    excelAvailable().then(
      (ok) => setExcel(ok ? "ready" : "absent"),
      () => setExcel("absent")
    );
  }, []);

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
          <Tab value="tables" id="tab-tables">
            Tables
          </Tab>
          <Tab value="deals" id="tab-deals">
            Deals
          </Tab>
          <Tab value="data" id="tab-data">
            Refresh
          </Tab>
          <Tab value="functions" id="tab-functions">
            Functions
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
        ) : tab === "deals" ? (
          <DealsTab dataset={ds} excelReady={excel === "ready"} />
        ) : tab === "data" ? (
          <DataTab dataset={ds} excel={excel} />
        ) : (
          <FunctionsTab />
        )}
      </main>
    </>
  );
}
