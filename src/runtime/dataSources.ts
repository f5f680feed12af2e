/**
 * Where a newer dataset can come from, read to text with every failure put into words:
 * - the add-in's own web host: data/dataset.json deployed next to the code (data updates without a build);
 * - a team's own feed: an https address the team configures;
 * - a file the analyst picks in the pane.
 * All three then go through the one loader (acceptDataset).
 */
export type DataSource =
  { kind: "host" } | { kind: "feed"; url: string } | { kind: "file"; name: string; text: string };

export type SourceText = { ok: true; text: string; from: string } | { ok: false; message: string };

export const DEFAULT_TIMEOUT_MS = 15_000;
/** Where the build puts the deployable copy of the dataset, relative to the pane's page. */
export const HOST_DATA_PATH = "data/dataset.json";

/** Set by the build: a release's --env feeds (also its manifest's AppDomains); in dev, the manifest's https AppDomains (webpack.config.js). */
declare const __AI_DEALS_FEED_ORIGINS__: readonly string[] | undefined;
const BUILT_FEED_ORIGINS: readonly string[] =
  typeof __AI_DEALS_FEED_ORIGINS__ === "undefined" ? [] : __AI_DEALS_FEED_ORIGINS__;

export interface ReadOptions {
  /** Origins a feed may be on; the build's list by default. */
  feedOrigins?: readonly string[];
  timeoutMs?: number;
  /** The page's address, against which the host's data file is found. */
  baseUrl?: string;
  fetchImpl?: typeof fetch;
}

/** A team's feed address as the pane last saved it (the ribbon's Refresh uses it too). */
export const FEED_KEY = "aiDeals.feedUrl";

export function savedFeed(): string {
  try {
    return globalThis.localStorage?.getItem(FEED_KEY) ?? "";
  } catch {
    return ""; // storage disabled: no saved feed
  }
}

export function saveFeed(url: string): void {
  try {
    globalThis.localStorage?.setItem(FEED_KEY, url);
  } catch {
    // storage disabled: the address works for this refresh, it just is not remembered
  }
}

/** Where the ribbon's Refresh reads from: the team's feed if one was saved, else the add-in's file. */
export function defaultSource(): DataSource {
  const feed = savedFeed();
  return feed ? { kind: "feed", url: feed } : { kind: "host" };
}

export function describeSource(source: DataSource): string {
  return source.kind === "host"
    ? "The add-in's data file"
    : source.kind === "feed"
      ? `The feed at ${source.url}`
      : `The file ${source.name}`;
}

export async function readSource(
  source: DataSource,
  options: ReadOptions = {}
): Promise<SourceText> {
  const from = describeSource(source);
  if (source.kind === "file") return { ok: true, text: source.text, from };
  let url: URL;
  try {
    url =
      source.kind === "host"
        ? new URL(HOST_DATA_PATH, options.baseUrl ?? globalThis.location?.href)
        : new URL(source.url);
  } catch {
    return { ok: false, message: `${from} is not a web address. Enter a full https:// address.` };
  }
  if (source.kind === "feed" && url.protocol !== "https:")
    return { ok: false, message: `${from} is not https. A data feed must be served over https.` };
  const allowed = options.feedOrigins ?? BUILT_FEED_ORIGINS;
  if (source.kind === "feed" && !allowed.includes(url.origin))
    return {
      ok: false,
      message: `${from} is not on the add-in's list of data domains (${allowed.join(", ") || "none"}). Ask whoever deploys the add-in to allow ${url.origin} as a data feed.`,
    };
  return fetchText(url, from, options);
}

async function fetchText(url: URL, from: string, options: ReadOptions): Promise<SourceText> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await (options.fetchImpl ?? fetch)(url.href, {
      signal: controller.signal,
      cache: "no-store",
    });
    if (!response.ok)
      return {
        ok: false,
        message: `${from} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}. The data in use is unchanged; ${response.status === 404 ? "no dataset is published at that address yet: check it, or ask whoever publishes the data." : "try again later."}`,
      };
    return { ok: true, text: await response.text(), from };
  } catch (err) {
    if (controller.signal.aborted)
      return {
        ok: false,
        message: `${from} did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}. The data in use is unchanged; check the connection and try again.`,
      };
    const reason = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      message: `${from} could not be reached (${reason}). The data in use is unchanged; check the connection and try again.${url.origin !== globalThis.location?.origin ? " If the connection is fine, the feed's server may not allow this add-in to read it (CORS): ask its owner." : ""}`,
    };
  } finally {
    clearTimeout(timer);
  }
}
