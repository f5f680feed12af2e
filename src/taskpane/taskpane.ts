/**
 * The task pane: what the add-in knows. The dataset in use (from the shared runtime's store) and the DEALS
 * functions (from the generated functions.json). Renders without Office too, so a plain browser shows it;
 * Office itself is only touched after Office.onReady.
 */
import { getActiveDataset, summarize, type DatasetSummary } from "../runtime/datasetStore";
import {
  FUNCTIONS_NAMESPACE,
  formulaSignature,
  helpHref,
  parseFunctionsMetadata,
  type FunctionInfo,
} from "./functionsMetadata";

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`taskpane.html has no #${id}`);
  return element as T;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  textContent?: string
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (textContent !== undefined) el.textContent = textContent;
  return el;
}

const count = new Intl.NumberFormat();

function showError(target: HTMLElement, message: string): void {
  target.textContent = message;
  target.classList.add("message", "message-error");
  target.hidden = false;
}

function renderDataset(): void {
  let summary: DatasetSummary;
  try {
    summary = summarize(getActiveDataset());
  } catch (err) {
    byId("dataset-title").hidden = true;
    showError(
      byId("dataset-error"),
      `The dataset could not be loaded: ${err instanceof Error ? err.message : String(err)}`
    );
    return;
  }
  byId("dataset-title").textContent = summary.title;
  byId("dataset-version").textContent = summary.version;
  const asOf = byId<HTMLTimeElement>("dataset-as-of");
  asOf.textContent = summary.asOf;
  asOf.dateTime = summary.asOf;
  byId("dataset-companies").textContent = count.format(summary.companies);
  byId("dataset-deals").textContent = count.format(summary.deals);
  byId("dataset-valuations").textContent = count.format(summary.valuations);
  byId("dataset-sources").textContent = count.format(summary.sources);
  byId("dataset-facts").hidden = false;
}

function functionItem(fn: FunctionInfo): HTMLLIElement {
  const item = element("li", "function");
  item.id = `fn-${fn.id}`;
  const heading = element("h3", "function-name");
  heading.append(element("code", undefined, formulaSignature(fn)));
  item.append(heading);
  if (fn.description) item.append(element("p", "function-description", fn.description));

  if (fn.parameters.length > 0) {
    const details = element("details", "function-arguments");
    details.append(element("summary", undefined, `Arguments (${fn.parameters.length})`));
    const list = element("dl", "params");
    for (const p of fn.parameters) {
      const term = element("dt");
      term.append(element("code", undefined, p.name));
      if (p.optional) term.append(" ", element("span", "tag", "optional"));
      list.append(term, element("dd", undefined, p.description));
    }
    details.append(list);
    item.append(details);
  }

  const href = helpHref(fn);
  if (href) {
    const link = element("a", "function-help", "Help");
    link.href = href;
    link.target = "_blank";
    link.rel = "noopener";
    link.setAttribute("aria-label", `Help for ${FUNCTIONS_NAMESPACE}.${fn.name}`);
    item.append(link);
  }
  return item;
}

async function renderFunctions(): Promise<void> {
  const status = byId("functions-status");
  const list = byId<HTMLUListElement>("functions-list");
  let functions: FunctionInfo[];
  try {
    const response = await fetch("functions.json", { cache: "no-cache" });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    functions = parseFunctionsMetadata(await response.json());
  } catch (err) {
    showError(
      status,
      `The function list could not be loaded (functions.json: ${err instanceof Error ? err.message : String(err)}). ` +
        "The functions may still work in Excel; reload the add-in to try again."
    );
    return;
  }
  if (functions.length === 0) {
    status.textContent = "functions.json lists no functions.";
    return;
  }
  list.replaceChildren(...functions.map(functionItem));
  list.hidden = false;
  status.textContent = `${functions.length} functions.`;
}

function renderHost(host: Office.HostType | null | undefined): void {
  byId("host-status").textContent = host
    ? `Running in ${host}.`
    : "Not running inside Office: open this add-in from Excel to use the functions.";
}

function start(): void {
  byId("namespace-prefix").textContent = `=${FUNCTIONS_NAMESPACE}.`;
  renderDataset();
  void renderFunctions();
  if (typeof Office === "undefined") {
    // office.js did not load (a plain browser offline, or the CDN blocked): the pane still shows the data.
    renderHost(undefined);
  } else {
    void Office.onReady().then((info) => renderHost(info.host));
  }
}

start();
