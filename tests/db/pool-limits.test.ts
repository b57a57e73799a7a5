import net from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { connectPostgres, readPoolLimits } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { checkHealth } from "@/lib/health";
import { getOwnerUrl } from "./targets";

const url = getOwnerUrl();
const codeOf = (err: unknown) => (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;

// A server that accepts TCP and never answers: a database that hangs, not one that refuses.
const silent = net.createServer(() => {});
const silentPort = new Promise<number>((resolve) => silent.listen(0, "127.0.0.1", () => resolve((silent.address() as net.AddressInfo).port)));
afterAll(() => void silent.close());

describe("pool limits", () => {
  it("uses 5 s to connect and 10 s per statement unless configured", () => {
    expect(readPoolLimits()).toMatchObject({ connectTimeoutS: 5, statementTimeoutMs: Number(process.env.DB_STATEMENT_TIMEOUT_MS || 10_000) });
  });

  it("gives up connecting to a database that does not answer", async () => {
    const conn = await connectPostgres(`postgres://postgres@127.0.0.1:${await silentPort}/none`, 1, { ...readPoolLimits(), connectTimeoutS: 1 });
    await expect(conn.db.execute(sql`select 1`)).rejects.toSatisfy((e) => codeOf(e) === "CONNECT_TIMEOUT");
    await conn.close();
  });

  it("keeps the health check to its own short limit", async () => {
    const conn = await connectPostgres(`postgres://postgres@127.0.0.1:${await silentPort}/none`, 1);
    expect(await checkHealth(async () => conn.db, 500)).toEqual({ status: "error", database: "down" });
    await conn.close();
  });

  // Skipped on the embedded database only: the pool's limits are postgres.js's; CI sets DATABASE_URL.
  describe.skipIf(!url)("on PostgreSQL", () => {
    it("sets the statement and idle-in-transaction limits on every pooled session", async () => {
      const conn = await connectPostgres(url!, 2);
      const [row] = await queryRows<{ st: string; idle: string; app: string }>(
        conn.db,
        sql`select current_setting('statement_timeout') as st, current_setting('idle_in_transaction_session_timeout') as idle,
                   current_setting('application_name') as app`,
      );
      await conn.close();
      expect(row).toEqual({ st: `${readPoolLimits().statementTimeoutMs / 1000}s`, idle: "30s", app: "plumbline" });
    });

    it("cancels a statement that runs past the limit", async () => {
      const conn = await connectPostgres(url!, 1, { ...readPoolLimits(), statementTimeoutMs: 200 });
      await expect(conn.db.execute(sql`select pg_sleep(2)`)).rejects.toSatisfy((e) => codeOf(e) === "57014");
      await conn.close();
    });
  });
});
