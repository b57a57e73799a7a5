import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import { decompressionCourses, programmeItems } from "@/db/schema";
import type { Database } from "@/db/client";
import { buildBenchmarksCsv } from "@/lib/benchmarks/csv";
import { formatRule, type BenchmarkGroup, type ClinicBenchmarks } from "@/lib/benchmarks/build";
import { getClinicBenchmarks } from "@/lib/benchmarks/load";
import { getBuiltInExercise } from "@/lib/clinical/exercise-catalogue";
import { getClinicOutcomes } from "@/lib/dashboard/clinic-outcomes";
import { createClinic, insertPatient } from "./fixtures";
import { addAssessment, addCourse, addPattern, addPractitioner, addProgramme, addScores, daysBefore, isoDate } from "./dashboard-rows";
import { describeEachDatabase } from "./harness";

const NOW = new Date("2026-06-01T12:00:00Z");
const name = (slug: string) => getBuiltInExercise(slug)!.name;
const SQUAT_BRIDGE = [name("bodyweight-squat"), name("glute-bridge")].sort((a, b) => a.localeCompare(b)).join(", ");
const PROTOCOL = "Lumbar, 12 sessions, 3 a week, supine";

type Who = { clinicId: string; patientId: string; practitionerId: string };

async function completedProgramme(db: Database, p: Who, daysAgo: number, slugs: string[]) {
  const id = await addProgramme(db, p, { status: "completed", startDate: isoDate(daysBefore(NOW, daysAgo + 60)), updatedAt: daysBefore(NOW, daysAgo) });
  if (slugs.length > 0) {
    await db.insert(programmeItems).values(slugs.map((slug, i) => ({ clinicId: p.clinicId, programmeId: id, position: i + 1, builtInSlug: slug, sets: 2, reps: 10, timesPerDay: 1, daysPerWeek: 5 })));
  }
}

async function completedCourse(db: Database, p: Who, daysAgo: number) {
  const id = await addCourse(db, p, { planned: 12, completed: 0, lastDaysAgo: daysAgo, now: NOW, status: "completed", updatedAt: daysBefore(NOW, daysAgo) });
  await db.update(decompressionCourses).set({ initialParameters: { position: "supine" } }).where(eq(decompressionCourses.id, id));
}

const groupOf = (b: ClinicBenchmarks, dimension: string, label: string): BenchmarkGroup => {
  const g = b.dimensions.find((d) => d.key === dimension)?.groups.find((x) => x.label === label);
  if (!g) throw new Error(`no group ${label} in ${dimension}`);
  return g;
};
const rates = (g: BenchmarkGroup) => ({ patients: g.patients, pain: [g.pain.responders, g.pain.eligible], main: [g.main.responders, g.main.eligible] });

