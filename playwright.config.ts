import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests drive the system Chromium (no browser downloads) against the
 * production build. On the embedded database each run gets a fresh data
 * folder; with DATABASE_URL they run on that PostgreSQL database.
 */
// The signed-in states saved by auth.setup.ts serve the whole run; on a slow machine the run
// outlasts the default 30 idle minutes, so the server (which inherits this) slides over 2 hours.
process.env.AUTH_IDLE_MINUTES ??= "120";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: [/auth\.setup\.ts/, /throttling\.spec\.ts/] },
    // The per-address limits use up 127.0.0.1's budget for 15 minutes: after everything else.
    { name: "throttling", use: { ...devices["Desktop Chrome"] }, dependencies: ["chromium"], testMatch: /throttling\.spec\.ts/ },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
