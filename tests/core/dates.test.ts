import { factStartDay, formatDay, LATEST, parseAsOf, precisionOf } from "../../src/core/dates";
import { isFormulaError } from "../../src/core/errors";

/** Day number of an ISO date by the platform's calendar (setUTCFullYear: years below 100 stay themselves). */
const day = (iso: string): number => {
  const d = new Date(0);
  d.setUTCFullYear(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  return d.getTime() / 86_400_000;
};

describe("as_of argument", () => {
  it("omitted (null, undefined, empty text, or an empty cell that Excel desktop passes as 0) means the latest data", () => {
    expect(parseAsOf(null)).toBe(LATEST);
    expect(parseAsOf(undefined)).toBe(LATEST);
    expect(parseAsOf("")).toBe(LATEST);
    expect(parseAsOf("   ")).toBe(LATEST);
    expect(parseAsOf(0)).toBe(LATEST);
  });

  it("reads a whole number from 1900 to 9999 as a year (a cell holding 2025), not a 1905 date", () => {
    expect(parseAsOf(2025)).toBe(day("2025-12-31"));
    expect(parseAsOf(1900)).toBe(day("1900-12-31"));
    expect(parseAsOf(2025.5)).toBe(day("1905-07-17")); // a fraction is a date serial with a time
  });

  it("handles years before 100 as real years, not 19xx", () => {
    expect(parseAsOf("0050")).toBe(day("0050-12-31"));
    expect(parseAsOf("0004-02-29")).toBe(day("0004-02-29"));
  });

  it("reads Excel date serials, ignoring the time of day", () => {
    expect(parseAsOf(46008)).toBe(day("2025-12-17")); // =DATE(2025,12,17)
    expect(parseAsOf(46008.75)).toBe(day("2025-12-17"));
    expect(parseAsOf(61)).toBe(day("1900-03-01"));
    expect(parseAsOf(1)).toBe(day("1900-01-01"));
    expect(parseAsOf(2958465)).toBe(day("9999-12-31"));
  });

  it("reads text dates; a month or a year means the end of it", () => {
    expect(parseAsOf("2025-12-17")).toBe(day("2025-12-17"));
    expect(parseAsOf(" 2025-12-17 ")).toBe(day("2025-12-17"));
    expect(parseAsOf("2025-12")).toBe(day("2025-12-31"));
    expect(parseAsOf("2024-02")).toBe(day("2024-02-29"));
    expect(parseAsOf("2025")).toBe(day("2025-12-31"));
  });

  it.each([["2025-13"], ["2025-02-30"], ["17/12/2025"], ["yesterday"], ["2025-1-1x"]])(
    "rejects unreadable text %s with #VALUE! saying what is accepted",
    (text) => {
      const r = parseAsOf(text);
      expect(isFormulaError(r) && r.kind).toBe("#VALUE!");
      expect(isFormulaError(r) && r.message).toMatch(/YYYY-MM-DD, YYYY-MM or YYYY/);
    }
  );

  it.each([[-5], [0.5], [3e6], [Number.NaN], [Number.POSITIVE_INFINITY], [true], [[[1]]]])(
    "rejects %p with #VALUE!",
    (v) => {
      const r = parseAsOf(v);
      expect(isFormulaError(r) && r.kind).toBe("#VALUE!");
    }
  );
});

describe("fact dates", () => {
  it("count from the first day of their month or year", () => {
    expect(formatDay(factStartDay("2025-12"))).toBe("2025-12-01");
    expect(formatDay(factStartDay("2024"))).toBe("2024-01-01");
    expect(formatDay(factStartDay("2025-11-03"))).toBe("2025-11-03");
  });

  it("know their precision", () => {
    expect(precisionOf("2025")).toBe("year");
    expect(precisionOf("2025-12")).toBe("month");
    expect(precisionOf("2025-12-17")).toBe("day");
  });
});

describe("fact start days agree with the calendar", () => {
  it("for every month start and month end from 1899 to 2101", () => {
    for (let year = 1899; year <= 2101; year++) {
      expect(factStartDay(String(year))).toBe(Date.UTC(year, 0, 1) / 86_400_000);
      for (let month = 1; month <= 12; month++) {
        const mm = String(month).padStart(2, "0");
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        expect(factStartDay(`${year}-${mm}`)).toBe(Date.UTC(year, month - 1, 1) / 86_400_000);
        expect(factStartDay(`${year}-${mm}-${last}`)).toBe(
          Date.UTC(year, month - 1, last) / 86_400_000
        );
      }
    }
  });
});
