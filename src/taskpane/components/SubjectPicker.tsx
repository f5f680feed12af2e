/**
 * Pick one or more companies (or investors) with search: a Fluent combobox that filters as you type,
 * and the chosen ones as dismissible tags below it.
 */
import {
  Button,
  Combobox,
  Field,
  Option,
  Tag,
  TagGroup,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";

export interface Choice {
  readonly id: string;
  readonly name: string;
}

const useStyles = makeStyles({
  combo: { width: "100%" },
  chosen: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
    marginTop: tokens.spacingVerticalXS,
  },
  tags: { flexWrap: "wrap", gap: tokens.spacingHorizontalXS, minWidth: 0, maxWidth: "100%" },
  // A long name is cut with an ellipsis (the whole name shows on hover), never wider than the pane.
  tag: { maxWidth: "100%", minWidth: 0 },
  tagText: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

export function SubjectPicker(props: {
  label: string;
  choices: readonly Choice[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const [query, setQuery] = React.useState("");
  const q = query.trim().toLowerCase();
  const shown = q ? props.choices.filter((c) => c.name.toLowerCase().includes(q)) : props.choices;
  const nameOf = (id: string): string => props.choices.find((c) => c.id === id)?.name ?? id;
  const plural = props.label.toLowerCase();

  return (
    <Field
      label={props.label}
      hint={`Type to search, pick one or more. ${props.selected.length} of ${props.choices.length} chosen.`}
    >
      <Combobox
        className={styles.combo}
        multiselect
        // Freeform lets the search hold a space ("Scale AI"); only listed options can be chosen.
        freeform
        placeholder={`Search ${plural}`}
        value={query}
        selectedOptions={[...props.selected]}
        onChange={(e) => setQuery(e.target.value)}
        onOptionSelect={(_, data) => {
          props.onChange(data.selectedOptions);
          setQuery("");
        }}
      >
        {shown.length === 0 ? (
          <Option key="none" value="" disabled text="">
            {`No ${plural} match '${query}'`}
          </Option>
        ) : (
          shown.map((c) => (
            <Option key={c.id} value={c.id} text={c.name}>
              {c.name}
            </Option>
          ))
        )}
      </Combobox>
      <div className={styles.chosen}>
        {props.selected.length > 0 && (
          <TagGroup
            className={styles.tags}
            aria-label={`Chosen ${plural}`}
            onDismiss={(_, data) =>
              props.onChange(props.selected.filter((id) => id !== data.value))
            }
          >
            {props.selected.map((id) => (
              <Tag
                key={id}
                value={id}
                size="small"
                className={styles.tag}
                primaryText={{ className: styles.tagText }}
                title={nameOf(id)}
                dismissible
                dismissIcon={{ "aria-label": `Remove ${nameOf(id)}` }}
              >
                {nameOf(id)}
              </Tag>
            ))}
          </TagGroup>
        )}
        {props.selected.length < props.choices.length && (
          <Button
            size="small"
            appearance="subtle"
            onClick={() => props.onChange(props.choices.map((c) => c.id))}
          >
            Choose all {props.choices.length}
          </Button>
        )}
      </div>
    </Field>
  );
}
