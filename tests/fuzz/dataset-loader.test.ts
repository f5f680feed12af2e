/**
 * The dataset loader under random damage. Each case takes the bundled dataset as a newer version, applies
 * a few generated mutations (a field deleted, a wrong type, an unknown party, a duplicated id, a negative
 * amount, a date after the dataset's as-of, text cut off) and refreshes from it as a picked file, the
 * way an analyst would. Either the result is a valid dataset that is now in use, exactly as written,
 * or it is refused with a message and nothing of it is applied: the same dataset object stays in use,
 * the kept copy is unchanged and the formulas answer as before.
 */
import fc from "fast-check";
import { loadDataset } from "../../src/core/load";
import { dealValue } from "../../src/core/formulas";
import { getActiveDataset, resetStoreForTests } from "../../src/runtime/datasetStore";
import { refreshData } from "../../src/runtime/refreshData";
import { bundledFile, newerVersion } from "../support/datasets";
import { memoryStorage } from "../support/memoryStorage";

const RUNS = 400;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every place in the file that holds a value, as a path from the top. */
function pathsOf(value: Json, path: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      out.push([...path, k]);
      pathsOf(v, [...path, k], out);
    }
  return out;
}

function parentOf(root: Json, path: Path): { holder: Record<string, Json>; key: string } {
  let node: Json = root;
  for (const step of path.slice(0, -1))
    node = (node as Record<string | number, Json>)[step] as Json;
  return { holder: node as Record<string, Json>, key: String(path[path.length - 1]) };
}

/** Mutations whose result the loader must refuse, whatever else is true of the file. */
type Fatal =
  | "unknown field"
  | "unknown party"
  | "duplicated id"
  | "negative amount"
  | "future date"
  | "truncated";

interface Mutation {
  name: string;
  /** Changes the file in place; returns what makes it certainly invalid, if anything. */
  apply(file: Json, pick: number): Fatal | undefined;
}

const oneOf = <T>(list: readonly T[], pick: number): T => list[pick % list.length] as T;
/** The records of a list, skipping what an earlier mutation made something else (a list turned into
 * {}, a record into 42): the file is already damaged there, and a mutation must not throw on it. */
const records = (file: Json, list: string): Record<string, Json>[] => {
  const items = (file as Record<string, Json>)[list];
  return Array.isArray(items)
    ? items.filter(
        (r): r is Record<string, Json> => r !== null && typeof r === "object" && !Array.isArray(r)
      )
    : [];
};

const MUTATIONS: Mutation[] = [
  {
    name: "change a figure",
    apply(file, pick) {
      const amounts = pathsOf(file).filter((p) =>
        ["amountUsd", "valueUsd", "investedUsd"].includes(String(p[p.length - 1]))
      );
      const { holder, key } = parentOf(file, oneOf(amounts, pick));
      if (typeof holder[key] === "number") holder[key] = 1e6 + (pick % 1e6) * 1e5;
      return undefined;
    },
  },
  {
    name: "drop a note",
    apply(file, pick) {
      const notes = pathsOf(file).filter((p) =>
        ["note", "notes"].includes(String(p[p.length - 1]))
      );
      const { holder, key } = parentOf(file, oneOf(notes, pick));
      delete holder[key];
      return undefined;
    },
  },
  {
    name: "delete a field",
    apply(file, pick) {
      const { holder, key } = parentOf(file, oneOf(pathsOf(file), pick));
      delete holder[key];
      return undefined;
    },
  },
  {
    name: "give a field a wrong type",
    apply(file, pick) {
      const { holder, key } = parentOf(file, oneOf(pathsOf(file), pick));
      const now = holder[key];
      const wrong: Json[] = [42, "text", true, null, [], {}, -0.5];
      holder[key] = oneOf(
        wrong.filter((w) => typeof w !== typeof now || Array.isArray(w) !== Array.isArray(now)),
        pick >> 3
      );
      return undefined;
    },
  },
  {
    name: "add a field the schema does not have",
    apply(file, pick) {
      const isObject = (o: Json): o is { [key: string]: Json } =>
        o !== null && typeof o === "object" && !Array.isArray(o);
      const objects = [
        file,
        ...pathsOf(file).map((p) => parentOf(file, [...p, "x"]).holder as Json),
      ].filter(isObject);
      const target = oneOf(objects, pick);
      // "__proto__" as an own key, as JSON.parse makes it: it must be refused, not become a prototype.
      if (pick % 2 === 0)
        Object.defineProperty(target, "__proto__", {
          value: { admin: true },
          enumerable: true,
          configurable: true,
        });
      else target.colour = "red";
      return "unknown field";
    },
  },
  {
    name: "name an unknown party",
    apply(file, pick) {
      const deals = records(file, "deals");
      if (deals.length === 0) return undefined;
      const deal = oneOf(deals, pick);
      deal[pick % 2 === 0 ? "from" : "to"] = "nobody-inc";
      return "unknown party";
    },
  },
  {
    name: "duplicate an id",
    apply(file, pick) {
      const list = oneOf(["deals", "valuations", "companies", "sources", "positions"], pick);
      const items = records(file, list);
      if (items.length < 2) return undefined;
      const a = pick % items.length;
      const b = (a + 1 + ((pick >> 4) % (items.length - 1))) % items.length;
      (items[b] as Record<string, Json>).id = (items[a] as Record<string, Json>).id ?? null;
      return "duplicated id";
    },
  },
  {
    name: "make an amount negative",
    apply(file, pick) {
      const amounts = pathsOf(file).filter((p) =>
        ["amountUsd", "valueUsd", "investedUsd", "trancheUsd"].includes(String(p[p.length - 1]))
      );
      const { holder, key } = parentOf(file, oneOf(amounts, pick));
      if (typeof holder[key] !== "number") return undefined; // an unpriced event (null)
      holder[key] = -Math.abs(holder[key]) - 1;
      return "negative amount";
    },
  },
  {
    name: "date a fact after the dataset",
    apply(file, pick) {
      const dates = pathsOf(file).filter(
        (p) => p[p.length - 1] === "date" && p[0] !== "sources" // a source may be dated any time
      );
      const { holder, key } = parentOf(file, oneOf(dates, pick));
      holder[key] = oneOf(["2027-01-01", "2031", "2099-12"], pick >> 2);
      return "future date";
    },
  },
];

