import "server-only";
import { existsSync } from "node:fs";

const POLL_MS = 50;
const MAX_HOLD_MS = 30_000;

/**
 * Browser tests only: holds a page's render while the file named by
 * PLUMBLINE_E2E_HOLD_FILE exists, so its route's loading view stays on screen
 * to be checked (tests/e2e/layout.spec.ts creates the file, clicks, checks,
 * deletes it). Only scripts/e2e-server.mjs sets the variable; unset, this
 * returns at once. Never longer than 30 s.
 */
export async function holdForE2e(): Promise<void> {
  const file = process.env.PLUMBLINE_E2E_HOLD_FILE;
  if (!file) return;
  const until = Date.now() + MAX_HOLD_MS;
  while (existsSync(file) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}
