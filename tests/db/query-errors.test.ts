import { inspect } from "node:util";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { patients } from "@/db/schema";
import { DatabaseQueryError } from "@/db/query-errors";
import { isUniqueViolation } from "@/lib/db-errors";
import { describeEachDatabase } from "./harness";

const NAME = "Zebediah Quonsett";

describeEachDatabase("failed queries keep their parameters to themselves", (getDb) => {
  const caught = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (err) {
      return err;
    }
    throw new Error("the query did not fail");
  };

  it("a bad uuid with a name in it: code, table and fingerprint, never the value", async () => {
    const err = await caught(() => getDb().select().from(patients).where(sql`${patients.id} = ${NAME}::uuid`));
    expect(err).toBeInstanceOf(DatabaseQueryError);
    const e = err as DatabaseQueryError;
    expect(e.code).toBe("22P02");
    expect(e.table).toBe("patient");
    expect(e.fingerprint).toMatch(/^[0-9a-f]{12}$/);
    // Everything Next or a logger could print: message, stack, util.inspect with its cause chain.
    const printed = [e.message, e.stack, inspect(e, { depth: 10 }), JSON.stringify(e)].join("\n");
    expect(printed).not.toContain("Zebediah");
    expect(printed).not.toContain("Quonsett");
  });

  it("the same statement gets the same fingerprint whatever its values", async () => {
    const first = (await caught(() => getDb().select().from(patients).where(sql`${patients.id} = ${"Ann"}::uuid`))) as DatabaseQueryError;
    const second = (await caught(() => getDb().select().from(patients).where(sql`${patients.id} = ${"Bob"}::uuid`))) as DatabaseQueryError;
    expect(first.fingerprint).toBe(second.fingerprint);
  });

  it("a unique violation is still recognised by its code and constraint", async () => {
    const db = getDb();
    await db.execute(sql`create temporary table scrub_probe (email text constraint scrub_probe_email_key unique)`);
    await db.execute(sql`insert into scrub_probe values (${"maya@example.test"})`);
    const err = await caught(() => db.execute(sql`insert into scrub_probe values (${"maya@example.test"})`));
    expect(isUniqueViolation(err, "scrub_probe_email_key")).toBe(true);
    expect(inspect(err, { depth: 10 })).not.toContain("maya@example.test");
  });
});
