/**
 * The in-memory workbook's shapes, one Excel rule per test: known shape types, arrowheads and dash
 * styles only; a group holds two or more shapes of its sheet, none already grouped; Worksheet.shapes
 * lists top-level shapes; deleting a group deletes what it holds; moving a group moves its shapes.
 */
import { createFakeExcel, type FakeExcel } from "../support/workbook";
import { rejection, sheetOf } from "./helpers";

let wb: FakeExcel;
beforeEach(() => {
  wb = createFakeExcel({ sheets: ["Sheet1"] });
});

const fails = (batch: Parameters<FakeExcel["Excel"]["run"]>[0]) => rejection(wb.Excel.run(batch));

it("refuses an unknown shape type, arrowhead or dash style", async () => {
  await expect(
    fails(async (c) => {
      sheetOf(c).shapes.addGeometricShape("Squiggle");
      await c.sync();
    })
  ).resolves.toMatchObject({ code: "InvalidArgument" });
  await expect(
    fails(async (c) => {
      sheetOf(c).shapes.addLine(0, 0, 10, 10).line.endArrowheadStyle = "Harpoon";
      await c.sync();
    })
  ).resolves.toMatchObject({ code: "InvalidArgument" });
  await expect(
    fails(async (c) => {
      sheetOf(c).shapes.addLine(0, 0, 10, 10).lineFormat.dashStyle = "Wavy";
      await c.sync();
    })
  ).resolves.toMatchObject({ code: "InvalidArgument" });
});

it("groups two or more shapes once; lists the group, not its shapes; moves and deletes them together", async () => {
  await expect(
    fails(async (c) => {
      const s = sheetOf(c).shapes;
      s.addGroup([s.addTextBox("alone")]);
      await c.sync();
    })
  ).resolves.toMatchObject({ code: "InvalidArgument" });
  // The failed batch still made its text box (Excel applies what came before the failing operation).
  wb = createFakeExcel({ sheets: ["Sheet1"] });
  const listed = await wb.Excel.run(async (c) => {
    const s = sheetOf(c).shapes;
    const a = s.addGeometricShape("Rectangle");
    a.left = 10;
    const b = s.addTextBox("b");
    b.left = 100;
    const g = s.addGroup([a, b]);
    g.name = "Mine";
    g.left = 20;
    const items = s.load("items/name");
    await c.sync();
    return items.items.map((i) => i.name);
  });
  expect(listed).toEqual(["Mine"]);
  expect(
    wb
      .shapes("Sheet1")
      .filter((s) => s.type !== "Group")
      .map((s) => s.left)
  ).toEqual([20, 110]);
  await wb.Excel.run(async (c) => {
    sheetOf(c).shapes.addTextBox("c");
    await c.sync();
  });
  const grouped = wb.shapes("Sheet1").find((x) => x.text === "b")?.id ?? "";
  const loose = wb.shapes("Sheet1").find((x) => x.text === "c")?.id ?? "";
  await expect(
    fails(async (c) => {
      sheetOf(c).shapes.addGroup([grouped, loose]);
      await c.sync();
    })
  ).resolves.toMatchObject({ code: "InvalidArgument" });
  await wb.Excel.run(async (c) => {
    sheetOf(c).shapes.getItem("Mine").delete();
    await c.sync();
  });
  expect(wb.shapes("Sheet1").map((s) => s.text)).toEqual(["c"]);
});
