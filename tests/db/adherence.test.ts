import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { adherenceEntries, auditEvents } from "@/db/schema";
import { recordAdherence } from "@/lib/adherence/mutations";
import { getWeeklyAdherence } from "@/lib/adherence/queries";
import { adherenceFormSchema } from "@/lib/adherence/schemas";
import { NotFoundError } from "@/lib/errors";
import { saveProgramme } from "@/lib/programmes/mutations";
import { programmeFormSchema } from "@/lib/programmes/schemas";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";

const NOW = new Date("2026-03-04T12:00:00Z"); // a Wednesday

describeEachDatabase("adherence", (getDb) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;

  beforeAll(async () => {
    a = await createClinic(getDb(), "Clinic A");
    b = await createClinic(getDb(), "Clinic B");
  });

  async function patientWithProgramme(scope: typeof a.practitioner.scope, dateOfBirth = "1980-05-01") {
    const db = getDb();
    const patient = await insertPatient(db, scope, { dateOfBirth });
    const programmeId = await db.transaction((tx) =>
      saveProgramme(
        tx,
        scope,
        programmeFormSchema.parse({
          patientId: patient.id,
          startDate: "2026-02-09",
          items: [{ ref: "built-in:glute-bridge", sets: 3, reps: 10, timesPerDay: 1, daysPerWeek: 3 }],
        }),
      ),
    );
    return { patient, programmeId };
  }

  const entry = (patientId: string, programmeId: string, over: Record<string, string> = {}) =>
    adherenceFormSchema.parse({ patientId, programmeId, weekStart: "2026-02-23", sessionsDone: "2", sessionsPrescribed: "3", painDuring: "3", note: "", ...over });

  it("records weeks and reports weekly adherence %, oldest first, audited", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const { patient, programmeId } = await patientWithProgramme(scope);
    // Any day of the week stands for its Monday.
    const id = await db.transaction((tx) => recordAdherence(tx, scope, entry(patient.id, programmeId, { weekStart: "2026-02-26" }), NOW));
    await db.transaction((tx) => recordAdherence(tx, scope, entry(patient.id, programmeId, { weekStart: "2026-02-16", sessionsDone: "3", painDuring: "" }), NOW));
    await db.transaction((tx) => recordAdherence(tx, scope, entry(patient.id, programmeId, { weekStart: "2026-03-02", sessionsDone: "1", note: "Busy week" }), NOW));
    const weeks = await getWeeklyAdherence(db, scope, patient.id);
    expect(weeks.map((w) => [w.weekStart, Math.round(w.percent ?? -1), w.low, w.painDuring])).toEqual([
      ["2026-02-16", 100, false, null],
      ["2026-02-23", 67, false, 3],
      ["2026-03-02", 33, true, 3],
    ]);
    expect(weeks[2]?.note).toBe("Busy week");
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events.map((e) => [e.action, e.patientId])).toEqual([["create", patient.id]]);
  });

  it("refuses a repeated week, a future week, a week before the programme or before birth; nothing is written", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const { patient, programmeId } = await patientWithProgramme(scope);
    await db.transaction((tx) => recordAdherence(tx, scope, entry(patient.id, programmeId), NOW));
    const refuse = (over: Record<string, string>, field: string) =>
      expect(db.transaction((tx) => recordAdherence(tx, scope, entry(patient.id, programmeId, over), NOW))).rejects.toMatchObject({ field });
    await refuse({}, "weekStart");
    await refuse({ weekStart: "2026-03-09" }, "weekStart");
    await refuse({ weekStart: "2026-01-26" }, "weekStart");
    const baby = await patientWithProgramme(scope, "2026-02-05");
    await expect(
      db.transaction((tx) => recordAdherence(tx, scope, entry(baby.patient.id, baby.programmeId, { weekStart: "2026-01-26" }), NOW)),
    ).rejects.toMatchObject({ field: "weekStart", message: expect.stringContaining("date of birth") });
    expect(adherenceFormSchema.safeParse({ ...entry(patient.id, programmeId), sessionsDone: "-1" }).success).toBe(false);
    expect(adherenceFormSchema.safeParse({ patientId: patient.id, programmeId, weekStart: "2026-02-23", sessionsDone: "1", sessionsPrescribed: "3", painDuring: "11" }).success).toBe(false);
    const rows = await db.select().from(adherenceEntries).where(eq(adherenceEntries.patientId, patient.id));
    expect(rows).toHaveLength(1);
  });

  it("keeps clinics apart", async () => {
    const db = getDb();
    const { patient, programmeId } = await patientWithProgramme(b.practitioner.scope);
    await db.transaction((tx) => recordAdherence(tx, b.practitioner.scope, entry(patient.id, programmeId), NOW));
    expect(await getWeeklyAdherence(db, a.admin.scope, patient.id)).toEqual([]);
    await expect(db.transaction((tx) => recordAdherence(tx, a.admin.scope, entry(patient.id, programmeId, { weekStart: "2026-03-02" }), NOW))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // A programme of another patient cannot take this patient's entry.
    const own = await insertPatient(db, a.practitioner.scope);
    await expect(db.transaction((tx) => recordAdherence(tx, a.practitioner.scope, entry(own.id, programmeId), NOW))).rejects.toBeInstanceOf(NotFoundError);
  });
});
