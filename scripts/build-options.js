/**
 * What a production build needs to know about where it will live, read from webpack's --env (or the
 * environment, for CI pipelines) and checked before anything is built:
 *
 *   npm run build -- --env url=https://deals.example.com/addin/ [--env feeds=https://data.example.com]
 *                    [--env provider="Contoso Research"] [--env support=https://contoso.example/help]
 *
 * (or AI_DEALS_URL, AI_DEALS_FEEDS, AI_DEALS_PROVIDER, AI_DEALS_SUPPORT_URL). A bad value is an Error whose
 * message says what to pass; webpack prints it and exits non-zero.
 */
"use strict";

const EXAMPLE = "npm run build -- --env url=https://deals.example.com/addin/";

/** Hosts that only mean "this machine": a build for them cannot be deployed. */
function isLocalHost(hostname) {
  const h = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    h === "localhost" ||
    h.endsWith(".localhost") ||
    h === "::1" ||
    h === "0.0.0.0" ||
    /^127(\.\d{1,3}){3}$/.test(h)
  );
}

function parseHttps(value, what, example) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `${what} "${value}" is not a web address. Pass a full address, e.g. ${example}`
    );
  }
  if (url.protocol !== "https:")
    throw new Error(
      `${what} "${value}" is ${url.protocol.replace(":", "")}, not https. Office loads add-ins only over https: pass an https:// address, e.g. ${example}`
    );
  if (isLocalHost(url.hostname))
    throw new Error(
      `${what} "${value}" is this machine, which no one else can reach. Pass the address of the host you deploy to, e.g. ${example}; for a local trial use npm start (dev) or npm run serve:dist.`
    );
  if (url.username || url.password)
    throw new Error(`${what} "${value}" holds a user name or password; pass the address alone.`);
  return url;
}

/** The add-in's base address, always ending in "/" (every file is resolved against it). */
function parseBaseUrl(value) {
  if (!value)
    throw new Error(
      `A production build needs the address it will be served from. Pass it, e.g. ${EXAMPLE} (or set AI_DEALS_URL). For a build that runs on this machine, use npm run build:dev.`
    );
  const url = parseHttps(value, "The add-in address", "https://deals.example.com/addin/");
  if (url.search || url.hash)
    throw new Error(
      `The add-in address "${value}" has a query or fragment; pass the folder the files are served from, e.g. https://deals.example.com/addin/`
    );
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/** Feed origins, comma or space separated: each an https origin with no path. */
function parseFeeds(value) {
  if (!value) return [];
  const origins = [];
  for (const item of String(value)
    .split(/[\s,]+/)
    .filter(Boolean)) {
    const url = parseHttps(item, "The feed origin", "--env feeds=https://data.example.com");
    if (url.pathname !== "/" || url.search || url.hash)
      throw new Error(
        `The feed origin "${item}" has a path. Pass the origin only (scheme, host and port), e.g. --env feeds=${url.origin}; the analyst types the feed's full address in the pane.`
      );
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  return origins;
}

function parseProvider(value) {
  const provider = (value ?? "AI Deals").trim();
  if (!provider || provider.length > 250 || /[<>&]/.test(provider))
    throw new Error(
      `The provider name "${provider}" must be 1 to 250 characters without <, > or &, e.g. --env provider="Contoso Research"`
    );
  return provider;
}

/**
 * The options of a production build. `env` is webpack's --env object; `environment` is process.env.
 * Returns { baseUrl, origin, feeds, provider, supportUrl }.
 */
function productionOptions(env = {}, environment = process.env) {
  const pick = (key, variable) => {
    const v = env[key] ?? environment[variable];
    return typeof v === "string" ? v.trim() : v === true ? "" : undefined;
  };
  const baseUrl = parseBaseUrl(pick("url", "AI_DEALS_URL"));
  const feeds = parseFeeds(pick("feeds", "AI_DEALS_FEEDS"));
  const provider = parseProvider(pick("provider", "AI_DEALS_PROVIDER"));
  const support = pick("support", "AI_DEALS_SUPPORT_URL");
  const supportUrl = support
    ? parseHttps(support, "The support page", "--env support=https://contoso.example/help").href
    : `${baseUrl}help.html`;
  return { baseUrl, origin: new URL(baseUrl).origin, feeds, provider, supportUrl };
}

module.exports = { productionOptions, isLocalHost, EXAMPLE };
