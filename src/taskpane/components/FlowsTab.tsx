/**
 * The round trips as a picture: investors left, the companies they back right, money in (equity) and
 * money back (compute, chips, infrastructure) as lines whose weight follows the amount. Hover, focus or
 * click a pair for its amounts, circularity and deals with their sources; the slider steps through time.
 * The layout comes from the core (core/network/roundTripNetwork.ts); this file only draws it.
 */
import {
  Body1Strong,
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { Dataset } from "../../core/dataset";
import { LATEST, formatDay, parseAsOf } from "../../core/dates";
import { dealState } from "../../core/facts";
import { sourceLabel } from "../../core/formulas";
import {
  MIN_DRAWN,
  NetworkLayout,
  NetworkLink,
  roundTripNetwork,
} from "../../core/network/roundTripNetwork";
import { describeError } from "../../workbook/describeError";
import { insertFlowMap } from "../../workbook/flowMap";
import { money, words } from "../format";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  controls: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  slider: { width: "100%", accentColor: tokens.colorCompoundBrandBackground },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    alignItems: "center",
  },
  key: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatchIn: { width: "18px", height: "4px", backgroundColor: tokens.colorBrandForeground1 },
  swatchBack: {
    width: "18px",
    height: "4px",
    backgroundColor: tokens.colorPaletteDarkOrangeForeground1,
  },
  svg: { width: "100%", height: "auto", overflow: "visible" },
  box: { fill: tokens.colorNeutralBackground3, stroke: tokens.colorNeutralStroke1 },
  label: { fontSize: "11px", fill: tokens.colorNeutralForeground1 },
  in: { stroke: tokens.colorBrandForeground1, fill: "none" },
  back: { stroke: tokens.colorPaletteDarkOrangeForeground1, fill: "none" },
  pair: {
    cursor: "pointer",
    outline: "none",
    ":focus-visible": { filter: `drop-shadow(0 0 2px ${tokens.colorStrokeFocus2})` },
  },
  faded: { opacity: 0.25 },
  hit: { stroke: "transparent", strokeWidth: "12px", fill: "none", pointerEvents: "stroke" },
  details: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  deals: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  source: { overflowWrap: "anywhere" },
});

/** Quarter ends from the year of the first deal to the data's date, then the latest data. */
function steps(ds: Dataset): { day: number; label: string }[] {
  const first = ds.deals.reduce((m, d) => Math.min(m, d.history[0]?.day ?? Infinity), Infinity);
  const startYear = Number(formatDay(Number.isFinite(first) ? first : 0).slice(0, 4));
  const end = parseAsOf(ds.file.asOf);
  const out: { day: number; label: string }[] = [];
  for (let y = startYear; ; y++) {
    for (const md of ["03-31", "06-30", "09-30", "12-31"]) {
      const day = parseAsOf(`${y}-${md}`);
      if (typeof day !== "number" || typeof end !== "number" || day >= end)
        return [...out, { day: LATEST, label: "the latest data" }];
      out.push({ day, label: `${y}-${md}` });
    }
  }
}

const pairKey = (l: { investor: string; company: string }): string => `${l.investor}|${l.company}`;

function linkPath(l: NetworkLink): string {
  const mid = (l.from.x + l.to.x) / 2;
  return `M${l.from.x},${l.from.y} C${mid},${l.from.y} ${mid},${l.to.y} ${l.to.x},${l.to.y}`;
}

