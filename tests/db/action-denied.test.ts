import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Connection } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { auditEvents } from "@/db/schema";
import { runActionAs } from "@/lib/actions/validated";
import { recordAdherenceAction } from "@/lib/adherence/actions";
import { setCourseStatusAction } from "@/lib/decompression/actions";
import { setExerciseArchivedAction } from "@/lib/exercises/actions";
import { resolveFlagAction } from "@/lib/patient-flags/actions";
import { setArchivedAction } from "@/lib/patients/actions";
import { setProgrammeStatusAction } from "@/lib/programmes/actions";
import { changeRoleAction } from "@/lib/staff/actions";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";
import { useRuntimeDatabase } from "./runtime-database";

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

/**
 * Server actions sent another clinic's id, or one that exists nowhere: the
 * real actions, run with the scope a signed-in session would give, against the
 * runtime role under row-level security. Each is refused as not found, writes
 * nothing to the record, and leaves one `denied` row in the actor's trail with
 * the kind and id tried and no medical data.
 */
describeEachDatabase("server actions refused for a record the clinic does not have", (getDb, getConnection) => {
  let north: Awaited<ReturnType<typeof createClinic>>;
  let harbour: Awaited<ReturnType<typeof createClinic>>;
  const theirs = { patient: "", course: "", programme: "", flag: "", exercise: "" };
  let asApp: Connection;

  beforeAll(async () => {
    const db = getDb();
    north = await createClinic(db, "North");
    harbour = await createClinic(db, "Harbour");
    const who = harbour.practitioner.user.id;
    const clinic = harbour.clinic.id;
    theirs.patient = (await insertPatient(db, harbour.practitioner.scope, { firstName: "Secret", lastName: "Harbourpatient" })).id;
    const ids = async (statement: ReturnType<typeof sql>) => (await queryRows<{ id: string }>(db, statement))[0]!.id;
    theirs.course = await ids(sql`insert into decompression_course (clinic_id, patient_id, practitioner_id, region, target_level, planned_sessions, sessions_per_week, start_date, initial_parameters, screening)
      values (${clinic}, ${theirs.patient}, ${who}, 'lumbar', 'L4-L5', 10, 2, current_date, '{}'::jsonb, '{}'::jsonb) returning id`);
    theirs.programme = await ids(sql`insert into programme (clinic_id, patient_id, practitioner_id, start_date) values (${clinic}, ${theirs.patient}, ${who}, current_date) returning id`);
    theirs.flag = await ids(sql`insert into patient_flag (clinic_id, patient_id, code, noted_on) values (${clinic}, ${theirs.patient}, 'pregnancy', current_date) returning id`);
    theirs.exercise = await ids(sql`insert into exercise (clinic_id, name, category, sets, times_per_day, days_per_week, instructions)
      values (${clinic}, 'Their bridge', 'strengthen', 2, 1, 5, 'Lift the hips.') returning id`);
    asApp = await getConnection().openAsApp();
  });

  useRuntimeDatabase(() => asApp);

  afterAll(async () => {
    await asApp?.close();
  });

  async function readDenied(entityId: string) {
    const db = await asApp.forClinic(north.clinic.id);
    return db.select().from(auditEvents).where(and(eq(auditEvents.action, "denied"), eq(auditEvents.entityId, entityId)));
  }

  const foreignCases = [
    { action: "archive a patient", entity: "patient", run: () => runActionAs(setArchivedAction, north.practitioner.scope, form({ id: theirs.patient, archived: "true" })), id: () => theirs.patient },
    {
      action: "stop a course",
      entity: "course",
      run: () => runActionAs(setCourseStatusAction, north.practitioner.scope, form({ id: theirs.course, version: "1", status: "stopped", reason: "No longer needed" })),
      id: () => theirs.course,
    },
    {
      action: "complete a programme",
      entity: "programme",
      run: () => runActionAs(setProgrammeStatusAction, north.practitioner.scope, form({ id: theirs.programme, version: "1", status: "completed" })),
      id: () => theirs.programme,
    },
    {
      action: "record adherence",
      entity: "patient",
      run: () =>
        runActionAs(recordAdherenceAction, north.practitioner.scope, form({ patientId: theirs.patient, programmeId: theirs.programme, weekStart: "2026-01-05", sessionsDone: "3", sessionsPrescribed: "5" })),
      id: () => theirs.patient,
    },
    { action: "resolve a flag", entity: "patient", run: () => runActionAs(resolveFlagAction, north.practitioner.scope, form({ patientId: theirs.patient, flagId: theirs.flag })), id: () => theirs.patient },
    { action: "archive an exercise", entity: "exercise", run: () => runActionAs(setExerciseArchivedAction, north.practitioner.scope, form({ id: theirs.exercise, archived: "true" })), id: () => theirs.exercise },
  ];

  for (const c of foreignCases) {
    it(`${c.action} with another clinic's id: refused and recorded as denied`, async () => {
      const before = (await readDenied(c.id())).length;
      const result = await c.run();
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/not found/);
      const rows = await readDenied(c.id());
      expect(rows).toHaveLength(before + 1);
      expect(rows.at(-1)).toEqual(expect.objectContaining({ clinicId: north.clinic.id, actorId: north.practitioner.user.id, entity: c.entity, reason: "another clinic's record", patientId: null }));
      // Only ids: no name, date of birth or note of the record that was tried.
      expect(JSON.stringify(rows.at(-1))).not.toMatch(/Secret|Harbourpatient/);
    });
  }

  it("nothing of the other clinic's records changed", async () => {
    // Read as Harbour (on PGlite the one connection is the runtime role's by now).
    const [row] = await queryRows<{ archived: boolean; course: string; programme: string; flag: string }>(
      await asApp.forClinic(harbour.clinic.id),
      sql`select (select archived_at is not null from patient where id = ${theirs.patient}) as archived,
                 (select status from decompression_course where id = ${theirs.course}) as course,
                 (select status from programme where id = ${theirs.programme}) as programme,
                 (select status from patient_flag where id = ${theirs.flag}) as flag`,
    );
    expect(row).toEqual({ archived: false, course: "active", programme: "active", flag: "active" });
  });

  it("an id that exists nowhere is recorded as no such record", async () => {
    const missing = randomUUID();
    const result = await runActionAs(setArchivedAction, north.practitioner.scope, form({ id: missing, archived: "true" }));
    expect(result).toEqual(expect.objectContaining({ ok: false, message: "Patient not found" }));
    const rows = await readDenied(missing);
    expect(rows[0]).toEqual(expect.objectContaining({ entity: "patient", reason: "no such record in this clinic" }));
    expect(rows[0]?.detail).toEqual({ "id tried": missing, "ids sent": { id: missing } });
  });

  it("an admin changing the role of another clinic's staff member", async () => {
    const target = harbour.practitioner.user.id;
    const result = await runActionAs(changeRoleAction, north.admin.scope, form({ id: target, role: "admin" }));
    expect(result.ok).toBe(false);
    const rows = await readDenied(target);
    expect(rows[0]).toEqual(expect.objectContaining({ entity: "user", actorId: north.admin.user.id }));
    const [role] = await queryRows<{ role: string }>(await asApp.forClinic(harbour.clinic.id), sql`select role from app_user where id = ${target}`);
    expect(role?.role).toBe("practitioner");
  });

  it("the clinic's own record is not refused and leaves no denied row", async () => {
    const scoped = await asApp.forClinic(north.clinic.id);
    const [own] = await queryRows<{ id: string }>(scoped, sql`insert into exercise (clinic_id, name, category, sets, times_per_day, days_per_week, instructions)
      values (${north.clinic.id}, 'Our bridge', 'strengthen', 2, 1, 5, 'Lift the hips.') returning id`);
    // The archive commits; the cache revalidation after it needs a request, which a test has not.
    await runActionAs(setExerciseArchivedAction, north.practitioner.scope, form({ id: own!.id, archived: "true" })).catch(() => undefined);
    const [row] = await queryRows<{ archived: boolean }>(scoped, sql`select archived_at is not null as archived from exercise where id = ${own!.id}`);
    expect(row?.archived).toBe(true);
    expect(await readDenied(own!.id)).toEqual([]);
  });
});
