/**
 * Excel.Application (context.workbook.application): calculation. The fake calculates automatically,
 * as Excel does by default: an edit recalculates its dependents at once, which is all "Recalculate"
 * would do; custom functions are non-volatile, so only a full calculation calls them again.
 */
import { ClientObject, type PropertySpec } from "./clientObject";
import { fail } from "./errors";
import type { Workbook } from "./workbook";

const CALCULATION_TYPES = ["Recalculate", "Full", "FullRebuild"];

export class ApplicationProxy extends ClientObject<Workbook> {
  protected readonly typeName = "Application";
  protected readonly properties: Record<string, PropertySpec<Workbook>> = {
    calculationMode: {
      get: () => "Automatic",
      set: (_, mode) => {
        if (!["Automatic", "AutomaticExceptTables", "Manual"].includes(String(mode)))
          fail("InvalidArgument", `'${String(mode)}' is not a calculation mode.`);
        // Manual calculation would leave edited formulas stale; the fake does not model it.
        if (mode !== "Automatic")
          fail("NotImplemented", "The fake models automatic calculation only.");
      },
    },
    calculationState: { get: () => "Done" },
  };

  get calculationMode(): string {
    return this.read("calculationMode") as string;
  }
  set calculationMode(value: string) {
    this.write("calculationMode", value);
  }
  get calculationState(): string {
    return this.read("calculationState") as string;
  }

  /** "Recalculate": the dirty cells, of which automatic calculation leaves none; "Full" and
   * "FullRebuild": every formula, custom functions included. */
  calculate(calculationType: string): void {
    this.call("calculate", [calculationType], (wb) => {
      if (!CALCULATION_TYPES.includes(calculationType))
        fail("InvalidArgument", `'${String(calculationType)}' is not a calculation type.`);
      if (calculationType !== "Recalculate") wb.sheets.engine.recalculateAll();
    });
  }
  /** Excel defers recalculation to the end of the next sync; the results are the same. */
  suspendApiCalculationUntilNextSync(): void {
    this.call("suspendApiCalculationUntilNextSync", [], () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.call("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }
}
