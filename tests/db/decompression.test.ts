import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { assessments, auditEvents, bodyWeights, decompressionCourses, decompressionSessions, patientFlags } from "@/db/schema";
import { seedDemo, type DemoContext } from "@/db/seed";
import type { Scope } from "@/lib/auth/scope-types";
import { createCourse, setCourseStatus } from "@/lib/decompression/course-mutations";
import { fetchClinicContext } from "@/lib/dashboard/clinic-context";
import { listDashboardSessions } from "@/lib/dashboard/sessions";
import { getCourse, getCourseProgress, listCourses } from "@/lib/decompression/queries";
import { courseFormSchema, courseStatusSchema, scheduleSessionSchema, sessionLogSchema } from "@/lib/decompression/schemas";
import { logSession, scheduleSession } from "@/lib/decompression/session-mutations";
import { NotFoundError, RuleError } from "@/lib/errors";
import { createClinic, insertPatient } from "./fixtures";
import { demoScope, findPersona } from "./demo-context";
import { describeEachDatabase } from "./harness";

const course = (patientId: string, over: Record<string, string> = {}) =>
  courseFormSchema.parse({
    patientId,
    region: "lumbar",
    targetLevel: "l4-l5",
    plannedSessions: "12",
    sessionsPerWeek: "3",
    startDate: "2026-02-02",
    position: "supine",
    angleDeg: "10",
    forceUnit: "kg",
    maxForce: "24",
    minForce: "12",
    holdSeconds: "60",
    restSeconds: "30",
    cycles: "10",
    durationMin: "20",
    ...over,
  });

const rawLog = (courseId: string, over: Record<string, string> = {}) => ({
    courseId,
    scheduledAt: "2026-02-03T10:00",
    status: "completed",
    position: "supine",
    angleDeg: "10",
    bodyWeight: "70",
    bodyWeightUnit: "kg",
    bodyWeightOn: "2026-01-20",
    forceUnit: "kg",
    maxForce: "24.5",
    minForce: "12",
    holdSeconds: "60",
    restSeconds: "30",
    cycles: "10",
    durationMin: "20",
    nprsBefore: "6",
    nprsAfter: "4",
    response: "centralising",
    ...over,
  });
const log = (courseId: string, over: Record<string, string> = {}) => sessionLogSchema.parse(rawLog(courseId, over));

