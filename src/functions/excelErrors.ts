/** The one bridge from the core's error values to Excel's: #N/A and #VALUE! keep their message. */
import { FormulaError, isFormulaError } from "../core/errors";

function toExcelError(error: FormulaError): CustomFunctions.Error {
  const code =
    error.kind === "#N/A"
      ? CustomFunctions.ErrorCode.notAvailable
      : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, error.message);
}

/** Returns the value, or throws Excel's error (the documented way for a custom function to fail). */
export function excelResult<T>(value: T | FormulaError): T {
  if (isFormulaError(value)) throw toExcelError(value);
  return value;
}
