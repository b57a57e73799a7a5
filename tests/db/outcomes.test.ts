import { beforeAll, expect, it } from "vitest";
import { clinics } from "@/db/schema";
import { eq } from "drizzle-orm";
import { getClinicOutcomes, NO_PATTERN_KEY } from "@/lib/dashboard/clinic-outcomes";
import type { Database } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import type { OutcomePeriod } from "@/lib/dashboard/outcome-periods";
import type { DashboardView } from "@/lib/dashboard/view";
import { ensureClinicSummaries, markClinicSummariesStale } from "@/lib/summaries/refresh";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";
import { addCourse, addPattern, addPractitioner, addProgramme, addScores, daysBefore, isoDate } from "./dashboard-rows";

const NOW = new Date("2026-03-11T12:00:00Z");

/** The panel as the dashboard reads it: after the clinic's summary rows are known complete (the fixtures write the tables directly). */
async function outcomesOf(db: Database, scope: Scope, view: DashboardView, period: OutcomePeriod, now: Date) {
  await ensureClinicSummaries(db, scope);
  return getClinicOutcomes(db, scope, view, period, now);
}

describeEachDatabase("clinic outcomes", (getDb) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;
  let colleague: Awaited<ReturnType<typeof addPractitioner>>;

  beforeAll(async () => {
    const db = getDb();
    a = await createClinic(db, "Outcomes A");
    b = await createClinic(db, "Outcomes B");
    colleague = await addPractitioner(db, a.clinic.id, "Colleague");
    const me = a.practitioner.user.id;
    const patient = async (first: string, clinicId: string, practitionerId: string) => {
      const p = await insertPatient(db, { clinicId, userId: practitionerId, role: "practitioner", email: "x" }, { firstName: first, lastName: "Outcome", practitionerId });
      return { clinicId, patientId: p.id, practitionerId };
    };

    // Completed a programme a month ago; pain 8 -> 3; hip flexors / glutes confirmed.
    const dora = await patient("Dora", a.clinic.id, me);
    const doraFirst = await addScores(db, dora, daysBefore(NOW, 120), { nprs: 8 });
    await addScores(db, dora, daysBefore(NOW, 35), { nprs: 3 });
    await addPattern(db, dora, doraFirst, "hip-flexor-glute");
    await addProgramme(db, dora, { status: "completed", startDate: isoDate(daysBefore(NOW, 120)), updatedAt: daysBefore(NOW, 30) });

    // Completed a course two months ago; pain 6 -> 5 (ODI 40 -> 36): no meaningful change; no pattern.
    const dan = await patient("Dan", a.clinic.id, me);
    await addScores(db, dan, daysBefore(NOW, 100), { nprs: 6, odi: 40 });
    await addScores(db, dan, daysBefore(NOW, 60), { nprs: 5, odi: 36 });
    await addCourse(db, dan, { planned: 12, completed: 12, lastDaysAgo: 60, now: NOW, status: "completed", updatedAt: daysBefore(NOW, 60) });

    // Completed three years ago: outside every period offered.
    const olly = await patient("Olly", a.clinic.id, me);
    await addScores(db, olly, daysBefore(NOW, 1200), { nprs: 9 });
    await addScores(db, olly, daysBefore(NOW, 1100), { nprs: 1 });
    await addProgramme(db, olly, { status: "completed", startDate: isoDate(daysBefore(NOW, 1200)), updatedAt: daysBefore(NOW, 1100) });

    // Still on an active programme: not counted yet.
    const ann = await patient("Ann", a.clinic.id, me);
    await addScores(db, ann, daysBefore(NOW, 100), { nprs: 8 });
    await addScores(db, ann, daysBefore(NOW, 10), { nprs: 2 });
    await addProgramme(db, ann, { startDate: isoDate(daysBefore(NOW, 100)) });

    // The colleague's patient: ODI 50 -> 30 improves; core / extensors and hip flexors / glutes confirmed.
    const cole = await patient("Cole", a.clinic.id, colleague.user.id);
    const coleFirst = await addScores(db, cole, daysBefore(NOW, 90), { nprs: 5, odi: 50 });
    await addScores(db, cole, daysBefore(NOW, 20), { nprs: 5, odi: 30 });
    await addPattern(db, cole, coleFirst, "core-extensor");
    await addPattern(db, cole, coleFirst, "hip-flexor-glute");
    await addProgramme(db, cole, { status: "completed", startDate: isoDate(daysBefore(NOW, 90)), updatedAt: daysBefore(NOW, 15) });

    // Clinic B: a completed, improved patient who must never be counted in A.
    const other = await patient("Other", b.clinic.id, b.practitioner.user.id);
    await addScores(db, other, daysBefore(NOW, 90), { nprs: 9 });
    await addScores(db, other, daysBefore(NOW, 20), { nprs: 1 });
    await addProgramme(db, other, { status: "completed", startDate: isoDate(daysBefore(NOW, 90)), updatedAt: daysBefore(NOW, 15) });
  });

  it("counts the practitioner's completed patients who reached meaningful improvement, by pattern", async () => {
    const out = await outcomesOf(getDb(), a.practitioner.scope, "mine", "1y", NOW);
    expect(out).toMatchObject({ total: 2, improved: 1 });
    expect(out.byPractitioner).toEqual([{ key: a.practitioner.user.id, label: a.practitioner.user.name, patients: 2, improved: 1 }]);
    expect(Object.fromEntries(out.byPattern.map((g) => [g.key, [g.patients, g.improved]]))).toEqual({ "hip-flexor-glute": [1, 1], [NO_PATTERN_KEY]: [1, 0] });
  });

  it("covers the whole clinic for the clinic view, a patient counting under each of their patterns", async () => {
    const out = await outcomesOf(getDb(), a.admin.scope, "clinic", "1y", NOW);
    expect(out).toMatchObject({ total: 3, improved: 2 });
    expect(Object.fromEntries(out.byPractitioner.map((g) => [g.label, [g.patients, g.improved]]))).toEqual({
      [a.practitioner.user.name]: [2, 1],
      Colleague: [1, 1],
    });
    expect(Object.fromEntries(out.byPattern.map((g) => [g.key, [g.patients, g.improved]]))).toEqual({
      "hip-flexor-glute": [2, 2],
      "core-extensor": [1, 1],
      [NO_PATTERN_KEY]: [1, 0],
    });
  });

  it("follows the chosen period", async () => {
    const threeMonths = await outcomesOf(getDb(), a.admin.scope, "clinic", "3m", NOW);
    expect(threeMonths.total).toBe(3);
    const db = getDb();
    const later = await outcomesOf(db, a.admin.scope, "clinic", "3m", new Date(NOW.getTime() + 40 * 24 * 3600 * 1000));
    // 40 days later Dan's completion (then 100 days back) falls out of the 3-month window.
    expect(later.total).toBe(2);
  });

  it("applies the clinic's own meaningful-change rule", async () => {
    const db = getDb();
    await db.update(clinics).set({ mcidOverrides: { nprs: { mode: "flat", absolute: 6, percent: null, source: "Test clinic policy" } } }).where(eq(clinics.id, a.clinic.id));
    // Written directly, so marked stale by hand (saveMcidOverride does both in its transaction).
    await markClinicSummariesStale(db, a.practitioner.scope);
    const out = await outcomesOf(db, a.practitioner.scope, "mine", "1y", NOW);
    // Pain 8 -> 3 is 5 points, below the clinic's 6: Dora no longer counts as improved.
    expect(out).toMatchObject({ total: 2, improved: 0 });
  });

  it("never counts another clinic's patients", async () => {
    const out = await outcomesOf(getDb(), b.admin.scope, "clinic", "1y", NOW);
    expect(out).toMatchObject({ total: 1, improved: 1 });
    expect(out.byPractitioner.map((g) => g.key)).toEqual([b.practitioner.user.id]);
  });
});
