/**
 * `npm run bench`: how fast the formulas answer, side by side in one process run, over the bundled
 * dataset and a generated 100,000-deal one. 100,000 DEAL_VALUE calls (all distinct argument tuples) are
 * timed cold (a dataset object with empty memo tables: each call computed) and warm (the same calls again,
 * as Excel's recalculation sees them), against a naive scan of the raw deal list and against the floor,
 * a bare Map lookup per call with the key built the same way. Also: load and indexing time of the
 * 100,000-deal set and the heap it holds once indexed. A benchmark, not a test: it prints figures and
 * PASS/MISS against the targets and always exits 0 unless the data or the answers are wrong.
 *
 * Run: node --expose-gc --import tsx scripts/bench.ts (without --expose-gc, heap figures are omitted).
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { resolve } from "node:path";
import { searchDeals } from "../src/core/browse";
import { Dataset, indexDataset, pairKey } from "../src/core/dataset";
import { loadDataset } from "../src/core/load";
import { isFormulaError } from "../src/core/errors";
import { dealValue, stakePct } from "../src/core/formulas";
import type { DatasetFile } from "../src/core/schema";
import { normalizeName } from "../src/core/names";
import { generateDataset } from "./bench/generate-dataset";
import { naiveDealValue } from "./bench/naive";
import { DealValueCall, callKey, dealValueCalls } from "./bench/workload";

const CALLS = 100_000;
const GENERATED_DEALS = 100_000;
const GENERATED_COMPANIES = 2_000;
const SEED = 20_251_126;
const REPS = 5;
/** Naive calls timed per repetition (every n-th call of the workload), scaled per call. Each naive call on
 * the 100,000-deal set scans every deal (about 15 ms here), so that sample is small. */
const NAIVE_SAMPLE_BUNDLED = 20_000;
const NAIVE_SAMPLE_GENERATED = 100;

const TARGET_VS_NAIVE = 100;
const TARGET_VS_FLOOR = 5;
const TARGET_LOAD_MS = 300;
/** The bundled dataset, checked and indexed: what a refresh to it costs (start-up only indexes it). */
const TARGET_BUNDLED_LOAD_MS = 20;
/** The deal browser answers each keystroke within one frame. */
const TARGET_SEARCH_MS = 16;

const collect = (): void => {
  if (typeof globalThis.gc === "function") globalThis.gc();
};
const heapUsed = (): number => {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
};

/** Keeps results observable so no loop is optimized away. */
let sink = 0;