/** Mutations from this index on always make the file invalid. */
const FIRST_FATAL = MUTATIONS.findIndex((m) => m.name === "add a field the schema does not have");

const mutationList = fc.array(
  fc.tuple(fc.integer({ min: 0, max: MUTATIONS.length - 1 }), fc.nat()),
  { minLength: 1, maxLength: 3 }
);

it(`refuses or fully takes ${RUNS} randomly damaged datasets, never a part of one`, async () => {
  const storage = memoryStorage();
  resetStoreForTests(storage);
  const base = bundledFile();
  let version = 0;
  const outcomes = { accepted: 0, refused: 0, byKind: new Map<string, number>() };

  await fc.assert(
    fc.asyncProperty(
      mutationList,
      fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
      async (mutations, cut) => {
        const file = JSON.parse(JSON.stringify(base)) as Json;
        // Always newer than what is in use, so the version rule never hides a damaged file.
        (file as Record<string, Json>).version = newerVersion(++version);
        // Damage that must be refused goes last, so no later mutation can undo it (a negative amount
        // set positive again, an unknown party set to null).
        const ordered = [...mutations].sort(
          ([a], [b]) => Number(a >= FIRST_FATAL) - Number(b >= FIRST_FATAL)
        );
        const fatal: (Fatal | undefined)[] = ordered.map(([which, pick]) =>
          (MUTATIONS[which] as Mutation).apply(file, pick)
        );
        let text = JSON.stringify(file);
        if (cut !== null) {
          text = text.slice(0, cut % text.length);
          fatal.push("truncated");
        }

        const before = getActiveDataset();
        const keptBefore = storage.data.get("aiDeals.lastGoodDataset");
        const answerBefore = dealValue(before, "Amazon", "OpenAI", null, null);
        const result = await refreshData({ kind: "file", name: "damaged.json", text });

        if (result.ok) {
          outcomes.accepted++;
          const certain = fatal.filter((f) => f !== undefined);
          if (certain.length > 0)
            throw new Error(`accepted a file with: ${certain.join(", ")} (${show(ordered)})`);
          // In use, exactly as written: nothing dropped, defaulted or reordered on the way in.
          expect(getActiveDataset()).toBe(result.dataset);
          expect(result.dataset.file).toEqual(JSON.parse(text));
          expect(storage.data.get("aiDeals.lastGoodDataset")).toBe(text);
          expect(loadDataset(JSON.parse(text)).ok).toBe(true);
        } else {
          outcomes.refused++;
          const kind = fatal.find((f) => f !== undefined) ?? "other damage";
          outcomes.byKind.set(kind, (outcomes.byKind.get(kind) ?? 0) + 1);
          expect(result.message).toMatch(/The data in use is unchanged/);
          expect(getActiveDataset()).toBe(before);
          expect(storage.data.get("aiDeals.lastGoodDataset")).toBe(keptBefore);
          expect(dealValue(getActiveDataset(), "Amazon", "OpenAI", null, null)).toEqual(
            answerBefore
          );
        }
      }
    ),
    { numRuns: RUNS }
  );

  console.log(
    `dataset loader: ${RUNS} damaged files, ${outcomes.accepted} valid and taken whole, ${outcomes.refused} refused (${[...outcomes.byKind].map(([k, n]) => `${k}: ${n}`).join(", ")})`
  );
  // The generator must reach both outcomes and every kind of certain damage.
  expect(outcomes.accepted).toBeGreaterThan(RUNS / 50);
  for (const kind of [
    "unknown field",
    "unknown party",
    "duplicated id",
    "negative amount",
    "future date",
    "truncated",
  ])
    expect(outcomes.byKind.get(kind) ?? 0).toBeGreaterThan(0);
}, 120_000);

function show(mutations: [number, number][]): string {
  return mutations.map(([m, pick]) => `${(MUTATIONS[m] as Mutation).name} #${pick}`).join("; ");
}