describeEachDatabase("decompression", (getDb) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;

  beforeAll(async () => {
    a = await createClinic(getDb(), "Clinic A");
    b = await createClinic(getDb(), "Clinic B");
  });

  async function patient(scope: Scope, flags: string[] = [], over: Record<string, string> = {}) {
    const db = getDb();
    const p = await insertPatient(db, scope, { dateOfBirth: "1980-05-01", ...over });
    await db.insert(bodyWeights).values({ clinicId: scope.clinicId, patientId: p.id, kg: 70, measuredOn: "2026-01-20" });
    if (flags.length) await db.insert(patientFlags).values(flags.map((code) => ({ clinicId: scope.clinicId, patientId: p.id, code, notedOn: "2026-01-10" })));
    return p;
  }
  const courseCount = async (patientId: string) =>
    (await getDb().select({ id: decompressionCourses.id }).from(decompressionCourses).where(eq(decompressionCourses.patientId, patientId))).length;
  const create = (scope: Scope, input: ReturnType<typeof course>) => getDb().transaction((tx) => createCourse(tx, scope, input));

  it("creates a course for a clear patient, keeps the screening, and audits it", async () => {
    const p = await patient(a.practitioner.scope);
    const result = await create(a.practitioner.scope, course(p.id));
    if (result.kind !== "created") throw new Error("expected a course");
    const saved = await getCourse(getDb(), a.practitioner.scope, result.id);
    expect(saved).toMatchObject({ region: "lumbar", targetLevel: "L4-L5", status: "active", overrideReason: null });
    expect(saved.screening).toMatchObject({ outcome: "clear", blocking: [] });
    expect(saved.initialParameters).toMatchObject({ maxForceKg: 24, minForceKg: 12, position: "supine" });
    const events = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, result.id));
    expect(events.map((e) => e.action)).toEqual(["create"]);
  });

  it("asks for a confirm on precautions, a plan outside the typical range and a high starting force", async () => {
    const p = await patient(a.practitioner.scope, ["claustrophobia"]);
    const first = await create(a.practitioner.scope, course(p.id, { plannedSessions: "40", maxForce: "40" }));
    expect(first.kind).toBe("confirm");
    if (first.kind !== "confirm") return;
    expect(first.message).toContain("Claustrophobia");
    expect(first.message).toContain("outside the typical 12-25");
    expect(first.message).toContain("above the 50 % lumbar threshold");
    expect(await courseCount(p.id)).toBe(0);
    const second = await create(a.practitioner.scope, course(p.id, { plannedSessions: "40", maxForce: "40", confirmed: "true" }));
    expect(second.kind).toBe("created");
  });

  it("blocks a contraindicated patient; only an admin may override, with a written reason that is kept and audited", async () => {
    const p = await patient(a.practitioner.scope, ["pregnancy"]);
    await expect(create(a.practitioner.scope, course(p.id))).rejects.toThrow(/contraindicated: Pregnancy/);
    await expect(create(a.practitioner.scope, course(p.id, { overrideReason: "Consultant letter says it is fine" }))).rejects.toMatchObject({
      field: "overrideReason",
    });
    await expect(create(a.admin.scope, course(p.id))).rejects.toBeInstanceOf(RuleError);
    expect(courseFormSchema.safeParse({ ...course(p.id), maxForce: "", overrideReason: "short" }).success).toBe(false);
    expect(await courseCount(p.id)).toBe(0);

    const reason = "Obstetrician and patient agree after review; cervical only is not an option";
    const result = await create(a.admin.scope, course(p.id, { overrideReason: reason }));
    if (result.kind !== "created") throw new Error("expected a course");
    const saved = await getCourse(getDb(), a.admin.scope, result.id);
    expect(saved).toMatchObject({ overrideReason: reason, overrideBy: a.admin.user.id, overrideByName: a.admin.user.name });
    expect(saved.screening).toMatchObject({ outcome: "blocked", blocking: ["pregnancy"] });
    const events = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, result.id));
    expect(events.map((e) => [e.action, e.reason, e.actorId])).toEqual([
      ["create", null, a.admin.user.id],
      ["override", reason, a.admin.user.id],
    ]);
  });

  it("never lets anyone override a red flag; a cervical-only contraindication does not block lumbar", async () => {
    const red = await patient(a.practitioner.scope, ["ces-saddle-numbness", "pregnancy"]);
    await expect(create(a.admin.scope, course(red.id, { overrideReason: "I accept the risk entirely" }))).rejects.toThrow(/urgent medical assessment/);
    expect(await courseCount(red.id)).toBe(0);
    const myelopathy = await patient(a.practitioner.scope, ["myelopathy"]);
    await expect(create(a.practitioner.scope, course(myelopathy.id, { region: "cervical", targetLevel: "C5-C6", maxForce: "5", minForce: "2" }))).rejects.toThrow(
      /Myelopathy/,
    );
    expect((await create(a.practitioner.scope, course(myelopathy.id))).kind).toBe("created");
  });

  it("logs sessions: a force above the threshold needs a confirm that is stored; progress and day lists follow", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const p = await patient(scope);
    const created = await create(scope, course(p.id, { plannedSessions: "4", sessionsPerWeek: "2", confirmed: "true" }));
    if (created.kind !== "created") throw new Error("expected a course");
    const courseId = created.id;
    const sessionId = await db.transaction((tx) => scheduleSession(tx, scope, scheduleSessionSchema.parse({ courseId, scheduledAt: "2026-02-03T10:00" })));
    const [scheduled] = await db.select().from(decompressionSessions).where(eq(decompressionSessions.id, sessionId));
    expect(scheduled?.scheduledAt.toISOString()).toBe("2026-02-03T10:00:00.000Z"); // London is on GMT in February

    const high = log(courseId, { sessionId, sessionVersion: "1", maxForce: "80", forceUnit: "lb" }); // 36.3 kg of 70 kg: 52 %
    const asked = await db.transaction((tx) => logSession(tx, scope, high));
    expect(asked).toMatchObject({ kind: "confirm", message: expect.stringContaining("51.9 %") });
    expect((await db.select().from(decompressionSessions).where(eq(decompressionSessions.id, sessionId)))[0]?.status).toBe("scheduled");
    const saved = await db.transaction((tx) => logSession(tx, scope, { ...high, confirmForce: true }));
    expect(saved).toMatchObject({ kind: "saved", id: sessionId });
    const [row] = await db.select().from(decompressionSessions).where(eq(decompressionSessions.id, sessionId));
    expect(row).toMatchObject({ status: "completed", maxForceKg: 36.3, forceWarningConfirmed: true, nprsBefore: 6, nprsAfter: 4, loggedBy: scope.userId });
    await expect(db.transaction((tx) => logSession(tx, scope, { ...high, confirmForce: true }))).rejects.toBeInstanceOf(RuleError);

    // A session logged without scheduling first, then a cancelled one (no force, no screening needed).
    await db.transaction((tx) => logSession(tx, scope, log(courseId, { scheduledAt: "2026-02-05T10:00", maxForce: "25" })));
    await db.transaction((tx) => logSession(tx, scope, log(courseId, { scheduledAt: "2026-02-10T10:00", status: "cancelled", maxForce: "", bodyWeight: "" })));
    await db.transaction((tx) => scheduleSession(tx, scope, scheduleSessionSchema.parse({ courseId, scheduledAt: "2026-02-12T09:30" })));

    const progress = await getCourseProgress(db, scope, courseId, new Date("2026-02-11T00:00:00Z"));
    expect(progress).toMatchObject({ plannedSessions: 4, completed: 2, cancelled: 1, scheduled: 1, percentComplete: 50, reassessmentDue: [50] });
    expect(progress.nextScheduledAt?.toISOString()).toBe("2026-02-12T09:30:00.000Z");
    // A signed assessment after the halfway session marks that reassessment done.
    await db.insert(assessments).values({
      clinicId: scope.clinicId,
      patientId: p.id,
      practitionerId: scope.userId,
      assessedAt: new Date("2026-02-06T09:00:00Z"),
      region: "lumbar",
      status: "signed",
    });
    expect((await getCourseProgress(db, scope, courseId)).reassessmentDue).toEqual([]);

    // The dashboard's day list (the production reader), for the practitioner, the admin's own caseload and another clinic
    const onDay = new Date("2026-02-12T12:00:00Z");
    const day = await listDashboardSessions(db, scope, "mine", await fetchClinicContext(db, scope, onDay));
    expect(day.today.rows.map((s) => [`${s.first_name} ${s.last_name}`, s.status])).toEqual([["Test Patient", "scheduled"]]);
    expect((await listDashboardSessions(db, a.admin.scope, "mine", await fetchClinicContext(db, a.admin.scope, onDay))).today.rows).toEqual([]);
    expect((await listDashboardSessions(db, b.admin.scope, "clinic", await fetchClinicContext(db, b.admin.scope, onDay))).week.rows).toEqual([]);
  });

  it("refuses bad session input with a field message and writes nothing", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const p = await patient(scope, [], { dateOfBirth: "2026-02-04" });
    const created = await create(scope, course(p.id, { startDate: "2026-02-04", maxForce: "" }));
    if (created.kind !== "created") throw new Error("expected a course");
    const courseId = created.id;
    const refused = (over: Record<string, string>) => sessionLogSchema.safeParse(rawLog(courseId, over));
    expect(refused({ maxForce: "-5", minForce: "" }).error?.issues.map((i) => i.path.join("."))).toEqual(["maxForce"]);
    expect(refused({ durationMin: "61" }).error?.issues[0]?.message).toBe("Session duration must be between 1 and 60 min");
    expect(refused({ holdSeconds: "601" }).error?.issues[0]?.path).toEqual(["holdSeconds"]);
    expect(refused({ nprsBefore: "11" }).error?.issues[0]?.path).toEqual(["nprsBefore"]);
    expect(courseFormSchema.safeParse({ ...course(p.id), plannedSessions: "0" }).success).toBe(false);

    await expect(db.transaction((tx) => logSession(tx, scope, log(courseId, { scheduledAt: "2026-02-05T10:00", bodyWeightOn: "2026-02-05", maxForce: "71" })))).rejects.toMatchObject({
      field: "maxForce",
      message: expect.stringContaining("more than body weight is refused"),
    });
    await expect(db.transaction((tx) => logSession(tx, scope, log(courseId, { scheduledAt: "2026-02-03T10:00" })))).rejects.toMatchObject({ field: "scheduledAt" });
    await expect(db.transaction((tx) => logSession(tx, scope, log(courseId, { scheduledAt: "2026-02-05T10:00", bodyWeightOn: "2026-01-20" })))).rejects.toMatchObject({
      field: "bodyWeightOn",
    });
    await expect(db.transaction((tx) => createCourse(tx, scope, course(p.id, { startDate: "2026-01-01" })))).rejects.toMatchObject({ field: "startDate" });
    const rows = await db.select().from(decompressionSessions).where(eq(decompressionSessions.courseId, courseId));
    expect(rows).toEqual([]);
  });

  it("a contraindication recorded mid-course stops the course before the next completed session", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const p = await patient(a.admin.scope, ["spinal-hardware"]);
    const created = await create(a.admin.scope, course(p.id, { overrideReason: "Surgeon cleared light traction in writing" }));
    if (created.kind !== "created") throw new Error("expected a course");
    const courseId = created.id;
    // The override covers the hardware, so sessions go ahead.
    expect((await db.transaction((tx) => logSession(tx, scope, log(courseId)))).kind).toBe("saved");

    await db.insert(patientFlags).values({ clinicId: scope.clinicId, patientId: p.id, code: "spinal-fracture", notedOn: "2026-02-04" });
    const sessionId = await db.transaction((tx) => scheduleSession(tx, scope, scheduleSessionSchema.parse({ courseId, scheduledAt: "2026-02-05T10:00" })));
    const result = await db.transaction((tx) => logSession(tx, scope, log(courseId, { sessionId, scheduledAt: "2026-02-05T10:00" })));
    expect(result).toMatchObject({ kind: "stopped", message: expect.stringContaining("Spinal fracture") });
    const stopped = await getCourse(db, scope, courseId);
    expect(stopped.status).toBe("stopped");
    expect(stopped.stoppedReason).toContain("Spinal fracture");
    const [session] = await db.select().from(decompressionSessions).where(eq(decompressionSessions.id, sessionId));
    expect(session?.status).toBe("scheduled");
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, courseId), eq(auditEvents.action, "update")));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.reason).toContain("Spinal fracture");
    await expect(db.transaction((tx) => logSession(tx, scope, log(courseId, { scheduledAt: "2026-02-06T10:00" })))).rejects.toThrow(/stopped/);
  });

  it("completes or stops a course, and keeps clinics apart", async () => {
    const db = getDb();
    const p = await patient(b.practitioner.scope);
    const created = await db.transaction((tx) => createCourse(tx, b.practitioner.scope, course(p.id)));
    if (created.kind !== "created") throw new Error("expected a course");
    const id = created.id;
    await expect(getCourse(db, a.admin.scope, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listCourses(db, a.admin.scope, p.id)).toEqual([]);
    await expect(getCourseProgress(db, a.admin.scope, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(db.transaction((tx) => createCourse(tx, a.admin.scope, course(p.id)))).rejects.toBeInstanceOf(NotFoundError);
    await expect(db.transaction((tx) => logSession(tx, a.admin.scope, log(id)))).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      db.transaction((tx) => scheduleSession(tx, a.admin.scope, scheduleSessionSchema.parse({ courseId: id, scheduledAt: "2026-02-05T10:00" }))),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      db.transaction((tx) => setCourseStatus(tx, a.admin.scope, courseStatusSchema.parse({ id, version: "1", status: "completed" }))),
    ).rejects.toBeInstanceOf(NotFoundError);

    expect(courseStatusSchema.safeParse({ id, version: "1", status: "stopped" }).success).toBe(false);
    await db.transaction((tx) => setCourseStatus(tx, b.practitioner.scope, courseStatusSchema.parse({ id, version: "1", status: "stopped", reason: "Moved away" })));
    expect(await getCourse(db, b.practitioner.scope, id)).toMatchObject({ status: "stopped", stoppedReason: "Moved away" });
  });
});

