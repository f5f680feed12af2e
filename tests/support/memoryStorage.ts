/** A localStorage stand-in for the dataset store: what it keeps is readable by the test. */
import type { KeyValueStorage } from "../../src/runtime/datasetStore";

export function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}
