import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

export type Health = { status: "ok" | "error"; database: "up" | "down" };

/** Up when the database answers a trivial query within the time limit. */
export async function checkHealth(getDatabase: () => Promise<Database>, timeoutMs = 3_000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database did not answer in time")), timeoutMs);
  });
  try {
    const db = await Promise.race([getDatabase(), timeout]);
    // Its own short limit, below the pool's statement timeout, on the server too.
    const probe = db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`));
      await tx.execute(sql`select 1`);
    });
    await Promise.race([probe, timeout]);
    return { status: "ok", database: "up" };
  } catch {
    return { status: "error", database: "down" };
  } finally {
    clearTimeout(timer);
  }
}
