/**
 * Errors as values. The pure core never throws for bad input: it returns a FormulaError, and the
 * custom-function adapter turns it into Excel's own error (#N/A, #VALUE!) with the message kept.
 */
/** #DIV/0! only arises in a values table's arithmetic (the formulas themselves answer #N/A or #VALUE!). */
export type ExcelErrorKind = "#N/A" | "#VALUE!" | "#DIV/0!";

export class FormulaError {
  constructor(
    readonly kind: ExcelErrorKind,
    readonly message: string
  ) {}
}

export const notAvailable = (message: string): FormulaError => new FormulaError("#N/A", message);
export const invalidValue = (message: string): FormulaError => new FormulaError("#VALUE!", message);

export function isFormulaError(x: unknown): x is FormulaError {
  return x instanceof FormulaError;
}
