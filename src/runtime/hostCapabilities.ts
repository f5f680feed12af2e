/**
 * What the Excel host can show. Entity values (cards) need CustomFunctionsRuntime 1.4 (Excel on the web,
 * Windows 2208+, Mac 16.64+); an older host gets the card's plain text instead of an error.
 *
 * Office answers only once it has initialized. A card asked for before that waits for Office.onReady:
 * answering plain text then would leave the cell as text until the analyst recalculates.
 */
let entities: boolean | undefined;
/** The Office object whose onReady is being waited for, and the one whose onReady has resolved. */
let watched: unknown;
let settled: unknown;

function watch(office: typeof Office): void {
  if (watched === office) return;
  watched = office;
  void office.onReady().then(
    () => (settled = office),
    () => (settled = office)
  );
}

// Started with the runtime, so a card asked for after Office is up is answered at once.
if (typeof Office !== "undefined") watch(Office);

/** true or false once Office has said; undefined while Office is loaded but not ready yet. */
export function hostShowsCards(): boolean | undefined {
  if (entities !== undefined) return entities;
  // No office.js at all (a test, a page outside Office): no cards, and no point waiting.
  if (typeof Office === "undefined") return false;
  const requirements = Office.context?.requirements;
  if (requirements === undefined) {
    // Ready and still no requirements to ask: not a host that shows cards (a page outside Excel).
    if (settled === Office) return (entities = false);
    watch(Office);
    return undefined;
  }
  try {
    entities = requirements.isSetSupported("CustomFunctionsRuntime", "1.4");
  } catch {
    // A host whose requirements cannot be asked is not one that shows cards.
    entities = false;
  }
  return entities;
}

/** Resolves once Office has initialized (at once where there is no Office). */
export async function officeReady(): Promise<void> {
  if (typeof Office !== "undefined") await Office.onReady();
}

/** For tests: forget the answer, as a new runtime would. */
export function forgetHostCapabilities(): void {
  entities = undefined;
  watched = undefined;
  settled = undefined;
}
