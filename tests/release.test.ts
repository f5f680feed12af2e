/**
 * The production build as a team would ship it: made for a sample address with a path and one team feed
 * (tests/support/productionBuild.ts), then read file by file. Every address in it is at that address over
 * https, nothing names this machine, icons are at their declared sizes, scripts and styles carry their
 * content hash, and the page may connect to exactly the feed it was given. The build's refusals come first:
 * a release build that could not work anywhere is never made.
 */
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { manifestUrls, parseManifest, readManifest } from "../scripts/manifest";
import { productionOptions } from "../scripts/build-options";
import { releaseManifest, manifestVersion } from "../scripts/release-manifest";
import { allProblems } from "./support/manifestChecks";
import { RELEASE, productionBuild, unhashed } from "./support/productionBuild";

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => Promise<unknown>;
const createConfig = require("../webpack.config.js") as ConfigFactory;
const pkg = require("../package.json") as { version: string };

describe("a production build refuses an address it could not be served from, saying what to pass", () => {
  const refusal = (env: Record<string, string>): string => {
    try {
      productionOptions(env, {});
    } catch (err) {
      return (err as Error).message;
    }
    return "accepted";
  };

  test("no address", async () => {
    expect(refusal({})).toMatch(
      /needs the address it will be served from\. Pass it, e\.g\. npm run build -- --env url=https:\/\/deals\.example\.com\/addin\//
    );
    // The webpack config itself refuses, before anything is built.
    await expect(createConfig({}, { mode: "production" })).rejects.toThrow(
      /needs the address it will be served from/
    );
  });

  test("an http address, or something that is not an address", () => {
    expect(refusal({ url: "http://deals.example.com/addin/" })).toMatch(
      /is http, not https\. Office loads add-ins only over https: pass an https:\/\/ address/
    );
    expect(refusal({ url: "deals.example.com/addin" })).toMatch(
      /is not a web address\. Pass a full address/
    );
  });

  test("this machine, by any of its names", () => {
    for (const url of [
      "https://localhost:3000/",
      "https://LOCALHOST/addin/",
      "https://127.0.0.1:8443/",
      "https://[::1]/",
      "https://addin.localhost/",
    ])
      expect([url, refusal({ url })]).toEqual([
        url,
        expect.stringMatching(
          /is this machine, which no one else can reach\. Pass the address of the host you deploy to/
        ),
      ]);
  });

  test("a feed that is not an https origin", () => {
    const url = RELEASE.url;
    expect(refusal({ url, feeds: "http://data.example.com" })).toMatch(
      /The feed origin .* is http, not https/
    );
    expect(refusal({ url, feeds: "https://data.example.com/deals.json" })).toMatch(
      /has a path\. Pass the origin only .* --env feeds=https:\/\/data\.example\.com/
    );
    expect(refusal({ url, feeds: "https://localhost:4000" })).toMatch(/is this machine/);
  });

  test("a good address is taken as a folder; options come from --env or the environment", () => {
    expect(productionOptions({ url: "https://deals.example.com/addin" }, {})).toEqual({
      baseUrl: "https://deals.example.com/addin/",
      origin: "https://deals.example.com",
      feeds: [],
      provider: "AI Deals",
      supportUrl: "https://deals.example.com/addin/help.html",
    });
    expect(
      productionOptions(
        {},
        {
          AI_DEALS_URL: "https://cdn.example.net/",
          AI_DEALS_FEEDS: "https://a.example.com, https://b.example.com",
          AI_DEALS_PROVIDER: "Contoso Research",
          AI_DEALS_SUPPORT_URL: "https://contoso.example/help",
        }
      )
    ).toEqual({
      baseUrl: "https://cdn.example.net/",
      origin: "https://cdn.example.net",
      feeds: ["https://a.example.com", "https://b.example.com"],
      provider: "Contoso Research",
      supportUrl: "https://contoso.example/help",
    });
  });
});

