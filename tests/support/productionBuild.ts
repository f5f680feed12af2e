/**
 * One production build (webpack.config.js, mode production) for a sample address and team feed,
 * shared by every test file that needs the built add-in, across Jest's workers: the first to ask builds
 * into the run's directory (set by tests/support/globalSetup.ts), the others wait for it. A run that
 * needs no build never builds. The browser tests serve these very files at RELEASE.url.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import webpack, { type Configuration, type StatsCompilation } from "webpack";

type ConfigFactory = (
  env: Record<string, unknown>,
  argv: { mode: string }
) => Promise<Configuration>;

/** The sample deployment the tests build for: an address with a path, and one team feed origin. */
export const RELEASE = {
  url: "https://deals.example.com/addin/",
  feeds: ["https://data.example.com"],
} as const;

/** A built file's name without its content hash: "functions.a276c357.js" → "functions.js". */
export function unhashed(file: string): string {
  return file.replace(/\.[0-9a-f]{8}(\.[a-z]+(?:\.map)?)$/, "$1");
}

export interface ProductionBuild {
  /** Folder holding taskpane.html, the bundles, functions.json, help.html, the manifest and assets. */
  dir: string;
  /** Entry name → its files in load order (from webpack's stats). */
  entrypoints: Record<string, string[]>;
}

let cached: Promise<ProductionBuild> | undefined;

export function productionBuild(): Promise<ProductionBuild> {
  cached ??= buildOnce();
  return cached;
}

function runDir(): string {
  const dir = process.env.AI_DEALS_TEST_RUN_DIR;
  if (!dir)
    throw new Error("AI_DEALS_TEST_RUN_DIR is not set: run the tests with jest (globalSetup)");
  return dir;
}

async function buildOnce(): Promise<ProductionBuild> {
  const root = join(runDir(), "build");
  const dir = join(root, "dist");
  const done = join(root, "done.json");
  const failed = join(root, "failed.txt");
  let mine = false;
  try {
    mkdirSync(root); // atomic: exactly one worker gets to build
    mine = true;
  } catch {
    // another worker is building
  }
  if (mine) {
    try {
      const stats = await compile(dir);
      const entrypoints: Record<string, string[]> = {};
      for (const [name, e] of Object.entries(stats.entrypoints ?? {}))
        entrypoints[name] = (e.assets ?? []).map((a) => a.name).filter((n) => n.endsWith(".js"));
      writeFileSync(done, JSON.stringify({ dir, entrypoints }));
    } catch (err) {
      writeFileSync(failed, err instanceof Error ? err.message : String(err));
      throw err;
    }
  }
  for (let waited = 0; !existsSync(done); waited += 250) {
    if (existsSync(failed))
      throw new Error(`The production build failed:\n${readFileSync(failed, "utf8")}`);
    if (waited > 300_000) throw new Error("Timed out waiting for the production build");
    await new Promise((r) => setTimeout(r, 250));
  }
  return JSON.parse(readFileSync(done, "utf8")) as ProductionBuild;
}

async function compile(outDir: string): Promise<StatsCompilation> {
  const createConfig = require("../../webpack.config.js") as ConfigFactory;
  const config = await createConfig(
    { url: RELEASE.url, feeds: RELEASE.feeds.join(",") },
    { mode: "production" }
  );
  config.output = { ...config.output, path: outDir };
  return new Promise<StatsCompilation>((resolve, reject) => {
    webpack(config, (err, result) => {
      if (err) return reject(err);
      if (!result || result.hasErrors())
        return reject(new Error(result?.toString({ all: false, errors: true }) ?? "no stats"));
      resolve(result.toJson({ all: false, entrypoints: true, assets: true }));
    });
  });
}
