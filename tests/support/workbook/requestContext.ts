/**
 * RequestContext and context.sync(): the queue of operations a batch builds, sent as one request.
 * Excel on the web refuses a request over 5 MB as a whole (nothing of it applies); otherwise the
 * operations run in order, and the first failure rejects the sync with the operations before it
 * applied and those after it not run (Excel is not transactional).
 */
import { ClientObject, wireArgument } from "./clientObject";
import { FakeOfficeError, fail, isFakeOfficeError } from "./errors";
import type { ApplicationProxy } from "./applicationProxy";
import { WorkbookProxy } from "./sheetProxies";
import type { Workbook } from "./workbook";

/** Excel on the web's limit for one request's and one response's payload. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** The shared state of one fake Excel: its document and what the tests measure. */
export interface FakeHost {
  workbook: Workbook;
  syncCount: number;
  requestSizes: number[];
}

/** What a sync collects while running: loaded values to publish if it succeeds. */
export interface SyncResult {
  commits: (() => void)[];
  responseBytes: number;
}

type OperationKind = "load" | "set" | "call";

interface Operation {
  wire: { objectId: number; kind: OperationKind; member: string; args: unknown[] };
  location: string;
  run(result: SyncResult): void;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

export class RequestContext {
  readonly workbook: WorkbookProxy;
  /** office.js's tracked objects; every proxy of the fake stays usable, so these do nothing. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private queue: Operation[] = [];

  constructor(readonly host: FakeHost) {
    this.workbook = new WorkbookProxy(this, () => host.workbook);
  }

  /** The same proxy as workbook.application. */
  get application(): ApplicationProxy {
    return this.workbook.application;
  }

  get hasPendingOperations(): boolean {
    return this.queue.length > 0;
  }

  /** Adds an operation to the next sync's request. */
  enqueue(
    owner: ClientObject<unknown>,
    member: string,
    kind: OperationKind,
    args: unknown[],
    run: (result: SyncResult) => void
  ): void {
    for (const arg of [owner, ...args])
      if (arg instanceof ClientObject && arg.context !== this)
        throw new FakeOfficeError(
          "InvalidRequestContext",
          "Cannot use the object across different request contexts."
        );
    this.queue.push({
      wire: { objectId: owner.objectId, kind, member, args: args.map(wireArgument) },
      location: owner.location(member),
      run,
    });
  }

  /** Sends the queued operations; resolves with passThroughValue, as office.js does. */
  async sync<V = void>(passThroughValue?: V): Promise<V> {
    const operations = this.queue;
    this.queue = [];
    this.host.syncCount++;
    const size = byteLength(JSON.stringify(operations.map((o) => o.wire)));
    this.host.requestSizes.push(size);
    // The request goes to the host: the caller's code after sync() runs first.
    await Promise.resolve();
    if (size > PAYLOAD_LIMIT_BYTES)
      fail(
        "RequestPayloadSizeLimitExceeded",
        `This request is ${size} bytes; Excel on the web accepts at most ${PAYLOAD_LIMIT_BYTES}.`
      );
    const result: SyncResult = { commits: [], responseBytes: 0 };
    for (const operation of operations) {
      try {
        operation.run(result);
      } catch (e) {
        throw locate(e, operation);
      }
    }
    if (result.responseBytes > PAYLOAD_LIMIT_BYTES)
      fail(
        "ResponsePayloadSizeLimitExceeded",
        `The loaded values are about ${result.responseBytes} bytes; Excel on the web returns at most ${PAYLOAD_LIMIT_BYTES}.`
      );
    for (const commit of result.commits) commit();
    return passThroughValue as V;
  }
}

/** The failure as office.js reports it: code and message, plus where in the batch it happened. */
function locate(e: unknown, operation: Operation): FakeOfficeError {
  const statement = `${operation.location}(${operation.wire.kind})`;
  if (isFakeOfficeError(e)) return e.at(operation.location, statement);
  const message = e instanceof Error ? e.message : String(e);
  return new FakeOfficeError(
    "GeneralException",
    `There was an internal error while processing the request. ${message}`
  ).at(operation.location, statement);
}

/** Excel.run: a new context for the batch; what is still queued when it resolves is synced. */
export async function runBatch<R>(
  host: FakeHost,
  batch: (context: RequestContext) => Promise<R>
): Promise<R> {
  if (typeof batch !== "function") fail("InvalidArgument", "Excel.run needs a batch function.");
  const context = new RequestContext(host);
  const pending: unknown = batch(context);
  const isThenable =
    typeof pending === "object" &&
    pending !== null &&
    "then" in pending &&
    typeof pending.then === "function";
  if (!isThenable)
    throw new FakeOfficeError(
      "RunMustReturnPromise",
      'The batch function passed to the ".run" method didn\'t return a promise.'
    );
  const result = (await pending) as R;
  if (context.hasPendingOperations) await context.sync();
  return result;
}