describeEachDatabase("decompression: demo seed", (getDb) => {
  let ctx: DemoContext;
  const now = new Date("2026-03-04T12:00:00Z");

  beforeAll(async () => {
    ctx = await seedDemo(getDb(), now);
  });

  const scopeFor = (clinicId: string, email?: string): Scope => demoScope(ctx, clinicId, email);
  const persona = (first: string, last: string) => findPersona(ctx, first, last);

  it("gives about a third of active patients a course; none to the patients screening blocks, one overridden by the admin", async () => {
    const db = getDb();
    const active = ctx.patients.filter((p) => !p.archived);
    const withCourse = [];
    for (const p of active) if ((await listCourses(db, scopeFor(p.clinicId), p.id)).length) withCourse.push(p);
    expect(withCourse.length / active.length).toBeGreaterThan(0.2);
    expect(withCourse.length / active.length).toBeLessThan(0.45);
    for (const [first, last] of [["Priya", "Chatterjee"], ["Declan", "Murphy"], ["Rosa", "Santos"]] as const) {
      const p = persona(first, last);
      expect(await listCourses(db, scopeFor(p.clinicId), p.id), `${first} ${last}`).toEqual([]);
    }
    const tomasz = persona("Tomasz", "Kowalski");
    const [course] = await listCourses(db, scopeFor(tomasz.clinicId), tomasz.id);
    const admin = ctx.clinics.find((c) => c.id === tomasz.clinicId)?.users.find((u) => u.role === "admin");
    expect(course).toMatchObject({ overrideBy: admin?.id, status: "active", screening: { outcome: "blocked", blocking: ["spinal-hardware"] } });
    expect(course?.overrideReason?.length).toBeGreaterThan(20);
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, course!.id), eq(auditEvents.action, "override")));
    expect(audit).toHaveLength(1);
  });

  it("logs realistic sessions: force from 30-35 % rising within the threshold, pain before and after; sessions today and this week", async () => {
    const db = getDb();
    const rows = await db
      .select({ session: decompressionSessions, region: decompressionCourses.region, courseId: decompressionCourses.id })
      .from(decompressionSessions)
      .innerJoin(decompressionCourses, eq(decompressionCourses.id, decompressionSessions.courseId));
    const completed = rows.filter((r) => r.session.status === "completed");
    expect(completed.length).toBeGreaterThan(50);
    for (const { session, region } of completed) {
      const pct = ((session.maxForceKg ?? 0) / (session.bodyWeightKg ?? 1)) * 100;
      expect(pct).toBeLessThanOrEqual(region === "lumbar" ? 50 : 10);
      expect(pct).toBeGreaterThanOrEqual(region === "lumbar" ? 29.5 : 6.5);
      expect(session.nprsBefore).not.toBeNull();
      expect(session.nprsAfter).not.toBeNull();
      expect(session.forceWarningConfirmed).toBe(false);
    }
    // Within each course the pull never falls from one session to the next.
    const byCourse = new Map<string, typeof completed>();
    for (const r of completed) byCourse.set(r.courseId, [...(byCourse.get(r.courseId) ?? []), r]);
    for (const list of byCourse.values()) {
      const forces = list.sort((a, b) => a.session.scheduledAt.getTime() - b.session.scheduledAt.getTime()).map((r) => r.session.maxForceKg ?? 0);
      expect(forces).toEqual([...forces].sort((a, b) => a - b));
    }
    const northside = ctx.clinics[0]!;
    const admin = scopeFor(northside.id, "admin@northside.test");
    const { today, week } = await listDashboardSessions(db, admin, "clinic", await fetchClinicContext(db, admin, now));
    expect(today.rows.length).toBeGreaterThanOrEqual(2);
    expect(week.rows.length).toBeGreaterThan(today.rows.length);
  });
});
