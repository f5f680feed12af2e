/**
 * The in-memory workbook's entity values (cards), one Excel rule per test: a card in a cell, how
 * values / valueTypes / text / valuesAsJson read it, dot references to its fields (A1.Valuation,
 * A1.[Previous valuation]), #FIELD! for a field it does not have, and a refresh reaching both.
 */
import { INVESTORS_HEADER } from "../../src/core/cards/companyCard";
import { loadDataset } from "../../src/core/load";
import { replaceActiveDataset, resetStoreForTests } from "../../src/runtime/datasetStore";
import { refreshWorkbook } from "../../src/workbook/refreshWorkbook";
import { newerWithXaiAt } from "../support/datasets";
import { dealsWorkbook } from "../support/dealsWorkbook";
import { CARD_HOST, hostWithSets, noOfficeHost } from "../support/officeHost";
import { createFakeExcel, type FakeExcel } from "../support/workbook";
import { sheetOf } from "./helpers";

let wb: FakeExcel;
beforeEach(async () => {
  resetStoreForTests(undefined);
  hostWithSets(CARD_HOST);
  wb = await dealsWorkbook();
});
afterAll(() => noOfficeHost());

async function enter(formulas: Record<string, string>): Promise<void> {
  await wb.Excel.run(async (context) => {
    for (const [address, formula] of Object.entries(formulas))
      sheetOf(context).getRange(address).formulas = [[formula]];
    await context.sync();
  });
}

async function read(address: string) {
  return wb.Excel.run(async (context) => {
    const r = sheetOf(context).getRange(address).load("values, text, formulas, valueTypes");
    await context.sync();
    return { values: r.values, text: r.text, formulas: r.formulas, valueTypes: r.valueTypes };
  });
}

it("holds a card: values read #VALUE! (its basic value), valueTypes Error, text its name", async () => {
  await enter({ A1: '=DEALS.COMPANY("OpenAI")' });
  const a1 = await read("A1");
  expect(a1).toEqual({
    values: [["#VALUE!"]],
    text: [["OpenAI"]],
    formulas: [['=DEALS.COMPANY("OpenAI")']],
    valueTypes: [["Error"]],
  });
});

it("gives the whole card through valuesAsJson", async () => {
  await enter({ A1: '=DEALS.COMPANY("OpenAI")', A2: "=1+1" });
  const json = await wb.Excel.run(async (context) => {
    const r = sheetOf(context).getRange("A1:A2").load("valuesAsJson");
    await context.sync();
    return r.valuesAsJson;
  });
  expect(json[0]?.[0]).toMatchObject({
    type: "Entity",
    text: "OpenAI",
    basicType: "Error",
    basicValue: "#VALUE!",
  });
  expect(Object.keys((json[0]?.[0] as { properties: object }).properties)).toContain("Valuation");
  expect(json[1]?.[0]).toEqual({ type: "Double", basicType: "Double", basicValue: 2 });
});

it("reads a field with dot syntax, bare or in brackets, in any case, as the number function does", async () => {
  await enter({
    A1: '=DEALS.COMPANY("OpenAI")',
    B1: "=A1.Valuation",
    C1: "=A1.[Previous valuation]/2",
    D1: "=a1.valuation*2",
    E1: '=DEALS.VALUATION("OpenAI")',
  });
  const row = await read("A1:E1");
  const valuation = row.values[0]?.[4] as number;
  expect(typeof valuation).toBe("number");
  expect(row.values[0]?.slice(1, 5)).toEqual([
    valuation,
    expect.any(Number),
    valuation * 2,
    valuation,
  ]);
  // The formulas read back as typed; the field's number format comes with it.
  expect(row.formulas[0]?.slice(1, 3)).toEqual(["=A1.Valuation", "=A1.[Previous valuation]/2"]);
  expect(row.text[0]?.[1]).toMatch(/^\$[\d,]+\.\dB$/);
});

it("answers #FIELD! for a field the card does not have, or a dot on a cell without a card", async () => {
  await enter({
    A1: '=DEALS.COMPANY("OpenAI")',
    B1: "=A1.Nickname",
    C1: "plain",
    D1: "=C1.Valuation",
  });
  const row = await read("B1:D1");
  expect(row.values).toEqual([["#FIELD!", "plain", "#FIELD!"]]);
  expect(row.valueTypes).toEqual([["Error", "String", "Error"]]);
});

it("passes an error on through a dot, and leaves dots inside text alone", async () => {
  await enter({
    A1: '=DEALS.COMPANY("Nobody at all")',
    B1: "=A1.Valuation",
    C1: '="A1.Valuation"',
  });
  const row = await read("A1:C1");
  expect(row.values).toEqual([["#N/A", "#N/A", "A1.Valuation"]]);
});

it("spills a list field (investors) as a table with its header row", async () => {
  await enter({ A1: '=DEALS.COMPANY("Anthropic")', A3: "=A1.Investors" });
  const spill = await read("A3:F3");
  expect(spill.values[0]).toEqual([...INVESTORS_HEADER]);
  const below = await read("A4");
  expect(typeof below.values[0]?.[0]).toBe("string");
});

it("shows #VALUE! for an entity Excel would refuse", async () => {
  const broken = () => ({ type: "Entity", text: "x", properties: { A: 5 } });
  const fake = createFakeExcel({
    namespace: "T",
    functions: [{ id: "BROKEN", parameters: [] }],
    implementations: new Map([["BROKEN", broken]]),
    sheets: ["Sheet1"],
  });
  await fake.Excel.run(async (context) => {
    sheetOf(context).getRange("A1").formulas = [["=T.BROKEN()"]];
    await context.sync();
  });
  const a1 = await fake.Excel.run(async (context) => {
    const r = sheetOf(context).getRange("A1").load("values, text");
    await context.sync();
    return [r.values[0]?.[0], r.text[0]?.[0]];
  });
  expect(a1).toEqual(["#VALUE!", "#VALUE!"]);
});

it("follows a refresh: the card and the fields read from it both change", async () => {
  await enter({ A1: '=DEALS.COMPANY("xAI")', B1: "=A1.Valuation" });
  const before = (await read("B1")).values[0]?.[0];
  const file = newerWithXaiAt(123e9);
  const loaded = loadDataset(file);
  if (!loaded.ok) throw new Error(loaded.errors.join("; "));
  replaceActiveDataset(loaded.dataset, JSON.stringify(file));
  await refreshWorkbook(loaded.dataset);
  const json = await wb.Excel.run(async (context) => {
    const r = sheetOf(context).getRange("A1").load("valuesAsJson");
    await context.sync();
    return r.valuesAsJson[0]?.[0] as { properties: { Valuation: { basicValue: number } } };
  });
  expect(before).not.toBe(123e9);
  expect(json.properties.Valuation.basicValue).toBe(123e9);
  expect((await read("B1")).values[0]?.[0]).toBe(123e9);
});

it("forgets a card when its cell is written anew (a card is never left behind by another formula)", async () => {
  await enter({ A1: '=DEALS.COMPANY("Anthropic")', B1: '=DEALS.COMPANY("OpenAI")' });
  await enter({ A1: "=B1" }); // Excel would copy OpenAI's card; the fake does not model that, but never shows Anthropic's
  await enter({ C1: "=A1.Name" });
  const c1 = (await read("C1")).values[0]?.[0];
  expect(c1).not.toBe("Anthropic");
});