interface Timing {
  /** Milliseconds per repetition, warm-up runs excluded. */
  readonly runs: number[];
  readonly median: number;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Runs `run` `warmups` + REPS times, each on fresh state from `setup` (untimed, followed by a GC), and
 * returns the timings of the last REPS runs. Warm-ups bring the code to its optimized tier; phases on
 * the generated set need none, as the same code ran over the bundled set just before.
 */
function time<S>(warmups: number, setup: () => S, run: (state: S) => number): Timing {
  const runs: number[] = [];
  for (let i = 0; i < warmups + REPS; i++) {
    const state = setup();
    collect();
    const t0 = process.hrtime.bigint();
    sink += run(state);
    const t1 = process.hrtime.bigint();
    if (i >= warmups) runs.push(Number(t1 - t0) / 1e6);
  }
  return { runs, median: median(runs) };
}

// ---------- the passes ----------

function oursPass(ds: Dataset, calls: readonly DealValueCall[]): number {
  let answered = 0;
  for (const c of calls)
    if (!isFormulaError(dealValue(ds, c.from, c.to, c.type, c.asOf))) answered++;
  return answered;
}

function floorPass(table: ReadonlyMap<string, number>, calls: readonly DealValueCall[]): number {
  let answered = 0;
  for (const c of calls) {
    const v = table.get(callKey(c));
    if (v !== undefined && !Number.isNaN(v)) answered++;
  }
  return answered;
}

function naivePass(
  ds: Dataset,
  calls: readonly DealValueCall[],
  answers: (number | null)[]
): number {
  let answered = 0;
  for (let i = 0; i < calls.length; i++) {
    const v = naiveDealValue(ds.file, calls[i] as DealValueCall);
    answers[i] = v;
    if (v !== null) answered++;
  }
  return answered;
}

/** A dataset object with the same data and indexes but empty memo tables (they are keyed by the object). */
const freshCopy = (ds: Dataset): Dataset => ({ ...ds });

// ---------- one dataset ----------

interface LoadFigures {
  readonly bytes: number;
  readonly firstParseMs: number;
  readonly firstLoadMs: number;
  readonly parse: Timing;
  readonly load: Timing;
  readonly heapBytes: number | null;
}

interface CallFigures {
  readonly calls: number;
  readonly answered: number;
  readonly cold: Timing;
  readonly warm: Timing;
  readonly naive: Timing;
  readonly naiveCalls: number;
  readonly floor: Timing;
  readonly agree: number;
  readonly mismatches: string[];
  readonly memoHeapBytes: number | null;
}

function loadOrExit(json: unknown, what: string): Dataset {
  const result = loadDataset(json);
  if (!result.ok) {
    console.error(`${what} does not load:\n- ${result.errors.slice(0, 20).join("\n- ")}`);
    process.exit(1);
  }
  return result.dataset;
}

/**
 * Load figures. The first load in the process is timed on its own and gives the heap held once indexed
 * (the parsed JSON is garbage afterwards: the dataset keeps its own validated copy). Then REPS more
 * loads, each timed as JSON.parse and loadDataset (validate + consistency checks + indexes) apart.
 */
function measureLoad(
  text: string,
  what: string,
  warmups: number
): { ds: Dataset; figures: LoadFigures } {
  const before = typeof globalThis.gc === "function" ? heapUsed() : 0;
  const t0 = process.hrtime.bigint();
  const json: unknown = JSON.parse(text);
  const t1 = process.hrtime.bigint();
  const ds = loadOrExit(json, what);
  const t2 = process.hrtime.bigint();
  const heapBytes = typeof globalThis.gc === "function" ? heapUsed() - before : null;

  const parseRuns: number[] = [];
  const load = time(
    warmups,
    () => null,
    () => {
      const p0 = process.hrtime.bigint();
      const j: unknown = JSON.parse(text);
      const p1 = process.hrtime.bigint();
      parseRuns.push(Number(p1 - p0) / 1e6);
      return loadDataset(j).ok ? 1 : 0;
    }
  );
  // `time` measured parse + load together; take parse out of each run.
  const timedParse = parseRuns.slice(warmups);
  const loadRuns = load.runs.map((ms, i) => ms - (timedParse[i] as number));
  return {
    ds,
    figures: {
      bytes: Buffer.byteLength(text),
      firstParseMs: Number(t1 - t0) / 1e6,
      firstLoadMs: Number(t2 - t1) / 1e6,
      parse: { runs: timedParse, median: median(timedParse) },
      load: { runs: loadRuns, median: median(loadRuns) },
      heapBytes,
    },
  };
}

function measureCalls(
  ds: Dataset,
  calls: readonly DealValueCall[],
  naiveCalls: readonly DealValueCall[],
  warmups: number
): CallFigures {
  // Cold: each run on a fresh dataset object, so every call is computed once. The holder keeps the last
  // run's object, and with it the only reference to its memo tables.
  const holder: { ds: Dataset | null } = { ds: null };
  const cold = time(
    warmups,
    () => (holder.ds = freshCopy(ds)),
    (copy) => oursPass(copy, calls)
  );

  // Warm: the last cold run's dataset object, its memo tables filled, asked the same calls again.
  const warmDs = (): Dataset => holder.ds as Dataset;
  const answered = oursPass(warmDs(), calls);
  const warm = time(1, warmDs, (d) => oursPass(d, calls));

  // Naive: a sample of the same calls, its answers kept to check against the add-in's.
  const answers: (number | null)[] = new Array<number | null>(naiveCalls.length).fill(null);
  const naive = time(
    warmups,
    () => null,
    () => naivePass(ds, naiveCalls, answers)
  );

  // Floor: the same answers (NaN for an error) under the same keys, one Map lookup per call.
  const table = new Map<string, number>();
  for (const c of calls) {
    const v = dealValue(warmDs(), c.from, c.to, c.type, c.asOf);
    table.set(callKey(c), isFormulaError(v) ? Number.NaN : v);
  }
  const floor = time(
    1,
    () => table,
    (t) => floorPass(t, calls)
  );

  // The baseline must do the same job: its answers must be the add-in's.
  let agree = 0;
  const mismatches: string[] = [];
  naiveCalls.forEach((c, i) => {
    const ours = dealValue(warmDs(), c.from, c.to, c.type, c.asOf);
    const theirs = answers[i] ?? null;
    const same = isFormulaError(ours)
      ? theirs === null
      : theirs !== null && Math.abs(ours - theirs) <= 1e-9 * Math.max(1, Math.abs(ours));
    if (same) agree++;
    else if (mismatches.length < 5)
      mismatches.push(
        `${JSON.stringify(c)}: add-in ${isFormulaError(ours) ? `${ours.kind} ${ours.message}` : ours}, naive ${theirs}`
      );
  });

  // Heap held by the memo tables: drop the one dataset object that holds them.
  let memoHeapBytes: number | null = null;
  if (typeof globalThis.gc === "function") {
    const withMemo = heapUsed();
    holder.ds = null;
    memoHeapBytes = withMemo - heapUsed();
  }
  return {
    calls: calls.length,
    answered,
    cold,
    warm,
    naive,
    naiveCalls: naiveCalls.length,
    floor,
    agree,
    mismatches,
    memoHeapBytes,
  };
}

/** Every n-th call, `count` of them. */
function sample<T>(items: readonly T[], count: number): T[] {
  const step = Math.max(1, Math.floor(items.length / count));
  return items.filter((_, i) => i % step === 0).slice(0, count);
}

/** How many deals the pair asked about has in the pair index, over the calls: the work a cold call does. */
function pairSizes(
  ds: Dataset,
  calls: readonly DealValueCall[]
): { mean: number; max: number; over100: number } {
  let sum = 0;
  let max = 0;
  let over100 = 0;
  for (const c of calls) {
    const f = ds.nameIndex.get(normalizeName(c.from));
    const t = ds.nameIndex.get(normalizeName(c.to));
    const n =
      f === undefined || t === undefined ? 0 : (ds.dealsByPair.get(pairKey(f, t))?.length ?? 0);
    sum += n;
    max = Math.max(max, n);
    if (n > 100) over100++;
  }
  return { mean: sum / calls.length, max, over100 };
}

// ---------- printing ----------

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mb = (bytes: number): string => `${fmt(bytes / 1_048_576, 1)} MB`;
const ratio = (r: number): string =>
  r >= 100 ? `${fmt(r)}×` : r >= 10 ? `${fmt(r, 1)}×` : `${fmt(r, 2)}×`;
const verdict = (ok: boolean): string => (ok ? "PASS" : "MISS");
const nsPerCall = (t: Timing, calls: number): number => (t.median * 1e6) / calls;
const spread = (t: Timing): string =>
  `${fmt(Math.min(...t.runs), 1)}–${fmt(Math.max(...t.runs), 1)}`;
const loadAverage = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

interface Verdicts {
  readonly rows: string[];
  readonly missed: string[];
}

function printCalls(title: string, f: CallFigures, verdicts: Verdicts): void {
  const cold = nsPerCall(f.cold, f.calls);
  const warm = nsPerCall(f.warm, f.calls);
  const naive = nsPerCall(f.naive, f.naiveCalls);
  const floor = nsPerCall(f.floor, f.calls);
  console.log(
    `  ${fmt(f.calls)} DEAL_VALUE calls, all distinct argument tuples; ${fmt(f.answered)} return a number, the rest #N/A or #VALUE!`
  );
  console.log(
    `  median of ${REPS} runs; range of the runs in brackets; naive: every ${fmt(f.calls / f.naiveCalls)}th call (${fmt(f.naiveCalls)} calls a run), scaled to ${fmt(f.calls)}`
  );
  const row = (
    label: string,
    t: Timing,
    ns: number,
    calls: number,
    vsNaive: string,
    vsFloor: string
  ): void =>
    console.log(
      `  ${label.padEnd(33)}${fmt(t.median * (f.calls / calls), 1).padStart(12)} ms${fmt(ns).padStart(12)} ns${vsNaive.padStart(12)}${vsFloor.padStart(12)}   [${spread(t)} ms for ${fmt(calls)}]`
    );
  console.log(
    `  ${"".padEnd(33)}${`per ${fmt(f.calls)}`.padStart(15)}${"per call".padStart(15)}${"naive/ours".padStart(12)}${"ours/floor".padStart(12)}`
  );
  row(
    "ours, cold (empty memo tables)",
    f.cold,
    cold,
    f.calls,
    ratio(naive / cold),
    ratio(cold / floor)
  );
  row(
    "ours, warm (memo tables filled)",
    f.warm,
    warm,
    f.calls,
    ratio(naive / warm),
    ratio(warm / floor)
  );
  row("naive scan of the raw deal list", f.naive, naive, f.naiveCalls, "", "");
  row("floor (bare Map lookup per call)", f.floor, floor, f.calls, "", "");
  console.log(
    `  answers: add-in and naive scan agree on ${fmt(f.agree)} of ${fmt(f.naiveCalls)} calls${f.mismatches.length > 0 ? `: MISMATCH\n    ${f.mismatches.join("\n    ")}` : ""}`
  );
  if (f.memoHeapBytes !== null)
    console.log(
      `  heap held by the memo tables after the ${fmt(f.calls)} calls: ${mb(f.memoHeapBytes)}`
    );
  for (const [pass, ns] of [
    ["cold", cold],
    ["warm", warm],
  ] as const) {
    const vsNaive = naive / ns;
    const vsFloor = ns / floor;
    const a = `${title}, ${pass}: at least ${TARGET_VS_NAIVE}× faster than the naive scan: ${ratio(vsNaive)} ${verdict(vsNaive >= TARGET_VS_NAIVE)}`;
    const b = `${title}, ${pass}: within ${TARGET_VS_FLOOR}× of the floor: ${ratio(vsFloor)} ${verdict(vsFloor <= TARGET_VS_FLOOR)}`;
    verdicts.rows.push(a, b);
    if (vsNaive < TARGET_VS_NAIVE) verdicts.missed.push(a);
    if (vsFloor > TARGET_VS_FLOOR) verdicts.missed.push(b);
  }
}

function printLoad(f: LoadFigures): void {
  console.log(`  JSON text ${mb(f.bytes)}`);
  console.log(
    `  first load in the process:   JSON.parse ${fmt(f.firstParseMs, 1)} ms, loadDataset (validate + check + index) ${fmt(f.firstLoadMs, 1)} ms`
  );
  console.log(
    `  median of ${REPS} more loads:      JSON.parse ${fmt(f.parse.median, 1)} ms [${spread(f.parse)}], loadDataset ${fmt(f.load.median, 1)} ms [${spread(f.load)}]`
  );
  console.log(
    `  heap held once indexed: ${f.heapBytes === null ? "n/a (run node with --expose-gc)" : mb(f.heapBytes)}`
  );
}

/** The deal browser as an analyst types "amazon openai": one search per keystroke, first time (fresh data). */
function measureBrowse(ds: Dataset, verdicts: Verdicts): void {
  const typed = "amazon openai";
  const keystrokes = [...typed].map((_, i) => typed.slice(0, i + 1));
  const perKey: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    const fresh = freshCopy(ds);
    for (const query of keystrokes) {
      const t0 = process.hrtime.bigint();
      sink += searchDeals(fresh, { query, type: null, status: null }).length;
      perKey.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  const slowest = Math.max(...perKey);
  const ok = slowest < TARGET_SEARCH_MS;
  console.log(
    `  deal browser: ${keystrokes.length} keystrokes of "${typed}", ${REPS} times: median ${fmt(median(perKey), 2)} ms a keystroke, slowest ${fmt(slowest, 2)} ms`
  );
  const row = `bundled: deal browser answers each keystroke under ${TARGET_SEARCH_MS} ms: slowest ${fmt(slowest, 2)} ms ${verdict(ok)}`;
  verdicts.rows.push(row);
  if (!ok) verdicts.missed.push(row);
}

/** STAKE_PCT for every investor and company with an equity deal, first calculation (nothing memoized). */
function measureStakes(ds: Dataset): void {
  const pairs = [
    ...new Set(
      ds.deals.filter((d) => d.type === "equity" && d.to !== null).map((d) => `${d.from}|${d.to}`)
    ),
  ].map((k) => k.split("|").map((id) => ds.companies.get(id)?.name ?? id));
  const t = time(
    1,
    () => freshCopy(ds),
    (fresh) => {
      let n = 0;
      for (const [i, c] of pairs) if (!isFormulaError(stakePct(fresh, i, c, null))) n++;
      return n;
    }
  );
  console.log(
    `  STAKE_PCT for all ${fmt(pairs.length)} investor-company pairs with equity deals, first calculation: ${fmt(t.median, 1)} ms (${fmt((t.median * 1000) / pairs.length, 0)} µs a pair)`
  );
}

// ---------- main ----------

function main(): void {
  const started = process.hrtime.bigint();
  const cpu = os.cpus()[0];
  console.log(
    "AI Deals benchmark: DEAL_VALUE, the add-in's core vs a naive scan vs a bare Map lookup"
  );
  console.log(
    `node ${process.version} (V8 ${process.versions.v8}), ${process.platform} ${os.arch()}, ${os.availableParallelism()} CPUs (${cpu ? cpu.model.trim() : "unknown"}), load average ${loadAverage()}, gc ${typeof globalThis.gc === "function" ? "exposed" : "NOT exposed: heap figures omitted"}`
  );
  const verdicts: Verdicts = { rows: [], missed: [] };
  let wrong = 0;

  // The bundled dataset. Its phases also warm up the code for the generated set's.
  const bundledText = readFileSync(resolve(__dirname, "../src/data/dataset.json"), "utf8");
  const bundled = measureLoad(bundledText, "src/data/dataset.json", 1);
  const bf = bundled.ds.file;
  console.log(
    `\nBundled dataset (src/data/dataset.json, version ${bf.version}): ${fmt(bf.companies.length)} companies, ${fmt(bf.deals.length)} deals, ${fmt(bf.positions.length)} positions, ${fmt(bf.valuations.length)} valuations`
  );
  printLoad(bundled.figures);
  const startUp = time(
    2,
    () => JSON.parse(bundledText) as DatasetFile,
    (file) => (indexDataset(file).deals.length > 0 ? 1 : 0)
  );
  console.log(
    `  start-up (the add-in indexes the build-checked file, no checks): indexDataset ${fmt(startUp.median, 1)} ms [${spread(startUp)}]`
  );
  const bundledLoadOk = bundled.figures.load.median < TARGET_BUNDLED_LOAD_MS;
  const bundledLoadRow = `bundled: load + check + index under ${TARGET_BUNDLED_LOAD_MS} ms: loadDataset ${fmt(bundled.figures.load.median, 1)} ms ${verdict(bundledLoadOk)} (start-up indexing alone ${fmt(startUp.median, 1)} ms)`;
  verdicts.rows.push(bundledLoadRow);
  if (!bundledLoadOk) verdicts.missed.push(bundledLoadRow);
  measureBrowse(bundled.ds, verdicts);
  measureStakes(bundled.ds);
  const bundledCalls = dealValueCalls(bf, CALLS, 1);
  const bundledFigures = measureCalls(
    bundled.ds,
    bundledCalls,
    sample(bundledCalls, NAIVE_SAMPLE_BUNDLED),
    1
  );
  printCalls("bundled", bundledFigures, verdicts);
  wrong += bundledFigures.mismatches.length;

  // The generated dataset.
  const g0 = process.hrtime.bigint();
  const generatedText = JSON.stringify(
    generateDataset({ deals: GENERATED_DEALS, companies: GENERATED_COMPANIES, seed: SEED })
  );
  const generateMs = Number(process.hrtime.bigint() - g0) / 1e6;
  const generated = measureLoad(generatedText, "the generated dataset", 0);
  const gf = generated.ds.file;
  console.log(
    `\nGenerated dataset (scripts/bench/generate-dataset.ts, seed ${SEED}, built in ${fmt(generateMs)} ms): ${fmt(gf.companies.length)} companies (${fmt(gf.companies.filter((c) => c.parent !== null).length)} under a parent), ${fmt(gf.deals.length)} deals with ${fmt(gf.deals.reduce((n, d) => n + d.history.length, 0))} history events, ${fmt(gf.positions.length)} positions, ${fmt(gf.valuations.length)} valuations, ${fmt(gf.sources.length)} sources`
  );
  printLoad(generated.figures);
  const loadOk = generated.figures.load.median < TARGET_LOAD_MS;
  const loadRow = `generated: load + index under ${TARGET_LOAD_MS} ms: loadDataset ${fmt(generated.figures.load.median, 1)} ms ${verdict(loadOk)} (plus JSON.parse ${fmt(generated.figures.parse.median, 1)} ms; heap held ${generated.figures.heapBytes === null ? "n/a" : mb(generated.figures.heapBytes)})`;
  const generatedCalls = dealValueCalls(gf, CALLS, 2);
  const sizes = pairSizes(generated.ds, generatedCalls);
  console.log(
    `  the pair a call asks about has ${fmt(sizes.mean, 1)} deals on average in the pair index (largest ${fmt(sizes.max)}; ${fmt(sizes.over100)} calls over 100)`
  );
  const generatedFigures = measureCalls(
    generated.ds,
    generatedCalls,
    sample(generatedCalls, NAIVE_SAMPLE_GENERATED),
    0
  );
  printCalls("generated", generatedFigures, verdicts);
  wrong += generatedFigures.mismatches.length;
  verdicts.rows.push(loadRow);
  if (!loadOk) verdicts.missed.push(loadRow);

  console.log("\nTargets");
  for (const r of verdicts.rows) console.log(`  ${r}`);
  console.log(
    `\n${verdicts.rows.length - verdicts.missed.length} of ${verdicts.rows.length} targets met. Run took ${fmt(Number(process.hrtime.bigint() - started) / 1e9, 1)} s; load average ${loadAverage()}. (checksum ${sink})`
  );
  if (wrong > 0) {
    console.error(
      `The naive scan and the add-in disagree on ${wrong} calls: the comparison is not like for like.`
    );
    process.exitCode = 1;
  }
}

main();
