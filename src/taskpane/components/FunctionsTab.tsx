/** The DEALS functions, from the functions.json the build generates: signature, what it does, its help. */
import {
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { describeError } from "../../workbook/describeError";
import {
  FUNCTIONS_NAMESPACE,
  FunctionInfo,
  formulaSignature,
  helpHref,
  parseFunctionsMetadata,
} from "../functionsMetadata";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  signature: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
    margin: 0,
  },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

type Loaded =
  | { state: "loading" }
  | { state: "ready"; list: FunctionInfo[] }
  | { state: "failed"; message: string };

export function FunctionsTab(): React.JSX.Element {
  const styles = useStyles();
  const [loaded, setLoaded] = React.useState<Loaded>({ state: "loading" });
  React.useEffect(() => {
    let live = true;
    fetch("functions.json", { cache: "no-cache" })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return parseFunctionsMetadata(await response.json());
      })
      .then(
        (list) => live && setLoaded({ state: "ready", list }),
        (err: unknown) => live && setLoaded({ state: "failed", message: describeError(err) })
      );
    return () => {
      live = false;
    };
  }, []);

  if (loaded.state === "loading")
    return <Spinner size="small" label="Loading the function list…" />;
  if (loaded.state === "failed")
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          The function list could not be loaded (functions.json: {loaded.message}). The functions
          may still work in Excel; reload the add-in to try again.
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <div className={styles.stack}>
      <Text>
        Type <code>={FUNCTIONS_NAMESPACE}.</code> in a cell. Arguments in brackets are optional.
      </Text>
      <ul className={styles.list} aria-label="Functions">
        {loaded.list.map((fn) => {
          const href = helpHref(fn);
          return (
            <li key={fn.id}>
              <h2 className={styles.signature}>{formulaSignature(fn)}</h2>
              <Caption1>{fn.description}</Caption1>{" "}
              {href && (
                <Link
                  href={href}
                  target="_blank"
                  aria-label={`Help for ${FUNCTIONS_NAMESPACE}.${fn.name}`}
                >
                  Help
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
