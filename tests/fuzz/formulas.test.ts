/**
 * Every DEALS function, called 10,000 times with generated arguments the way Excel calls it (by the ids
 * Office's tooling generates, every parameter present, omitted ones as null). The arguments mix what an
 * analyst types or references: real names, aliases, tickers and fields, near-misses, empty and very long
 * text, any Unicode, numbers, negative and huge date serials, booleans, null and ranges (arrays).
 *
 * Each call must return a value of the type functions.json declares, or throw Excel's error with a
 * message; and a call must not be slow: one over the budget is timed again on fresh caches, so only a
 * call that is slow every time fails (a garbage-collection pause is not a finding).
 */
import { MAX_TEXT, checkEntity } from "../support/entityRules";
import { CARD_HOST, hostWithSets, noOfficeHost } from "../support/officeHost";
import fc from "fast-check";
import { performance } from "node:perf_hooks";
import { DEAL_FIELDS, VALUATION_FIELDS } from "../../src/core/formulas";
import { DEAL_TYPES, STATUSES } from "../../src/core/vocabulary";
import { loadDataset } from "../../src/core/load";
import bundledJson from "../../src/data/dataset.json";
import {
  getActiveDataset,
  replaceActiveDataset,
  resetStoreForTests,
} from "../../src/runtime/datasetStore";
import { FunctionMetadata, metadata } from "../support/excel";

const RUNS_PER_FUNCTION = 10_000;
/** "Nothing takes longer than a few milliseconds." */
const SLOW_MS = 5;

type Fn = (...args: unknown[]) => unknown;
interface ExcelErrorLike {
  code: string;
  message: string;
}

const file = getActiveDataset().file;
const realNames = [
  ...file.companies.flatMap((c) => [c.name, c.id, ...c.aliases, ...c.tickers]),
  ...file.deals.map((d) => d.id),
];
const realWords = [
  ...DEAL_TYPES,
  ...STATUSES,
  ...VALUATION_FIELDS,
  ...DEAL_FIELDS,
  "from",
  "to",
  "any",
  "capital",
  "stake_value",
  "compute",
  "2025-12-17",
  "2025-12",
  "2025",
  "2026-11-26",
  "1999-01-01",
];

/** A real name with one slip: a letter dropped, doubled or swapped, the case changed, spaces around. */
const nearMiss = fc
  .tuple(fc.constantFrom(...realNames, ...realWords), fc.nat(), fc.integer({ min: 0, max: 5 }))
  .map(([name, at, how]) => {
    const i = name.length === 0 ? 0 : at % name.length;
    switch (how) {
      case 0:
        return name.slice(0, i) + name.slice(i + 1);
      case 1:
        return name.slice(0, i) + name.charAt(i) + name.slice(i);
      case 2:
        return name.slice(0, i) + name.charAt(i + 1) + name.charAt(i) + name.slice(i + 2);
      case 3:
        return name.toUpperCase();
      case 4:
        return `  ${name}\t`;
      default:
        return `${name}\u0301`; // a combining accent
    }
  });

const longTexts = [
  "a".repeat(MAX_TEXT),
  "OpenAI ".repeat(20_000),
  " ".repeat(100_000),
  "é".repeat(50_000),
  "😀".repeat(20_000),
  `${"Amazon".repeat(5_000)}x`,
  "2025-12-17".repeat(3_000),
];

const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...realNames) },
  { weight: 3, arbitrary: fc.constantFrom(...realWords) },
  { weight: 3, arbitrary: nearMiss },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", " ", "\t", "\u00a0", "\u0000", "\u001f", "=A1", "#N/A"),
  },
  { weight: 1, arbitrary: fc.constantFrom(...longTexts) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) } // lone surrogates too
);

/** Excel serials (1 = 1900-01-01, 2958465 = 9999-12-31) and every other kind of number. */
const number = fc.oneof(
  fc.constantFrom(0, 1, 59, 60, 61, 45_000, 46_000, 46_352, 2_958_465, 2_958_466, -1, -45_000),
  fc.constantFrom(1e15, -1e15, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 5e-324, 0.5, -0),
  fc.integer({ min: -3_000_000, max: 3_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true })
);

const scalar = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 3, arbitrary: number },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) }
);

/** A range reference or array constant: rows of cells, not always rectangular. */
const range = fc.array(fc.array(scalar, { minLength: 1, maxLength: 4 }), {
  minLength: 1,
  maxLength: 4,
});

const argument = fc.oneof(
  { weight: 10, arbitrary: scalar },
  { weight: 1, arbitrary: range },
  { weight: 1, arbitrary: fc.constant(undefined) } // a caller that drops an argument
);

