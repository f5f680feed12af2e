/**
 * Shapes on worksheets, as Excel keeps them: geometric shapes and text boxes with text, lines with their
 * ends and arrowheads, and groups of shapes. Excel's rules the add-in must meet: a known geometric shape
 * type, arrowhead and dash style; sizes and weights not negative; a group of at least two shapes of one
 * sheet, none already in a group; deleting a group deletes what it holds.
 */
import { fail, points } from "./errors";

export const GEOMETRIC_SHAPE_TYPES = new Set([
  "Rectangle",
  "RoundRectangle",
  "Ellipse",
  "Triangle",
  "Diamond",
  "Hexagon",
  "RightArrow",
]);
export const ARROWHEADS = new Set([
  "NoArrowhead",
  "Triangle",
  "Stealth",
  "Diamond",
  "Oval",
  "Open",
]);
export const DASH_STYLES = new Set([
  "Solid",
  "Dash",
  "DashDot",
  "LongDash",
  "RoundDot",
  "SquareDot",
]);
export const CONNECTORS = new Set(["Straight", "Elbow", "Curve"]);

export interface ShapeModel {
  id: string;
  sheetId: number;
  name: string;
  type: "GeometricShape" | "Line" | "TextBox" | "Group";
  geometricShapeType?: string;
  left: number;
  top: number;
  width: number;
  height: number;
  text: string;
  font: { color: string; size: number; bold: boolean };
  fill: string | null;
  line: { color: string; weight: number; dashStyle: string; visible: boolean };
  /** Lines: where they start and end, and the arrowheads there. */
  ends?: { start: [number, number]; end: [number, number]; begin: string; finish: string };
  /** The group it belongs to, and for a group, what it holds. */
  group?: string;
  members?: string[];
}

export class Shapes {
  readonly list: ShapeModel[] = [];
  private nextId = 1;

  /** Every shape of a sheet, grouped ones included. */
  onSheet(sheetId: number): ShapeModel[] {
    return this.list.filter((s) => s.sheetId === sheetId);
  }

  /** What Worksheet.shapes lists: the sheet's top-level shapes (a group, not what it holds). */
  topLevel(sheetId: number): ShapeModel[] {
    return this.onSheet(sheetId).filter((s) => s.group === undefined);
  }

  byId(id: string): ShapeModel {
    const shape = this.list.find((s) => s.id === id);
    if (!shape) fail("ItemNotFound", "The shape was deleted.");
    return shape;
  }

  find(sheetId: number, key: string): ShapeModel | undefined {
    return this.topLevel(sheetId).find((s) => s.id === key || s.name === key);
  }

  private make(sheetId: number, type: ShapeModel["type"], label: string): ShapeModel {
    const id = `{shape-${this.nextId++}}`;
    const shape: ShapeModel = {
      id,
      sheetId,
      name: `${label} ${this.nextId - 1}`,
      type,
      left: 0,
      top: 0,
      width: 72,
      height: 72,
      text: "",
      font: { color: "#000000", size: 11, bold: false },
      fill: type === "Line" ? null : "#FFFFFF",
      line: { color: "#000000", weight: 0.75, dashStyle: "Solid", visible: true },
    };
    this.list.push(shape);
    return shape;
  }

  addGeometric(sheetId: number, type: unknown): ShapeModel {
    if (typeof type !== "string" || !GEOMETRIC_SHAPE_TYPES.has(type))
      fail("InvalidArgument", `'${String(type)}' is not a geometric shape type.`);
    const shape = this.make(sheetId, "GeometricShape", type);
    shape.geometricShapeType = type;
    return shape;
  }

  addTextBox(sheetId: number, text: unknown): ShapeModel {
    const shape = this.make(sheetId, "TextBox", "TextBox");
    shape.text = typeof text === "string" ? text : "";
    return shape;
  }

  addLine(sheetId: number, args: unknown[]): ShapeModel {
    const [x1, y1, x2, y2] = args.slice(0, 4).map((v, i) => points(v, `addLine argument ${i + 1}`));
    const connector = args[4] ?? "Straight";
    if (!CONNECTORS.has(String(connector)))
      fail("InvalidArgument", `'${String(connector)}' is not a connector type.`);
    const shape = this.make(sheetId, "Line", "Straight Connector");
    shape.ends = {
      start: [x1 as number, y1 as number],
      end: [x2 as number, y2 as number],
      begin: "None",
      finish: "None",
    };
    shape.left = Math.min(x1 as number, x2 as number);
    shape.top = Math.min(y1 as number, y2 as number);
    shape.width = Math.abs((x2 as number) - (x1 as number));
    shape.height = Math.abs((y2 as number) - (y1 as number));
    return shape;
  }

  addGroup(sheetId: number, ids: string[]): ShapeModel {
    if (ids.length < 2) fail("InvalidArgument", "A group holds at least two shapes.");
    const members = ids.map((id) => this.byId(id));
    for (const m of members) {
      if (m.sheetId !== sheetId) fail("InvalidArgument", "A group's shapes are on its sheet.");
      if (m.group !== undefined) fail("InvalidArgument", `${m.name} is in a group already.`);
    }
    const group = this.make(sheetId, "Group", "Group");
    group.fill = null;
    group.members = members.map((m) => m.id);
    for (const m of members) m.group = group.id;
    const right = Math.max(...members.map((m) => m.left + m.width));
    const bottom = Math.max(...members.map((m) => m.top + m.height));
    group.left = Math.min(...members.map((m) => m.left));
    group.top = Math.min(...members.map((m) => m.top));
    group.width = right - group.left;
    group.height = bottom - group.top;
    return group;
  }

  setPlace(shape: ShapeModel, key: "left" | "top" | "width" | "height", value: unknown): void {
    const v = points(value, `Shape.${key}`);
    if (shape.type === "Group") {
      // Moving a group moves what it holds.
      const delta = v - shape[key];
      if (key === "left" || key === "top")
        for (const id of shape.members ?? []) this.byId(id)[key] += delta;
    }
    shape[key] = v;
  }

  setArrowhead(shape: ShapeModel, which: "begin" | "finish", style: unknown): void {
    if (!shape.ends) fail("InvalidOperation", "Only a line has arrowheads.");
    if (!ARROWHEADS.has(String(style)))
      fail("InvalidArgument", `'${String(style)}' is not an arrowhead style.`);
    shape.ends[which] = String(style);
  }

  setDash(shape: ShapeModel, style: unknown): void {
    if (!DASH_STYLES.has(String(style)))
      fail("InvalidArgument", `'${String(style)}' is not a dash style.`);
    shape.line.dashStyle = String(style);
  }

  setWeight(shape: ShapeModel, weight: unknown): void {
    shape.line.weight = points(weight, "A line's weight");
  }

  remove(shape: ShapeModel): void {
    for (const id of shape.members ?? []) {
      const member = this.list.find((s) => s.id === id);
      if (member) this.remove(member);
    }
    const at = this.list.indexOf(shape);
    if (at >= 0) this.list.splice(at, 1);
  }

  removeSheet(sheetId: number): void {
    for (const s of this.onSheet(sheetId)) this.remove(s);
  }
}