/** The pairs, each a focusable group of its two links. */
function Pairs(props: {
  net: NetworkLayout;
  /** The pair shown: the one hovered or focused, else the pinned one. */
  selected: string | undefined;
  pinned: string | undefined;
  onPreview: (key: string | undefined) => void;
  onPin: (key: string) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const { net } = props;
  const name = new Map(net.nodes.map((n) => [`${n.side}:${n.id}`, n.name]));
  const byPair = new Map<string, NetworkLink[]>();
  for (const l of net.links) byPair.set(pairKey(l), [...(byPair.get(pairKey(l)) ?? []), l]);
  return (
    <>
      {[...byPair].map(([key, links]) => {
        const first = links[0] as NetworkLink;
        const investor = name.get(`investor:${first.investor}`) ?? first.investor;
        const company = name.get(`company:${first.company}`) ?? first.company;
        const said = links
          .map((l) => `${money(l.amount)} ${l.direction === "in" ? "in" : "back"}`)
          .join(", ");
        return (
          <g
            key={key}
            className={`${styles.pair} ${props.selected && props.selected !== key ? styles.faded : ""}`}
            tabIndex={0}
            role="button"
            aria-label={`${investor} and ${company}: ${said}`}
            aria-pressed={props.pinned === key}
            onMouseEnter={() => props.onPreview(key)}
            onMouseLeave={() => props.onPreview(undefined)}
            onFocus={() => props.onPreview(key)}
            onBlur={() => props.onPreview(undefined)}
            onClick={() => props.onPin(key)}
            onKeyDown={(e) => {
              if (e.key === "Enter" || e.key === " ") {
                e.preventDefault();
                props.onPin(key);
              }
            }}
          >
            <title>{`${investor} → ${company}: ${said}`}</title>
            {links.map((l) => (
              // A wide, invisible stroke: a thin line is easy to aim at.
              <path key={`hit-${l.direction}`} d={linkPath(l)} className={styles.hit} />
            ))}
            {links.map((l) => (
              <path
                key={l.direction}
                d={linkPath(l)}
                className={l.direction === "in" ? styles.in : styles.back}
                strokeWidth={Math.max(MIN_DRAWN, l.weight)}
                strokeDasharray={l.amount === null ? "3 3" : undefined}
              />
            ))}
          </g>
        );
      })}
    </>
  );
}

function PairDetails(props: {
  ds: Dataset;
  net: NetworkLayout;
  pair: string;
  day: number;
}): React.JSX.Element {
  const styles = useStyles();
  const links = props.net.links.filter((l) => pairKey(l) === props.pair);
  const first = links[0];
  if (!first) return <></>;
  const nameOf = (id: string) => props.ds.companies.get(id)?.name ?? id;
  const ratio = props.net.circularity.get(props.pair);
  return (
    <section className={styles.details} aria-label="Selected pair" aria-live="polite">
      <Body1Strong>
        {nameOf(first.investor)} ⇄ {nameOf(first.company)}
      </Body1Strong>
      <Text size={200}>
        Circularity{" "}
        {ratio === undefined ? "not known: an amount is missing" : `${ratio.toFixed(2)}x`}
      </Text>
      {links.map((l) => (
        <div key={l.direction}>
          <Text size={200} weight="semibold">
            {l.direction === "in"
              ? `Money in (equity): ${money(l.amount)}`
              : `Money back (compute, chips, infrastructure): ${money(l.amount)}`}
          </Text>
          <ul className={styles.deals}>
            {l.deals.map((id) => {
              const deal = props.ds.dealById.get(id);
              // Each deal as it stood on the slider's date, as the amounts above count it.
              const state = deal && dealState(deal, props.day);
              const source = state && props.ds.sources.get(state.event.source);
              return (
                <li key={id}>
                  <Caption1>
                    {deal?.title ?? id} · {money(state?.value ?? null, state?.qualifier)} ·{" "}
                    {words(state?.status ?? "")} ·{" "}
                    <span className={styles.source}>
                      {source?.url ? (
                        <Link href={source.url} target="_blank" rel="noopener noreferrer">
                          {source.title}
                        </Link>
                      ) : (
                        (source?.title ?? sourceLabel(props.ds, state?.event.source ?? ""))
                      )}
                    </span>
                  </Caption1>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}

type Drawn = { intent: "success" | "warning" | "error"; text: string };

export function FlowsTab(props: { dataset: Dataset; excelReady?: boolean }): React.JSX.Element {
  const styles = useStyles();
  const ds = props.dataset;
  const stops = React.useMemo(() => steps(ds), [ds]);
  const [at, setAt] = React.useState(stops.length - 1);
  const step = stops[Math.min(at, stops.length - 1)] ?? { day: LATEST, label: "the latest data" };
  const net = React.useMemo(() => roundTripNetwork(ds, step.day), [ds, step.day]);
  // Hover and focus preview a pair; a click, Enter or Space pins it, so its deals stay while reading them.
  const [pinned, setPinned] = React.useState<string | undefined>();
  const [preview, setPreview] = React.useState<string | undefined>();
  const selected = preview ?? pinned;
  const [drawn, setDrawn] = React.useState<Drawn | undefined>();
  const [busy, setBusy] = React.useState(false);

  async function drawOnSheet(): Promise<void> {
    setDrawn(undefined);
    setBusy(true);
    try {
      const asOf = step.day === LATEST ? null : step.label;
      const out = await insertFlowMap(ds, asOf);
      setDrawn(
        out.status === "drawn"
          ? {
              intent: "success",
              text: `The flow map of ${out.pairs} round trips is on the new sheet ${out.sheet}. Refresh data redraws it.`,
            }
          : { intent: "warning", text: out.message }
      );
    } catch (err) {
      setDrawn({
        intent: "error",
        text: `Excel did not take the flow map: ${describeError(err)}. Nothing was drawn.`,
      });
    } finally {
      setBusy(false);
    }
  }
  const shown = selected !== undefined && net.links.some((l) => pairKey(l) === selected);
  const pad = 2;
  return (
    <div className={styles.stack}>
      <Text>
        Money in and money back between investors and the companies they back, as of {step.label}.
      </Text>
      <div className={styles.controls}>
        <label htmlFor="flows-as-of">
          <Caption1>As of {step.label}</Caption1>
        </label>
        <input
          id="flows-as-of"
          className={styles.slider}
          type="range"
          min={0}
          max={stops.length - 1}
          value={Math.min(at, stops.length - 1)}
          aria-valuetext={step.label}
          onChange={(e) => setAt(Number(e.target.value))}
        />
      </div>
      <div className={styles.legend}>
        <span className={styles.key}>
          <span className={styles.swatchIn} /> <Caption1>Money in (equity)</Caption1>
        </span>
        <span className={styles.key}>
          <span className={styles.swatchBack} /> <Caption1>Money back</Caption1>
        </span>
        <Caption1>Dashed: no amount reported.</Caption1>
      </div>
      {net.nodes.length === 0 ? (
        <Text>No round trips as of {step.label}.</Text>
      ) : (
        <svg
          className={styles.svg}
          viewBox={`${-pad} ${-pad} ${net.width + 2 * pad} ${net.height + 2 * pad}`}
          role="group"
          aria-label={`Round trips as of ${step.label}`}
        >
          <Pairs
            net={net}
            selected={shown ? selected : undefined}
            pinned={pinned}
            onPreview={setPreview}
            onPin={setPinned}
          />
          {net.nodes.map((n) => (
            <g key={`${n.side}:${n.id}`}>
              <title>{n.name}</title>
              <rect
                x={n.x}
                y={n.y}
                width={n.width}
                height={n.height}
                rx={4}
                className={styles.box}
              />
              <text
                x={n.x + n.width / 2}
                y={n.y + n.height / 2}
                className={styles.label}
                textAnchor="middle"
                dominantBaseline="central"
              >
                {n.name.length > 16 ? `${n.name.slice(0, 15)}…` : n.name}
              </text>
            </g>
          ))}
        </svg>
      )}
      <Button
        appearance="primary"
        disabled={props.excelReady !== true || net.nodes.length === 0}
        disabledFocusable={busy}
        onClick={() => void drawOnSheet()}
      >
        {busy ? "Drawing the flow map…" : "Draw as a flow map on a new sheet"}
      </Button>
      {drawn && (
        <MessageBar intent={drawn.intent}>
          <MessageBarBody>{drawn.text}</MessageBarBody>
        </MessageBar>
      )}
      {shown && selected !== undefined ? (
        <PairDetails ds={ds} net={net} pair={selected} day={step.day} />
      ) : (
        <Caption1>
          Hover or tab to a pair for its amounts, deals and sources; click, tap or press Enter to
          keep it shown.
        </Caption1>
      )}
    </div>
  );
}