const companyNames = file.companies.flatMap((c) => [c.name, ...c.aliases, ...c.tickers]);
const dealIds = file.deals.map((d) => d.id);
const asOfs = fc.oneof(
  fc.constant(null),
  fc.constantFrom("2024", "2025-06", "2025-12-17", "2026-11-26", "2019-07-22"),
  fc.integer({ min: 43_000, max: 46_400 }) // Excel serials from 2017 to 2027
);

/**
 * What an analyst would pass to the parameter of that name: most calls should reach real answers, or
 * the fuzzing only ever tests the first argument check.
 */
function plausible(functionId: string, parameter: string): fc.Arbitrary<unknown> {
  switch (parameter) {
    case "from":
    case "to":
    case "investor":
    case "company":
    case "party":
    case "name":
      return fc.constantFrom(...companyNames);
    case "type":
      return fc.oneof(fc.constant(null), fc.constantFrom(...DEAL_TYPES, "flow_back"));
    case "as_of":
      return asOfs;
    case "field":
      return fc.constantFrom(...(functionId === "DEAL_FIELD" ? DEAL_FIELDS : VALUATION_FIELDS));
    case "basis":
      return fc.constantFrom(null, "capital", "stake_value", "compute");
    case "role":
      return fc.constantFrom(null, "from", "to", "any");
    case "deal_id":
      return fc.constantFrom(...dealIds);
    default:
      throw new Error(`no plausible values for ${functionId}'s parameter ${parameter}`);
  }
}

const nameOf = (id: string): string => file.companies.find((c) => c.id === id)?.name ?? id;
/** Pairs the data has deals between (and valued companies): a random pair of names rarely has any. */
const dealPairs = file.deals.flatMap((d) =>
  d.to === null ? [] : [[nameOf(d.from), nameOf(d.to)]]
);
const valuedCompanies = [...new Set(file.valuations.map((v) => nameOf(v.company)))];
const PAIRS = [
  ["from", "to"],
  ["investor", "company"],
];

/** Each argument: what an analyst would pass (3 in 4), or anything at all. */
function argumentsFor(meta: FunctionMetadata): fc.Arbitrary<unknown[]> {
  const names = meta.parameters.map((p) => p.name);
  const rest = (from: number) =>
    names
      .slice(from)
      .map((name) =>
        fc.oneof(
          { weight: 3, arbitrary: plausible(meta.id, name) },
          { weight: 1, arbitrary: argument }
        )
      );
  if (PAIRS.some(([a, b]) => names[0] === a && names[1] === b))
    return fc.oneof(
      fc
        .tuple(fc.constantFrom(...dealPairs), ...rest(2))
        .map(([pair, ...more]) => [...pair, ...more]),
      independent(meta)
    );
  if (meta.id.startsWith("VALUATION"))
    return fc.oneof(fc.tuple(fc.constantFrom(...valuedCompanies), ...rest(1)), independent(meta));
  return independent(meta);
}

function independent(meta: FunctionMetadata): fc.Arbitrary<unknown[]> {
  return fc.tuple(
    ...meta.parameters.map((p) =>
      fc.oneof(
        { weight: 3, arbitrary: plausible(meta.id, p.name) },
        { weight: 1, arbitrary: argument }
      )
    )
  );
}

/** The card functions: an entity value Excel takes (this host shows cards). */
const CARDS = new Set(["COMPANY", "DEAL"]);

/** What functions.json promises for the result, checked on one value. */
function isDeclaredType(meta: FunctionMetadata, value: unknown): boolean {
  if (CARDS.has(meta.id)) return checkEntity(value).length === 0;
  const isCell = (v: unknown): boolean =>
    (typeof v === "number" && Number.isFinite(v)) ||
    (typeof v === "string" && v.length <= MAX_TEXT) ||
    typeof v === "boolean";
  if (meta.result.dimensionality === "matrix")
    return (
      Array.isArray(value) &&
      value.length > 0 &&
      value.every(
        (row) =>
          Array.isArray(row) &&
          row.length === (value[0] as unknown[]).length &&
          row.length > 0 &&
          row.every(isCell)
      )
    );
  switch (meta.result.type) {
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "string":
      return typeof value === "string" && value.length <= MAX_TEXT;
    default:
      return isCell(value);
  }
}

/** Excel's error with a message a person can act on (Excel shows it on the cell). */
function isExcelError(thrown: unknown): thrown is ExcelErrorLike {
  const Ctor = (CustomFunctions as unknown as { Error: new (...a: unknown[]) => unknown }).Error;
  if (!(thrown instanceof Ctor)) return false;
  const e = thrown as ExcelErrorLike;
  return (
    (e.code === "#N/A" || e.code === "#VALUE!") &&
    typeof e.message === "string" &&
    e.message.trim().length > 0 &&
    e.message.length <= 500
  );
}

function show(args: unknown[]): string {
  return JSON.stringify(args, (_k, v: unknown) =>
    typeof v === "string" && v.length > 60 ? `${v.slice(0, 60)}…(${v.length} chars)` : v
  );
}

