/** What went wrong, in words for the analyst (office.js errors carry a code besides their message). */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === "string" && code !== "" && !err.message.includes(code)
      ? `${err.message} (${code})`
      : err.message;
  }
  return String(err);
}
