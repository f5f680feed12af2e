/** The small validator the dataset schema is written with: what it accepts, what it refuses, and where. */
import {
  array,
  atMost,
  httpsUrl,
  literal,
  matches,
  nullable,
  number,
  object,
  oneOf,
  optional,
  positive,
  string,
  validate,
} from "../../src/core/validate";

const deal = object(
  {
    id: string(matches(/^[a-z]+$/, "lower-case letters only")),
    amount: nullable(number(positive)),
    share: optional(number(positive, atMost(1))),
    kind: oneOf(["equity", "compute"] as const),
    url: nullable(string(httpsUrl)),
    tags: array(string(), 1),
    version: literal(1),
  },
  [(d) => d.amount !== null || d.share !== undefined, "an amount or a share"]
);

const good = {
  id: "abc",
  amount: 5,
  kind: "equity",
  url: "https://example.com/a",
  tags: ["x"],
  version: 1,
};

const problems = (value: unknown): string[] => {
  const result = validate(deal, value);
  return result.ok ? [] : result.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
};

it("returns valid input as the very same object, typed", () => {
  const result = validate(deal, good);
  expect(result.ok && result.value).toBe(good);
});

it("reports every problem at its path", () => {
  expect(
    problems({
      ...good,
      id: "ABC",
      amount: -1,
      kind: "loan",
      tags: [],
      version: 2,
      url: "http://x.y",
    })
  ).toEqual([
    "id: lower-case letters only",
    "amount: must be greater than 0",
    "kind: expected one of equity, compute",
    "url: must be an https URL",
    "tags: expected at least 1 item",
    "version: expected 1",
  ]);
  expect(problems({ ...good, tags: ["a", 7] })).toEqual(["tags.1: expected text, got a number"]);
  expect(problems([good])).toEqual(["(root): expected an object, got an array"]);
});

it("refuses a missing required field and any field it does not know, __proto__ included", () => {
  const noId: Record<string, unknown> = { ...good };
  delete noId.id;
  expect(problems(noId)).toEqual(["id: required"]);
  expect(problems({ ...good, colour: "red" })).toEqual(["(root): unknown field 'colour'"]);
  expect(problems(JSON.parse(`{"__proto__": {"admin": true}, "id": "abc"}`))).toContain(
    "(root): unknown field '__proto__'"
  );
});

it("optional means absent, not null; nullable means null is a value", () => {
  expect(problems({ ...good, share: undefined })).toEqual([]);
  expect(problems({ ...good, share: null })).toEqual(["share: expected a number, got null"]);
  expect(problems({ ...good, amount: null, share: 0.5 })).toEqual([]);
  expect(problems({ ...good, amount: undefined })).toEqual(["amount: required"]);
});

it("numbers must be finite and within their rules; object rules run once the fields pass", () => {
  expect(problems({ ...good, share: 1.5 })).toEqual(["share: must be at most 1"]);
  expect(problems({ ...good, amount: Number.POSITIVE_INFINITY })).toEqual([
    "amount: expected a number, got Infinity",
  ]);
  expect(problems({ ...good, amount: null })).toEqual(["(root): an amount or a share"]);
});

it("stops collecting after 50 problems, so a broken huge file cannot build a million messages", () => {
  const list = array(string());
  const result = validate(
    list,
    Array.from({ length: 10_000 }, (_, i) => i)
  );
  expect(result.ok ? 0 : result.issues.length).toBe(50);
});
