/**
 * scripts/dev-certs.js, the one place the dev server's certificates come from: it creates all three files
 * when none exists (as on a fresh CI machine), reuses them after, refuses a half-present set, and flags a
 * certificate Office would refuse.
 */
import { X509Certificate, createPrivateKey } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  certificatePaths,
  certificateProblems,
  ensureDevCerts,
  readDevCerts,
} from "../scripts/dev-certs";

let dir: string;
const messages: string[] = [];
const log = (m: string) => messages.push(m);

beforeAll(() => {
  dir = join(mkdtempSync(join(tmpdir(), "ai-deals-certs-")), "certs");
});
afterAll(() => rmSync(join(dir, ".."), { recursive: true, force: true }));

test("with no files it creates a CA and a localhost certificate signed by it, and says how to trust the CA", async () => {
  const quiet = jest.spyOn(console, "log").mockImplementation(() => undefined); // office-addin-dev-certs' own note
  const certs = await ensureDevCerts({ dir, log });
  quiet.mockRestore();
  expect(certs.created).toBe(true);
  const cert = new X509Certificate(certs.cert);
  const ca = new X509Certificate(certs.ca);
  expect(cert.checkHost("localhost")).toBe("localhost");
  expect(cert.verify(ca.publicKey)).toBe(true);
  expect(cert.checkPrivateKey(createPrivateKey(certs.key))).toBe(true);
  expect(messages.join("\n")).toContain(certificatePaths(dir).ca);
  expect(certificateProblems(certs.cert)).toEqual([]);
});

test("with the files present it reads them and creates nothing", async () => {
  const before = readFileSync(certificatePaths(dir).cert);
  const certs = await ensureDevCerts({ dir, log });
  expect(certs.created).toBe(false);
  expect(certs.cert.equals(before)).toBe(true);
  expect(readDevCerts(dir).key.equals(certs.key)).toBe(true);
});

test("flags an expired or expiring certificate", () => {
  const pem = readFileSync(certificatePaths(dir).cert);
  const validTo = new Date(new X509Certificate(pem).validTo);
  expect(certificateProblems(pem, new Date(validTo.getTime() + 1000))[0]).toMatch(/expired/);
  expect(certificateProblems(pem, new Date(validTo.getTime() - 60_000))[0]).toMatch(/expires soon/);
  expect(certificateProblems("not a certificate")[0]).toMatch(/not a readable certificate/);
});

test("refuses a half-present set instead of pairing a new key with an old CA", async () => {
  unlinkSync(certificatePaths(dir).key);
  await expect(ensureDevCerts({ dir, log })).rejects.toThrow(/Incomplete dev certificates/);
  expect(() => readDevCerts(dir)).toThrow(/Missing dev certificate file\(s\): .*localhost\.key/);
});