describe("the release manifest", () => {
  const source = readManifest().xml;
  const sourceId = /<Id>([^<]+)<\/Id>/.exec(source)?.[1];

  test("takes its provider and support page from the build, its Version from package.json, and keeps its Id", () => {
    const xml = releaseManifest(source, {
      baseUrl: "https://deals.example.com/addin/",
      feeds: [],
      provider: "Contoso Research",
      supportUrl: "https://contoso.example/help?from=excel&x=1",
      version: "2.3.4",
      functionsScript: "functions.0123abcd.js",
    });
    expect(xml).toContain("<ProviderName>Contoso Research</ProviderName>");
    expect(xml).toContain(
      '<SupportUrl DefaultValue="https://contoso.example/help?from=excel&#38;x=1"/>'
    );
    expect(xml).toContain("<Version>2.3.4.0</Version>");
    expect(/<Id>([^<]+)<\/Id>/.exec(xml)?.[1]).toBe(sourceId);
    // No feed, no AppDomains element at all (an empty one says nothing).
    expect(xml).not.toContain("AppDomain");
    expect(xml).toContain('DefaultValue="https://deals.example.com/addin/functions.0123abcd.js"');
    expect(() => manifestVersion("1.2")).toThrow(/must be three numbers/);
    expect(() => manifestVersion("1.2.70000")).toThrow(/each ≤ 65535/);
  });

  const options = {
    baseUrl: "https://deals.example.com/addin/",
    feeds: ["https://data.example.com"],
    provider: "AI Deals",
    supportUrl: "https://deals.example.com/addin/help.html",
    version: "1.0.0",
    functionsScript: "functions.0123abcd.js",
  };

  test("escapes each value once: text already escaped in the source reads the same after", () => {
    const written = "Deals &amp; stakes: R&#38;D &quot;&lt;labs&gt;&quot;";
    const withEntity = source.replace(
      /(<Description DefaultValue=")[^"]*"/,
      (_, start: string) => `${start}${written}"`
    );
    expect(withEntity).toContain(written);
    const xml = releaseManifest(withEntity, options);
    const description = /<Description DefaultValue="([^"]*)"/.exec(xml)?.[1];
    // The same text, 'Deals & stakes: R&D "<labs>"', escaped once.
    expect(description).toBe("Deals &#38; stakes: R&#38;D &#34;&#60;labs&#62;&#34;");
  });

  test("writes the feeds into AppDomains, adding the element where the source has none", () => {
    const without = source.replace(/\n\s*<AppDomains>[\s\S]*?<\/AppDomains>/, "");
    expect(without).not.toContain("<AppDomains>");
    for (const xml of [releaseManifest(source, options), releaseManifest(without, options)]) {
      expect(xml).toMatch(
        /<SupportUrl [^>]*\/>\s*<AppDomains>\s*<AppDomain>https:\/\/data\.example\.com<\/AppDomain>\s*<\/AppDomains>/
      );
    }
  });
});

