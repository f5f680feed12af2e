/**
 * Excel.ShapeCollection, Shape, ShapeFill, ShapeLineFormat, TextFrame/TextRange/ShapeFont and Line over
 * the Shapes model: what an add-in uses to draw boxes with text, lines with arrowheads, and a named group.
 */
import { ClientCollection, ClientObject, type PropertySpec } from "./clientObject";
import { fail } from "./errors";
import type { ShapeModel } from "./shapes";
import type { Workbook } from "./workbook";

const COLOR = /^#[0-9A-Fa-f]{6}$/;
function color(value: unknown): string {
  if (typeof value !== "string" || !COLOR.test(value))
    fail("InvalidArgument", `'${String(value)}' is not a colour (#RRGGBB).`);
  return value.toUpperCase();
}

export class ShapeCollectionProxy extends ClientCollection<number, ShapeProxy> {
  protected readonly typeName = "ShapeCollection";
  protected readonly properties: Record<string, PropertySpec<number>> = {
    count: { get: (sheetId) => this.wb().shapes.topLevel(sheetId).length },
  };
  private wb(): Workbook {
    return this.context.host.workbook;
  }
  protected itemsOf(sheetId: number): ShapeProxy[] {
    return this.wb()
      .shapes.topLevel(sheetId)
      .map((s) => new ShapeProxy(this.context, () => s.id));
  }
  get count(): number {
    return this.read("count") as number;
  }
  private add(method: string, args: unknown[], make: (sheetId: number) => ShapeModel): ShapeProxy {
    return this.spawn(method, args, new ShapeProxy(this.context, () => make(this.target()).id));
  }
  addGeometricShape(type: string): ShapeProxy {
    return this.add("addGeometricShape", [type], (s) => this.wb().shapes.addGeometric(s, type));
  }
  addTextBox(text?: string): ShapeProxy {
    return this.add("addTextBox", [text], (s) => this.wb().shapes.addTextBox(s, text));
  }
  addLine(
    startLeft: number,
    startTop: number,
    endLeft: number,
    endTop: number,
    connectorType?: string
  ): ShapeProxy {
    const args = [startLeft, startTop, endLeft, endTop, connectorType];
    return this.add("addLine", args, (s) => this.wb().shapes.addLine(s, args));
  }
  /** Groups shapes given as Shape objects or ids (ExcelApi 1.9). */
  addGroup(values: (string | ShapeProxy)[]): ShapeProxy {
    return this.add("addGroup", [values.length], (sheetId) =>
      this.wb().shapes.addGroup(
        sheetId,
        values.map((v) => (v instanceof ShapeProxy ? v.resolveOrFail() : String(v)))
      )
    );
  }
  getItem(key: string): ShapeProxy {
    return this.add("getItem", [key], (sheetId) => {
      const shape = this.wb().shapes.find(sheetId, key);
      if (!shape) fail("ItemNotFound", `There is no shape '${key}' on the sheet.`);
      return shape;
    });
  }
  getItemOrNullObject(key: string): ShapeProxy {
    return this.spawn(
      "getItemOrNullObject",
      [key],
      new ShapeProxy(this.context, () => this.wb().shapes.find(this.target(), key)?.id ?? null)
    );
  }
}

export class ShapeProxy extends ClientObject<string> {
  protected readonly typeName = "Shape";
  private shape(id: string): ShapeModel {
    return this.context.host.workbook.shapes.byId(id);
  }
  private placed(key: "left" | "top" | "width" | "height"): PropertySpec<string> {
    return {
      get: (id) => this.shape(id)[key],
      set: (id, v) => this.context.host.workbook.shapes.setPlace(this.shape(id), key, v),
    };
  }
  protected readonly properties: Record<string, PropertySpec<string>> = {
    id: { get: (id) => id },
    name: {
      get: (id) => this.shape(id).name,
      set: (id, v) => {
        if (typeof v !== "string" || v === "") fail("InvalidArgument", "A shape needs a name.");
        this.shape(id).name = v;
      },
    },
    // Excel.ShapeType has no text box: Excel reports one as a geometric shape.
    type: {
      get: (id) => (this.shape(id).type === "TextBox" ? "GeometricShape" : this.shape(id).type),
    },
    geometricShapeType: { get: (id) => this.shape(id).geometricShapeType ?? null },
    left: this.placed("left"),
    top: this.placed("top"),
    width: this.placed("width"),
    height: this.placed("height"),
  };
  protected navigation(): Record<string, () => ClientObject<unknown>> {
    return { fill: () => this.fill, lineFormat: () => this.lineFormat, line: () => this.line };
  }
  get id(): string {
    return this.read("id") as string;
  }
  get name(): string {
    return this.read("name") as string;
  }
  set name(v: string) {
    this.write("name", v);
  }
  get type(): string {
    return this.read("type") as string;
  }
  get left(): number {
    return this.read("left") as number;
  }
  set left(v: number) {
    this.write("left", v);
  }
  get top(): number {
    return this.read("top") as number;
  }
  set top(v: number) {
    this.write("top", v);
  }
  get width(): number {
    return this.read("width") as number;
  }
  set width(v: number) {
    this.write("width", v);
  }
  get height(): number {
    return this.read("height") as number;
  }
  set height(v: number) {
    this.write("height", v);
  }
  get fill(): ShapeFillProxy {
    return this.nav("fill", () => new ShapeFillProxy(this.context, () => this.target()));
  }
  get lineFormat(): ShapeLineFormatProxy {
    return this.nav(
      "lineFormat",
      () => new ShapeLineFormatProxy(this.context, () => this.target())
    );
  }
  get line(): LineProxy {
    return this.nav("line", () => new LineProxy(this.context, () => this.target()));
  }
  get textFrame(): { textRange: TextRangeProxy } {
    return {
      textRange: this.nav("textRange", () => new TextRangeProxy(this.context, () => this.target())),
    };
  }
  delete(): void {
    this.call("delete", [], (id) => this.context.host.workbook.shapes.remove(this.shape(id)));
  }
}

