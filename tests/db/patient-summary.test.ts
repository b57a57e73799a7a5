import fc from "fast-check";
import { and, desc, eq, inArray } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { adherenceEntries, assessments, bodyWeights, decompressionCourses, patients, patientSummaries, programmes } from "@/db/schema";
import { amendAssessment, createAssessment, saveDraft } from "@/lib/assessments/mutations";
import type { Scope } from "@/lib/auth/scope-types";
import { saveMcidOverride } from "@/lib/clinic-settings/mutations";
import { createCourse, setCourseStatus } from "@/lib/decompression/course-mutations";
import { courseFormSchema, courseStatusSchema, sessionLogSchema } from "@/lib/decompression/schemas";
import { logSession } from "@/lib/decompression/session-mutations";
import { loadDashboard } from "@/lib/dashboard/load";
import { listLowAdherence } from "@/lib/dashboard/adherence";
import { listDue, listNotImproving, selectDue, selectNotImproving } from "@/lib/dashboard/attention";
import { RECENTLY_ASSESSED_WEEKS } from "@/lib/dashboard/caseload-facts";
import { fetchClinicContext } from "@/lib/dashboard/clinic-context";
import { computeAdherencePercent, isLowAdherence } from "@/lib/clinical/caseload-rules";
import { subWeeks } from "date-fns";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { saveProgramme, setProgrammeStatus } from "@/lib/programmes/mutations";
import { programmeFormSchema, programmeStatusSchema } from "@/lib/programmes/schemas";
import { computeSummaries } from "@/lib/summaries/compute";
import { ensureClinicSummaries, isEmptySummary, refreshPatientSummary } from "@/lib/summaries/refresh";
import { recordAdherence } from "@/lib/adherence/mutations";
import { adherenceFormSchema } from "@/lib/adherence/schemas";
import { setPatientArchived } from "@/lib/patients/mutations";
import { getClinicClinicalSettings } from "@/lib/clinic-settings/queries";
import { mcidSettingsSchema, parseMcidForm } from "@/lib/clinic-settings/schemas";
import type { Database } from "@/db/client";
import { sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { submissionFrom } from "./assessments-fixtures";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";

const ctx = { timeZone: "Europe/London", now: new Date("2026-03-01T10:00:00Z") };
const day = (n: number) => `2026-01-${String(n).padStart(2, "0")}`;

/** One write a practitioner can make that changes a patient's summary, by the feature's own mutation. */
type Op =
  | { kind: "assess"; p: number; d: number; pain: number; sign: boolean }
  | { kind: "sign-draft"; p: number }
  | { kind: "amend"; p: number; pain: number }
  | { kind: "programme"; p: number; d: number }
  | { kind: "end-programme"; p: number; status: "completed" | "stopped" }
  | { kind: "course"; p: number; d: number; planned: number }
  | { kind: "session"; p: number; d: number; status: "completed" | "missed" }
  | { kind: "end-course"; p: number; status: "completed" | "stopped" }
  | { kind: "adherence"; p: number; d: number; done: number }
  | { kind: "archive"; p: number; archived: boolean }
  | { kind: "reassign"; p: number };

const PATIENTS = 3;
const p = fc.integer({ min: 0, max: PATIENTS - 1 });
const d = fc.integer({ min: 1, max: 28 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("assess" as const), p, d, pain: fc.integer({ min: 0, max: 10 }), sign: fc.boolean() }),
  fc.record({ kind: fc.constant("sign-draft" as const), p }),
  fc.record({ kind: fc.constant("amend" as const), p, pain: fc.integer({ min: 0, max: 10 }) }),
  fc.record({ kind: fc.constant("programme" as const), p, d }),
  fc.record({ kind: fc.constant("end-programme" as const), p, status: fc.constantFrom("completed" as const, "stopped" as const) }),
  fc.record({ kind: fc.constant("course" as const), p, d, planned: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant("session" as const), p, d, status: fc.constantFrom("completed" as const, "missed" as const) }),
  fc.record({ kind: fc.constant("end-course" as const), p, status: fc.constantFrom("completed" as const, "stopped" as const) }),
  fc.record({ kind: fc.constant("adherence" as const), p, d, done: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("archive" as const), p, archived: fc.boolean() }),
  fc.record({ kind: fc.constant("reassign" as const), p }),
);

