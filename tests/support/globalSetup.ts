/** Once per jest run: a fresh folder for what tests share across workers (the production build). */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function globalSetup(): void {
  // The release build's options a maintainer may have set in their shell (docs/deploy.md) must not change
  // what the tests build or refuse: the tests pass their own.
  for (const key of Object.keys(process.env))
    if (key.startsWith("AI_DEALS_")) delete process.env[key];
  process.env.AI_DEALS_TEST_RUN_DIR = mkdtempSync(join(tmpdir(), "ai-deals-test-run-"));
}
