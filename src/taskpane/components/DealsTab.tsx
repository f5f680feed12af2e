/**
 * The deal browser: search by party, title or id, filter by type and status; each deal shows its figure,
 * status, date, source and the sentence it comes from, and inserts the formula for its figure.
 */
import {
  Body1Strong,
  Button,
  Caption1,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
  SearchBox,
  Text,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { DealRow, searchDeals } from "../../core/browse";
import { dealCard } from "../../core/cards/dealCard";
import { previewCard } from "../../core/cards/preview";
import { isFormulaError } from "../../core/errors";
import { Dataset } from "../../core/dataset";
import { DEAL_TYPES, DealType, STATUSES, Status } from "../../core/vocabulary";
import { insertFormula } from "../../workbook/insertFormula";
import { describeError } from "../../workbook/describeError";
import { money, words } from "../format";
import { CardPreview } from "./CardPreview";

const PAGE = 25;

const useStyles = makeStyles({
  filters: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  figure: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    fontStyle: "italic",
  },
  source: { overflowWrap: "anywhere" },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  // Fluent's tint Badge and small Card, drawn with the same tokens: the components themselves (and the
  // focus-management library they pull in) were a twentieth of the pane's code for two static boxes.
  badge: {
    display: "inline-flex",
    alignItems: "center",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    minHeight: "20px",
    borderRadius: tokens.borderRadiusCircular,
    ...shorthands.borderWidth(tokens.strokeWidthThin),
    ...shorthands.borderStyle("solid"),
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
  },
  closed: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorPaletteGreenForeground1,
    ...shorthands.borderColor(tokens.colorPaletteGreenBorder1),
  },
  signed: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    ...shorthands.borderColor(tokens.colorBrandStroke2),
  },
  announced: {
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground3,
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
  },
  in_talks: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorPaletteYellowForeground1,
    ...shorthands.borderColor(tokens.colorPaletteYellowBorder1),
  },
  rumored: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground3,
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
  },
  ended: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
    ...shorthands.borderColor(tokens.colorPaletteRedBorder1),
  },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
});

type Feedback = { intent: "success" | "warning" | "error"; text: string };