const painFields = (patientId: string, pain: number, over: Record<string, string> = {}) => ({
  patientId,
  intent: "sign",
  region: "lumbar",
  assessedOn: day(1),
  chiefComplaint: "Low back pain",
  "nprs.current": String(pain),
  "nprs.best": String(Math.max(0, pain - 1)),
  "nprs.worst24h": String(pain),
  ...over,
});

/** A refusal the feature gives on purpose (nothing to amend, a course already active, ...): nothing was written. */
const isRefusal = (err: unknown) => err instanceof RuleError || err instanceof ConflictError || err instanceof NotFoundError;

async function latest<T>(rows: Promise<T[]>): Promise<T | undefined> {
  return (await rows)[0];
}

async function apply(db: Database, scope: Scope, ids: string[], o: Op): Promise<void> {
  const patientId = ids[o.p]!;
  const where = (t: { clinicId: AnyPgColumn; patientId: AnyPgColumn }) => and(eq(t.clinicId, scope.clinicId), eq(t.patientId, patientId));
  await db.transaction(async (tx) => {
    switch (o.kind) {
      case "assess":
        await createAssessment(tx, scope, submissionFrom(painFields(patientId, o.pain, { assessedOn: day(o.d), intent: o.sign ? "sign" : "draft" })), ctx);
        return;
      case "sign-draft": {
        const draft = await latest(tx.select().from(assessments).where(and(where(assessments), eq(assessments.status, "draft"))).limit(1));
        if (!draft) return;
        await saveDraft(tx, scope, submissionFrom(painFields(patientId, 5, { id: draft.id, version: String(draft.version), assessedOn: day(2) })), ctx);
        return;
      }
      case "amend": {
        const signed = await latest(tx.select().from(assessments).where(and(where(assessments), eq(assessments.status, "signed"))).limit(1));
        if (!signed) return;
        await amendAssessment(tx, scope, submissionFrom(painFields(patientId, o.pain, { id: signed.id, version: String(signed.version), intent: "amend", reason: "The pain score was misread from the paper form", assessedOn: day(3) })), ctx);
        return;
      }
      case "programme": {
        const active = await latest(tx.select().from(programmes).where(and(where(programmes), eq(programmes.status, "active"))));
        const form = {
          patientId,
          supersedesId: active?.id ?? "",
          supersedesVersion: active ? String(active.version) : "",
          goals: "Walk without pain",
          startDate: day(o.d),
          reviewDate: `2026-02-${String(o.d).padStart(2, "0")}`,
          items: [{ ref: "built-in:glute-bridge", sets: "3", reps: "10", holdSeconds: "", timesPerDay: "1", daysPerWeek: "3", side: "both", notes: "" }],
        };
        await saveProgramme(tx, scope, programmeFormSchema.parse(form));
        return;
      }
      case "end-programme": {
        const active = await latest(tx.select().from(programmes).where(and(where(programmes), eq(programmes.status, "active"))));
        if (!active) return;
        await setProgrammeStatus(tx, scope, programmeStatusSchema.parse({ id: active.id, version: String(active.version), status: o.status, reason: "Done for now" }));
        return;
      }
      case "course": {
        const input = { patientId, region: "lumbar", targetLevel: "l4-l5", plannedSessions: String(o.planned), sessionsPerWeek: "3", startDate: day(o.d), position: "supine", angleDeg: "10", forceUnit: "kg", maxForce: "20", minForce: "10", holdSeconds: "60", restSeconds: "30", cycles: "10", durationMin: "20", confirmed: "true" };
        await createCourse(tx, scope, courseFormSchema.parse(input), ctx.now);
        return;
      }
      case "session": {
        const course = await latest(tx.select().from(decompressionCourses).where(and(where(decompressionCourses), eq(decompressionCourses.status, "active"))));
        if (!course) return;
        const log = { courseId: course.id, scheduledAt: `2026-02-${String(o.d).padStart(2, "0")}T${String(8 + (o.d % 10)).padStart(2, "0")}:00`, status: o.status, position: "supine", angleDeg: "10", bodyWeight: "70", bodyWeightUnit: "kg", bodyWeightOn: day(1), forceUnit: "kg", maxForce: "20", minForce: "10", holdSeconds: "60", restSeconds: "30", cycles: "10", durationMin: "20", nprsBefore: "6", nprsAfter: "4", response: "centralising" };
        await logSession(tx, scope, sessionLogSchema.parse(log));
        return;
      }
      case "end-course": {
        const course = await latest(tx.select().from(decompressionCourses).where(and(where(decompressionCourses), eq(decompressionCourses.status, "active"))));
        if (!course) return;
        await setCourseStatus(tx, scope, courseStatusSchema.parse({ id: course.id, version: String(course.version), status: o.status, reason: "Plan changed" }));
        return;
      }
      case "adherence": {
        const programme = await latest(tx.select().from(programmes).where(where(programmes)).orderBy(desc(programmes.createdAt)).limit(1));
        if (!programme) return;
        const week = `2026-02-${String(o.d).padStart(2, "0")}`;
        await recordAdherence(tx, scope, adherenceFormSchema.parse({ patientId, programmeId: programme.id, weekStart: week, sessionsDone: String(o.done), sessionsPrescribed: "7", painDuring: "", note: "" }), ctx.now);
        return;
      }
      case "archive":
        await setPatientArchived(tx, scope, patientId, o.archived, o.archived ? "Discharged" : null);
        return;
      case "reassign": {
        // A bulk reassignment (an import or a script) writes the patient row directly: the trigger follows it.
        const [current] = await tx.select({ practitionerId: patients.practitionerId }).from(patients).where(eq(patients.id, patientId));
        const next = current?.practitionerId === scope.userId ? null : scope.userId;
        await tx.update(patients).set({ practitionerId: next }).where(and(eq(patients.id, patientId), eq(patients.clinicId, scope.clinicId)));
        return;
      }
    }
  }).catch((err: unknown) => {
    if (!isRefusal(err)) throw err;
  });
}

