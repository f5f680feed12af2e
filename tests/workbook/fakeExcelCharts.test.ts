/**
 * The in-memory workbook's charts, one Excel rule per test: charts.add makes one series per column named
 * by its header; a series' values are one row or column; a title formula reads one cell and shows what
 * it holds; names are unique on a sheet; setPosition covers cells; getDimensionDataSourceString reads back.
 */
import { createFakeExcel, type FakeExcel } from "../support/workbook";
import { rejection, sheetOf } from "./helpers";

let wb: FakeExcel;
beforeEach(() => {
  wb = createFakeExcel({ sheets: ["Sheet1"] });
  wb.setCell("Sheet1", "A1:C3", [
    ["Pair", "In", "Back"],
    ["a", 1, 2],
    ["b", 3, 4],
  ]);
});

it("adds a chart with a series per column, named by the header row", async () => {
  const source = await wb.Excel.run(async (context) => {
    const chart = sheetOf(context).charts.add(
      "BarClustered",
      sheetOf(context).getRange("B1:C3"),
      "Columns"
    );
    const s = chart.series.getItemAt(1);
    const where = s.getDimensionDataSourceString("Values");
    s.load("name");
    await context.sync();
    return [s.name, where.value];
  });
  expect(source).toEqual(["Back", "Sheet1!$C$2:$C$3"]);
  expect(wb.charts()[0]?.series.map((s) => s.values)).toEqual(["Sheet1!B2:B3", "Sheet1!C2:C3"]);
});

it("refuses an unknown chart type, a series of a block, and a title formula of several cells", async () => {
  const add = (type: string) =>
    wb.Excel.run(async (context) => {
      sheetOf(context).charts.add(type, sheetOf(context).getRange("B1:C3"));
      await context.sync();
    });
  await expect(rejection(add("Bars3DWobbly"))).resolves.toMatchObject({ code: "InvalidArgument" });
  await add("ColumnClustered");
  await expect(
    rejection(
      wb.Excel.run(async (context) => {
        const chart = sheetOf(context).charts.getItem("Chart 1");
        chart.series.getItemAt(0).setValues(sheetOf(context).getRange("B2:C3"));
        await context.sync();
      })
    )
  ).resolves.toMatchObject({ code: "InvalidArgument" });
  await expect(
    rejection(
      wb.Excel.run(async (context) => {
        sheetOf(context).charts.getItem("Chart 1").title.setFormula("=Sheet1!A1:B1");
        await context.sync();
      })
    )
  ).resolves.toMatchObject({ code: "InvalidArgument" });
});

it("shows in its title what the title's cell holds, and follows the cell", async () => {
  await wb.Excel.run(async (context) => {
    const chart = sheetOf(context).charts.add("BarClustered", sheetOf(context).getRange("B1:C3"));
    chart.title.setFormula("='Sheet1'!$A$1");
    await context.sync();
  });
  expect(wb.charts()[0]?.title).toBe("Pair");
  wb.setCell("Sheet1", "A1", "Pairs as of 2026");
  expect(wb.charts()[0]?.title).toBe("Pairs as of 2026");
});

it("keeps names unique on a sheet, and places a chart over cells", async () => {
  const outcome = wb.Excel.run(async (context) => {
    const a = sheetOf(context).charts.add("BarClustered", sheetOf(context).getRange("B1:C3"));
    const b = sheetOf(context).charts.add("BarClustered", sheetOf(context).getRange("B1:C3"));
    a.name = "Mine";
    a.setPosition("E2", "F5");
    b.name = "Mine";
    await context.sync();
  });
  await expect(rejection(outcome)).resolves.toMatchObject({ code: "InvalidArgument" });
  expect(wb.charts().find((c) => c.name === "Mine")?.position).toEqual({
    left: 4 * 48,
    top: 15,
    width: 2 * 48,
    height: 4 * 15,
  });
});
