/**
 * Insert a valuation or exposure table: what (companies or investors), as of when, live formulas or
 * values, and where. Every wait shows progress; every outcome says what happened and what to do next.
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { Dataset } from "../../core/dataset";
import { buildTable, tableChoices } from "../../core/tables/dealTables";
import { FigureMode, TableKind } from "../../core/tables/tablePlan";
import { InsertOutcome, Placement, insertTable } from "../../workbook/insertTable";
import { ChartOutcome, insertRoundTripChart } from "../../workbook/roundTripChart";
import { describeError } from "../../workbook/describeError";
import type { ExcelState } from "./App";
import { SubjectPicker } from "./SubjectPicker";

type Notice =
  | {
      kind: "done";
      outcome: Extract<InsertOutcome, { status: "inserted" }>;
      rows: number;
      mode: FigureMode;
      chart?: ChartOutcome;
    }
  | { kind: "blocked"; outcome: Exclude<InsertOutcome, { status: "inserted" }> }
  | { kind: "error"; title: string; message: string };

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  actions: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  option: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "center",
  },
  box: {
    width: "16px",
    height: "16px",
    margin: `0 0 0 ${tokens.spacingHorizontalS}`,
    accentColor: tokens.colorCompoundBrandBackground,
    cursor: "pointer",
    ":disabled": { cursor: "default" },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
  label: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  hint: {
    gridColumn: "1 / -1",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
});

export function TablesTab(props: { dataset: Dataset; excel: ExcelState }): React.JSX.Element {
  const styles = useStyles();
  const excelReady = props.excel === "ready";
  const choices = React.useMemo(() => tableChoices(props.dataset), [props.dataset]);
  const [kind, setKind] = React.useState<TableKind>("valuation");
  const [companies, setCompanies] = React.useState<string[]>([]);
  const [investors, setInvestors] = React.useState<string[]>([]);
  const [asOf, setAsOf] = React.useState("");
  const [mode, setMode] = React.useState<FigureMode>("live");
  const [cards, setCards] = React.useState(false);
  const [chart, setChart] = React.useState(true);
  const [placement, setPlacement] = React.useState<Placement>("selection");
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | undefined>();
  const submit = React.useRef<HTMLButtonElement>(null);

  const subjects = kind === "valuation" ? companies : investors;
  const what =
    kind === "valuation"
      ? "valuation table"
      : kind === "exposure"
        ? "exposure table"
        : "round-trip table";

  async function insert(where: Placement): Promise<void> {
    setNotice(undefined);
    const planned = buildTable(props.dataset, {
      kind,
      subjects,
      asOf: asOf === "" ? null : asOf,
      mode,
      cards: kind === "valuation" && mode === "live" && cards,
    });
    if (!planned.ok) {
      setNotice({ kind: "error", title: `No ${what} to insert`, message: planned.message });
      return;
    }
    setBusy(true);
    try {
      const outcome = await insertTable(planned.plan, where);
      // The table is in: a chart that fails is reported as such, never as a table that failed.
      const drawn =
        outcome.status === "inserted" && kind === "roundtrip" && chart
          ? await insertRoundTripChart(outcome.table).catch((err: unknown): ChartOutcome => ({
              status: "failed",
              message: describeError(err),
            }))
          : undefined;
      setNotice(
        outcome.status === "inserted"
          ? { kind: "done", outcome, rows: planned.plan.bodyRows, mode, chart: drawn }
          : { kind: "blocked", outcome }
      );
    } catch (err) {
      setNotice({
        kind: "error",
        title: "Excel did not take the table",
        message: `${describeError(err)}. Nothing was overwritten. Try again, or choose "On a new sheet".`,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.form}
      aria-label={`Insert a ${what}`}
      onSubmit={(e) => {
        e.preventDefault();
        void insert(placement);
      }}
    >
      <Field label="Table">
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as TableKind)}>
          <Radio value="valuation" label="Valuations: one row per company" />
          <Radio value="exposure" label="Exposure: one row per investor and company" />
          <Radio
            value="roundtrip"
            label="Round trips: money in and money back per investor and company"
          />
        </RadioGroup>
      </Field>

      {kind === "valuation" ? (
        <SubjectPicker
          label="Companies"
          choices={choices.companies}
          selected={companies}
          onChange={setCompanies}
        />
      ) : (
        <SubjectPicker
          label="Investors"
          choices={choices.investors}
          selected={investors}
          onChange={setInvestors}
        />
      )}

      <Field label="As of" hint="Leave empty for the latest data.">
        <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
      </Field>

      <Field label="Figures">
        <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as FigureMode)}>
          <Radio value="live" label="Live formulas: update when the data does" />
          <Radio value="values" label="Values: a snapshot that opens without the add-in" />
        </RadioGroup>
      </Field>

      {kind === "valuation" && (
        <Option
          id="company-cards"
          label="Company cards in the first column"
          checked={cards && mode === "live"}
          disabled={mode !== "live"}
          onChange={setCards}
          hint={
            mode === "live"
              ? "Each company as a card (=DEALS.COMPANY) that opens its investors, rounds and sources. Excel without cards shows the name."
              : "Cards are formulas: choose live formulas to add them."
          }
        />
      )}

      {kind === "roundtrip" && (
        <Option
          id="round-trip-chart"
          label="A bar chart beside the table"
          checked={chart}
          onChange={setChart}
          hint="Money in and money back per pair, most circular on top. A native Excel chart: it follows a refresh and opens without the add-in."
        />
      )}

      <Field label="Where">
        <RadioGroup value={placement} onChange={(_, d) => setPlacement(d.value as Placement)}>
          <Radio value="selection" label="At the selected cell" />
          <Radio value="newSheet" label="On a new sheet" />
        </RadioGroup>
      </Field>

      <div className={styles.actions}>
        <Button
          ref={submit}
          type="submit"
          appearance="primary"
          // Focusable while busy, so keyboard focus stays where the analyst left it.
          disabledFocusable={busy}
          disabled={subjects.length === 0 || !excelReady}
          icon={busy ? <Spinner size="tiny" /> : undefined}
        >
          {busy ? `Inserting the ${what}…` : `Insert ${what}`}
        </Button>
        {props.excel === "checking" && <Spinner size="tiny" label="Connecting to Excel…" />}
        {props.excel === "absent" && (
          <MessageBar intent="info">
            <MessageBarBody>Open this pane from Excel to insert tables.</MessageBarBody>
          </MessageBar>
        )}
        {excelReady && subjects.length === 0 && !notice && (
          <MessageBar intent="info">
            <MessageBarBody>
              Choose {kind === "valuation" ? "companies" : "investors"} to build the table from.
            </MessageBarBody>
          </MessageBar>
        )}
        {notice && (
          <NoticeBar
            notice={notice}
            onNewSheet={() => {
              setPlacement("newSheet");
              submit.current?.focus();
              void insert("newSheet");
            }}
            onDismiss={() => {
              setNotice(undefined);
              submit.current?.focus();
            }}
          />
        )}
      </div>
    </form>
  );
}

/**
 * A table option: a native checkbox in Fluent's colours, its label and a hint (Fluent's Checkbox would
 * add 2 KB to the pane's first screen).
 */