/** The stored rows, in the shape computeSummaries gives, so the two compare field by field. */
async function storedRows(db: Database, clinicId: string, ids: string[]) {
  const rows = await db
    .select()
    .from(patientSummaries)
    .where(and(eq(patientSummaries.clinicId, clinicId), inArray(patientSummaries.patientId, ids)))
    .orderBy(patientSummaries.patientId);
  const ms = (v: Date | null) => (v === null ? null : v.getTime());
  return rows.map((r) => ({
    patient_id: r.patientId, practitioner_id: r.practitionerId, archived: r.archived,
    first_assessed: ms(r.firstAssessedAt), last_assessed: ms(r.lastAssessedAt), active_programme: r.activeProgramme, review_date: r.reviewDate,
    review_at: ms(r.reviewDueAt), course_id: r.courseId, course_status: r.courseStatus, planned_sessions: r.plannedSessions, course_completed: r.courseCompleted,
    half_at: ms(r.halfAt), final_at: ms(r.finalAt), sessions_completed: r.sessionsCompleted, enough_sessions_at: ms(r.enoughSessionsAt),
    completed_at: ms(r.completedAt), patterns: r.patterns, history: r.history, improved: r.improved,
    not_improving_from: ms(r.notImprovingFrom), reassessment_due: r.reassessmentDue, review_due_at: ms(r.reviewDueAt),
    assessment_overdue_at: ms(r.assessmentOverdueAt), due_from: ms(r.dueFrom), adherence: r.adherence, low_adherence_week: r.lowAdherenceWeek,
  }));
}

