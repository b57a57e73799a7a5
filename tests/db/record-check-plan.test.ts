import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Connection } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { buildRecordCheck } from "@/lib/routing/record-check";
import { readRecordPath } from "@/lib/routing/record-path";
import { createClinic } from "./fixtures";
import { describeEachDatabase } from "./harness";

type PlanNode = { "Node Type": string; "Index Name"?: string; "Relation Name"?: string; Plans?: PlanNode[] };

/** Every scan in a plan, depth first. */
function listScans(node: PlanNode): PlanNode[] {
  const own = node["Relation Name"] ? [node] : [];
  return [...own, ...(node.Plans ?? []).flatMap(listScans)];
}

async function explain(db: Connection["db"], statement: SQL): Promise<PlanNode[]> {
  const [row] = await queryRows<{ "QUERY PLAN": [{ Plan: PlanNode }] | string }>(db, sql`explain (format json) ${statement}`);
  const plan = row?.["QUERY PLAN"];
  const parsed = typeof plan === "string" ? (JSON.parse(plan) as [{ Plan: PlanNode }]) : plan;
  return listScans(parsed![0].Plan);
}

/**
 * The proxy's record check on a realistic clinic: thousands of patients with
 * their assessments, courses, sessions and programmes, analysed, read as the
 * app's runtime role under row-level security. Each record must be found by
 * its primary key, not by a clinic-leading index filtered on the id (which
 * reads a whole clinic's rows as it grows). The plan is what is checked, not a
 * time: deterministic on a given data set and engine.
 */
describeEachDatabase("the record check's query plan", (getDb, getConnection) => {
  let asApp: Connection;
  let path: string;
  let clinicId: string;
  let childPaths: string[];

  beforeAll(async () => {
    const db = getDb();
    const north = await createClinic(db, "North");
    const harbour = await createClinic(db, "Harbour");
    clinicId = north.clinic.id;
    for (const c of [north, harbour]) {
      const clinic = c.clinic.id;
      const who = c.practitioner.user.id;
      await db.execute(sql`
        insert into patient (clinic_id, first_name, last_name, date_of_birth, sex, practitioner_id)
        select ${clinic}, 'P' || g, 'Patient', date '1960-01-01' + g, 'female', ${who} from generate_series(1, 2500) g`);
      await db.execute(sql`
        insert into assessment (clinic_id, patient_id, practitioner_id, assessed_at, region)
        select clinic_id, id, practitioner_id, now() - (n || ' days')::interval, 'lumbar'
        from patient, generate_series(1, 2) n where clinic_id = ${clinic}`);
      await db.execute(sql`
        insert into decompression_course (clinic_id, patient_id, practitioner_id, region, target_level, planned_sessions, sessions_per_week, start_date, initial_parameters, screening)
        select clinic_id, id, practitioner_id, 'lumbar', 'L4-L5', 10, 2, current_date, '{}'::jsonb, '{}'::jsonb
        from patient where clinic_id = ${clinic}`);
      await db.execute(sql`
        insert into decompression_session (clinic_id, patient_id, course_id, scheduled_at)
        select clinic_id, patient_id, id, now() + (n || ' days')::interval
        from decompression_course, generate_series(1, 4) n where clinic_id = ${clinic}`);
      await db.execute(sql`
        insert into programme (clinic_id, patient_id, practitioner_id, start_date)
        select clinic_id, id, practitioner_id, current_date from patient where clinic_id = ${clinic}`);
    }
    await db.execute(sql`analyze patient, assessment, decompression_course, decompression_session, programme`);
    const [row] = await queryRows<{ patient: string; course: string; session: string }>(
      db,
      sql`select s.patient_id as patient, s.course_id as course, s.id as session
          from decompression_session s where s.clinic_id = ${clinicId} order by s.id limit 1`,
    );
    path = `/patients/${row!.patient}/decompression/${row!.course}/sessions/${row!.session}`;
    const [other] = await queryRows<{ patient: string; assessment: string; programme: string }>(
      db,
      sql`select a.patient_id as patient, a.id as assessment, p.id as programme
          from assessment a join programme p on p.patient_id = a.patient_id where a.clinic_id = ${clinicId} order by a.id limit 1`,
    );
    childPaths = [`/patients/${other!.patient}/assessments/${other!.assessment}`, `/patients/${other!.patient}/programmes/${other!.programme}`];
    // Last: on PGlite this turns the one connection into the runtime role's.
    asApp = await getConnection().openAsApp();
  });

  afterAll(async () => {
    await asApp?.close();
  });

  const cases = [
    ["a patient", () => path.split("/").slice(0, 3).join("/")],
    ["a session of a course of a patient", () => path],
  ] as const;

  for (const [what, readPath] of cases) {
    it(`looks up ${what} by primary key on every table`, async () => {
      const check = buildRecordCheck(clinicId, readRecordPath(readPath()));
      if (typeof check === "boolean") throw new Error("expected a statement");
      const db = await asApp.forClinic(clinicId);
      const scans = await explain(db, check);
      expect(scans.length).toBe(readRecordPath(readPath()).length);
      for (const scan of scans) expect(scan["Index Name"], `${scan["Relation Name"]}: ${scan["Node Type"]}`).toBe(`${scan["Relation Name"]}_pkey`);
    });
  }

  it("an assessment and a programme of a patient too", async () => {
    const scoped = await asApp.forClinic(clinicId);
    for (const p of childPaths) {
      const check = buildRecordCheck(clinicId, readRecordPath(p));
      if (typeof check === "boolean") throw new Error("expected a statement");
      const scans = await explain(scoped, check);
      expect(scans.map((s) => s["Index Name"])).toEqual(scans.map((s) => `${s["Relation Name"]}_pkey`));
    }
  });
});
