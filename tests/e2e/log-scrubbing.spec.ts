import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { connectPostgres, openPgliteDir, type Connection } from "@/db/client";
import { migrateConnection } from "@/db/migrate";
import { expect, test } from "./fixtures";
import { signInWithForm } from "./helpers";

/**
 * A query that fails with a patient's name in its parameters, on a server of
 * our own whose every byte of output we keep: the name must appear nowhere in
 * it, while the failure itself is logged (code, table, fingerprint).
 */
const FIRST = "Zebediah";
const LAST = `Quonsett${Date.now().toString(36)}`;
const port = Number(process.env.E2E_PORT ?? 3100) + 2;
const baseURL = `http://127.0.0.1:${port}`;

// The trigger knows the name only by its hash, so not even the database's error context can quote it.
const refuseMarkedName = (marker: string) => [
  sql.raw(`create or replace function e2e_refuse_marked_name() returns trigger language plpgsql as $$
    begin
      if md5(new.last_name) = '${marker}' then raise exception 'refused by the log-scrubbing test' using errcode = 'P0001'; end if;
      return new;
    end $$`),
  sql.raw("drop trigger if exists e2e_refuse_marked_name on patient"),
  sql.raw("create trigger e2e_refuse_marked_name before insert on patient for each row execute function e2e_refuse_marked_name()"),
];

test.describe("a server of our own: its output, and a trusted proxy in front", () => {
  test.describe.configure({ timeout: 240_000 });
  let server: ChildProcess | undefined;
  let output = "";
  let dataDir: string | undefined;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const marker = createHash("md5").update(LAST).digest("hex");
    // This server also stands behind one (pretend) trusted proxy, for the test below.
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", TRUST_PROXY: "1" };
    let conn: Connection;
    if (process.env.DATABASE_URL) {
      env.AUTH_SECRET ??= "e2e-only-secret-not-for-production-use";
      // The trigger is DDL: the owner installs it; the runtime role (CI) has none.
      conn = await connectPostgres(process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL, 1);
    } else {
      dataDir = mkdtempSync(path.join(os.tmpdir(), "plumbline-logs-"));
      env.PGLITE_DIR = dataDir;
      conn = await openPgliteDir(dataDir);
      await migrateConnection(conn);
    }
    for (const statement of refuseMarkedName(marker)) await conn.db.execute(statement);
    await conn.close();

    server = spawn(process.execPath, ["scripts/server.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
    server.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    server.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    for (let i = 0; i < 180; i++) {
      const ok = await fetch(`${baseURL}/api/health`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 1000));
    }
    throw new Error(`the second server did not start:\n${output}`);
  });

  test.afterAll(async () => {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    if (process.env.DATABASE_URL) {
      const conn = await connectPostgres(process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL, 1);
      await conn.db.execute(sql.raw("drop trigger if exists e2e_refuse_marked_name on patient"));
      await conn.db.execute(sql.raw("drop function if exists e2e_refuse_marked_name()"));
      await conn.close();
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test("a failed insert and a search leave the name out of every log line", async ({ browser }) => {
    const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await signInWithForm(page, "ava@northside.test");
    await expect(page.getByRole("button", { name: /account menu/i })).toBeVisible();

    await page.goto("/patients/new");
    await page.getByLabel("First name").fill(FIRST);
    await page.getByLabel("Last name").fill(LAST);
    await page.getByLabel("Date of birth").fill("1969-02-11");
    await page.getByLabel("Sex").selectOption("male");
    await page.getByRole("button", { name: "Create patient" }).click();
    await expect(page.getByText(/something went wrong|could not be/i).first()).toBeVisible();

    // Search terms travel in URLs and parameters too.
    await page.goto(`/patients?q=${encodeURIComponent(LAST)}`);
    expect((await page.request.get(`/api/patients/lookup?q=${encodeURIComponent(FIRST)}`)).ok()).toBe(true);
    await context.close();

    await expect.poll(() => output, { message: "the failure reached the log" }).toContain("DatabaseQueryError");
    expect(output).toMatch(/"code":"P0001"|P0001/);
    expect(output).toContain("patient");
    expect(output).not.toContain(FIRST);
    expect(output).not.toContain(LAST);
    expect(output.toLowerCase()).not.toContain(LAST.toLowerCase());
  });

  test("behind a trusted proxy, https is believed: HSTS and Secure cookies", async () => {
    const res = await fetch(`${baseURL}/api/auth/csrf`, { headers: { "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.23" } });
    expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
    expect(res.headers.getSetCookie().join("\n")).toMatch(/;\s*Secure/i);
    expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    const plain = await fetch(`${baseURL}/api/auth/csrf`, { headers: { "x-forwarded-proto": "http", "x-forwarded-for": "198.51.100.23" } });
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.getSetCookie().join("\n")).not.toMatch(/;\s*Secure/i);
  });
});
