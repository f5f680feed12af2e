/**
 * The rules Microsoft documents for an entity value (Excel.EntityCellValue), as a checker: what Excel
 * accepts from a custom function or valuesAsJson. It returns every problem with its path, so a card the
 * add-in builds can be checked whole, and the in-memory workbook refuses (#VALUE!) what Excel would.
 *
 * Sources (learn.microsoft.com): "Excel data types: Core concepts", "Use cards with entity value data
 * types", "Use data types with custom functions", and the Excel.EntityCellValue, ArrayCellValue,
 * FormattedNumberCellValue, CellValuePropertyMetadata, CellValueAttributionAttributes, CardLayout*
 * references (@types/office-js carries the same text).
 */

/** Excel's limit for text in a cell, which a String cell value shares. */
export const MAX_TEXT = 32_767;

/** The value types a property of an entity may hold (CellValue); raw numbers or strings are not typed values. */
const PROPERTY_TYPES = new Set([
  "String",
  "Double",
  "FormattedNumber",
  "Boolean",
  "Array",
  "Entity",
  "WebImage",
  "Error",
  "LinkedEntity",
]);
const METADATA_KEYS = new Set(["excludeFrom", "sublabel", "attribution"]);
const ATTRIBUTION_KEYS = new Set(["sourceAddress", "sourceText", "licenseAddress", "licenseText"]);
const EXCLUSION_KEYS = new Set(["cardView", "autoComplete", "calcCompare", "dotNotation"]);
const SECTION_LAYOUTS = new Set(["List", "Table", "TwoColumn"]);
const SECTION_KEYS = new Set(["layout", "title", "collapsible", "collapsed", "properties"]);

/** Icons a card's compact layout may name (EntityCompactLayoutIcons); unchecked when not given. */
let knownIcons: ReadonlySet<string> | undefined;
type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json =>
  typeof x === "object" && x !== null && !Array.isArray(x);

function checkAddress(value: unknown, path: string, problems: string[]): void {
  if (typeof value !== "string" || !/^https:\/\/[^\s]+$/.test(value))
    problems.push(`${path}: an https address, got ${JSON.stringify(value)}`);
}

function checkMetadata(meta: unknown, path: string, problems: string[]): void {
  if (!isObject(meta)) return void problems.push(`${path}: propertyMetadata must be an object`);
  for (const key of Object.keys(meta))
    if (!METADATA_KEYS.has(key)) problems.push(`${path}.${key}: not a propertyMetadata field`);
  if (meta.sublabel !== undefined && (typeof meta.sublabel !== "string" || meta.sublabel === ""))
    problems.push(`${path}.sublabel: text`);
  if (meta.excludeFrom !== undefined) {
    if (!isObject(meta.excludeFrom)) problems.push(`${path}.excludeFrom: an object`);
    else
      for (const [k, v] of Object.entries(meta.excludeFrom))
        if (!EXCLUSION_KEYS.has(k) || typeof v !== "boolean")
          problems.push(`${path}.excludeFrom.${k}: not a boolean exclusion`);
  }
  if (meta.attribution !== undefined) {
    if (!Array.isArray(meta.attribution) || meta.attribution.length === 0)
      return void problems.push(`${path}.attribution: a non-empty list`);
    meta.attribution.forEach((a: unknown, i) => {
      const at = `${path}.attribution[${i}]`;
      if (!isObject(a)) return void problems.push(`${at}: an object`);
      for (const k of Object.keys(a))
        if (!ATTRIBUTION_KEYS.has(k)) problems.push(`${at}.${k}: not an attribution field`);
      if (a.sourceText === undefined && a.sourceAddress === undefined)
        problems.push(`${at}: names no source`);
      if (a.sourceText !== undefined && (typeof a.sourceText !== "string" || a.sourceText === ""))
        problems.push(`${at}.sourceText: text`);
      if (a.sourceAddress !== undefined)
        checkAddress(a.sourceAddress, `${at}.sourceAddress`, problems);
      if (a.licenseAddress !== undefined)
        checkAddress(a.licenseAddress, `${at}.licenseAddress`, problems);
    });
  }
}

/** One cell value: a typed object; `inArray` for an array's element (no array directly inside one). */
export function checkCellValue(
  value: unknown,
  path: string,
  problems: string[],
  inArray = false
): void {
  if (!isObject(value) || typeof value.type !== "string")
    return void problems.push(
      `${path}: a typed cell value ({ type, basicValue }), got ${JSON.stringify(value)}`
    );
  if (!PROPERTY_TYPES.has(value.type))
    return void problems.push(`${path}: unknown type ${value.type}`);
  if (value.propertyMetadata !== undefined) {
    if (inArray)
      problems.push(`${path}: propertyMetadata belongs to a property, not an array element`);
    checkMetadata(value.propertyMetadata, `${path}.propertyMetadata`, problems);
  }
  switch (value.type) {
    case "String":
      if (typeof value.basicValue !== "string") problems.push(`${path}: String needs text`);
      else if (value.basicValue.length > MAX_TEXT)
        problems.push(`${path}: ${value.basicValue.length} characters, over Excel's ${MAX_TEXT}`);
      break;
    case "Double":
    case "FormattedNumber":
      if (typeof value.basicValue !== "number" || !Number.isFinite(value.basicValue))
        problems.push(`${path}: ${value.type} needs a finite number`);
      if (
        value.type === "FormattedNumber" &&
        (typeof value.numberFormat !== "string" || value.numberFormat === "")
      )
        problems.push(`${path}: FormattedNumber needs a numberFormat`);
      break;
    case "Boolean":
      if (typeof value.basicValue !== "boolean")
        problems.push(`${path}: Boolean needs true or false`);
      break;
    case "Array": {
      if (inArray) problems.push(`${path}: an array may not directly contain an array`);
      const rows = value.elements;
      if (
        !Array.isArray(rows) ||
        rows.length === 0 ||
        !rows.every((r) => Array.isArray(r) && r.length > 0)
      )
        return void problems.push(`${path}: elements must be a non-empty 2-D list`);
      const width = (rows[0] as unknown[]).length;
      rows.forEach((row: unknown[], r) => {
        if (row.length !== width)
          problems.push(`${path}.elements[${r}]: ${row.length} wide, not ${width}`);
        row.forEach((e, c) => checkCellValue(e, `${path}.elements[${r}][${c}]`, problems, true));
      });
      break;
    }
    case "Entity":
      entityProblems(value, path, problems);
      break;
    default:
      break;
  }
}

