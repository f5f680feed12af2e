/**
 * The maintainer's loop, `npm run data -- check | diff | release`, on copies of the bundled file in a
 * temporary folder: what it prints, and that a release with any problem writes nothing.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { check, diff, release } from "../../scripts/data/cli";
import { DatasetFile } from "../../src/core/schema";
import { BUNDLED_VERSION, bundledFile } from "../support/datasets";

const dir = mkdtempSync(join(tmpdir(), "ai-deals-data-"));
const write = (name: string, file: DatasetFile): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(file));
  return path;
};
const run = (fn: (out: (l: string) => void) => boolean): { ok: boolean; lines: string[] } => {
  const lines: string[] = [];
  const ok = fn((l) => lines.push(l));
  return { ok, lines };
};

it("check: the counts, and no problems in the bundled file", () => {
  const { ok, lines } = run((out) => check(write("ok.json", bundledFile()), out));
  expect(ok).toBe(true);
  expect(lines).toEqual(
    expect.arrayContaining([
      `  deals: ${bundledFile().deals.length}`,
      `  companies: ${bundledFile().companies.length}`,
      expect.stringMatching(/^ {2}deals without an amount: \d+$/),
      "No problems.",
    ])
  );
});

it("check: every problem with its path, the loader's and the quote test's", () => {
  const file = bundledFile();
  const deal = file.deals.find(
    (d) => d.id === "openai-aws-compute-2026"
  ) as DatasetFile["deals"][0];
  (deal.history[0] as { amountUsd: number }).amountUsd = 101e9;
  const { ok, lines } = run((out) => check(write("quote.json", file), out));
  expect(ok).toBe(false);
  expect(lines).toContain("1 problem:");
  expect(lines.join("\n")).toMatch(
    /- deals\.openai-aws-compute-2026\.history\.0\.amountUsd: USD 101,000,000,000 is not written in its quote/
  );
  file.deals[0]!.from = "nobody";
  const broken = run((out) => check(write("broken.json", file), out));
  expect(broken.lines.join("\n")).toMatch(/unknown company 'nobody'/);
});

it("diff: what changed since an older file, in the terminal", () => {
  const older = bundledFile();
  // A deal nothing else names (no round, overlap, position or valuation refers to it).
  const text = JSON.stringify(older);
  const loner = older.deals.find((d) => text.split(`"${d.id}"`).length === 2)?.id as string;
  older.deals = older.deals.filter((d) => d.id !== loner);
  const v = older.valuations.find(
    (x) => x.id === "openai-2026-03-31-post-money"
  ) as DatasetFile["valuations"][0];
  v.valueUsd = 800e9;
  older.version = "2026.11.30";
  const newer = write("newer.json", bundledFile());
  const { ok, lines } = run((out) => diff(write("older.json", older), newer, out));
  expect(ok).toBe(true);
  expect(lines[0]).toBe(`2026.11.30 → ${BUNDLED_VERSION}: 1 deal added, 1 valuation changed.`);
  expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^\\+ deal ${loner}: `)));
  expect(lines).toContainEqual(
    "~ valuation openai-2026-03-31-post-money: OpenAI $800B → $852B (https://www.datastudios.org/post/openai-raised-122-billion-at-852-b-valuation-full-view-of-what-happened-and-how-the-round-came-to)"
  );
});

describe("release", () => {
  it("sets the version and the as-of date and writes the file the host serves", () => {
    const source = write("release.json", bundledFile());
    const hosted = join(dir, "dist", "data", "dataset.json");
    const { ok, lines } = run((out) => release({ today: "2026-12-09" }, { source, hosted }, out));
    expect(ok).toBe(true);
    const written = JSON.parse(readFileSync(hosted, "utf8")) as DatasetFile;
    expect([written.version, written.asOf]).toEqual(["2026.12.09", "2026-12-09"]);
    expect(readFileSync(source, "utf8")).toBe(readFileSync(hosted, "utf8"));
    expect(lines[0]).toMatch(/^Released 2026\.12\.09 \(as of 2026-12-09\)/);
    // A second release the same day: a point version.
    run((out) => release({ today: "2026-12-09" }, { source, hosted }, out));
    expect((JSON.parse(readFileSync(hosted, "utf8")) as DatasetFile).version).toBe("2026.12.09.1");
  });

  it("refuses a version that is not newer, and a file with a problem, writing nothing", () => {
    const source = write("older-release.json", bundledFile());
    const hosted = join(dir, "refused", "dataset.json");
    const older = run((out) =>
      release({ today: "2026-12-09", version: "2026.01.01" }, { source, hosted }, out)
    );
    expect(older.ok).toBe(false);
    expect(older.lines[0]).toMatch(/not newer than/);
    const bad = bundledFile();
    (bad.valuations[0] as { valueUsd: number }).valueUsd = 1;
    const badSource = write("bad-release.json", bad);
    const refused = run((out) =>
      release({ today: "2026-12-09" }, { source: badSource, hosted }, out)
    );
    expect(refused.ok).toBe(false);
    expect(refused.lines[0]).toMatch(/^Not released: 1 problem/);
    expect(existsSync(hosted)).toBe(false);
    expect((JSON.parse(readFileSync(badSource, "utf8")) as DatasetFile).version).toBe(
      BUNDLED_VERSION
    );
  });
});