abstract class ShapePart extends ClientObject<string> {
  protected shape(id: string): ShapeModel {
    return this.context.host.workbook.shapes.byId(id);
  }
}

export class ShapeFillProxy extends ShapePart {
  protected readonly typeName = "ShapeFill";
  protected readonly properties: Record<string, PropertySpec<string>> = {
    foregroundColor: {
      get: (id) => this.shape(id).fill ?? "",
      set: (id, v) => {
        this.shape(id).fill = color(v);
      },
    },
  };
  setSolidColor(value: string): void {
    this.call("setSolidColor", [value], (id) => {
      this.shape(id).fill = color(value);
    });
  }
  clear(): void {
    this.call("clear", [], (id) => {
      this.shape(id).fill = null;
    });
  }
}

export class ShapeLineFormatProxy extends ShapePart {
  protected readonly typeName = "ShapeLineFormat";
  protected readonly properties: Record<string, PropertySpec<string>> = {
    color: {
      get: (id) => this.shape(id).line.color,
      set: (id, v) => {
        this.shape(id).line.color = color(v);
      },
    },
    weight: {
      get: (id) => this.shape(id).line.weight,
      set: (id, v) => this.context.host.workbook.shapes.setWeight(this.shape(id), v),
    },
    dashStyle: {
      get: (id) => this.shape(id).line.dashStyle,
      set: (id, v) => this.context.host.workbook.shapes.setDash(this.shape(id), v),
    },
    visible: {
      get: (id) => this.shape(id).line.visible,
      set: (id, v) => {
        this.shape(id).line.visible = v === true;
      },
    },
  };
  set color(v: string) {
    this.write("color", v);
  }
  set weight(v: number) {
    this.write("weight", v);
  }
  set dashStyle(v: string) {
    this.write("dashStyle", v);
  }
  set visible(v: boolean) {
    this.write("visible", v);
  }
}

export class LineProxy extends ShapePart {
  protected readonly typeName = "Line";
  protected readonly properties: Record<string, PropertySpec<string>> = {
    beginArrowheadStyle: {
      get: (id) => this.shape(id).ends?.begin,
      set: (id, v) => this.context.host.workbook.shapes.setArrowhead(this.shape(id), "begin", v),
    },
    endArrowheadStyle: {
      get: (id) => this.shape(id).ends?.finish,
      set: (id, v) => this.context.host.workbook.shapes.setArrowhead(this.shape(id), "finish", v),
    },
  };
  set beginArrowheadStyle(v: string) {
    this.write("beginArrowheadStyle", v);
  }
  set endArrowheadStyle(v: string) {
    this.write("endArrowheadStyle", v);
  }
}

export class TextRangeProxy extends ShapePart {
  protected readonly typeName = "TextRange";
  protected readonly properties: Record<string, PropertySpec<string>> = {
    text: {
      get: (id) => this.shape(id).text,
      set: (id, v) => {
        const shape = this.shape(id);
        if (shape.type === "Line" || shape.type === "Group")
          fail("InvalidOperation", "A line or a group holds no text.");
        shape.text = String(v);
      },
    },
  };
  get text(): string {
    return this.read("text") as string;
  }
  set text(v: string) {
    this.write("text", v);
  }
  get font(): ShapeFontProxy {
    return this.nav("font", () => new ShapeFontProxy(this.context, () => this.target()));
  }
}

export class ShapeFontProxy extends ShapePart {
  protected readonly typeName = "ShapeFont";
  protected readonly properties: Record<string, PropertySpec<string>> = {
    color: {
      get: (id) => this.shape(id).font.color,
      set: (id, v) => {
        this.shape(id).font.color = color(v);
      },
    },
    size: {
      get: (id) => this.shape(id).font.size,
      set: (id, v) => {
        if (typeof v !== "number" || v < 1 || v > 409)
          fail("InvalidArgument", "A font size is 1 to 409.");
        this.shape(id).font.size = v;
      },
    },
    bold: {
      get: (id) => this.shape(id).font.bold,
      set: (id, v) => {
        this.shape(id).font.bold = v === true;
      },
    },
  };
  set color(v: string) {
    this.write("color", v);
  }
  set size(v: number) {
    this.write("size", v);
  }
  set bold(v: boolean) {
    this.write("bold", v);
  }
}