function Option(props: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.option}>
      <input
        id={props.id}
        type="checkbox"
        className={styles.box}
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={`${props.id}-hint`}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={props.id} className={styles.label}>
        {props.label}
      </label>
      <span id={`${props.id}-hint`} className={styles.hint}>
        {props.hint}
      </span>
    </div>
  );
}

function NoticeBar(props: {
  notice: Notice;
  onNewSheet: () => void;
  onDismiss: () => void;
}): React.JSX.Element {
  const n = props.notice;
  if (n.kind === "done") {
    return (
      <MessageBar intent="success">
        <MessageBarBody>
          <MessageBarTitle>Table {n.outcome.table} inserted</MessageBarTitle>
          {n.rows} {n.rows === 1 ? "row" : "rows"} of{" "}
          {n.mode === "live" ? "live formulas" : "values"} at {n.outcome.address}.
          {n.chart?.status === "inserted" && ` Its chart is at ${n.chart.address}.`}
          {n.chart?.status === "occupied" &&
            ` No chart: it needs ${n.chart.address}, which holds data or another chart. Nothing was drawn over it.`}
          {n.chart?.status === "notRoundTrip" && ` No chart: ${n.chart.message}`}
          {n.chart?.status === "failed" && ` Excel did not take its chart: ${n.chart.message}.`}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (n.kind === "error") {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{n.title}</MessageBarTitle>
          {n.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const { outcome } = n;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {outcome.status === "occupied" ? "Those cells are not empty" : "Not enough room there"}
        </MessageBarTitle>
        {outcome.status === "occupied"
          ? `The table needs ${outcome.address}, which holds data. AI Deals never writes over your cells: nothing was changed.`
          : `The table would run past the edge of the sheet from ${outcome.address.split(":")[0]}. Nothing was changed.`}{" "}
        Insert it on a new sheet, or select an empty cell with room below and to the right.
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={props.onNewSheet}>
          Insert on a new sheet
        </Button>
        <Button onClick={props.onDismiss}>Pick another cell</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
