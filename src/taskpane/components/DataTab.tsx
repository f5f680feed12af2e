/**
 * Refresh: choose where newer data comes from (the add-in's data file, a team's https feed, a file),
 * refresh, and read what changed — deals added, changed (old → new, with the source) and removed, and
 * what happened to each inserted table. A failure says why; the data in use stays as it was.
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { Dataset } from "../../core/dataset";
import { dataVersion } from "../../core/formulas";
import { DatasetDiff, describeDiff } from "../../core/refresh/diffDatasets";
import { DataSource, saveFeed, savedFeed } from "../../runtime/dataSources";
import { getRefreshNotice, onRefreshNotice } from "../../runtime/refreshNotice";
import { ConvertScope, convertToValues } from "../../workbook/convertToValues";
import { WorkbookState, readWorkbookState } from "../../workbook/workbookState";
import { RefreshAll, refreshAll } from "../../workbook/refreshAll";
import { RefreshScope, WorkbookOutcome, refreshWorkbook } from "../../workbook/refreshWorkbook";
import { describeError } from "../../workbook/describeError";
import { money, words } from "../format";
import type { ExcelState } from "./App";

type SourceKind = DataSource["kind"];

/** A refresh's outcome as the pane shows it (refreshAll's, or the "Update this workbook" button's). */
type Result = RefreshAll;

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  hiddenFile: { display: "none" },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalL,
  },
  heading: { margin: 0 },
});

