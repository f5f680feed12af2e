/** Once per jest run: a fresh folder for what tests share across workers (the production build). */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function globalSetup(): void {
  process.env.AI_DEALS_TEST_RUN_DIR = mkdtempSync(join(tmpdir(), "ai-deals-test-run-"));
}
