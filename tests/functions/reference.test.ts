/**
 * The functions reference (help.html, every function's help URL) promises examples and errors: each
 * example is evaluated here as Excel would call it and must give what the page says, each error must
 * come with exactly its message, every function of functions.json has a section with all of it, and
 * the built page shows every argument, example and error.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  Reference,
  ReferenceError,
  ReferenceExample,
  errorsOf,
  formulaText,
} from "../../scripts/help-page";
import { COMPANY_PROPERTIES } from "../../src/core/cards/companyCard";
import { DEAL_PROPERTIES } from "../../src/core/cards/dealCard";
import { versionLabel } from "../support/datasets";
import { excel, metadata } from "../support/excel";
import { productionBuild } from "../support/productionBuild";

const reference = JSON.parse(
  readFileSync(resolve(__dirname, "../../src/functions/reference.json"), "utf8")
) as Required<Reference>;
const NAMESPACE = "DEALS";

const examples = Object.entries(reference.functions).flatMap(([id, r]) =>
  r.examples.map((e): [string, string, ReferenceExample] => [
    formulaText(NAMESPACE, id, e.args),
    id,
    e,
  ])
);
const errors: [string, string, ReferenceError][] = [
  ...reference.common.map((e): [string, string, ReferenceError] => [
    formulaText(NAMESPACE, e.id ?? "", e.args),
    e.id ?? "",
    e,
  ]),
  ...Object.entries(reference.functions).flatMap(([id, r]) =>
    r.errors.map((e): [string, string, ReferenceError] => [
      formulaText(NAMESPACE, id, e.args),
      id,
      e,
    ])
  ),
];

it("has a section for every function of functions.json, and for nothing else", async () => {
  const ids = (await metadata()).functions.map((f) => f.id).sort();
  expect(Object.keys(reference.functions).sort()).toEqual(ids);
});

it("gives every function an example, and every function with arguments its errors", async () => {
  for (const fn of (await metadata()).functions) {
    const own = reference.functions[fn.id];
    expect([fn.id, (own?.examples.length ?? 0) > 0]).toEqual([fn.id, true]);
    if (fn.parameters.length > 0)
      expect([fn.id, errorsOf(fn, reference).length > 0]).toEqual([fn.id, true]);
  }
});

it.each(examples)("example %s", async (_formula, id, example) => {
  const result = await excel(id, ...example.args);
  if (id === "DATA_VERSION") {
    // The data's own version: the page shows one of the same form, the bundled data's at the time.
    expect(result).toBe(versionLabel());
    expect(example.result).toMatch(
      /^\d{4}\.\d{2}\.\d{2}(\.\d+)? \(data as of \d{4}-\d{2}-\d{2}\)$/
    );
  } else if (example.header) {
    expect(Array.isArray(result)).toBe(true);
    expect((result as unknown[][])[0]).toEqual(example.header);
  } else if (typeof example.result === "number") {
    expect(result).toBeCloseTo(example.result, 6);
  } else {
    expect(result).toEqual(example.result);
  }
});

it.each(errors)("error %s", async (_formula, id, error) => {
  await expect(excel(id, ...error.args)).resolves.toEqual({
    error: error.error,
    message: error.message,
  });
});

/** A page's text as a reader sees it: tags dropped, character references decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

it("the built help page shows every argument, example and error of every function", async () => {
  const { dir } = await productionBuild();
  const html = readFileSync(join(dir, "help.html"), "utf8"); // minified: attributes may lose quotes
  for (const fn of (await metadata()).functions) {
    const open = new RegExp(`<section[^>]*\\bid="?${fn.id}"?[\\s>]`).exec(html);
    expect([fn.id, open !== null]).toEqual([fn.id, true]);
    const start = open?.index ?? 0;
    const text = visibleText(html.slice(start, html.indexOf("</section>", start)));
    const expected = [
      ...fn.parameters.map((p) => p.name),
      ...(reference.functions[fn.id]?.examples ?? []).map((e) =>
        formulaText(NAMESPACE, fn.name, e.args)
      ),
      ...errorsOf(fn, reference).flatMap((e) => [e.error, e.message]),
      ...(reference.functions[fn.id]?.fields ?? []).flatMap((f) => [f.name, f.what]),
    ];
    for (const shown of expected) expect([fn.id, text.includes(shown)]).toEqual([fn.id, true]);
  }
}, 300_000);

it("documents every field of each card, in the card's order, and nothing else", () => {
  expect(reference.functions.COMPANY?.fields?.map((f) => f.name)).toEqual([...COMPANY_PROPERTIES]);
  expect(reference.functions.DEAL?.fields?.map((f) => f.name)).toEqual([...DEAL_PROPERTIES]);
});