describeEachDatabase("clinic outcome benchmarks", (getDb) => {
  let b: ClinicBenchmarks;
  let clinic: Awaited<ReturnType<typeof createClinic>>;
  let second: Awaited<ReturnType<typeof addPractitioner>>;

  beforeAll(async () => {
    const db = getDb();
    clinic = await createClinic(db, "Benchmarks");
    second = await addPractitioner(db, clinic.clinic.id, "Second practitioner");
    const p1 = clinic.practitioner.user.id;
    const p2 = second.user.id;
    const who = async (first: string, practitionerId: string): Promise<Who> => {
      const p = await insertPatient(db, clinic.admin.scope, { firstName: first, practitionerId });
      return { clinicId: clinic.clinic.id, patientId: p.id, practitionerId };
    };
    // Anna: NPRS 8 -> 4 (band 8-10: 3 points, responder), ODI 40 -> 20 (10 points, responder); programme squat + bridge
    const anna = await who("Anna", p1);
    const annaFirst = await addScores(db, anna, daysBefore(NOW, 100), { nprs: 8, odi: 40 });
    await addScores(db, anna, daysBefore(NOW, 30), { nprs: 4, odi: 20 });
    await addPattern(db, anna, annaFirst, "hip-flexor-glute");
    await completedProgramme(db, anna, 30, ["glute-bridge", "bodyweight-squat"]);
    // Ben: NPRS 6 -> 5 (band 5-7 needs 2), ODI 30 -> 28 (needs 9): no responder; course; last scores 40 days before discharge
    const ben = await who("Ben", p1);
    const benFirst = await addScores(db, ben, daysBefore(NOW, 90), { nprs: 6, odi: 30 });
    await addScores(db, ben, daysBefore(NOW, 60), { nprs: 5, odi: 28 });
    await addPattern(db, ben, benFirst, "hip-flexor-glute");
    await completedCourse(db, ben, 20);
    // Cara: one NPRS (not eligible on pain), PSFS 3 -> 7 (2 points, responder); course and programme squat + bridge
    const cara = await who("Cara", p2);
    await addScores(db, cara, daysBefore(NOW, 50), { nprs: 7, psfs: 3 });
    await addScores(db, cara, daysBefore(NOW, 12), { psfs: 7 });
    await completedCourse(db, cara, 10);
    await completedProgramme(db, cara, 10, ["bodyweight-squat", "glute-bridge"]);
    // Dan: completed a programme, nothing signed (a draft only): in the population, eligible for nothing
    const dan = await who("Dan", p2);
    await addAssessment(db, dan, daysBefore(NOW, 40), "draft");
    await completedProgramme(db, dan, 5, ["dead-bug"]);
    // Eve: improving but her programme is still active; Frank: completed two years ago. Neither is in the period's population
    const eve = await who("Eve", p1);
    await addScores(db, eve, daysBefore(NOW, 60), { nprs: 9, odi: 60 });
    await addScores(db, eve, daysBefore(NOW, 10), { nprs: 1, odi: 10 });
    await addProgramme(db, eve, { status: "active", startDate: isoDate(daysBefore(NOW, 60)) });
    const frank = await who("Frank", p1);
    await addScores(db, frank, daysBefore(NOW, 600), { nprs: 9 });
    await addScores(db, frank, daysBefore(NOW, 500), { nprs: 1 });
    await completedProgramme(db, frank, 500, ["dead-bug"]);
    // Another clinic's responder never counts here
    const other = await createClinic(db, "Elsewhere");
    const gail = await insertPatient(db, other.admin.scope, { firstName: "Gail", practitionerId: other.practitioner.user.id });
    const g = { clinicId: other.clinic.id, patientId: gail.id, practitionerId: other.practitioner.user.id };
    await addScores(db, g, daysBefore(NOW, 60), { nprs: 9, odi: 60 });
    await addScores(db, g, daysBefore(NOW, 10), { nprs: 1, odi: 10 });
    await completedProgramme(db, g, 10, ["dead-bug"]);

    b = await getClinicBenchmarks(db, clinic.admin.scope, "1y", NOW);
  });

  describe("responder rates, computed by hand", () => {
    it("over the clinic: pain 1 of 2 eligible, main questionnaire 2 of 3, four patients", () => {
      expect(rates(b.overall)).toEqual({ patients: 4, pain: [1, 2], main: [2, 3] });
    });

    it("by practitioner", () => {
      expect(rates(groupOf(b, "practitioner", clinic.practitioner.user.name))).toEqual({ patients: 2, pain: [1, 2], main: [1, 2] });
      expect(rates(groupOf(b, "practitioner", "Second practitioner"))).toEqual({ patients: 2, pain: [0, 0], main: [1, 1] });
    });

    it("by imbalance pattern", () => {
      const hip = b.dimensions.find((d) => d.key === "pattern")!.groups.find((g) => g.key === "hip-flexor-glute")!;
      expect(rates(hip)).toEqual({ patients: 2, pain: [1, 2], main: [1, 2] });
      expect(rates(groupOf(b, "pattern", "No pattern confirmed"))).toEqual({ patients: 2, pain: [0, 0], main: [1, 1] });
    });

    it("by home programme, the same exercises in any order being one programme", () => {
      expect(rates(groupOf(b, "programme", SQUAT_BRIDGE))).toEqual({ patients: 2, pain: [1, 1], main: [2, 2] });
      expect(rates(groupOf(b, "programme", name("dead-bug")))).toEqual({ patients: 1, pain: [0, 0], main: [0, 0] });
      expect(rates(groupOf(b, "programme", "No home programme completed"))).toEqual({ patients: 1, pain: [0, 1], main: [0, 1] });
    });

    it("by decompression protocol", () => {
      expect(rates(groupOf(b, "protocol", PROTOCOL))).toEqual({ patients: 2, pain: [0, 1], main: [1, 2] });
      expect(rates(groupOf(b, "protocol", "No decompression course completed"))).toEqual({ patients: 2, pain: [1, 1], main: [1, 1] });
    });

    it("names the rule of every verdict counted: the NPRS band rule with its source, and the ODI and PSFS rules", () => {
      // Baselines 8 (Anna) and 6 (Ben) fall in two bands of the NPRS rule: two thresholds, one source
      expect(b.overall.pain.rules.map(formatRule)).toEqual([expect.stringMatching(/^NPRS: 2 points \(Thieme/), expect.stringMatching(/^NPRS: 3 points \(Thieme/)]);
      expect(b.overall.main.rules.map(formatRule)).toEqual([expect.stringMatching(/^ODI 1\.0 and 2\.1a: 10 percentage points or 30 % .*Ostelo 2008/), "PSFS: 2 points (Abbott 2014 [S])"]);
      expect(groupOf(b, "practitioner", "Second practitioner").main.rules.map(formatRule)).toEqual(["PSFS: 2 points (Abbott 2014 [S])"]);
    });
  });

  it("counts who was measured at intake and at discharge: pain 1 of 4, PSFS 1 of 4, any function questionnaire 2 of 4", () => {
    const figure = (key: string) => b.indicators.find((i) => i.key === key)!;
    expect([figure("pain-nprs").measured, figure("pain-nprs").eligible]).toEqual([1, 4]);
    expect([figure("function-psfs").measured, figure("function-psfs").eligible]).toEqual([1, 4]);
    expect([figure("function-any").measured, figure("function-any").eligible]).toEqual([2, 4]);
    expect(figure("pain-nprs").source).toContain("doi 10.1093/ptj/pzab118");
  });

  it("holds the same population as the dashboard's clinic-outcomes panel", async () => {
    const panel = await getClinicOutcomes(getDb(), clinic.admin.scope, "clinic", "1y", NOW);
    expect(panel.total).toBe(b.overall.patients);
  });

  it("exports the same figures as CSV, one row per figure, with counts, percent and rule", () => {
    const rows = Papa.parse<Record<string, string>>(buildBenchmarksCsv(b), { header: true, skipEmptyLines: true }).data;
    const row = (section: string, group: string, figure: string) => rows.find((r) => r.section === section && r.group === group && r.figure === figure);
    expect(row("All patients", "All patients", "Main questionnaire responders")).toMatchObject({ numerator: "2", denominator: "3", percent: "67 %" });
    expect(row("By decompression protocol", PROTOCOL, "Pain (NPRS) responders")).toMatchObject({ numerator: "0", denominator: "1", percent: "0 %" });
    expect(row("By practitioner", "Second practitioner", "Pain (NPRS) responders")).toMatchObject({ numerator: "0", denominator: "0", percent: "" });
    expect(row("Measured at intake and discharge", "All patients", "Pain (NPRS) measured at intake and at discharge")).toMatchObject({ numerator: "1", denominator: "4", percent: "25 %" });
  });

  it("shows an empty clinic as empty, not as zero rates", async () => {
    const empty = await createClinic(getDb(), "Empty");
    const out = await getClinicBenchmarks(getDb(), empty.admin.scope, "1y", NOW);
    expect(out.overall.patients).toBe(0);
    expect(out.dimensions.every((d) => d.groups.length === 0)).toBe(true);
  });
});