async function fromScratch(db: Database, scope: Scope, ids: string[]) {
  const { mcidOverrides } = await getClinicClinicalSettings(db, scope);
  const all = await computeSummaries(db, scope.clinicId, sql`p.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`, mcidOverrides);
  return all.filter((s) => !isEmptySummary(s));
}

const DAY = 86_400_000;
// Days passing without a write: reviews and assessments fall due, patients leave active care, weeks turn.
const LIST_DAYS = [0, 20, 45, 100].map((n) => new Date(ctx.now.getTime() + n * DAY));
// From the writes' day on: no entry is ever for a week after the current one.
const ADHERENCE_DAYS = [0, 4, 8, 15].map((n) => new Date(ctx.now.getTime() + n * DAY));

/**
 * The cards' SQL over the stored verdicts (limited, with a count) lists exactly whom the rules
 * themselves pick from a from-scratch recomputation, on every day checked.
 */
async function expectListsFollowTheRules(db: Database, scope: Scope) {
  const { mcidOverrides } = await getClinicClinicalSettings(db, scope);
  // The practitioner's whole caseload (earlier runs' patients too): the lists and their counts cover it all.
  const all = await computeSummaries(db, scope.clinicId, sql`p.practitioner_id = ${scope.userId}`, mcidOverrides);
  const ids = all.map((f) => f.patient_id);
  const sorted = (xs: string[]) => [...xs].sort();
  for (const now of LIST_DAYS) {
    const recent = subWeeks(now, RECENTLY_ASSESSED_WEEKS).getTime();
    const facts = all
      .filter((f) => f.practitioner_id === scope.userId && !f.archived)
      .filter((f) => f.active_programme || f.course_status === "active" || (f.last_assessed !== null && f.last_assessed >= recent))
      .map((f) => ({ ...f, id: f.patient_id, first_name: "", last_name: "" }));
    const notImproving = await listNotImproving(db, scope, "mine", mcidOverrides, now, 100);
    const expected = selectNotImproving(facts, mcidOverrides, now).map((r) => r.patientId);
    expect(sorted(notImproving.rows.map((r) => r.patientId)), `not improving on ${now.toISOString()}`).toEqual(sorted(expected));
    expect(notImproving.total).toBe(expected.length);
    const due = await listDue(db, scope, "mine", now, 100);
    const dueExpected = selectDue(facts, now);
    expect(due.rows.map((r) => [r.patientId, r.reasons]).sort(), `due on ${now.toISOString()}`).toEqual(dueExpected.map((r) => [r.patientId, r.reasons]).sort());
    expect(due.total).toBe(dueExpected.length);
    const firstOnly = await listDue(db, scope, "mine", now, 1);
    expect(firstOnly.rows.map((r) => r.reasons.length)).toEqual(dueExpected.slice(0, 1).map((r) => r.reasons.length));
  }
  for (const now of ADHERENCE_DAYS) {
    const context = await fetchClinicContext(db, scope, now);
    const entries = ids.length === 0 ? [] : await db.select().from(adherenceEntries).where(and(eq(adherenceEntries.clinicId, scope.clinicId), inArray(adherenceEntries.patientId, ids)));
    const expected = all
      .filter((f) => f.practitioner_id === scope.userId && !f.archived)
      .flatMap((f) => {
        const week = entries.filter((e) => e.patientId === f.patient_id && e.weekStart >= context.lastMonday && e.weekStart < context.thisMonday);
        if (week.length === 0) return [];
        const done = week.reduce((n, e) => n + e.sessionsDone, 0);
        const prescribed = week.reduce((n, e) => n + e.sessionsPrescribed, 0);
        return isLowAdherence(computeAdherencePercent(done, prescribed)) ? [[f.patient_id, done, prescribed]] : [];
      });
    const low = await listLowAdherence(db, scope, "mine", context, 100);
    expect(low.rows.map((r) => [r.patientId, r.done, r.prescribed]).sort(), `low adherence on ${now.toISOString()}`).toEqual(expected.sort());
    expect(low.total).toBe(expected.length);
  }
}

