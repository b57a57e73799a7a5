import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { adherenceEntries, bodyWeights, decompressionCourses, decompressionSessions, programmes } from "@/db/schema";
import { createCourse } from "@/lib/decompression/course-mutations";
import { courseFormSchema } from "@/lib/decompression/schemas";
import { RuleError } from "@/lib/errors";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";

const courseInput = (patientId: string) =>
  courseFormSchema.parse({
    patientId,
    region: "lumbar",
    targetLevel: "L4-L5",
    plannedSessions: "12",
    sessionsPerWeek: "3",
    startDate: "2026-02-02",
    position: "supine",
    durationMin: "20",
  });

/** The SQLSTATE of a refused write, wherever the driver put it. */
async function codeOf(write: Promise<unknown>): Promise<string | undefined> {
  try {
    await write;
    return undefined;
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    return e.code ?? e.cause?.code;
  }
}

describeEachDatabase("rules the database enforces", (getDb) => {
  let clinic: Awaited<ReturnType<typeof createClinic>>;
  beforeAll(async () => {
    clinic = await createClinic(getDb(), "Rules");
  });

  it("accepts one of 10 concurrent course creations for a patient and region and refuses 9 clearly", async () => {
    const db = getDb();
    const patient = await insertPatient(db, clinic.practitioner.scope);
    const input = courseInput(patient.id);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => db.transaction((tx) => createCourse(tx, clinic.practitioner.scope, input))),
    );
    const accepted = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(9);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(RuleError);
      expect(reason).toMatchObject({ field: "region", message: expect.stringMatching(/already has an active lumbar course/) });
    }
    const active = await db
      .select({ id: decompressionCourses.id })
      .from(decompressionCourses)
      .where(and(eq(decompressionCourses.patientId, patient.id), eq(decompressionCourses.status, "active")));
    expect(active).toHaveLength(1);
  });

  it("still allows a cervical course beside an active lumbar one, and a new lumbar one once the old is stopped", async () => {
    const db = getDb();
    const patient = await insertPatient(db, clinic.practitioner.scope);
    const create = (region: "lumbar" | "cervical") =>
      db.transaction((tx) => createCourse(tx, clinic.practitioner.scope, { ...courseInput(patient.id), region, targetLevel: region === "lumbar" ? "L4-L5" : "C5-C6" }));
    await create("lumbar");
    await expect(create("cervical")).resolves.toMatchObject({ kind: "created" });
    await db.update(decompressionCourses).set({ status: "stopped" }).where(and(eq(decompressionCourses.patientId, patient.id), eq(decompressionCourses.region, "lumbar")));
    await expect(create("lumbar")).resolves.toMatchObject({ kind: "created" });
  });

  it("refuses impossible values written past the forms: pain outside 0-10, negative forces and durations", async () => {
    const db = getDb();
    const scope = clinic.practitioner.scope;
    const patient = await insertPatient(db, scope);
    await db.insert(bodyWeights).values({ clinicId: scope.clinicId, patientId: patient.id, kg: 70, measuredOn: "2026-01-20" });
    const created = await db.transaction((tx) => createCourse(tx, scope, courseInput(patient.id)));
    if (created.kind !== "created") throw new Error("expected a course");
    const session = (over: Partial<typeof decompressionSessions.$inferInsert>) =>
      db.insert(decompressionSessions).values({ clinicId: scope.clinicId, patientId: patient.id, courseId: created.id, scheduledAt: new Date(), ...over });

    expect(await codeOf(session({ nprsBefore: 11 }))).toBe("23514");
    expect(await codeOf(session({ nprsAfter: -1 }))).toBe("23514");
    expect(await codeOf(session({ maxForceKg: -5 }))).toBe("23514");
    expect(await codeOf(session({ maxForceKg: 10, minForceKg: 20 }))).toBe("23514");
    expect(await codeOf(session({ durationMin: -1 }))).toBe("23514");
    expect(await codeOf(session({ holdSeconds: -1 }))).toBe("23514");
    expect(await codeOf(session({ nprsBefore: 10, nprsAfter: 0, maxForceKg: 20, minForceKg: 10, durationMin: 20 }))).toBeUndefined();

    const [programme] = await db
      .insert(programmes)
      .values({ clinicId: scope.clinicId, patientId: patient.id, practitionerId: scope.userId, startDate: "2026-02-02" })
      .returning();
    if (!programme) throw new Error("no programme");
    const adherence = (over: Partial<typeof adherenceEntries.$inferInsert>) =>
      db.insert(adherenceEntries).values({ clinicId: scope.clinicId, patientId: patient.id, programmeId: programme.id, weekStart: "2026-02-02", sessionsDone: 3, sessionsPrescribed: 7, ...over });
    expect(await codeOf(adherence({ painDuring: 11 }))).toBe("23514");
    expect(await codeOf(adherence({ sessionsDone: -1 }))).toBe("23514");
    expect(await codeOf(adherence({ painDuring: 0 }))).toBeUndefined();
  });
});
