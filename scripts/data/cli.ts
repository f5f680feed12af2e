/**
 * The data maintainer's loop: `npm run data -- <command>`.
 *   check            validate src/data/dataset.json: the add-in's loader, the quote test, and counts
 *   diff <older>     what changed since an older dataset file (the summary a refresh shows)
 *   release [--version V] [--as-of YYYY-MM-DD]
 *                    set version and as-of date (default: today), check, and write the file the host
 *                    serves: dist/data/dataset.json (plus src/data/dataset.json)
 * Exit status 1 on any problem, with every problem and its path.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { loadDataset } from "../../src/core/load";
import { compareVersions } from "../../src/core/versions";
import { DatasetDiff, describeDiff, diffDatasets } from "../../src/core/refresh/diffDatasets";
import { DatasetFile } from "../../src/core/schema";
import { quoteProblems } from "./quoteCheck";

const ROOT = resolve(__dirname, "../..");
const SOURCE = resolve(ROOT, "src/data/dataset.json");
const HOSTED = resolve(ROOT, "dist/data/dataset.json");

type Out = (line: string) => void;

/** Every problem of a file (loader first, then the quote test) and its counts. */
export function checkFile(json: unknown): { problems: string[]; counts: Record<string, number> } {
  const loaded = loadDataset(json);
  if (!loaded.ok) return { problems: loaded.errors, counts: {} };
  const file = loaded.dataset.file;
  const problems = quoteProblems(file).map((q) => `${q.path}: ${q.message}`);
  const events = file.deals.flatMap((d) => d.history);
  const latestWithoutAmount = file.deals.filter(
    (d) => d.history.every((e) => e.amountUsd === null) && d.kind !== "aggregate"
  ).length;
  return {
    problems,
    counts: {
      companies: file.companies.length,
      deals: file.deals.length,
      "dated events": events.length,
      valuations: file.valuations.length,
      "reported positions": file.positions.length,
      "reported stakes": file.positions.filter((p) => p.stakePct !== undefined).length,
      sources: file.sources.length,
      "exchange rates": (file.fxRates ?? []).length,
      "deals without an amount": latestWithoutAmount,
    },
  };
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8")) as unknown;
}

export function check(path: string, out: Out): boolean {
  const json = readJson(path);
  const { problems, counts } = checkFile(json);
  const f = json as Partial<DatasetFile>;
  out(`${path}: version ${f.version ?? "?"}, as of ${f.asOf ?? "?"}`);
  for (const [k, v] of Object.entries(counts)) out(`  ${k}: ${v}`);
  if (problems.length === 0) {
    out("No problems.");
    return true;
  }
  out(`${problems.length} problem${problems.length === 1 ? "" : "s"}:`);
  for (const p of problems) out(`- ${p}`);
  return false;
}

function lines(d: DatasetDiff): string[] {
  const money = (n: number | string | null) =>
    typeof n === "number"
      ? `$${(n / 1e9).toLocaleString("en-US", { maximumFractionDigits: 3 })}B`
      : String(n ?? "none");
  return [
    describeDiff(d),
    ...d.added.map((a) => `+ deal ${a.id}: ${a.title} (${money(a.amount)}; ${a.source})`),
    ...d.removed.map((r) => `- deal ${r.id}: ${r.title}`),
    ...d.changed.map(
      (c) =>
        `~ deal ${c.id}: ${c.fields.map((f) => `${f.field} ${f.field === "amount" ? money(f.old) : (f.old ?? "none")} → ${f.field === "amount" ? money(f.new) : (f.new ?? "none")}`).join(", ")} (${c.source})`
    ),
    ...d.valuationsAdded.map(
      (v) => `+ valuation ${v.id}: ${v.company} ${money(v.amount)} on ${v.date}`
    ),
    ...d.valuationsChanged.map(
      (v) => `~ valuation ${v.id}: ${v.company} ${money(v.old)} → ${money(v.new)} (${v.source})`
    ),
    ...d.valuationsRemoved.map((v) => `- valuation ${v.id}: ${v.company}`),
    ...d.positions.map(
      (p) =>
        `${p.change === "added" ? "+" : p.change === "removed" ? "-" : "~"} position ${p.id}: ${p.investor} in ${p.company}, stake ${p.stake.old ?? "none"} → ${p.stake.new ?? "none"}, invested ${money(p.invested.old)} → ${money(p.invested.new)}`
    ),
  ];
}

export function diff(olderPath: string, newerPath: string, out: Out): boolean {
  const older = loadDataset(readJson(olderPath));
  const newer = loadDataset(readJson(newerPath));
  if (!older.ok || !newer.ok) {
    for (const [name, r] of [
      [olderPath, older],
      [newerPath, newer],
    ] as const)
      if (!r.ok) out(`${name} is not a valid dataset: ${r.errors.slice(0, 5).join("; ")}`);
    return false;
  }
  for (const l of lines(diffDatasets(older.dataset, newer.dataset))) out(l);
  return true;
}

export function release(
  args: { version?: string; asOf?: string; today: string },
  paths: { source: string; hosted: string },
  out: Out
): boolean {
  const file = readJson(paths.source) as DatasetFile;
  const asOf = args.asOf ?? args.today;
  let version = args.version ?? asOf.replace(/-/g, ".");
  if (args.version === undefined) {
    // A second release on one day: YYYY.MM.DD.1, .2, …
    for (let n = 1; compareVersions(version, file.version) <= 0; n++)
      version = `${asOf.replace(/-/g, ".")}.${n}`;
  }
  if (compareVersions(version, file.version) <= 0) {
    out(
      `Version ${version} is not newer than ${file.version}: a refresh would refuse it. Give a newer --version.`
    );
    return false;
  }
  const next: DatasetFile = { ...file, version, asOf };
  const { problems } = checkFile(next);
  if (problems.length > 0) {
    out(`Not released: ${problems.length} problem${problems.length === 1 ? "" : "s"}:`);
    for (const p of problems) out(`- ${p}`);
    return false;
  }
  const text = `${JSON.stringify(next, null, 2)}\n`;
  writeFileSync(paths.source, text);
  mkdirSync(dirname(paths.hosted), { recursive: true });
  writeFileSync(paths.hosted, text);
  out(
    `Released ${version} (as of ${asOf}): ${paths.source} and ${paths.hosted}. Publish the second where the add-in is hosted.`
  );
  return true;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  const out: Out = (l) => console.log(l);
  const option = (name: string): string | undefined => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  switch (command) {
    case "check":
      return check(rest[0] ?? SOURCE, out) ? 0 : 1;
    case "diff": {
      const older = rest[0];
      if (!older || !existsSync(older)) {
        out(
          "Usage: npm run data -- diff <older dataset.json> [newer, default src/data/dataset.json]"
        );
        return 1;
      }
      return diff(older, rest[1] ?? SOURCE, out) ? 0 : 1;
    }
    case "release":
      return release(
        {
          version: option("--version"),
          asOf: option("--as-of"),
          today: new Date().toISOString().slice(0, 10),
        },
        { source: SOURCE, hosted: HOSTED },
        out
      )
        ? 0
        : 1;
    default:
      out(
        "Usage: npm run data -- check | diff <older.json> | release [--version V] [--as-of YYYY-MM-DD]"
      );
      return command === undefined ? 0 : 1;
  }
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
