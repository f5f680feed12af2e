/**
 * The errors the fake raises, shaped like office.js's OfficeExtension.Error (name "RichApi.Error", a
 * code, a message, debugInfo with the failing member), so `catch (e) { e.code }` code paths run as in Excel.
 */

/** Excel.ErrorCodes plus the OfficeExtension codes the add-in can meet (not-loaded, payload limits). */
export const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidRequestContext: "InvalidRequestContext",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  rangeExceedsLimit: "RangeExceedsLimit",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  runMustReturnPromise: "RunMustReturnPromise",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  unsupportedOperation: "UnsupportedOperation",
  valueNotLoaded: "ValueNotLoaded",
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** Excel's own wording for each code; the fake appends what exactly was wrong. */
const BASE_MESSAGES: Partial<Record<ErrorCode, string>> = {
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "The resource being created already exists.",
  InvalidOperation: "The operation is invalid for the object.",
  GeneralException: "There was an internal error while processing the request.",
  NotImplemented: "The requested feature isn't implemented.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
};

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

export class FakeOfficeError extends Error {
  readonly code: ErrorCode;
  readonly debugInfo: DebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(code: ErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }

  /** The same error, now saying where in the batch it happened (set when the sync reaches it). */
  at(errorLocation: string, statement: string): FakeOfficeError {
    const located = new FakeOfficeError(this.code, this.message, errorLocation);
    located.debugInfo.statement = statement;
    return located;
  }
}

/** Throws code's error: Excel's sentence for the code, then the detail. */
export function fail(code: ErrorCode, detail?: string): never {
  const base = BASE_MESSAGES[code];
  const message = base && detail ? `${base} ${detail}` : (base ?? detail ?? code);
  throw new FakeOfficeError(code, message);
}

export function isFakeOfficeError(e: unknown): e is FakeOfficeError {
  return e instanceof FakeOfficeError;
}

/** A size or position in points, as Excel takes one: a finite number, 0 or more. */
export function points(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    fail("InvalidArgument", `${what} must be a number of points, 0 or more.`);
  return value;
}
