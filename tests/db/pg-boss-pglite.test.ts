import { PGlite } from "@electric-sql/pglite";
import { PgBoss } from "pg-boss";
import { afterAll, expect, it } from "vitest";
import { pgliteBossDb } from "@/lib/mail/pglite-boss-adapter";

// The question of issue 12 item 5: can the chosen queue run on the embedded database? A fresh
// in-memory PGlite, pg-boss through the adapter: install, send, fetch, fail -> retry, complete.
const pg = await PGlite.create();
const boss = new PgBoss({ db: pgliteBossDb(pg), supervise: false, schedule: false } as ConstructorParameters<typeof PgBoss>[0]);
const errors: string[] = [];
boss.on("error", (e: Error) => errors.push(e.message));

afterAll(async () => {
  await boss.stop({ graceful: false } as never).catch(() => {});
  await pg.close();
});

it("pg-boss installs and runs a job with a retry on PGlite through the adapter", async () => {
  await boss.start();
  await boss.createQueue("mail-probe", { retryLimit: 2, retryDelay: 0 } as never);
  const id = await boss.send("mail-probe", { messageId: "m1" });
  expect(id).toBeTruthy();
  const [first] = await boss.fetch("mail-probe");
  expect(first?.id).toBe(id);
  await boss.fail("mail-probe", first!.id, new Error("smtp_451"));
  expect((await boss.getJobById("mail-probe", id!))?.state).toBe("retry");
  const [again] = await boss.fetch("mail-probe");
  expect(again?.id).toBe(id);
  await boss.complete("mail-probe", again!.id);
  expect((await boss.getJobById("mail-probe", id!))?.state).toBe("completed");
  expect(errors).toEqual([]);
});
