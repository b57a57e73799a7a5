import Papa from "papaparse";
import { beforeAll, expect, it } from "vitest";
import { getPatientOutcomeSummary } from "@/lib/assessments/queries";
import { loadDashboard } from "@/lib/dashboard/load";
import { getClinicOutcomes } from "@/lib/dashboard/clinic-outcomes";
import { ensureClinicSummaries, markClinicSummariesStale } from "@/lib/summaries/refresh";
import { clinics } from "@/db/schema";
import { eq } from "drizzle-orm";
import { getPatientOutcome } from "@/lib/outcomes/patient";
import { buildSeriesCsv } from "@/lib/progress/csv";
import { loadProgress } from "@/lib/progress/load";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";
import { addProgramme, addScores, daysBefore, isoDate } from "./dashboard-rows";

const NOW = new Date("2026-03-11T12:00:00Z");

/**
 * One patient scored on the 24-item RMDQ, then on the 18-item one. Compared
 * across versions (first 16 -> latest 10) the change would look like a
 * 6-point improvement; within each version it is 1 point (no meaningful
 * change). Every consumer calls the production function and must give the
 * outcome model's answer: the 18-item series, judged by its own rule.
 */
describeEachDatabase("one outcome model: RMDQ-24 then RMDQ-18", (getDb) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let patientId: string;

  beforeAll(async () => {
    const db = getDb();
    a = await createClinic(db, "Versions clinic");
    const p = await insertPatient(db, a.practitioner.scope, { firstName: "Rita", lastName: "Versions", sex: "female", practitionerId: a.practitioner.user.id });
    patientId = p.id;
    const ctx = { clinicId: a.clinic.id, patientId, practitionerId: a.practitioner.user.id };
    await addScores(db, ctx, daysBefore(NOW, 120), { nprs: 6, rmdq: 16 });
    await addScores(db, ctx, daysBefore(NOW, 90), { nprs: 6, rmdq: 15 });
    await addScores(db, ctx, daysBefore(NOW, 60), { nprs: 6, rmdq: 11 }, "signed", { rmdq: "18" });
    await addScores(db, ctx, daysBefore(NOW, 10), { nprs: 6, rmdq: 10 }, "signed", { rmdq: "18" });
    // A programme completed last month puts her in the dashboard's outcomes card too
    await addProgramme(db, ctx, { status: "completed", startDate: isoDate(daysBefore(NOW, 130)), updatedAt: daysBefore(NOW, 20) });
  });

  const expected = { kind: "no-meaningful-change", delta: -1, rule: { key: "rmdq-18", threshold: "3.75 points or 30 % of the baseline score" } };

  it("the model itself: two series, each from its own baseline, the 18-item verdict", async () => {
    const { outcome } = await getPatientOutcome(getDb(), a.practitioner.scope, patientId);
    const rmdq = outcome.main!;
    expect(rmdq.instrument).toBe("rmdq");
    expect(rmdq.series.map((s) => [s.version, s.baseline.score, s.latest.score])).toEqual([["24", 16, 15], ["18", 11, 10]]);
    expect(rmdq.current.change).toMatchObject(expected);
    expect(rmdq.versionNote).toContain("compared only within one version");
    expect(outcome.improved).toBe(false);
  });

  it("agrees on the patient page (assessments card and progress card), the charts, the CSV and the dashboard", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const { outcome } = await getPatientOutcome(db, scope, patientId);
    const verdict = outcome.main!.current.change;

    // Patient page, assessments card
    const summary = await getPatientOutcomeSummary(db, scope, patientId);
    expect(summary.outcome.instruments.find((o) => o.instrument === "rmdq")?.current.change).toEqual(verdict);

    // Progress charts: one line per version, the 18-item verdict, the note
    const progress = await loadProgress(db, scope, { id: patientId, sex: "female" }, "all", NOW);
    const chart = progress.charts.find((c) => c.id === "rmdq")!;
    expect(chart.series.map((s) => [s.key, s.v])).toEqual([["v-24", [16, 15]], ["v-18", [11, 10]]]);
    expect(chart.baselines.map((b) => b.value)).toEqual([16, 11]);
    expect(chart.change).toMatchObject({ kind: verdict?.kind });
    expect(chart.change?.text).toContain("18-item RMDQ: 11 → 10");
    expect(chart.notes).toContain(outcome.main!.versionNote);

    // CSV: each score against its own version's baseline, with the verdict and rule
    const csv = Papa.parse<Record<string, string>>(await buildSeriesCsv(db, scope, patientId, { kind: "instrument", instrument: "rmdq" }, "all", "Europe/London", NOW), { header: true }).data;
    expect(csv.map((r) => [r.version, r.score, r.version_baseline, r.verdict])).toEqual([
      ["24", "16", "16", "baseline"],
      ["24", "15", "16", "no-meaningful-change"],
      ["18", "11", "11", "baseline"],
      ["18", "10", "11", verdict?.kind],
    ]);
    expect(csv.at(-1)?.rule).toContain("RMDQ, 18 items: 3.75 points");

    // Dashboard: "not improving" (16 -> 10 across versions would have hidden her) and the outcomes card
    const dashboard = await loadDashboard(db, scope, { view: "mine", period: "1y", now: NOW });
    const row = dashboard.notImproving.rows.find((r) => r.patientId === patientId);
    expect(row?.outcome.main?.current.change).toEqual(verdict);
    expect(dashboard.outcomes).toMatchObject({ total: 1, improved: 0 });
    expect(await getClinicOutcomes(db, scope, "mine", "1y", NOW)).toMatchObject({ total: 1, improved: 0 });
  });

  it("agrees again under a clinic rule for the 18-item version", async () => {
    const db = getDb();
    const scope = a.practitioner.scope;
    const { outcome } = await getPatientOutcome(db, scope, patientId);
    expect(outcome.main?.current.change?.kind).toBe("no-meaningful-change");
    // The panel reads the verdict stored under the clinic's own rules: save the rule as the clinic's, and rebuild.
    await db.update(clinics).set({ mcidOverrides: { "rmdq-18": { mode: "flat", absolute: 1, percent: null, source: "Test clinic policy" } } }).where(eq(clinics.id, scope.clinicId));
    await markClinicSummariesStale(db, scope);
    await ensureClinicSummaries(db, scope);
    expect(await getClinicOutcomes(db, scope, "mine", "1y", NOW)).toMatchObject({ total: 1, improved: 1 });
    await db.update(clinics).set({ mcidOverrides: {} }).where(eq(clinics.id, scope.clinicId));
    await markClinicSummariesStale(db, scope);
  });
});
