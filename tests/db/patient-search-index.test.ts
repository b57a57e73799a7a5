import { and, eq, sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Connection, Database } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { patients } from "@/db/schema";
import { patientSearchCondition } from "@/lib/patients/queries";
import { describeEachDatabase } from "./harness";
import { createClinic, insertPatient } from "./fixtures";

/**
 * The plan of a name search as the runtime role, row-level security on. Index
 * scans are preferred (enable_seqscan off, transaction-local) so the plan does
 * not depend on the few rows a test holds: the question is only whether the
 * name can be an index condition at all, which under RLS needs leakproof
 * operators (db/schema/patients.ts).
 */
async function explainSearch(db: Database, clinicId: string, condition: SQL | undefined): Promise<string> {
  const query = db.select({ id: patients.id }).from(patients).where(and(eq(patients.clinicId, clinicId), condition));
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const rows = await queryRows<{ "QUERY PLAN": string }>(tx as unknown as Database, sql`explain ${query}`);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

/**
 * The same, as the server runs it: a prepared statement (db/scoped.ts prepares
 * and caches its statements), planned once for any parameters. A condition
 * that needs the parameter's value to become an index range (`col ^@ $1`)
 * falls back to a scan of the clinic's patients in such a plan.
 */
async function explainGeneric(db: Database, clinicId: string, condition: SQL | undefined): Promise<string> {
  const query = db.select({ id: patients.id }).from(patients).where(and(eq(patients.clinicId, clinicId), condition)).toSQL();
  const literal = (v: unknown) => `'${String(v).replaceAll("'", "''")}'`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
    await tx.execute(sql.raw(`prepare search_plan_probe as ${query.sql}`));
    try {
      const rows = await queryRows<{ "QUERY PLAN": string }>(tx as unknown as Database, sql.raw(`explain execute search_plan_probe(${query.params.map(literal).join(", ")})`));
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    } finally {
      await tx.execute(sql`deallocate search_plan_probe`);
    }
  });
}

const indexConditions = (plan: string) => plan.split("\n").filter((line) => line.includes("Index Cond:")).join("\n");

describeEachDatabase("patient name search under row-level security", (getDb, getConnection) => {
  let app: Connection;
  let asClinic: Database;
  let clinicId: string;

  beforeAll(async () => {
    const { clinic, admin } = await createClinic(getDb(), "Search plan");
    for (const lastName of ["Thompson", "Thomas", "Adams", "Baker"]) await insertPatient(getDb(), admin.scope, { lastName });
    // Enough other patients (hex names: none starts with "tho" or "ann") that a scan of the whole clinic costs more than the index.
    await getDb().execute(sql`insert into patient (clinic_id, first_name, last_name, date_of_birth, sex)
      select ${clinic.id}, md5(g::text), md5((g * 7)::text), '1980-01-01', 'female' from generate_series(1, 3000) g`);
    clinicId = clinic.id;
    app = await getConnection().openAsApp();
    asClinic = await app.forClinic(clinic.id);
    await getDb().execute(sql`analyze patient`);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("searches a last name through the index, not patient by patient", async () => {
    const plan = await explainSearch(asClinic, clinicId, patientSearchCondition("tho"));
    expect(indexConditions(plan)).toMatch(/last_name_search ~>=~ 'tho'::text\) AND \(last_name_search ~<~ 'thp'::text/);
    expect(indexConditions(plan)).toMatch(/first_name_search ~>=~ 'tho'::text/);
  });

  it("searches first and last name together through the index", async () => {
    const plan = await explainSearch(asClinic, clinicId, patientSearchCondition("ann tho"));
    expect(indexConditions(plan)).toMatch(/_name_search ~>=~ '(ann|tho)'::text/);
  });

  it("keeps the name an index range in a prepared statement's generic plan", async () => {
    const plan = await explainGeneric(asClinic, clinicId, patientSearchCondition("tho"));
    expect(indexConditions(plan)).toMatch(/last_name_search ~>=~ \$\d+\) AND \(last_name_search ~<~ \$\d+/);
    expect(indexConditions(plan)).toMatch(/first_name_search ~>=~ \$\d+/);
  });

  it("could not keep `^@ $1` alone an index range in a generic plan, the form this replaced (the check above can fail)", async () => {
    const plan = await explainGeneric(asClinic, clinicId, sql`(${patients.lastNameSearch} ^@ ${"tho"} or ${patients.firstNameSearch} ^@ ${"tho"})`);
    expect(indexConditions(plan)).not.toMatch(/name_search/);
    expect(plan).toMatch(/Filter: .*last_name_search \^@ \$\d+/);
  });

  it("could not use an index for lower(name) like …, the form this replaced (the check above can fail)", async () => {
    const plan = await explainSearch(asClinic, clinicId, sql`lower(${patients.lastName}) like 'tho%'`);
    expect(plan).toMatch(/Filter: .*lower\(last_name\)/);
    expect(indexConditions(plan)).not.toMatch(/last_name/);
  });

  it("finds the same patients as a case-blind prefix match", async () => {
    const rows = await asClinic.select({ lastName: patients.lastName }).from(patients).where(patientSearchCondition("THO"));
    expect(rows.map((r) => r.lastName).sort()).toEqual(["Thomas", "Thompson"]);
    expect(await asClinic.$count(patients)).toBe(3004);
  });
});

