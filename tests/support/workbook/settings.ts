/**
 * workbook.settings: key/value pairs saved in the document. Values are stored as JSON, as Office
 * serializes them, so reading one back gives a fresh copy.
 */
import { fail } from "./errors";

export class Settings {
  private readonly values = new Map<string, string>();

  private static checkKey(key: unknown): string {
    if (typeof key !== "string" || key.length === 0 || key.length > 255)
      fail("InvalidArgument", "A setting key must be text of 1 to 255 characters.");
    return key;
  }

  /** settings.add(key, value): adds the setting or replaces its value. */
  set(key: unknown, value: unknown): string {
    const valid = Settings.checkKey(key);
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      json = undefined;
    }
    if (json === undefined) fail("InvalidArgument", `The value of setting '${valid}' is not JSON.`);
    this.values.set(valid, json);
    return valid;
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  get(key: string): unknown {
    const json = this.values.get(key);
    if (json === undefined) fail("ItemNotFound", `There is no setting '${key}'.`);
    return JSON.parse(json) as unknown;
  }

  delete(key: string): void {
    this.values.delete(key);
  }

  keys(): string[] {
    return [...this.values.keys()];
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.keys().map((k) => [k, this.get(k)]));
  }
}
