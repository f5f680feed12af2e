/**
 * The part of Office a function asks about its host: which requirement sets it supports. Installs a
 * global Office whose isSetSupported answers from the given sets (name → highest version), as Excel's
 * does, and makes the add-in ask again.
 */
import { forgetHostCapabilities } from "../../src/runtime/hostCapabilities";

export function hostWithSets(sets: Record<string, string>) {
  const atLeast = (have: string, want: string): boolean => {
    const a = have.split(".").map(Number);
    const b = want.split(".").map(Number);
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
    return true;
  };
  const context = {
    requirements: {
      isSetSupported: (name: string, version?: string): boolean => {
        const have = sets[name];
        return have !== undefined && atLeast(have, version ?? "1.1");
      },
    },
  };
  const office: { context?: typeof context; onReady: () => Promise<unknown> } = {
    context,
    onReady: () => Promise.resolve({ host: "Excel" }),
  };
  (globalThis as unknown as { Office: unknown }).Office = office;
  forgetHostCapabilities();
  return office;
}

/**
 * office.js loaded but not initialized yet, as when Excel calls the functions while the runtime starts:
 * no Office.context until onReady, which then gives it. Returns a function that makes Office ready.
 */
export function hostStarting(sets: Record<string, string>): () => void {
  const office = hostWithSets(sets);
  const context = office.context;
  delete office.context;
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  office.onReady = async () => {
    await whenReady;
    office.context = context;
    return { host: "Excel" };
  };
  return ready;
}

/** Excel on the web, Windows 2208+ and Mac 16.64+: cards. */
export const CARD_HOST = { CustomFunctionsRuntime: "1.4", ExcelApi: "1.16" };
/** An older Excel: custom functions, no entity values. */
export const OLD_HOST = { CustomFunctionsRuntime: "1.3", ExcelApi: "1.12" };

export function noOfficeHost(): void {
  delete (globalThis as unknown as { Office?: unknown }).Office;
  forgetHostCapabilities();
}