/**
 * A slow call timed again, best of five, each on its own freshly loaded copy of the data (so nothing is
 * answered from the memo). The copies are loaded before any timing: loading allocates, and the
 * garbage collection it causes must not be charged to the call.
 */
function slowEveryTime(fn: Fn, args: unknown[]): number | undefined {
  const copies = Array.from({ length: 5 }, () => {
    const loaded = loadDataset(bundledJson);
    if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
    return loaded.dataset;
  });
  let best = Number.POSITIVE_INFINITY;
  for (const copy of copies) {
    replaceActiveDataset(copy, "");
    const start = performance.now();
    try {
      fn(...args);
    } catch {
      // the outcome was checked already
    }
    best = Math.min(best, performance.now() - start);
  }
  return best > SLOW_MS ? best : undefined;
}

let functions: { meta: FunctionMetadata; fn: Fn }[];

beforeAll(async () => {
  resetStoreForTests(undefined); // nothing kept between runs: the bundled data, as Excel starts
  hostWithSets(CARD_HOST);
  functions = [...(await metadata()).byId.values()];
});

afterAll(() => {
  resetStoreForTests(undefined);
  noOfficeHost();
});

const ids = [
  "DEAL_VALUE",
  "STAKE_PCT",
  "STAKE_BASIS",
  "STAKE_DETAIL",
  "VALUATION",
  "VALUATION_FIELD",
  "VALUATION_LIST",
  "EXPOSURE",
  "CIRCULARITY",
  "FLOW_BACK",
  "DEAL_STATUS",
  "DEAL_LIST",
  "DEAL_FIELD",
  "DATA_VERSION",
  "COMPANY",
  "DEAL",
  "UNREPORTED",
];

it("fuzzes every function of functions.json (none is left out)", () => {
  expect(functions.map((f) => f.meta.id).sort()).toEqual([...ids].sort());
});

describe.each(ids)(`%s, ${RUNS_PER_FUNCTION.toLocaleString("en-US")} generated calls`, (id) => {
  it("returns its declared type or Excel's error with a message, quickly, whatever it is given", () => {
    const { meta, fn } = functions.find((f) => f.meta.id === id) as {
      meta: FunctionMetadata;
      fn: Fn;
    };
    const tally = { values: 0, errors: 0, calls: 0, slowOnce: 0, maxMs: 0 };
    const run = fc.check(
      fc.property(argumentsFor(meta), (args) => {
        const excelArgs = args.map((a, i) =>
          a === undefined && meta.parameters[i]?.optional ? null : a
        );
        let outcome: { value: unknown } | { thrown: unknown };
        const start = performance.now();
        try {
          outcome = { value: fn(...excelArgs) };
        } catch (thrown) {
          outcome = { thrown };
        }
        const ms = performance.now() - start;
        tally.calls++;
        tally.maxMs = Math.max(tally.maxMs, ms);
        if ("value" in outcome) {
          tally.values++;
          if (!isDeclaredType(meta, outcome.value))
            throw new Error(
              `${id}(${show(excelArgs)}) returned ${show([outcome.value])}, not a ${meta.result.type}`
            );
        } else {
          tally.errors++;
          if (!isExcelError(outcome.thrown))
            throw new Error(
              `${id}(${show(excelArgs)}) threw ${String(outcome.thrown)}, not Excel's error with a message`
            );
        }
        if (ms > SLOW_MS) {
          tally.slowOnce++;
          const again = slowEveryTime(fn, excelArgs);
          if (again !== undefined)
            throw new Error(
              `${id}(${show(excelArgs)}) took ${again.toFixed(1)} ms every time (budget ${SLOW_MS} ms)`
            );
        }
      }),
      { numRuns: RUNS_PER_FUNCTION }
    );
    // fast-check's own report prints the whole counterexample (megabytes of text): say it briefly.
    if (run.failed)
      throw new Error(
        `${String(run.errorInstance instanceof Error ? run.errorInstance.message : run.errorInstance)}\n(fast-check seed ${run.seed}, path ${run.counterexamplePath ?? "?"})`
      );
    console.log(
      `${id}: ${tally.calls} calls, ${tally.values} values, ${tally.errors} Excel errors; slowest ${tally.maxMs.toFixed(2)} ms, ${tally.slowOnce} over ${SLOW_MS} ms once but not when timed again`
    );
    expect(tally.calls).toBeGreaterThanOrEqual(RUNS_PER_FUNCTION);
    // Both outcomes must be reached, or the generators no longer reach real answers (or real errors).
    if (meta.parameters.length > 0) {
      // (STAKE_BASIS answers about 1 call in 10: most pairs with deals have no stake to report)
      expect(tally.values).toBeGreaterThan(RUNS_PER_FUNCTION / 20);
      expect(tally.errors).toBeGreaterThan(RUNS_PER_FUNCTION / 20);
    }
  });
});