describe("the production build for https://deals.example.com/addin/ with one team feed", () => {
  let dir: string;
  let entrypoints: Record<string, string[]>;
  let files: string[];
  const text = (file: string): string => readFileSync(join(dir, file), "utf8");

  beforeAll(async () => {
    ({ dir, entrypoints } = await productionBuild());
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap((name) => {
        const path = join(d, name);
        return statSync(path).isDirectory() ? walk(path) : [relative(dir, path)];
      });
    files = walk(dir);
  }, 300_000);

  test("names this machine nowhere: not in the manifest, the pages, the scripts or their source maps", () => {
    const found = files.filter(
      (f) => !f.endsWith(".png") && /localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0/i.test(text(f))
    );
    expect(found).toEqual([]);
  });

  test("every manifest address is at the build's address over https, and names a file the build has", () => {
    const xml = text("manifest.xml");
    const root = parseManifest(xml);
    const urls = manifestUrls(root);
    expect(urls.length).toBeGreaterThan(10);
    for (const { where, url } of urls) {
      if (where === "AppDomains/AppDomain") continue;
      expect([where, url.startsWith(RELEASE.url)]).toEqual([where, true]);
      const file = url.slice(RELEASE.url.length).split("#")[0] ?? "";
      expect([where, existsSync(join(dir, file))]).toEqual([where, true]);
    }
    expect(urls.filter((u) => u.where === "AppDomains/AppDomain").map((u) => u.url)).toEqual([
      ...RELEASE.feeds,
    ]);
    // The same structural checks as the source manifest, with images read from the build.
    expect(allProblems(xml, "DEALS", dir, RELEASE.url)).toEqual([]);
    expect(/<Version>([^<]+)<\/Version>/.exec(xml)?.[1]).toBe(`${pkg.version}.0`);
    expect(/<Id>([^<]+)<\/Id>/.exec(xml)?.[1]).toBe(
      /<Id>([^<]+)<\/Id>/.exec(readManifest().xml)?.[1]
    );
    // The custom functions' Script is the functions entry's own (hashed) bundle.
    const script = /<bt:Url id="JS\.Url" DefaultValue="([^"]+)"/.exec(xml)?.[1];
    expect(entrypoints.functions?.map((f) => RELEASE.url + f)).toContain(script);
  });

  test("every function's helpUrl is at the build's address and lands on a section of the built help.html", () => {
    const metadata = JSON.parse(text("functions.json")) as {
      functions: { id: string; helpUrl?: string }[];
    };
    const help = text("help.html");
    expect(metadata.functions.length).toBeGreaterThan(10);
    for (const fn of metadata.functions) {
      const url = new URL(fn.helpUrl ?? "none:");
      expect(`${url.origin}${url.pathname}`).toBe(`${RELEASE.url}help.html`);
      // Minified HTML may drop an attribute's quotes.
      expect([fn.id, new RegExp(`\\bid="?${url.hash.slice(1)}[" >]`).test(help)]).toEqual([
        fn.id,
        true,
      ]);
    }
    // The help page's own links are relative, so they stay on the build's address.
    const links = [...help.matchAll(/\b(?:href|src)="?([^"\s>]+)/g)].map((m) => m[1] ?? "");
    expect(links.filter((l) => /^[a-z]+:/i.test(l))).toEqual([]);
    for (const l of links.filter((l) => !l.startsWith("#")))
      expect([l, existsSync(join(dir, l))]).toEqual([l, true]);
  });

  test("scripts and stylesheets carry their content hash; the fixed names stay fixed", () => {
    const code = files.filter((f) => /\.(js|css)$/.test(f));
    expect(code.length).toBeGreaterThan(5);
    expect(code.filter((f) => !/\.[0-9a-f]{8}\.(js|css)$/.test(f))).toEqual([]);
    for (const fixed of [
      "taskpane.html",
      "functions.json",
      "manifest.xml",
      "help.html",
      "data/dataset.json",
    ])
      expect([fixed, files.includes(fixed)]).toEqual([fixed, true]);
    // The page names the hashed files, and each exists.
    const page = text("taskpane.html");
    const local = [...page.matchAll(/\b(?:src|href)="?([^"\s>]+)/g)]
      .map((m) => m[1] ?? "")
      .filter((u) => !/^https:/.test(u));
    const named = local.filter((u) => /\.(js|css)$/.test(u));
    expect(named.map(unhashed)).toEqual(
      expect.arrayContaining(["pane.css", "runtime.js", "functions.js", "taskpane.js"])
    );
    for (const u of local) expect([u, existsSync(join(dir, u))]).toEqual([u, true]);
  });

  test("the formulas never wait for the pane: the page runs every file of the functions entry before the pane's own", () => {
    const page = text("taskpane.html");
    const order = [...page.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1] ?? "");
    const functions = entrypoints.functions ?? [];
    const paneOnly = (entrypoints.taskpane ?? []).filter((f) => !functions.includes(f));
    expect(functions.length).toBeGreaterThan(1);
    expect(paneOnly.length).toBeGreaterThan(0);
    const lastFunctions = Math.max(...functions.map((f) => order.indexOf(f)));
    const firstPane = Math.min(...paneOnly.map((f) => order.indexOf(f)));
    expect(functions.every((f) => order.includes(f))).toBe(true);
    expect(lastFunctions).toBeLessThan(firstPane);
  });

  test("the page may connect to exactly its own site and the feed it was given (and Office's telemetry)", () => {
    const csp =
      /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(text("taskpane.html"))?.[1] ??
      "";
    const connect = /connect-src ([^;]+)/.exec(csp)?.[1]?.trim().split(/\s+/);
    expect(connect).toEqual(["'self'", "https://*.pipe.aria.microsoft.com", ...RELEASE.feeds]);
    expect(csp).not.toMatch(/wss:|localhost/);
  });
});
