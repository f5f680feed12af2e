/** Lists Microsoft publishes only as types, read from @types/office-js so the tests use theirs, not ours. */
import { readFileSync } from "node:fs";

let icons: Set<string> | undefined;

/** Excel.EntityCompactLayoutIcons: the icons a card's compact layout may name. */
export function compactLayoutIcons(): ReadonlySet<string> {
  if (icons) return icons;
  const dts = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");
  const start = dts.indexOf("enum EntityCompactLayoutIcons {");
  if (start < 0) throw new Error("@types/office-js has no EntityCompactLayoutIcons");
  const body = dts.slice(start, dts.indexOf("}", start));
  icons = new Set([...body.matchAll(/=\s*"([A-Za-z]+)"/g)].map((m) => m[1] as string));
  return icons;
}