export function DataTab(props: { dataset: Dataset; excel: ExcelState }): React.JSX.Element {
  const styles = useStyles();
  const [kind, setKind] = React.useState<SourceKind>("host");
  const [feed, setFeed] = React.useState(savedFeed);
  const [file, setFile] = React.useState<{ name: string; text: string } | undefined>();
  const [busy, setBusy] = React.useState(false);
  const [result, setResult] = React.useState<Result | undefined>();
  const [state, setState] = React.useState<WorkbookState | undefined>();
  const [scope, setScope] = React.useState<RefreshScope>("workbook");
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [ribbon, setRibbon] = React.useState(getRefreshNotice);
  React.useEffect(() => {
    const unsubscribe = onRefreshNotice(() => setRibbon(getRefreshNotice()));
    return () => {
      unsubscribe();
    };
  }, []);

  React.useEffect(() => {
    if (props.excel !== "ready") return;
    readWorkbookState(dataVersion(props.dataset)).then(setState, () => setState(undefined));
  }, [props.excel, props.dataset, result]);

  const source: DataSource | undefined =
    kind === "host"
      ? { kind: "host" }
      : kind === "feed"
        ? feed.trim() === ""
          ? undefined
          : { kind: "feed", url: feed.trim() }
        : file && { kind: "file", ...file };

  async function run(work: () => Promise<RefreshAll>): Promise<void> {
    setBusy(true);
    setResult(undefined);
    try {
      setResult(await work());
    } catch (err) {
      setResult({ status: "failed", message: `The refresh stopped: ${describeError(err)}.` });
    } finally {
      setBusy(false);
    }
  }

  function refresh(): void {
    if (!source) return;
    if (source.kind === "feed") saveFeed(source.url);
    void run(() => refreshAll(source, { updateWorkbook: props.excel === "ready", scope }));
  }

  /** Brings this workbook to the data in use without loading anything (a workbook from an older session). */
  function updateWorkbook(): void {
    void run(async () => ({
      status: "upToDate",
      message: `Brought to data ${props.dataset.file.version}.`,
      kept: true,
      workbook: await refreshWorkbook(props.dataset, new Date(), scope),
    }));
  }

  const f = props.dataset.file;
  const inUse = dataVersion(props.dataset);
  const lagging = state !== undefined && state.tablesBehind > 0;
  return (
    <div className={styles.stack}>
      <div>
        <Text block>
          In use: data {f.version}, as of {f.asOf}.
        </Text>
        {state !== undefined && (
          <Caption1 block>
            {state.last
              ? `This workbook was last refreshed with data ${state.last.version}, on ${state.last.at.slice(0, 10)}.`
              : "This workbook has not been refreshed yet."}
          </Caption1>
        )}
      </div>
      {lagging && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This workbook is behind the data in use</MessageBarTitle>
            {state.tablesBehind === 1
              ? "One inserted table was"
              : `${state.tablesBehind} inserted tables were`}{" "}
            built with other data than the {inUse} in use.
          </MessageBarBody>
          <MessageBarActions>
            <Button disabled={busy} onClick={updateWorkbook}>
              Update this workbook
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {ribbon && (
        <MessageBar intent={ribbon.ok ? "info" : "warning"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              Ribbon refresh at{" "}
              {new Date(ribbon.at).toLocaleTimeString(undefined, {
                hour: "2-digit",
                minute: "2-digit",
              })}
            </MessageBarTitle>
            {ribbon.message}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label="Newer data from">
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as SourceKind)}>
          <Radio value="host" label="The add-in's data file (published with the add-in)" />
          <Radio value="feed" label="My team's feed (an https address)" />
          <Radio value="file" label="A file on this computer (JSON)" />
        </RadioGroup>
      </Field>
      {kind === "feed" && (
        <Field label="Feed address" hint="For example https://data.example.com/ai-deals.json">
          <Input type="url" value={feed} onChange={(_, d) => setFeed(d.value)} />
        </Field>
      )}
      {kind === "file" && (
        <Field label="Dataset file" hint={file ? file.name : "No file chosen."}>
          <Button onClick={() => fileInput.current?.click()}>Choose a file…</Button>
          <input
            ref={fileInput}
            className={styles.hiddenFile}
            type="file"
            accept=".json,application/json"
            aria-label="Dataset file"
            onChange={(e) => {
              const input = e.target;
              const chosen = input.files?.[0];
              if (chosen)
                chosen.text().then(
                  (text) => setFile({ name: chosen.name, text }),
                  (err: unknown) =>
                    setResult({
                      status: "failed",
                      message: `${chosen.name} could not be read (${describeError(err)}). Choose it again.`,
                    })
                );
              input.value = ""; // choosing the same file again is a change too
            }}
          />
        </Field>
      )}
      <Field label="Update in the workbook">
        <RadioGroup value={scope} onChange={(_, d) => setScope(d.value as RefreshScope)}>
          <Radio value="workbook" label="Every inserted table" />
          <Radio value="selectedTable" label="Only the table at the selected cell" />
        </RadioGroup>
      </Field>
      <Button
        appearance="primary"
        disabledFocusable={busy || !source}
        icon={busy ? <Spinner size="tiny" /> : undefined}
        aria-describedby={source ? undefined : "refresh-needs"}
        onClick={refresh}
      >
        {busy ? "Refreshing…" : "Refresh data"}
      </Button>
      {!source && (
        <Caption1 id="refresh-needs">
          {kind === "feed"
            ? "Enter the feed's https address first."
            : "Choose a dataset file first."}
        </Caption1>
      )}
      {result && <ResultBar result={result} />}
      <ConvertSection dataset={props.dataset} excelReady={props.excel === "ready"} />
    </div>
  );
}

/** Share without the add-in: DEALS formulas become the values they show, with a note of the data version. */
function ConvertSection(props: { dataset: Dataset; excelReady: boolean }): React.JSX.Element {
  const styles = useStyles();
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<{
    intent: "success" | "info" | "error";
    text: string;
  }>();
  const [confirming, setConfirming] = React.useState<ConvertScope | undefined>();
  async function convert(scope: ConvertScope): Promise<void> {
    setBusy(true);
    setOutcome(undefined);
    try {
      const out = await convertToValues(scope, props.dataset);
      setOutcome(
        out.status === "converted"
          ? {
              intent: "success",
              text: `${out.cells} DEALS formula${out.cells === 1 ? "" : "s"} on ${out.sheet} now hold their values${out.note ? `; a note at ${out.note} says which data they come from` : ""}.${out.spillsLeft > 0 ? ` ${out.spillsLeft} spilled list${out.spillsLeft === 1 ? " was" : "s were"} left as formulas: copy and paste ${out.spillsLeft === 1 ? "it" : "them"} as values.` : ""}${out.cardsLeft > 0 ? ` ${out.cardsLeft} card${out.cardsLeft === 1 ? " was" : "s were"} left as formulas: formulas of yours read ${out.cardsLeft === 1 ? "its" : "their"} fields (like =B3.Valuation), which a name could not answer.` : ""}`,
            }
          : { intent: "info", text: out.message }
      );
    } catch (err) {
      setOutcome({ intent: "error", text: `Nothing was converted: ${describeError(err)}.` });
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="convert-heading" className={styles.section}>
      <Text id="convert-heading" as="h2" weight="semibold" className={styles.heading}>
        Share without the add-in
      </Text>
      <Caption1>
        Replace DEALS formulas with the values they show, so the workbook opens anywhere. Formulas
        of your own stay.
      </Caption1>
      <Button disabledFocusable={!props.excelReady || busy} onClick={() => setConfirming("sheet")}>
        Convert this sheet to values
      </Button>
      <Button disabledFocusable={!props.excelReady || busy} onClick={() => setConfirming("table")}>
        Convert the selected table to values
      </Button>
      {confirming && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Replace the formulas with their values?</MessageBarTitle>
            {confirming === "sheet"
              ? "Every DEALS formula on the active sheet"
              : "The DEALS formulas of the table at the selected cell"}{" "}
            will hold today&apos;s values and no longer follow the data. Excel cannot undo this.
          </MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="primary"
              onClick={() => {
                const scope = confirming;
                setConfirming(undefined);
                void convert(scope);
              }}
            >
              Convert
            </Button>
            <Button onClick={() => setConfirming(undefined)}>Cancel</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {outcome && (
        <MessageBar intent={outcome.intent}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function ResultBar(props: { result: Result }): React.JSX.Element {
  const styles = useStyles();
  const r = props.result;
  if (r.status === "failed")
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Refresh failed</MessageBarTitle>
          {r.message}
        </MessageBarBody>
      </MessageBar>
    );
  const d = r.diff;
  const blocked = [...(r.workbook?.tables ?? []), ...(r.workbook?.maps ?? [])].flatMap((t) =>
    t.status === "rebuilt" ? [] : [{ table: t.table, message: t.message }]
  );
  return (
    <>
      <MessageBar
        intent={blocked.length > 0 || r.workbookError ? "warning" : "success"}
        layout="multiline"
      >
        <MessageBarBody>
          <MessageBarTitle>{d ? "Data refreshed" : "Already up to date"}</MessageBarTitle>
          {d ? describeDiff(d) : r.message}{" "}
          {r.workbook
            ? `Every DEALS formula recalculated; ${rebuiltTables(r.workbook)} rebuilt.`
            : r.workbookError
              ? `The workbook could not be updated: ${r.workbookError}. Press Refresh data again: the data is already in use, so it updates the workbook.`
              : "Open the pane in Excel to update the workbook."}
          {!r.kept &&
            " The new data could not be stored: after a restart the add-in starts from its bundled data."}
        </MessageBarBody>
      </MessageBar>
      {blocked.map((t) => (
        <MessageBar key={t.table} intent="warning" layout="multiline">
          <MessageBarBody>{t.message}</MessageBarBody>
        </MessageBar>
      ))}
      {d && changes(d) > 0 && (
        <section aria-label="What changed">
          <Text weight="semibold" block>
            What changed
          </Text>
          <ul className={styles.list}>
            {d.changed.map((c) => (
              <li key={c.id}>
                <Text>
                  {c.title}:{" "}
                  {c.fields
                    .map((x) => `${x.field} ${show(x.field, x.old)} → ${show(x.field, x.new)}`)
                    .join("; ")}{" "}
                  <Caption1>({c.source})</Caption1>
                </Text>
              </li>
            ))}
            {d.valuationsChanged.map((v) => (
              <li key={v.id}>
                <Text>
                  {v.company} valuation {money(v.old)} → {money(v.new)}{" "}
                  <Caption1>({v.source})</Caption1>
                </Text>
              </li>
            ))}
            {d.added.map((a) => (
              <li key={a.id}>
                <Text>
                  New: {a.title} {a.amount !== null ? money(a.amount) : ""}{" "}
                  <Caption1>({a.source})</Caption1>
                </Text>
              </li>
            ))}
            {d.valuationsAdded.map((v) => (
              <li key={v.id}>
                <Text>
                  New valuation: {v.company} {money(v.amount)} ({v.date})
                </Text>
              </li>
            ))}
            {d.positions.map((x) => (
              <li key={x.id}>
                <Text>
                  {x.investor} in {x.company}, reported position {x.change}
                  {x.stake.old !== x.stake.new
                    ? `: stake ${pct(x.stake.old)} → ${pct(x.stake.new)}`
                    : ""}
                  {x.invested.old !== x.invested.new
                    ? `; invested ${x.invested.old === null ? "none" : money(x.invested.old)} → ${x.invested.new === null ? "none" : money(x.invested.new)}`
                    : ""}
                </Text>
              </li>
            ))}
            {d.valuationsRemoved.map((v) => (
              <li key={v.id}>
                <Text>Removed valuation: {v.company}</Text>
              </li>
            ))}
            {d.removed.map((x) => (
              <li key={x.id}>
                <Text>Removed: {x.title}</Text>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

const pct = (x: number | null): string => (x === null ? "none" : `${(x * 100).toFixed(1)}%`);

function changes(d: DatasetDiff): number {
  return (
    d.positions.length +
    d.changed.length +
    d.added.length +
    d.removed.length +
    d.valuationsAdded.length +
    d.valuationsChanged.length +
    d.valuationsRemoved.length
  );
}

function rebuiltTables(w: WorkbookOutcome): string {
  const n = w.tables.filter((t) => t.status === "rebuilt").length;
  const maps = (w.maps ?? []).filter((t) => t.status === "rebuilt").length;
  const tables = n === 1 ? "1 table" : `${n} tables`;
  return maps === 0 ? tables : `${tables} and ${maps === 1 ? "1 flow map" : `${maps} flow maps`}`;
}

function show(field: string, value: string | number | null): string {
  if (value === null) return "none";
  return field === "amount" && typeof value === "number" ? money(value) : words(String(value));
}