describeEachDatabase("patient summary rows", (getDb) => {
  let other: Awaited<ReturnType<typeof createClinic>>;
  beforeAll(async () => {
    other = await createClinic(getDb(), "Other clinic");
  });

  let shared: Awaited<ReturnType<typeof createClinic>>;
  beforeAll(async () => {
    shared = await createClinic(getDb(), "Summaries");
  });

  /** Fresh patients on the shared clinic's practitioner (a clinic per run would spend its time hashing staff passwords). */
  async function clinicWithPatients(c = shared) {
    const db = getDb();
    const ids: string[] = [];
    for (let i = 0; i < PATIENTS; i++) {
      const patient = await insertPatient(db, c.practitioner.scope, { dateOfBirth: "1980-05-01", practitionerId: c.practitioner.user.id });
      await db.insert(bodyWeights).values({ clinicId: c.clinic.id, patientId: patient.id, kg: 70, measuredOn: day(1) });
      ids.push(patient.id);
    }
    return { c, ids };
  }

  it("equal a from-scratch recomputation after any sequence of writes", async () => {
    const db = getDb();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const { c, ids } = await clinicWithPatients();
        for (const o of ops) await apply(db, c.practitioner.scope, ids, o);
        expect(await storedRows(db, c.clinic.id, ids)).toEqual(await fromScratch(db, c.practitioner.scope, ids));
        await expectListsFollowTheRules(db, c.practitioner.scope);
      }),
      { numRuns: 10 },
    );
  }, 300_000);

  it("are written by the writes themselves: a signed score shows on the dashboard without a rebuild", async () => {
    const db = getDb();
    const { c, ids } = await clinicWithPatients();
    await ensureClinicSummaries(db, c.practitioner.scope);
    await apply(db, c.practitioner.scope, ids, { kind: "assess", p: 0, d: 20, pain: 7, sign: true });
    const [row] = await db.select().from(patientSummaries).where(eq(patientSummaries.patientId, ids[0]!));
    expect(row?.history.map((h) => h.score)).toEqual([7]);
    const dash = await loadDashboard(db, c.practitioner.scope, { view: "mine", period: "1y", now: new Date("2026-02-01T10:00:00Z") });
    expect(dash.due.rows.map((r) => r.patientId)).not.toContain(ids[1]);
  });

  it("follow a change of the clinic's meaningful-change rules at the next read", async () => {
    const db = getDb();
    const { c, ids } = await clinicWithPatients(await createClinic(db, "Own rules"));
    const scope = c.admin.scope;
    await apply(db, scope, ids, { kind: "assess", p: 0, d: 1, pain: 6, sign: true });
    await apply(db, scope, ids, { kind: "assess", p: 0, d: 20, pain: 4, sign: true });
    await ensureClinicSummaries(db, scope);
    const improvedNow = async () => (await db.select().from(patientSummaries).where(eq(patientSummaries.patientId, ids[0]!)))[0]?.improved;
    expect(await improvedNow()).toBe(true);
    // A flat 3-point rule for NPRS: the 2-point fall is no longer meaningful.
    const fd = new FormData();
    for (const [k, v] of Object.entries({ key: "nprs", previous: "null", absolute: "3", percent: "", combine: "either", source: "Clinic audit" })) fd.append(k, v);
    const parsed = mcidSettingsSchema.safeParse(parseMcidForm(fd));
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
    await db.transaction((tx) => saveMcidOverride(tx, scope, parsed.data));
    await ensureClinicSummaries(db, scope);
    expect(await improvedNow()).toBe(false);
  });

  it("write nothing for another clinic's patient", async () => {
    const db = getDb();
    const { c, ids } = await clinicWithPatients();
    await apply(db, c.practitioner.scope, ids, { kind: "assess", p: 0, d: 5, pain: 5, sign: true });
    await db.transaction((tx) => refreshPatientSummary(tx, other.practitioner.scope, ids[0]!));
    expect(await db.select().from(patientSummaries).where(eq(patientSummaries.clinicId, other.clinic.id))).toEqual([]);
  });
});
