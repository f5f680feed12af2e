/**
 * The README's formula examples are promises to analysts: each one, typed as written, must give the
 * result the README prints next to it.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { versionLabel } from "../support/datasets";
import { excel } from "../support/excel";
import { CARD_HOST, hostWithSets, noOfficeHost } from "../support/officeHost";

const README = readFileSync(resolve(__dirname, "../../README.md"), "utf8");

interface Example {
  formula: string;
  id: string;
  args: unknown[];
  expected: string;
}

/** Excel's argument list as written in a cell: "text", numbers, and empty places (null). */
function parseArgs(text: string): unknown[] {
  if (text.trim() === "") return [];
  return text.split(",").map((raw) => {
    const a = raw.trim();
    if (a === "") return null;
    if (a.startsWith('"')) return a.slice(1, -1);
    return Number(a);
  });
}

function examples(): Example[] {
  const found: Example[] = [];
  const patterns = [
    /^=DEALS\.([A-Z_]+)\((.*?)\)\s+→\s+(\S+)/gm, // the code block at the top
    /`=DEALS\.([A-Z_]+)\((.*?)\)` \| (.+?) \|$/gm, // the table of formulas
  ];
  for (const pattern of patterns) {
    for (const m of README.matchAll(pattern)) {
      found.push({
        formula: m[0],
        id: m[1] as string,
        args: parseArgs(m[2] as string),
        expected: (m[3] as string).trim(),
      });
    }
  }
  return found;
}

it("finds the examples", () => {
  expect(examples().length).toBeGreaterThanOrEqual(14);
});

it.each(
  examples().map((e) => [
    `=DEALS.${e.id}(${e.args.map((a) => JSON.stringify(a)).join(",")}) → ${e.expected}`,
    e,
  ])
)("%s", async (_name, example) => {
  const { id, args, expected } = example as Example;
  const result = await excel(id, ...args);
  if (id === "DATA_VERSION") {
    // The data's own version: the README shows one of the same form.
    expect(result).toBe(versionLabel());
    expect(expected).toMatch(/^\d{4}\.\d{2}\.\d{2}/);
  } else if (expected.startsWith("a card showing ")) {
    // Without cards (no Office here) the cell shows the text; with them, a card showing that text.
    const shown = expected.slice("a card showing ".length);
    expect(result).toBe(shown);
    hostWithSets(CARD_HOST);
    try {
      await expect(excel(id, ...args)).resolves.toMatchObject({ type: "Entity", text: shown });
    } finally {
      noOfficeHost();
    }
  } else if (expected === "a table") {
    expect(Array.isArray(result) && (result as unknown[][]).length).toBeGreaterThan(1);
  } else if (/^[\d.]+$/.test(expected)) {
    // Shown rounded to the digits printed.
    const decimals = expected.includes(".") ? (expected.split(".")[1] as string).length : 0;
    expect(Number((result as number).toFixed(decimals))).toBe(Number(expected));
  } else if (expected.endsWith("…")) {
    expect(String(result).startsWith(expected.slice(0, -1).trim())).toBe(true);
  } else {
    expect(result).toBe(expected);
  }
});
