/**
 * The proxy-object contract of office.js: a proxy stands for a document object it finds only at sync
 * time; setting a property or calling a method queues an operation; a scalar property can be read only
 * after load() and a completed sync(); a *OrNullObject proxy may stand for nothing (isNullObject); a
 * method returning a value gives a ClientResult whose value is readable after the sync.
 */
import { FakeOfficeError, fail } from "./errors";
import type { RequestContext, SyncResult } from "./requestContext";

export interface PropertySpec<T> {
  get(target: T): unknown;
  set?(target: T, value: unknown): void;
}

export type LoadOption = string | string[] | { select?: string | string[] };

/** "values, address" / ["values", "address"] / { select: "values" } → ["values", "address"]. */
export function loadPaths(option?: LoadOption): string[] {
  const raw =
    option === undefined
      ? []
      : typeof option === "object" && !Array.isArray(option)
        ? (option.select ?? [])
        : option;
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .flatMap((s) => String(s).split(","))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** What a sync sends for an argument: proxies by id, values as they are. */
export function wireArgument(arg: unknown): unknown {
  return arg instanceof ClientObject ? { objectId: arg.objectId } : arg;
}

/** A copy of arrays and plain objects, so later changes by the caller don't reach the request.
 * (Not structuredClone: under jest its arrays come from another realm and fail instanceof Array.) */
function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyValue);
  if (
    typeof value === "object" &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype
  )
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyValue(v)]));
  return value;
}

/** OfficeExtension.ClientResult: what a method like getCount() returns; `value` is set by the sync. */
export class ClientResult<V> {
  private settled: { value: V } | undefined;

  get value(): V {
    if (!this.settled)
      throw new FakeOfficeError(
        "ValueNotLoaded",
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
        "clientResult.value"
      );
    return this.settled.value;
  }

  /** Called when the sync that computed the value succeeds. */
  settle(value: V): void {
    this.settled = { value };
  }
}

let nextObjectId = 1;

export abstract class ClientObject<T> {
  readonly objectId = nextObjectId++;
  private resolved: { target: T | null } | undefined;
  private readonly loadedValues = new Map<string, unknown>();
  private readonly navigationCache = new Map<string, ClientObject<unknown>>();

  constructor(
    readonly context: RequestContext,
    private readonly resolver: () => T | null
  ) {}

  /** The office.js type name, for error locations ("Range", "WorksheetCollection"). */
  protected abstract readonly typeName: string;
  /** The scalar properties load() can read and the setters write. */
  protected abstract readonly properties: Readonly<Record<string, PropertySpec<T>>>;
  /** Properties that are proxies themselves (range.format, range.worksheet). */
  protected navigation(): Readonly<Record<string, () => ClientObject<unknown>>> {
    return {};
  }

  /** What the proxy stands for, found the first time a sync needs it (null: a null object). */
  resolveTarget(): T | null {
    this.resolved ??= { target: this.resolver() };
    return this.resolved.target;
  }

  /** The target, for an operation; a null object has none. */
  protected target(): T {
    const target = this.resolveTarget();
    if (target === null)
      fail("InvalidOperation", `This ${this.typeName} is a null object (isNullObject is true).`);
    return target;
  }

  /** The target of a proxy passed as an argument (tables.add(range)); a null object has none. */
  resolveOrFail(): T {
    return this.target();
  }

  get isNullObject(): boolean {
    return this.read("isNullObject") as boolean;
  }

  /** Queues reading the given properties (all scalar ones when none is named). */
  load(option?: LoadOption): this {
    const paths = loadPaths(option);
    this.context.enqueue(this, "load", "load", [paths.join(",")], (result) =>
      this.collect(paths, result)
    );
    return this;
  }

