/**
 * Dates as whole day numbers (days since 1970-01-01, UTC), so as-of comparisons are integer compares.
 * A fact dated to a month or a year counts from the first day of it; an as-of date given as a month or
 * a year means the end of it ("as of 2025" = everything known by 31 Dec 2025).
 */
import { FormulaError, invalidValue } from "./errors";

const MS_PER_DAY = 86_400_000;
/** Excel serial 25569 is 1970-01-01 in the 1900 date system. */
const EXCEL_EPOCH_OFFSET = 25_569;
/** Serial of 9999-12-31, Excel's last date. */
const EXCEL_MAX_SERIAL = 2_958_465;
export const LATEST = Number.POSITIVE_INFINITY;

const DATE_TEXT = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

export type DatePrecision = "day" | "month" | "year";

/** Day number of a calendar date; a month past 12 rolls into the next year (dayOf(2025, 13, 1) = 1 Jan 2026). */
function dayOf(year: number, month: number, day: number): number {
  return civilDay(year + Math.floor((month - 1) / 12), ((month - 1) % 12) + 1, day);
}

function isRealDate(year: number, month: number, day: number): boolean {
  return day >= 1 && day <= dayOf(year, month + 1, 1) - dayOf(year, month, 1);
}

/** Days since 1970-01-01 of a proleptic Gregorian date, by arithmetic (no Date object on the load path). */
function civilDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const digits = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
};

/** The first day a fact dated "YYYY", "YYYY-MM" or "YYYY-MM-DD" counts from. Assumes a validated date. */
export function factStartDay(date: string): number {
  return civilDay(
    digits(date, 0, 4),
    date.length >= 7 ? digits(date, 5, 7) : 1,
    date.length >= 10 ? digits(date, 8, 10) : 1
  );
}

export function precisionOf(date: string): DatePrecision {
  const parts = date.split("-").length;
  return parts === 1 ? "year" : parts === 2 ? "month" : "day";
}

export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Excel's serial number for a day (1900 date system). */
export function excelSerial(day: number): number {
  return day + EXCEL_EPOCH_OFFSET;
}

/** The day of an Excel serial from 1 March 1900 on (the serials the data uses). */
export function dayOfSerial(serial: number): number {
  return Math.floor(serial) - EXCEL_EPOCH_OFFSET;
}

const AS_OF_HELP =
  "Use an Excel date, or text YYYY-MM-DD, YYYY-MM or YYYY; leave it empty for the latest data.";

/**
 * Reads the optional as_of argument as Excel passes it: null (omitted), an Excel date serial, or text.
 * Returns the last day included, LATEST when omitted, or a #VALUE! error saying what is accepted.
 */
export function parseAsOf(input: unknown): number | FormulaError {
  // Omitted: null (and undefined). Excel desktop passes an empty cell as 0, which is no date either.
  if (input === null || input === undefined || input === 0) return LATEST;
  if (typeof input === "string" && input.trim() === "") return LATEST;
  if (typeof input === "number" && Number.isInteger(input) && input >= 1900 && input <= 9999) {
    // A year typed as a number (a cell holding 2025). As a date serial it would fall in 1905-1927,
    // decades before any fact here, so the year is what was meant.
    return dayOf(input + 1, 1, 1) - 1;
  }
  if (typeof input === "number") {
    if (!Number.isFinite(input) || input < 1 || input > EXCEL_MAX_SERIAL) {
      return invalidValue(
        `Unreadable date ${String(input)}: Excel dates run from 1 (1900-01-01) to 2958465 (9999-12-31). ${AS_OF_HELP}`
      );
    }
    const serial = Math.floor(input);
    // Excel counts a 29 Feb 1900 that never was (serial 60); serials before it are one day earlier.
    return serial < 61 ? serial - EXCEL_EPOCH_OFFSET + 1 : serial - EXCEL_EPOCH_OFFSET;
  }
  if (typeof input === "string") {
    const text = input.trim();
    const m = DATE_TEXT.exec(text);
    if (m) {
      const year = Number(m[1]);
      const month = m[2] === undefined ? undefined : Number(m[2]);
      const day = m[3] === undefined ? undefined : Number(m[3]);
      if (month === undefined) return dayOf(year + 1, 1, 1) - 1;
      if (month >= 1 && month <= 12) {
        if (day === undefined) return dayOf(year, month + 1, 1) - 1;
        if (isRealDate(year, month, day)) return dayOf(year, month, day);
      }
    }
    return invalidValue(`Unreadable date '${clip(text)}'. ${AS_OF_HELP}`);
  }
  return invalidValue(`Unreadable date (${typeof input}). ${AS_OF_HELP}`);
}

const described = new Map<number, string>();

/** "as of 2025-12-17" or "in the latest data", for messages; the few distinct days are formatted once. */
export function describeAsOf(day: number): string {
  if (day === LATEST) return "in the latest data";
  let text = described.get(day);
  if (text === undefined) {
    text = `as of ${formatDay(day)}`;
    if (described.size >= 10_000) described.clear();
    described.set(day, text);
  }
  return text;
}

/** Keeps user text in messages short. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
