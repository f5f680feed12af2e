/**
 * The deal browser's "Insert formula": puts one formula into the selected cell (the top-left cell of a
 * larger selection), only if that cell is empty, with a number format that reads it ($50.0B). Two syncs:
 * look, then write.
 */
export type FormulaOutcome =
  { status: "inserted"; address: string } | { status: "occupied"; address: string };

export async function insertFormula(
  formula: string,
  numberFormat: string
): Promise<FormulaOutcome> {
  return Excel.run(async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0);
    cell.load("address, formulas");
    await context.sync();
    const current = cell.formulas[0]?.[0];
    if (current !== "" && current !== undefined && current !== null)
      return { status: "occupied", address: cell.address };
    // The format first: in a cell formatted as Text, the formula would be kept as text.
    cell.numberFormat = [[numberFormat]];
    cell.formulas = [[formula]];
    await context.sync();
    return { status: "inserted", address: cell.address };
  });
}