export function DealsTab(props: { dataset: Dataset; excelReady: boolean }): React.JSX.Element {
  const styles = useStyles();
  const [query, setQuery] = React.useState("");
  const [type, setType] = React.useState<DealType | null>(null);
  const [status, setStatus] = React.useState<Status | null>(null);
  const [shown, setShown] = React.useState(PAGE);
  const [feedback, setFeedback] = React.useState<Feedback | undefined>();
  const rows = React.useMemo(
    () => searchDeals(props.dataset, { query, type, status }),
    [props.dataset, query, type, status]
  );

  async function insert(deal: DealRow, what: "formula" | "card"): Promise<void> {
    setFeedback(undefined);
    const formula = what === "card" ? deal.cardFormula : deal.formula;
    try {
      const outcome = await insertFormula(formula, what === "card" ? "General" : deal.numberFormat);
      setFeedback(
        outcome.status === "inserted"
          ? {
              intent: "success",
              text:
                what === "card"
                  ? `${formula} is in ${outcome.address}: click the card icon in the cell to open it, or read a field with =${outcome.address.split("!").pop() ?? ""}.Status.`
                  : `${formula} is in ${outcome.address}.`,
            }
          : {
              intent: "warning",
              text: `${outcome.address} is not empty, so nothing was written. Select an empty cell and try again.`,
            }
      );
    } catch (err) {
      setFeedback({
        intent: "error",
        text: `The formula was not inserted: ${describeError(err)}.`,
      });
    }
  }

  return (
    <div className={styles.stack}>
      <Field
        label="Search deals"
        hint="A party (name, alias or ticker), words of the title, or an id."
      >
        <SearchBox
          value={query}
          placeholder="e.g. Amazon OpenAI"
          onChange={(_, d) => {
            setQuery(d.value);
            setShown(PAGE);
          }}
        />
      </Field>
      <div className={styles.filters}>
        <Field label="Type">
          <Dropdown
            className={styles.dropdown}
            value={type === null ? "All types" : words(type)}
            selectedOptions={[type ?? ""]}
            onOptionSelect={(_, d) => setType(d.optionValue ? (d.optionValue as DealType) : null)}
          >
            <Option value="">All types</Option>
            {DEAL_TYPES.map((t) => (
              <Option key={t} value={t}>
                {words(t)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Status">
          <Dropdown
            className={styles.dropdown}
            value={status === null ? "All statuses" : words(status)}
            selectedOptions={[status ?? ""]}
            onOptionSelect={(_, d) => setStatus(d.optionValue ? (d.optionValue as Status) : null)}
          >
            <Option value="">All statuses</Option>
            {STATUSES.map((s) => (
              <Option key={s} value={s}>
                {words(s)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>

      <Text role="status" aria-live="polite">
        {rows.length === 0
          ? "No deals match. Try fewer words, or all types and statuses."
          : `${rows.length} ${rows.length === 1 ? "deal" : "deals"}, newest first.`}
      </Text>
      {feedback && (
        <MessageBar intent={feedback.intent}>
          <MessageBarBody>{feedback.text}</MessageBarBody>
        </MessageBar>
      )}

      <ul className={styles.list} aria-label="Deals">
        {rows.slice(0, shown).map((deal) => (
          <li key={deal.id}>
            <DealCard
              deal={deal}
              dataset={props.dataset}
              excelReady={props.excelReady}
              onInsert={insert}
            />
          </li>
        ))}
      </ul>
      {rows.length > shown && (
        <Button onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, rows.length - shown)} more
        </Button>
      )}
    </div>
  );
}

function DealCard(props: {
  deal: DealRow;
  dataset: Dataset;
  excelReady: boolean;
  onInsert: (deal: DealRow, what: "formula" | "card") => Promise<void>;
}): React.JSX.Element {
  const styles = useStyles();
  const d = props.deal;
  const [showCard, setShowCard] = React.useState(false);
  const preview = React.useMemo(() => {
    if (!showCard) return undefined;
    const card = dealCard(props.dataset, d.id);
    return isFormulaError(card) ? undefined : previewCard(card);
  }, [showCard, props.dataset, d.id]);
  const previewId = `card-${d.id}`;
  return (
    <div role="group" aria-label={d.title} className={styles.card}>
      <Body1Strong as="h2" className={styles.title}>
        {d.title}
      </Body1Strong>
      <div className={styles.figure}>
        <Text weight="semibold">{money(d.amountUsd, d.qualifier)}</Text>
        <span className={mergeClasses(styles.badge, styles[d.status])}>{words(d.status)}</span>
        <Caption1>
          {words(d.type)} · {d.date}
        </Caption1>
      </div>
      <Caption1>
        {d.from} → {d.to || "several parties"}
      </Caption1>
      <blockquote className={styles.quote}>
        <Text size={200}>“{d.quote}”</Text>
      </blockquote>
      <Caption1 className={styles.source}>
        Source:{" "}
        {d.sourceUrl ? (
          <Link href={d.sourceUrl} target="_blank" rel="noopener noreferrer">
            {d.sourceLabel}
          </Link>
        ) : (
          d.sourceLabel
        )}
      </Caption1>
      <div className={styles.actions}>
        <Button
          size="small"
          disabled={!props.excelReady}
          title={d.formula}
          aria-label={`Insert the formula for ${d.title} into the selected cell`}
          onClick={() => void props.onInsert(d, "formula")}
        >
          Insert formula
        </Button>
        <Button
          size="small"
          disabled={!props.excelReady}
          title={d.cardFormula}
          aria-label={`Insert the card for ${d.title} into the selected cell`}
          onClick={() => void props.onInsert(d, "card")}
        >
          Insert card
        </Button>
        <Button
          size="small"
          appearance="subtle"
          aria-expanded={showCard}
          aria-controls={showCard ? previewId : undefined}
          onClick={() => setShowCard(!showCard)}
        >
          {showCard ? "Hide card" : "Preview card"}
        </Button>
      </div>
      {preview && <CardPreview card={preview} id={previewId} />}
    </div>
  );
}
