/**
 * What the task pane and help page make of functions.json: the list the pane shows (names, signatures,
 * help links) and the help page's sections, from the metadata the build generates.
 */
import { renderHelpPage } from "../scripts/help-page";
import {
  formulaSignature,
  helpHref,
  parseFunctionsMetadata,
} from "../src/taskpane/functionsMetadata";
import { metadata } from "./support/excel";

test("parses the generated functions.json: every function with its id, description and parameters", async () => {
  const generated = await metadata();
  const list = parseFunctionsMetadata(
    JSON.parse(JSON.stringify({ functions: generated.functions }))
  );
  expect(list.map((f) => f.id)).toEqual(generated.functions.map((f) => f.id));
  for (const fn of list) {
    expect(fn.description.length).toBeGreaterThan(0);
    expect(formulaSignature(fn)).toMatch(/^DEALS\.[A-Z_]+\(.*\)$/);
  }
});

test("a signature puts optional arguments in brackets", () => {
  const [fn] = parseFunctionsMetadata({
    functions: [
      {
        id: "VALUATION",
        name: "VALUATION",
        description: "d",
        parameters: [{ name: "company" }, { name: "as_of", optional: true }],
      },
    ],
  });
  expect(fn && formulaSignature(fn)).toBe("DEALS.VALUATION(company, [as_of])");
});

test("a help.html URL, at any address the add-in is built for, becomes a link relative to the pane; others stay as they are", () => {
  const base = { id: "X", name: "X", description: "", parameters: [] };
  expect(helpHref({ ...base, helpUrl: "https://localhost:3000/help.html#X" })).toBe("help.html#X");
  expect(helpHref({ ...base, helpUrl: "https://deals.example.com/addin/help.html#X" })).toBe(
    "help.html#X"
  );
  expect(helpHref({ ...base, helpUrl: "not an address" })).toBeUndefined();
  expect(helpHref({ ...base, helpUrl: "https://example.com/x" })).toBe("https://example.com/x");
  expect(helpHref(base)).toBeUndefined();
});

test("rejects a functions.json the pane cannot use, with a message", () => {
  expect(() => parseFunctionsMetadata(null)).toThrow('functions.json has no "functions" list');
  expect(() => parseFunctionsMetadata({ functions: [{ id: "A" }] })).toThrow(
    "function #1 has no name"
  );
});

test("the help page has a section per function and escapes the text it shows", () => {
  const html = renderHelpPage(
    {
      functions: [
        {
          id: "A_B",
          name: "A_B",
          description: 'x < y & "z"',
          parameters: [{ name: "p", optional: true }],
        },
      ],
    },
    { namespace: "DEALS" }
  );
  expect(html).toContain('id="A_B"');
  expect(html).toContain("DEALS.A_B([p])");
  expect(html).toContain("x &#60; y &#38; &#34;z&#34;");
  expect(html).not.toMatch(/<script/);
});
