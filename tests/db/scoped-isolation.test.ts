import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Connection, Database } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { auditEvents, patients } from "@/db/schema";
import { describeEachDatabase } from "./harness";
import { createClinic, insertPatient } from "./fixtures";

// What each statement saw: the clinic setting and the clinics of the patient rows it could read.
const SEEN = sql`select coalesce(current_setting('app.clinic_id', true), '') as setting,
                        coalesce((select string_agg(distinct clinic_id::text, ',') from patient), '') as clinics`;
const readSeen = async (db: Database) => (await queryRows<{ setting: string; clinics: string }>(db, SEEN))[0];

// Drizzle wraps the database error; PostgreSQL's message is on the cause.
const messageOf = (err: unknown) => String((err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message);

describeEachDatabase("scoped handles on one pooled connection", (getDb, getConnection) => {
  let app: Connection;
  let clinicA: string;
  let clinicB: string;

  beforeAll(async () => {
    const a = await createClinic(getDb(), "Isolation A");
    const b = await createClinic(getDb(), "Isolation B");
    [clinicA, clinicB] = [a.clinic.id, b.clinic.id];
    await insertPatient(getDb(), a.admin.scope, { lastName: "Aside" });
    await insertPatient(getDb(), b.admin.scope, { lastName: "Bside" });
    // A pool of one: every statement of both clinics and of the unscoped handle shares one server session
    // (PGlite has only one connection anyway).
    app = await getConnection().openAsApp(1);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("never lets one clinic's interleaved statements read the other's setting or rows", async () => {
    const [asA, asB] = [await app.forClinic(clinicA), await app.forClinic(clinicB)];
    const runs = Array.from({ length: 40 }, (_, i) => {
      const [db, clinic] = i % 3 === 2 ? [app.db, ""] : i % 2 === 0 ? [asA, clinicA] : [asB, clinicB];
      return readSeen(db).then((seen) => ({ i, seen, want: { setting: clinic, clinics: clinic } }));
    });
    for (const { i, seen, want } of await Promise.all(runs)) expect({ i, seen }).toEqual({ i, seen: want });
  });

  it("leaves no clinic and no open transaction behind when a scoped statement fails", async () => {
    const asA = await app.forClinic(clinicA);
    const [failed, after] = await Promise.allSettled([asA.execute(sql`select 1 / 0`), readSeen(app.db)]);
    expect(failed.status === "rejected" && messageOf(failed.reason)).toMatch(/22012/);
    expect(after).toEqual({ status: "fulfilled", value: { setting: "", clinics: "" } });
    expect(await readSeen(app.db)).toEqual({ setting: "", clinics: "" });
    expect(await readSeen(asA)).toEqual({ setting: clinicA, clinics: clinicA });
  });

  it("commits a transaction's writes in its clinic while the other clinic reads in between", async () => {
    const [asA, asB] = [await app.forClinic(clinicA), await app.forClinic(clinicB)];
    const [written, seenByB] = await Promise.all([
      asA.transaction(async (tx) => {
        const [p] = await tx.insert(patients).values({ clinicId: clinicA, firstName: "Tx", lastName: "Written", dateOfBirth: "1990-01-01", sex: "male" }).returning();
        await tx.insert(auditEvents).values({ clinicId: clinicA, entity: "patient", entityId: p?.id, action: "create" });
        return p?.id;
      }),
      readSeen(asB),
    ]);
    expect(seenByB).toEqual({ setting: clinicB, clinics: clinicB });
    const rowsA = await queryRows<{ id: string }>(asA, sql`select id from patient where last_name = 'Written'`);
    expect(rowsA.map((r) => r.id)).toEqual([written]);
    expect(await queryRows(asB, sql`select id from patient where last_name = 'Written'`)).toEqual([]);
    expect(await readSeen(app.db)).toEqual({ setting: "", clinics: "" });
  });

  it("rolls a failed transaction back whole and leaves the connection clean", async () => {
    const asA = await app.forClinic(clinicA);
    await expect(
      asA.transaction(async (tx) => {
        await tx.insert(patients).values({ clinicId: clinicA, firstName: "Tx", lastName: "RolledBack", dateOfBirth: "1990-01-01", sex: "male" });
        await tx.execute(sql`select 1 / 0`);
      }),
    ).rejects.toSatisfy((e) => /22012/.test(messageOf(e)));
    expect(await queryRows(asA, sql`select id from patient where last_name = 'RolledBack'`)).toEqual([]);
    expect(await readSeen(app.db)).toEqual({ setting: "", clinics: "" });
  });
});
