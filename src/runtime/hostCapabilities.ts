/**
 * What the Excel host can show. Entity values (cards) need CustomFunctionsRuntime 1.4 (Excel on the web,
 * Windows 2208+, Mac 16.64+); an older host gets the card's plain text instead of an error. The answer is
 * kept once Office has given one; while Office is not ready yet, the plain text is the safe answer and
 * the question is asked again next time.
 */
let entities: boolean | undefined;

export function hostShowsCards(): boolean {
  if (entities !== undefined) return entities;
  try {
    const requirements = typeof Office === "undefined" ? undefined : Office.context?.requirements;
    if (requirements === undefined) return false;
    entities = requirements.isSetSupported("CustomFunctionsRuntime", "1.4");
  } catch {
    // Office answers only once it is initialized; until then, plain text.
    return false;
  }
  return entities;
}

/** For tests: forget the answer, as a new runtime would. */
export function forgetHostCapabilities(): void {
  entities = undefined;
}
