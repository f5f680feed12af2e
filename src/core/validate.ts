/**
 * A small validator for JSON data: the few shapes a deal file uses (strings by pattern, numbers by range,
 * enums, arrays, closed objects), each reporting every problem at its path ("deals.0.history.1.date").
 *
 * Why not a schema library: the one we used was most of the code a formula needs, and it compiles
 * validators with `new Function`, which the pages' Content-Security-Policy forbids. This checks, it does
 * not transform: valid input is returned as the very same object, typed.
 */

export interface Issue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Stops collecting after this many problems: a broken 50 MB file must not build a million messages. */
const MAX_ISSUES = 50;

export class Issues {
  readonly list: Issue[] = [];
  add(path: readonly (string | number)[], message: string): void {
    if (this.list.length < MAX_ISSUES) this.list.push({ path: [...path], message });
  }
  get full(): boolean {
    return this.list.length >= MAX_ISSUES;
  }
}

export interface Validator<T> {
  /** Whether `value` is a T; pushes a message for each problem otherwise. */
  readonly check: (value: unknown, path: (string | number)[], issues: Issues) => boolean;
  /** Only for object fields: whether the key may be missing. */
  readonly optional: boolean;
  /** Type carrier for `Infer`; never set at run time. */
  readonly type?: T;
}

export type Infer<V> = V extends Validator<infer T> ? T : never;

/** A named rule on an already well-typed value. */
export type Rule<T> = readonly [test: (value: T) => boolean, message: string];

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export function validate<T>(validator: Validator<T>, value: unknown): Result<T> {
  const issues = new Issues();
  return validator.check(value, [], issues)
    ? { ok: true, value: value as T }
    : { ok: false, issues: issues.list };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value); // NaN, Infinity
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function make<T>(check: Validator<T>["check"]): Validator<T> {
  return { check, optional: false };
}

function typed<T>(
  isType: (v: unknown) => v is T,
  expected: string,
  rules: readonly Rule<T>[]
): Validator<T> {
  return make<T>((value, path, issues) => {
    if (!isType(value)) {
      issues.add(path, `expected ${expected}, got ${describe(value)}`);
      return false;
    }
    for (const [test, message] of rules) {
      if (!test(value)) {
        issues.add(path, message);
        return false;
      }
    }
    return true;
  });
}

export const string = (...rules: Rule<string>[]): Validator<string> =>
  typed((v): v is string => typeof v === "string", "text", rules);

/** Finite numbers only: JSON has no NaN or Infinity, but a caller may pass objects built in code. */
export const number = (...rules: Rule<number>[]): Validator<number> =>
  typed((v): v is number => typeof v === "number" && Number.isFinite(v), "a number", rules);

export function literal<const T extends string | number | boolean>(expected: T): Validator<T> {
  return make<T>((value, path, issues) => {
    if (value === expected) return true;
    issues.add(path, `expected ${JSON.stringify(expected)}`);
    return false;
  });
}

export function oneOf<const T extends readonly string[]>(values: T): Validator<T[number]> {
  const allowed = new Set<unknown>(values);
  return make<T[number]>((value, path, issues) => {
    if (allowed.has(value)) return true;
    issues.add(path, `expected one of ${values.join(", ")}`);
    return false;
  });
}

export function nullable<T>(inner: Validator<T>): Validator<T | null> {
  return make<T | null>(
    (value, path, issues) => value === null || inner.check(value, path, issues)
  );
}

/** A field that may be missing (or undefined); `null` still has to pass `inner`. */
export function optional<T>(
  inner: Validator<T>
): Validator<T | undefined> & { readonly optional: true } {
  return { check: inner.check, optional: true };
}

export function array<T>(item: Validator<T>, minLength = 0): Validator<T[]> {
  return make<T[]>((value, path, issues) => {
    if (!Array.isArray(value)) {
      issues.add(path, `expected a list, got ${describe(value)}`);
      return false;
    }
    if (value.length < minLength) {
      issues.add(path, `expected at least ${minLength} item${minLength === 1 ? "" : "s"}`);
      return false;
    }
    let ok = true;
    for (let i = 0; i < value.length && !issues.full; i++) {
      path.push(i);
      ok = item.check(value[i], path, issues) && ok;
      path.pop();
    }
    return ok;
  });
}

type Shape = Record<string, Validator<unknown>>;
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends { optional: true } ? K : never;
}[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
    [K in OptionalKeys<S>]?: Infer<S[K]>;
  }
>;

/** An object with exactly these fields (an unknown field is an error: it is usually a typo). */
export function object<S extends Shape>(
  shape: S,
  ...rules: Rule<ObjectOf<S>>[]
): Validator<ObjectOf<S>> {
  const keys = Object.keys(shape);
  return make<ObjectOf<S>>((value, path, issues) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      issues.add(path, `expected an object, got ${describe(value)}`);
      return false;
    }
    const record = value as Record<string, unknown>;
    let ok = true;
    for (const key of keys) {
      const field = shape[key] as Validator<unknown>;
      path.push(key);
      if (!Object.prototype.hasOwnProperty.call(record, key) || record[key] === undefined) {
        if (!field.optional) {
          issues.add(path, "required");
          ok = false;
        }
      } else {
        ok = field.check(record[key], path, issues) && ok;
      }
      path.pop();
    }
    for (const key of Object.keys(record)) {
      if (!Object.prototype.hasOwnProperty.call(shape, key)) {
        issues.add(path, `unknown field '${key}'`);
        ok = false;
      }
    }
    if (!ok) return false;
    for (const [test, message] of rules) {
      if (!test(record as ObjectOf<S>)) {
        issues.add(path, message);
        return false;
      }
    }
    return true;
  });
}

/** Rule helpers, named as a reader would say them. */
export const matches = (pattern: RegExp, message: string): Rule<string> => [
  (s) => pattern.test(s),
  message,
];
export const positive: Rule<number> = [(n) => n > 0, "must be greater than 0"];
export const atMost = (max: number): Rule<number> => [(n) => n <= max, `must be at most ${max}`];
export const httpsUrl: Rule<string> = [
  (s) => {
    try {
      return new URL(s).protocol === "https:";
    } catch {
      return false;
    }
  },
  "must be an https URL",
];
