import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { appointments, auditEvents, clinicClosures, decompressionCourses, decompressionSessions, treatmentTables, workingHours } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { bookAppointment } from "@/lib/calendar/appointments";
import { bookCourse, TABLE_TAKEN } from "@/lib/calendar/course-booking";
import { appointmentSchema, bookCourseSchema, cancelSessionSchema, moveSessionSchema } from "@/lib/calendar/schemas";
import { sessionLogSchema } from "@/lib/decompression/schemas";
import { logSession } from "@/lib/decompression/session-mutations";
import { cancelSession, moveSession } from "@/lib/calendar/session-changes";
import { NotFoundError, RuleError } from "@/lib/errors";
import { instantToLocal } from "@/lib/time-zone";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";

type Clinic = Awaited<ReturnType<typeof createClinic>>;
const LONDON = "Europe/London";
// The day the tests book from: every slot below lies after it.
const T0 = new Date("2026-01-01T00:00:00Z");

describeEachDatabase("calendar bookings", (getDb, getConnection, target) => {
  let a: Clinic;
  let b: Clinic;
  let table1: string;
  let table2: string;
  let tableB: string;

  const addTable = async (clinicId: string, name: string) => {
    const [row] = await getDb().insert(treatmentTables).values({ clinicId, name }).returning();
    return row!.id;
  };
  /** A patient with an active course, started 2026-01-01 with the given practitioner. */
  const courseFor = async (scope: Scope, practitionerId = scope.userId, db: Database = getDb()) => {
    const p = await insertPatient(db, scope, { firstName: "Nora", lastName: "Quinn" });
    const [c] = await db
      .insert(decompressionCourses)
      .values({
        clinicId: scope.clinicId,
        patientId: p.id,
        practitionerId,
        region: "lumbar",
        targetLevel: "L4-L5",
        plannedSessions: 12,
        sessionsPerWeek: 3,
        startDate: "2026-01-01",
        initialParameters: { durationMin: 20 },
        screening: { outcome: "clear" },
      })
      .returning();
    return c!;
  };
  const bookInput = (courseId: string, tableId: string, over: Record<string, unknown> = {}) =>
    bookCourseSchema.parse({ courseId, fromDate: "2026-02-02", weekdays: ["1", "3", "5"], time: "10:00", treatmentTableId: tableId, count: "12", durationMin: "20", ...over });
  const sessionsOf = (courseId: string) =>
    getDb().select().from(decompressionSessions).where(eq(decompressionSessions.courseId, courseId)).orderBy(decompressionSessions.scheduledAt);

  beforeAll(async () => {
    a = await createClinic(getDb(), "Calendar A");
    b = await createClinic(getDb(), "Calendar B");
    table1 = await addTable(a.clinic.id, "Table 1");
    table2 = await addTable(a.clinic.id, "Table 2");
    tableB = await addTable(b.clinic.id, "Their table");
  });

  describe("the exclusion constraint", () => {
    const raw = async (courseId: string, patientId: string, tableId: string, from: string, to: string, status: "scheduled" | "cancelled" = "scheduled") =>
      getDb()
        .insert(decompressionSessions)
        .values({ clinicId: a.clinic.id, patientId, courseId, scheduledAt: new Date(from), endsAt: new Date(to), treatmentTableId: tableId, status })
        .returning();
    const code = (err: unknown) => (err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;

    it("refuses a second live session overlapping on one table, even written past the app", async () => {
      const c = await courseFor(a.practitioner.scope);
      await raw(c.id, c.patientId, table1, "2027-01-04T10:00:00Z", "2027-01-04T10:20:00Z");
      const err = await raw(c.id, c.patientId, table1, "2027-01-04T10:10:00Z", "2027-01-04T10:30:00Z").catch((e: unknown) => e);
      expect(code(err)).toBe("23P01");
    });

    it("lets touching slots, another table and cancelled sessions share the time", async () => {
      const c = await courseFor(a.practitioner.scope);
      await raw(c.id, c.patientId, table1, "2027-01-05T10:00:00Z", "2027-01-05T10:20:00Z");
      await expect(raw(c.id, c.patientId, table1, "2027-01-05T10:20:00Z", "2027-01-05T10:40:00Z")).resolves.toHaveLength(1);
      await expect(raw(c.id, c.patientId, table2, "2027-01-05T10:00:00Z", "2027-01-05T10:20:00Z")).resolves.toHaveLength(1);
      await expect(raw(c.id, c.patientId, table1, "2027-01-05T10:05:00Z", "2027-01-05T10:15:00Z", "cancelled")).resolves.toHaveLength(1);
    });

    it("refuses two overlapping appointments for one practitioner", async () => {
      const p = await insertPatient(getDb(), a.practitioner.scope);
      const values = { clinicId: a.clinic.id, patientId: p.id, practitionerId: a.admin.user.id, startsAt: new Date("2027-01-06T09:00:00Z"), endsAt: new Date("2027-01-06T10:00:00Z") };
      await getDb().insert(appointments).values(values);
      const err = await getDb()
        .insert(appointments)
        .values({ ...values, startsAt: new Date("2027-01-06T09:30:00Z"), endsAt: new Date("2027-01-06T10:30:00Z") })
        .catch((e: unknown) => e);
      expect(code(err)).toBe("23P01");
    });
  });

  describe("two staff booking one table slot at the same moment", () => {
    it("gives one booking and one clear refusal", async () => {
      // Two practitioners, two patients, one table, one slot.
      const first = await courseFor(a.practitioner.scope);
      const second = await courseFor(a.admin.scope);
      const one = bookInput(first.id, table1, { fromDate: "2026-06-01", weekdays: ["1"], count: "1" });
      const two = bookInput(second.id, table1, { fromDate: "2026-06-01", weekdays: ["1"], count: "1" });
      const conn = getConnection();

      if (target === "postgres") {
        // A real race on two connections: the first books and holds its transaction open;
        // the second, which cannot see the uncommitted booking, passes the app's check and
        // waits on the constraint; when the first commits, the database refuses the second.
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        let firstBooked!: () => void;
        const booked = new Promise<void>((r) => (firstBooked = r));
        const firstRun = conn.db.transaction(async (tx) => {
          const result = await bookCourse(tx, a.practitioner.scope, one, T0);
          firstBooked();
          await held;
          return result;
        });
        await booked;
        const secondRun = conn.db.transaction((tx) => bookCourse(tx, a.admin.scope, two, T0)).then(
          (r) => r,
          (e: unknown) => e,
        );
        for (let i = 0; i < 200; i++) {
          const [w] = await queryRows<{ n: number }>(conn.db, sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
          if ((w?.n ?? 0) > 0) break;
          await new Promise((r) => setTimeout(r, 25));
        }
        release();
        expect((await firstRun).kind).toBe("booked");
        const refused = await secondRun;
        expect(refused).toBeInstanceOf(RuleError);
        expect((refused as RuleError).message).toBe(TABLE_TAKEN);
      } else {
        // PGlite has one connection: transactions run one after the other, so the
        // second sees the first booking and is refused before it writes anything.
        const [r1, r2] = await Promise.all([
          conn.db.transaction((tx) => bookCourse(tx, a.practitioner.scope, one, T0)),
          conn.db.transaction((tx) => bookCourse(tx, a.admin.scope, two, T0)),
        ]);
        expect(r1.kind).toBe("booked");
        expect(r2.kind).toBe("preview");
        if (r2.kind === "preview") expect(r2.rows[0]!.problems.join(" ")).toContain("The table is booked then");
      }
      expect(await sessionsOf(first.id)).toHaveLength(1);
      expect(await sessionsOf(second.id)).toHaveLength(0);
    });
  });

  describe("booking a course in one step", () => {
    const book = (scope: Scope, input: ReturnType<typeof bookInput>) => getDb().transaction((tx) => bookCourse(tx, scope, input, T0));

    it("books twelve sessions Mon / Wed / Fri at 10:00 on the chosen table, audited", async () => {
      const c = await courseFor(a.practitioner.scope);
      const result = await book(a.practitioner.scope, bookInput(c.id, table2, { fromDate: "2026-09-07" }));
      expect(result).toMatchObject({ kind: "booked", count: 12 });
      const rows = await sessionsOf(c.id);
      expect(rows.map((s) => instantToLocal(s.scheduledAt, LONDON).slice(11))).toEqual(Array(12).fill("10:00"));
      expect(rows.every((s) => s.treatmentTableId === table2 && s.endsAt!.getTime() - s.scheduledAt.getTime() === 20 * 60_000)).toBe(true);
      const [course] = await getDb().select().from(decompressionCourses).where(eq(decompressionCourses.id, c.id));
      expect(course!.bookingPattern).toEqual({ weekdays: [1, 3, 5], time: "10:00", treatmentTableId: table2, durationMin: 20 });
      const audit = await getDb().select().from(auditEvents).where(and(eq(auditEvents.entityId, c.id), eq(auditEvents.entity, "decompression_session")));
      expect(audit[0]?.detail).toMatchObject({ booked: 12 });
    });

    it("keeps 10:00 on the wall clock across both daylight-saving changes", async () => {
      const spring = await courseFor(a.practitioner.scope);
      await book(a.practitioner.scope, bookInput(spring.id, table1, { fromDate: "2026-03-23", count: "6" }));
      const springRows = await sessionsOf(spring.id);
      expect(springRows.map((s) => s.scheduledAt.toISOString().slice(11, 16))).toEqual(["10:00", "10:00", "10:00", "09:00", "09:00", "09:00"]);
      const autumn = await courseFor(a.practitioner.scope);
      await book(a.practitioner.scope, bookInput(autumn.id, table1, { fromDate: "2026-10-19", count: "6" }));
      const autumnRows = await sessionsOf(autumn.id);
      expect(autumnRows.map((s) => s.scheduledAt.toISOString().slice(11, 16))).toEqual(["09:00", "09:00", "09:00", "10:00", "10:00", "10:00"]);
      expect(autumnRows.every((s) => instantToLocal(s.scheduledAt, LONDON).endsWith("T10:00"))).toBe(true);
    });

    it("shows every clash with an alternative and saves nothing, then books the alternatives on confirm", async () => {
      const scope = a.practitioner.scope;
      const c = await courseFor(scope);
      await getDb().insert(clinicClosures).values({ clinicId: a.clinic.id, closedOn: "2026-11-04", reason: "Staff training" });
      // Someone else holds table 1 on Friday 6 November at 10:00.
      const other = await courseFor(a.admin.scope);
      await book(a.admin.scope, bookInput(other.id, table1, { fromDate: "2026-11-06", weekdays: ["5"], count: "1" }));
      const first = await book(scope, bookInput(c.id, table1, { fromDate: "2026-11-02", count: "6" }));
      expect(first.kind).toBe("preview");
      if (first.kind !== "preview") return;
      const clashing = first.rows.filter((r) => r.problems.length > 0);
      expect(clashing.map((r) => r.problems[0])).toEqual(["The clinic is closed on 2026-11-04 (Staff training)", "The table is booked then: Nora Q. (session)"]);
      expect(clashing.every((r) => r.proposal && !r.proposal.startsWith("No free"))).toBe(true);
      expect(await sessionsOf(c.id)).toHaveLength(0);

      const stale = await book(scope, bookInput(c.id, table1, { fromDate: "2026-11-02", count: "6", useAlternatives: "on", planKey: "not-the-plan" }));
      expect(stale.kind).toBe("preview");
      expect(await sessionsOf(c.id)).toHaveLength(0);

      const confirmed = await book(scope, bookInput(c.id, table1, { fromDate: "2026-11-02", count: "6", useAlternatives: "on", planKey: first.planKey }));
      expect(confirmed).toMatchObject({ kind: "booked", count: 6 });
      const rows = await sessionsOf(c.id);
      expect(rows.some((s) => instantToLocal(s.scheduledAt, LONDON).startsWith("2026-11-04"))).toBe(false);
      // Friday's session went to the other table at the same time.
      expect(rows.find((s) => instantToLocal(s.scheduledAt, LONDON) === "2026-11-06T10:00")?.treatmentTableId).toBe(table2);
    });

    it("holds the practitioner's working hours", async () => {
      const scope = a.admin.scope;
      await getDb().insert(workingHours).values([1, 2, 3, 4, 5].map((weekday) => ({ clinicId: a.clinic.id, userId: scope.userId, weekday, startsAt: "12:00", endsAt: "18:00" })));
      const c = await courseFor(scope);
      const result = await book(scope, bookInput(c.id, table2, { fromDate: "2027-03-01", count: "3" }));
      expect(result.kind).toBe("preview");
      if (result.kind === "preview") {
        expect(result.rows.every((r) => r.problems[0]?.startsWith("Outside the practitioner's working hours (12:00-18:00)"))).toBe(true);
        expect(result.rows[0]!.proposal).toContain("12:00");
      }
      await getDb().delete(workingHours).where(eq(workingHours.userId, scope.userId));
    });

    it("answers another clinic's course or table as not found", async () => {
      const c = await courseFor(a.practitioner.scope);
      await expect(book(b.practitioner.scope, bookInput(c.id, tableB))).rejects.toBeInstanceOf(NotFoundError);
      await expect(book(a.practitioner.scope, bookInput(c.id, tableB))).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe("changing the day", () => {
    async function bookedCourse(fromDate: string, count = 3) {
      const c = await courseFor(a.practitioner.scope);
      await getDb().transaction((tx) => bookCourse(tx, a.practitioner.scope, bookInput(c.id, table1, { fromDate, count: String(count) }), T0));
      return { course: c, sessions: await sessionsOf(c.id) };
    }
    const cancel = (over: Record<string, unknown>) => getDb().transaction((tx) => cancelSession(tx, a.practitioner.scope, cancelSessionSchema.parse(over)));

    it("cancels with a reason and extends the course on its pattern", async () => {
      const { course, sessions } = await bookedCourse("2027-05-03");
      const result = await cancel({ sessionId: sessions[0]!.id, version: "1", outcome: "cancelled", reason: "Patient unwell", extend: "on" });
      const rows = await sessionsOf(course.id);
      expect(rows.filter((s) => s.status === "scheduled")).toHaveLength(3);
      expect(rows.find((s) => s.id === sessions[0]!.id)).toMatchObject({ status: "cancelled", cancelReason: "Patient unwell" });
      // The last was Friday 7 May: the replacement goes on Monday 10 May at 10:00.
      expect(result.replacement && instantToLocal(result.replacement, LONDON)).toBe("2027-05-10T10:00");
    });

    it("marks a no-show without extending when told not to", async () => {
      const { course, sessions } = await bookedCourse("2027-06-07");
      await cancel({ sessionId: sessions[1]!.id, version: "1", outcome: "missed" });
      const rows = await sessionsOf(course.id);
      expect(rows).toHaveLength(3);
      expect(rows[1]!.status).toBe("missed");
    });

    it("a no-show logged from the session log extends the course like the calendar's cancel, unless unticked", async () => {
      const logMissed = (courseId: string, sessionId: string, at: string, extend?: string) =>
        getDb().transaction((tx) =>
          logSession(tx, a.practitioner.scope, sessionLogSchema.parse({ courseId, sessionId, sessionVersion: "1", scheduledAt: at, status: "missed", ...(extend ? { extend } : {}) })),
        );
      const { course, sessions } = await bookedCourse("2027-08-02");
      const result = await logMissed(course.id, sessions[0]!.id, instantToLocal(sessions[0]!.scheduledAt, LONDON), "on");
      expect(result.kind === "saved" && result.replacement && instantToLocal(result.replacement, LONDON)).toBe("2027-08-09T10:00");
      const rows = await sessionsOf(course.id);
      expect(rows.find((s) => s.id === sessions[0]!.id)!.status).toBe("missed");
      expect(rows.filter((s) => s.status === "scheduled").map((s) => instantToLocal(s.scheduledAt, LONDON))).toEqual(["2027-08-04T10:00", "2027-08-06T10:00", "2027-08-09T10:00"]);
      const [audit] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.entityId, sessions[0]!.id), eq(auditEvents.entity, "decompression_session"))).orderBy(sql`${auditEvents.at} desc`).limit(1);
      expect(audit!.detail).toMatchObject({ status: "missed", extended: true });

      const { course: other, sessions: theirs } = await bookedCourse("2027-09-06");
      const kept = await logMissed(other.id, theirs[1]!.id, instantToLocal(theirs[1]!.scheduledAt, LONDON));
      expect(kept.kind === "saved" && kept.replacement).toBeNull();
      expect(await sessionsOf(other.id)).toHaveLength(3);
    });

    it("logging a booked session at another time keeps its length, and refuses a time its table holds", async () => {
      const { course, sessions } = await bookedCourse("2026-01-05", 2);
      const log = (at: string) =>
        getDb().transaction((tx) =>
          logSession(
            tx,
            a.practitioner.scope,
            sessionLogSchema.parse({
              courseId: course.id,
              sessionId: sessions[0]!.id,
              sessionVersion: "1",
              scheduledAt: at,
              status: "completed",
              position: "supine",
              bodyWeight: "70",
              bodyWeightUnit: "kg",
              bodyWeightOn: "2026-01-02",
              forceUnit: "kg",
              maxForce: "20",
              durationMin: "20",
              nprsBefore: "5",
            }),
          ),
        );
      // Wednesday 10:10 lies inside the course's own Wednesday session on the same table.
      await expect(log("2026-01-07T10:10")).rejects.toThrow(/table holds another booking/);
      await log("2026-01-05T11:00");
      const [row] = await getDb().select().from(decompressionSessions).where(eq(decompressionSessions.id, sessions[0]!.id));
      expect(row!.status).toBe("completed");
      expect(instantToLocal(row!.endsAt!, LONDON)).toBe("2026-01-05T11:20");
    });

    it("needs a reason to cancel", () => {
      expect(cancelSessionSchema.safeParse({ sessionId: crypto.randomUUID(), version: "1", outcome: "cancelled" }).success).toBe(false);
    });

    it("moves a session to a free slot and refuses one that clashes, naming a free one", async () => {
      const { sessions } = await bookedCourse("2027-07-05");
      const { sessions: others } = await bookedCourse("2027-07-12", 1);
      const move = (at: string, version: string) =>
        getDb().transaction((tx) => moveSession(tx, a.practitioner.scope, moveSessionSchema.parse({ sessionId: sessions[0]!.id, version, scheduledAt: at, treatmentTableId: table1 })));
      await expect(move(instantToLocal(others[0]!.scheduledAt, LONDON), "1")).rejects.toThrow(/table is booked then.*Free nearby/);
      await move("2027-07-06T11:00", "1");
      const [moved] = await getDb().select().from(decompressionSessions).where(eq(decompressionSessions.id, sessions[0]!.id));
      expect(instantToLocal(moved!.scheduledAt, LONDON)).toBe("2027-07-06T11:00");
      expect(moved!.endsAt!.getTime() - moved!.scheduledAt.getTime()).toBe(20 * 60_000);
      await expect(move("2027-07-06T12:00", "1")).rejects.toThrow(/changed by someone else/);
    });
  });

  describe("assessment appointments", () => {
    it("books a reassessment for a course and refuses one over the practitioner's session", async () => {
      const scope = a.practitioner.scope;
      const c = await courseFor(scope);
      await getDb().transaction((tx) => bookCourse(tx, scope, bookInput(c.id, table1, { fromDate: "2027-09-06", count: "1", weekdays: ["1"] }), T0));
      const input = (at: string) =>
        appointmentSchema.parse({ patientId: c.patientId, courseId: c.id, kind: "reassessment", practitionerId: scope.userId, startsAt: at, durationMin: "45" });
      await expect(getDb().transaction((tx) => bookAppointment(tx, scope, input("2027-09-06T09:30")))).rejects.toThrow(/practitioner is booked then/);
      await getDb().transaction((tx) => bookAppointment(tx, scope, input("2027-09-06T11:00")));
      const rows = await getDb().select().from(appointments).where(eq(appointments.courseId, c.id));
      expect(rows).toHaveLength(1);
      await expect(getDb().transaction((tx) => bookAppointment(tx, b.practitioner.scope, input("2027-09-07T11:00")))).rejects.toBeInstanceOf(NotFoundError);
    });
  });
});
