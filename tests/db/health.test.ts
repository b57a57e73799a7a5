import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { connectPglite, connectPostgres } from "@/db/client";
import { checkHealth } from "@/lib/health";
import { PGLITE_EXTENSIONS } from "@/db/pglite-extensions";

describe("health check", () => {
  it("is up while the database answers and down once it does not", async () => {
    const conn = await connectPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
    expect(await checkHealth(async () => conn.db)).toEqual({ status: "ok", database: "up" });
    await conn.close();
    expect(await checkHealth(async () => conn.db)).toEqual({ status: "error", database: "down" });
  });

  it("is down when PostgreSQL cannot be reached", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const conn = await connectPostgres("postgres://postgres@127.0.0.1:1/none", 1);
    expect(await checkHealth(async () => conn.db, 2_000)).toEqual({ status: "error", database: "down" });
    await conn.close();
  });

  it("is down when opening the database fails", async () => {
    expect(await checkHealth(() => Promise.reject(new Error("locked")))).toEqual({ status: "error", database: "down" });
  });
});