/**
 * Every problem of an entity value, each with its path; [] when Excel would take it. `icons`: the names
 * of EntityCompactLayoutIcons (tests/support/officeTypes.ts reads them from @types/office-js).
 */
export function checkEntity(
  value: unknown,
  options: { icons?: ReadonlySet<string> } = {}
): string[] {
  knownIcons = options.icons;
  try {
    return entityProblems(value, "entity", []);
  } finally {
    knownIcons = undefined;
  }
}

function entityProblems(value: unknown, path: string, problems: string[]): string[] {
  if (!isObject(value) || value.type !== "Entity") {
    problems.push(`${path}: type must be "Entity"`);
    return problems;
  }
  if (typeof value.text !== "string" || value.text.trim() === "")
    problems.push(`${path}.text: the text the cell shows`);
  else if (value.text.length > MAX_TEXT) problems.push(`${path}.text: over ${MAX_TEXT} characters`);
  const properties = isObject(value.properties) ? value.properties : undefined;
  if (!properties) problems.push(`${path}.properties: an object`);
  for (const [name, v] of Object.entries(properties ?? {})) {
    if (name.trim() !== name || name === "")
      problems.push(`${path}.properties["${name}"]: a name without outer spaces`);
    checkCellValue(v, `${path}.properties["${name}"]`, problems);
  }
  const has = (name: unknown) =>
    typeof name === "string" && properties !== undefined && name in properties;
  const layouts = value.layouts;
  if (layouts !== undefined) {
    if (!isObject(layouts)) problems.push(`${path}.layouts: an object`);
    else {
      const card = layouts.card;
      if (card !== undefined) {
        if (!isObject(card)) problems.push(`${path}.layouts.card: an object`);
        else {
          if (card.layout !== undefined && card.layout !== "Entity")
            problems.push(`${path}.layouts.card.layout: "Entity"`);
          const title = card.title;
          if (
            isObject(title)
              ? !has(title.property)
              : title !== undefined && typeof title !== "string"
          )
            problems.push(`${path}.layouts.card.title: names no property of the entity`);
          for (const key of ["subTitle", "mainImage"] as const) {
            const ref = card[key];
            if (ref !== undefined && (!isObject(ref) || !has(ref.property)))
              problems.push(`${path}.layouts.card.${key}: names no property of the entity`);
          }
          const sections = card.sections;
          if (sections !== undefined && !Array.isArray(sections))
            problems.push(`${path}.layouts.card.sections: a list`);
          (Array.isArray(sections) ? sections : []).forEach((s: unknown, i) => {
            const at = `${path}.layouts.card.sections[${i}]`;
            if (!isObject(s)) return void problems.push(`${at}: an object`);
            for (const k of Object.keys(s))
              if (!SECTION_KEYS.has(k)) problems.push(`${at}.${k}: not a section field`);
            if (!SECTION_LAYOUTS.has(String(s.layout)))
              problems.push(`${at}.layout: List, Table or TwoColumn`);
            if (s.title !== undefined && typeof s.title !== "string")
              problems.push(`${at}.title: text`);
            if (!Array.isArray(s.properties) || s.properties.length === 0)
              problems.push(`${at}.properties: a non-empty list of names`);
            for (const name of Array.isArray(s.properties) ? s.properties : [])
              if (!has(name))
                problems.push(
                  `${at}: names ${JSON.stringify(name)}, which the entity does not have`
                );
          });
        }
      }
      const compact = layouts.compact;
      if (compact !== undefined) {
        if (!isObject(compact)) problems.push(`${path}.layouts.compact: an object`);
        else if (compact.icon !== undefined && knownIcons && !knownIcons.has(String(compact.icon)))
          problems.push(
            `${path}.layouts.compact.icon: ${JSON.stringify(compact.icon)} is not an EntityCompactLayoutIcons name`
          );
      }
    }
  }
  if (value.provider !== undefined) {
    const p = value.provider;
    if (!isObject(p)) problems.push(`${path}.provider: an object`);
    else {
      if (p.description !== undefined && typeof p.description !== "string")
        problems.push(`${path}.provider.description: text`);
      if (p.logoSourceAddress !== undefined)
        checkAddress(p.logoSourceAddress, `${path}.provider.logoSourceAddress`, problems);
      if (p.logoTargetAddress !== undefined)
        checkAddress(p.logoTargetAddress, `${path}.provider.logoTargetAddress`, problems);
    }
  }
  return problems;
}
