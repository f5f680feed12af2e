/**
 * The outcome of the last refresh started from the ribbon, which runs without the pane: the pane's
 * Refresh tab shows it when opened (both live in the one shared runtime).
 */
let notice: { at: string; ok: boolean; message: string } | undefined;
const listeners = new Set<() => void>();

export function setRefreshNotice(ok: boolean, message: string, at: Date = new Date()): void {
  notice = { at: at.toISOString(), ok, message };
  for (const l of listeners) l();
}

export function getRefreshNotice(): typeof notice {
  return notice;
}

export function onRefreshNotice(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
