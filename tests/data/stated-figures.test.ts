/**
 * The reader behind the quote test: figures as news in several languages writes them. Each case is a
 * sentence and the figure a record may take from it; and figures the sentence does not state.
 */
import {
  states,
  statedFigures,
  statedPercents,
  readingsOf,
} from "../../scripts/data/statedFigures";

const B = 1e9;
const M = 1e6;

it.each<[string, number, string]>([
  ["Microsoft Corp. agreed to invest $1 billion in a partnership", 1 * B, "USD"],
  [
    "secured a $3.5 billion Series E funding round at a $61.5 billion post-money valuation",
    61.5 * B,
    "USD",
  ],
  ["Amazon pumping $2.75bn into Anthropic in March 2024", 2.75 * B, "USD"],
  ["has raised $30bn and more than doubled its valuation to $380bn", 380 * B, "USD"],
  ["a $6.3B commitment announced earlier in September", 6.3 * B, "USD"],
  ["Microsoft has agreed to pay Inflection AI US$650 million (S$873 million)", 650 * M, "USD"],
  ["The deal values Scale AI at $29-billion.", 29 * B, "USD"],
  [
    "On July 22, 2019, Microsoft announced “1 billion dollars from Microsoft” invested",
    1 * B,
    "USD",
  ],
  ["has raised USD 1 billion in funding", 1 * B, "USD"],
  ["inject around $10.000 billion into OpenAI", 10 * B, "USD"],
  ["commit more than 10.000 billion dollars at OpenAI", 10 * B, "USD"],
  ["deals worth more than $1,4 trillion related to chips", 1.4e12, "USD"],
  ["una inversión de $10.000 millones", 10 * B, "USD"],
  ["Mistral AI has secured €1.7 billion ($2 billion) in its latest funding round", 1.7 * B, "EUR"],
  ["Mistral AI has secured €1.7 billion ($2 billion) in its latest funding round", 2 * B, "USD"],
  ["a US$ 750 milhões round", 750 * M, "USD"],
  ["it has raised 1,400 million dollars", 1.4 * B, "USD"],
])("%s → %s %s", (sentence, value, currency) => {
  expect(states(sentence, value, currency)).toBe(true);
});

it("a rate of spending is read with its period, and only matches as a rate", () => {
  const s = "Anthropic agreed to pay $1.25 billion a month to SpaceX";
  expect(states(s, 1.25 * B, "USD", "month")).toBe(true);
  expect(states(s, 1.25 * B, "USD")).toBe(false);
  expect(states("about $3 billion a year", 3 * B, "USD", "year")).toBe(true);
});

it("does not read what a sentence does not state", () => {
  expect(states("invested $10 billion", 1 * B, "USD")).toBe(false);
  expect(states("€1.7 billion", 1.7 * B, "USD")).toBe(false);
  expect(states("US$650 million (S$873 million)", 873 * M, "USD")).toBe(false);
  // A year is not a figure; nor is a chip's name.
  expect(
    statedFigures("more than 2019 $13.000 billion").map((f) => [...f.values].sort((a, b) => a - b))
  ).toEqual([[13 * B, 13000 * B]]);
  expect(statedFigures("18,000 GB300 chips")).toEqual([]);
});

it("a number whose mark may group thousands or mark decimals gives both readings", () => {
  expect(readingsOf("10.000").sort()).toEqual([10, 10000]);
  expect(readingsOf("1,4")).toEqual([1.4]);
  expect(readingsOf("1,234.5")).toEqual([1234.5]);
  expect(readingsOf("14.3")).toEqual([14.3]);
});

it("percentages as fractions", () => {
  expect(statedPercents("owns around 27% of the company")).toContain(0.27);
  expect(statedPercents("a 49 percent stake")).toContain(0.49);
  expect(statedPercents("about 7,84 per cent")).toContain(0.0784);
});
