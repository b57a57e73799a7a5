import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { queryRows } from "@/db/query-rows";
import { getEnv } from "@/lib/env";
import { describeEachDatabase } from "./harness";

const currentUser = async (db: Parameters<typeof queryRows>[0]) => (await queryRows<{ name: string }>(db, sql`select current_user as name`))[0]?.name;

// On PGlite the owner and the app role share one session: a test that writes as the owner after
// acting as the app must really be the owner again, or its fixtures silently meet row-level security.
describeEachDatabase("test harness", (getDb, getConnection) => {
  it("acts as the runtime role, and as the owner again once that connection is closed", async () => {
    const owner = await currentUser(getDb());
    expect(owner).not.toBe(getEnv().APP_DB_ROLE);
    const app = await getConnection().openAsApp();
    expect(await currentUser(app.db)).toBe(getEnv().APP_DB_ROLE);
    await app.close();
    expect(await currentUser(getDb())).toBe(owner);
  });
});
