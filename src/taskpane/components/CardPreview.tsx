/**
 * A card as Excel will show it, drawn from the entity JSON the DEALS.DEAL and DEALS.COMPANY functions
 * return (core/cards/preview.ts): its title, sections, fields with sublabels and sources, and lists.
 */
import { Caption1, Link, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { CardPreview as Preview, PreviewField, PreviewList } from "../../core/cards/preview";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  sectionTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    textTransform: "uppercase",
    letterSpacing: "0.04em",
  },
  fields: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr)",
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
  },
  name: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200 },
  sub: {
    display: "block",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase100,
  },
  scroll: { overflowX: "auto" },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase100,
    "& th, & td": {
      textAlign: "left",
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      whiteSpace: "nowrap",
    },
  },
  provider: { color: tokens.colorNeutralForeground3 },
});

function Field(props: { field: PreviewField }): React.JSX.Element {
  const styles = useStyles();
  const f = props.field;
  return (
    <>
      <dt className={styles.name}>{f.name}</dt>
      <dd className={styles.value}>
        {f.text}
        {f.sublabel && <span className={styles.sub}>{f.sublabel}</span>}
        {f.source && (
          <span className={styles.sub}>
            Source:{" "}
            {f.source.address ? (
              <Link href={f.source.address} target="_blank" rel="noopener noreferrer">
                {f.source.text}
              </Link>
            ) : (
              f.source.text
            )}
          </span>
        )}
      </dd>
    </>
  );
}

function List(props: { list: PreviewList }): React.JSX.Element {
  const styles = useStyles();
  const l = props.list;
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={l.name}>
      <table className={styles.table}>
        <thead>
          <tr>
            {l.header.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {l.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CardPreview(props: { card: Preview; id: string }): React.JSX.Element {
  const styles = useStyles();
  const c = props.card;
  return (
    <section id={props.id} className={styles.card} aria-label={`Card preview: ${c.title}`}>
      <Subtitle2 as="h3" className={styles.heading}>
        {c.title}
      </Subtitle2>
      {c.sections.map((s, i) => {
        const fields = s.items.filter((x): x is PreviewField => x.kind === "field");
        const lists = s.items.filter((x): x is PreviewList => x.kind === "list");
        return (
          <React.Fragment key={i}>
            {s.title && <h4 className={styles.sectionTitle}>{s.title}</h4>}
            {fields.length > 0 && (
              <dl className={styles.fields}>
                {fields.map((f) => (
                  <Field key={f.name} field={f} />
                ))}
              </dl>
            )}
            {lists.map((l) => (
              <List key={l.name} list={l} />
            ))}
          </React.Fragment>
        );
      })}
      <Caption1 className={styles.provider}>{c.provider}</Caption1>
    </section>
  );
}
