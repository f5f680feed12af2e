/** Removes the run's shared folder (the production build). */
import { rmSync } from "node:fs";

export default function globalTeardown(): void {
  const dir = process.env.AI_DEALS_TEST_RUN_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
