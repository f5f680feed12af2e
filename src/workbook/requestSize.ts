/**
 * Excel on the web refuses a request (one context.sync) larger than 5 MB. A table's cells and formats are
 * measured as the JSON the request carries, and rows are grouped into writes of at most about 4 MB, so a
 * normal table goes in one write and only a very large one is split.
 */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

const encoder = new TextEncoder();

/** UTF-8 bytes of a value as JSON: what a request carries for it. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/**
 * Consecutive [start, end) row ranges whose total size stays within the budget; the first has room left
 * for what travels with it (the table's creation, caption, header). A row larger than the budget on its
 * own gets a chunk of its own (Excel will say if it is still too large).
 */
export function chunkRows(
  rowSizes: readonly number[],
  budget = REQUEST_BUDGET_BYTES,
  firstOverhead = 0
): [number, number][] {
  const chunks: [number, number][] = [];
  let start = 0;
  let size = firstOverhead;
  rowSizes.forEach((bytes, i) => {
    if (i > start && size + bytes > budget) {
      chunks.push([start, i]);
      start = i;
      size = 0;
    }
    size += bytes;
  });
  if (rowSizes.length > start || chunks.length === 0) chunks.push([start, rowSizes.length]);
  return chunks;
}