  /** The loaded properties, as office.js's toJSON gives them. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries([...this.loadedValues].filter(([k]) => k !== "isNullObject"));
  }

  /** Reads the properties now (during a sync); the values become readable when the sync succeeds. */
  collect(paths: readonly string[], result: SyncResult): void {
    const target = this.resolveTarget();
    const values = new Map<string, unknown>([["isNullObject", target === null]]);
    if (target !== null) {
      const names = paths.length === 0 ? Object.keys(this.properties) : paths;
      // Nested paths through one navigation property ("areas/items/address", "areas/items/values") are
      // loaded together: one load of the child, as office.js sends one query per object.
      const nested = new Map<string, string[]>();
      for (const path of names) {
        const [head = "", ...rest] = path.split("/");
        const spec = this.properties[head];
        const child = this.navigation()[head];
        if (spec && rest.length === 0) {
          const value = copyValue(spec.get(target));
          result.responseBytes += JSON.stringify(value ?? null).length;
          values.set(head, value);
        } else if (child) {
          const list = nested.get(head) ?? [];
          if (rest.length > 0) list.push(rest.join("/"));
          nested.set(head, list);
        } else if (head !== "isNullObject")
          fail("InvalidArgument", `${this.typeName} has no property '${path}' to load.`);
      }
      for (const [head, rest] of nested) this.navigation()[head]?.().collect(rest, result);
    }
    result.commits.push(() => values.forEach((v, k) => this.loadedValues.set(k, v)));
  }

  /** Makes a value readable once the sync succeeds. */
  protected stage(result: SyncResult, name: string, value: unknown): void {
    result.commits.push(() => this.loadedValues.set(name, value));
  }

  /** A scalar property's loaded value; office.js refuses to guess one that was not loaded. */
  protected read(name: string): unknown {
    // As office.js: a loaded null object's properties read as undefined (its throwIfNotLoaded skips them).
    if (this.loadedValues.get("isNullObject") === true && name !== "isNullObject") return undefined;
    if (!this.loadedValues.has(name))
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        this.location(name)
      );
    return this.loadedValues.get(name);
  }

  /** Queues setting a property; the old loaded value is no longer trusted. */
  protected write(name: string, value: unknown): void {
    const spec = this.properties[name];
    const setter = spec?.set;
    if (!setter) throw new TypeError(`${this.typeName}.${name} is read-only.`);
    this.loadedValues.delete(name);
    const copy = copyValue(value);
    this.context.enqueue(this, name, "set", [copy], () => setter(this.target(), copy));
  }

  /** Queues a method call run against the target at sync time. */
  protected call(method: string, args: unknown[], run: (target: T) => void): void {
    this.context.enqueue(this, method, "call", args, () => run(this.target()));
  }

  /** Queues a method call that returns a value, readable from the result after the sync. */
  protected compute<V>(method: string, args: unknown[], get: (target: T) => V): ClientResult<V> {
    const out = new ClientResult<V>();
    this.context.enqueue(this, method, "call", args, (result) => {
      const value = copyValue(get(this.target())) as V;
      result.responseBytes += JSON.stringify(value ?? null).length;
      result.commits.push(() => out.settle(value));
    });
    return out;
  }

  /** Queues creating a child proxy, so a missing item fails at its place in the batch. */
  protected spawn<C extends ClientObject<unknown>>(method: string, args: unknown[], child: C): C {
    this.context.enqueue(this, method, "call", args, () => {
      child.resolveTarget();
    });
    return child;
  }

  /** The same navigation proxy each time (range.format is one object). */
  protected nav<C extends ClientObject<unknown>>(name: string, make: () => C): C {
    let child = this.navigationCache.get(name);
    if (!child) {
      child = make();
      this.navigationCache.set(name, child);
    }
    return child as C;
  }

  /** The office.js type and member, for debugInfo.errorLocation. */
  location(member: string): string {
    return `${this.typeName}.${member}`;
  }
}

/** A collection proxy: `items` after load, each item loaded with the requested properties. */
export abstract class ClientCollection<T, I extends ClientObject<unknown>> extends ClientObject<T> {
  /** The items as proxies fixed to the current members. */
  protected abstract itemsOf(target: T): I[];

  get items(): I[] {
    return this.read("items") as I[];
  }

  /** load("items/name"), load("name") and load("items") all load the items. */
  collect(paths: readonly string[], result: SyncResult): void {
    const own = paths.filter((p) => p in this.properties);
    const forItems = paths
      .filter((p) => !(p in this.properties) && p !== "items")
      .map((p) => p.replace(/^items\//, ""));
    super.collect(paths.length === 0 ? [] : [...own, "isNullObject"], result);
    const target = this.resolveTarget();
    if (target === null) return;
    const items = this.itemsOf(target);
    for (const item of items) item.collect(forItems, result);
    this.stage(result, "items", items);
  }
}
