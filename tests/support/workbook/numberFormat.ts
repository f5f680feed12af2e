/**
 * range.text: a value shown through its number format. Covers what an add-in writes (General, 0.00,
 * #,##0, 0.0%, $#,##0, quoted literals, negative sections, yyyy-mm-dd style dates); column width and
 * "####" are not modelled.
 */

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Excel's General: about 11 characters, scientific notation for very large or small numbers. */
export function formatGeneral(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa = "0", exponent = "0"] = n.toExponential(5).split("e");
    const trimmed = mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa;
    const e = Number(exponent);
    return `${trimmed}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  // The most significant digits that fit in 11 characters (sign not counted).
  for (let precision = 11; precision > 1; precision--) {
    const text = String(Number(n.toPrecision(precision)));
    if (text.replace("-", "").length <= 11) return text;
  }
  return String(Number(n.toPrecision(1)));
}

/** Splits a format into its ;-separated sections, ignoring ; inside quotes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** The format with quoted text and escapes removed, to look for placeholders. */
function bare(section: string): string {
  return section.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
}

function isDateFormat(section: string): boolean {
  return /[yd]|h|s/i.test(bare(section)) && !/[0#?]/.test(bare(section));
}

/** Excel serial date (1900 system, with its 29-Feb-1900) to a UTC date. */
function serialToDate(serial: number): Date {
  const days = Math.floor(serial);
  const offset = days >= 61 ? days - 1 : days;
  const ms = Math.round((serial - days) * 86400000);
  return new Date(Date.UTC(1899, 11, 31) + offset * 86400000 + ms);
}

function formatDate(serial: number, section: string): string {
  const d = serialToDate(serial);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const tokens = /"[^"]*"|\\.|\[[^\]]*\]|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|./gi;
  let sawHour = false;
  return (section.match(tokens) ?? [])
    .map((t) => {
      const lower = t.toLowerCase();
      if (t.startsWith('"')) return t.slice(1, -1);
      if (t.startsWith("\\")) return t.slice(1);
      if (t.startsWith("[")) return "";
      if (lower === "yyyy") return String(d.getUTCFullYear());
      if (lower === "yy") return pad(d.getUTCFullYear() % 100);
      if (lower === "mmmm") return MONTHS[d.getUTCMonth()] ?? "";
      if (lower === "mmm") return (MONTHS[d.getUTCMonth()] ?? "").slice(0, 3);
      if (lower === "mm" || lower === "m") {
        const value = sawHour ? d.getUTCMinutes() : d.getUTCMonth() + 1;
        return lower === "mm" ? pad(value) : String(value);
      }
      if (lower === "dddd") return DAYS[d.getUTCDay()] ?? "";
      if (lower === "ddd") return (DAYS[d.getUTCDay()] ?? "").slice(0, 3);
      if (lower === "dd") return pad(d.getUTCDate());
      if (lower === "d") return String(d.getUTCDate());
      if (lower === "hh" || lower === "h") {
        sawHour = true;
        return lower === "hh" ? pad(d.getUTCHours()) : String(d.getUTCHours());
      }
      if (lower === "ss") return pad(d.getUTCSeconds());
      if (lower === "s") return String(d.getUTCSeconds());
      if (lower === "am/pm") return d.getUTCHours() < 12 ? "AM" : "PM";
      return t;
    })
    .join("");
}

function formatNumberSection(n: number, section: string): string {
  const plain = bare(section);
  const percents = (plain.match(/%/g) ?? []).length;
  const found = /[0#?][0#?,]*(\.[0#?]*)?,*|\.[0#?]+,*/.exec(plain)?.[0] ?? "";
  // Commas right after the digits scale by a thousand each ("0.0,," shows millions).
  const scaling = /,*$/.exec(found)?.[0].length ?? 0;
  const placeholder = found.slice(0, found.length - scaling);
  const value = (n * 100 ** percents) / 1000 ** scaling;
  const decimals = (placeholder.split(".")[1] ?? "").replace(/[^0#?]/g, "").length;
  const grouped = placeholder.split(".")[0]?.includes(",") ?? false;
  const minInt = (placeholder.split(".")[0] ?? "").replace(/[^0]/g, "").length;
  let digits = Math.abs(value).toFixed(decimals);
  let [int = "0", frac] = digits.split(".");
  if (minInt === 0 && int === "0" && decimals > 0) int = "";
  int = int.padStart(minInt, "0");
  if (grouped) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  digits = frac === undefined ? int : `${int}.${frac}`;
  // Put the digits where the placeholders were; keep literals and quoted text around them.
  let done = false;
  const tokens = /"[^"]*"|\\.|\[[^\]]*\]|[0#?][0#?,]*(\.[0#?]*)?,*|\.[0#?]+,*|./g;
  return (section.match(tokens) ?? [])
    .map((t) => {
      if (t.startsWith('"')) return t.slice(1, -1);
      if (t.startsWith("\\")) return t.slice(1);
      if (t.startsWith("[")) return "";
      if (/^[0#?.]/.test(t) && /[0#?]/.test(t)) {
        if (done) return "";
        done = true;
        return digits;
      }
      if (t === "_" || t === "*") return "";
      return t;
    })
    .join("");
}

/** What range.text shows for a value under a number format. */
export function formatText(value: number | string | boolean, numberFormat: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const parts = sections(numberFormat);
  const first = parts[0] ?? "General";
  if (first.trim() === "" || /^general$/i.test(first.trim())) return formatGeneral(value);
  let section = first;
  let sign = value < 0 ? "-" : "";
  if (value < 0 && parts[1] !== undefined) {
    section = parts[1];
    sign = "";
  } else if (value === 0 && parts[2] !== undefined) section = parts[2];
  if (/^general$/i.test(section.trim())) return sign + formatGeneral(Math.abs(value));
  // General beside literal text (General" years"): the number as General, the text as written.
  if (/general/i.test(bare(section)))
    return section
      .split(/("[^"]*")/)
      .map((part) =>
        part.startsWith('"')
          ? part.slice(1, -1)
          : part.replace(/general/i, sign + formatGeneral(Math.abs(value)))
      )
      .join("");
  if (isDateFormat(section)) return formatDate(value, section);
  if (!/[0#?]/.test(bare(section))) return section.replace(/"([^"]*)"/g, "$1");
  const text = formatNumberSection(Math.abs(value), section);
  return /[1-9]/.test(text) ? sign + text : text;
}
