/** The orders lists and tables are sorted in: the same for every analyst, whatever the locale. */
import { byCodePoint, byNameIgnoringCase } from "../../src/core/order";

test("names sort ignoring case, ties broken the same way every time", () => {
  expect(["xAI", "Anthropic", "amazon", "X-Energy", "Xai", "AMD"].sort(byNameIgnoringCase)).toEqual(
    ["amazon", "AMD", "Anthropic", "X-Energy", "Xai", "xAI"]
  );
});

test("ids and ISO dates sort by code point", () => {
  expect(["2025-10-01", "2025-09-30", "2025"].sort(byCodePoint)).toEqual([
    "2025",
    "2025-09-30",
    "2025-10-01",
  ]);
  expect(byCodePoint("openai-b", "openai-a")).toBe(1);
  expect(byCodePoint("same", "same")).toBe(0);
});
