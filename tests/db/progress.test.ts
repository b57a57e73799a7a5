import Papa from "papaparse";
import { beforeAll, expect, it } from "vitest";
import { SERIES_POINT_CAP } from "@/lib/progress/build-charts";
import { buildSeriesCsv } from "@/lib/progress/csv";
import { loadProgress } from "@/lib/progress/load";
import { getPatient } from "@/lib/patients/queries";
import { NotFoundError } from "@/lib/errors";
import { createClinic, insertPatient } from "./fixtures";
import { describeEachDatabase } from "./harness";
import { addAdherence, addAssessment, addCourse, addMeasurements, addProgramme, addScores, DAY, daysBefore, isoDate } from "./dashboard-rows";

const NOW = new Date("2026-03-11T12:00:00Z");
const HOUR = 3600 * 1000;

describeEachDatabase("progress charts", (getDb) => {
  let a: Awaited<ReturnType<typeof createClinic>>;
  let b: Awaited<ReturnType<typeof createClinic>>;
  let patientId: string;
  let sex: "male";

  beforeAll(async () => {
    const db = getDb();
    a = await createClinic(db, "Progress A");
    b = await createClinic(db, "Progress B");
    const p = await insertPatient(db, a.practitioner.scope, { firstName: "Long", lastName: "History", sex: "male", practitionerId: a.practitioner.user.id });
    patientId = p.id;
    sex = "male";
    const ctx = { clinicId: a.clinic.id, patientId, practitionerId: a.practitioner.user.id };

    // Pain: baseline 8 (worst 9) a year ago, then 7, 6 and 5 in the last months.
    await addScores(db, ctx, daysBefore(NOW, 365), { nprs: 8, worst: 9, odi: 46 });
    await addScores(db, ctx, daysBefore(NOW, 80), { nprs: 7, worst: 8 });
    await addScores(db, ctx, daysBefore(NOW, 40), { nprs: 6 });
    await addScores(db, ctx, daysBefore(NOW, 10), { nprs: 5, worst: 7, odi: 30 });
    // A draft's score never shows.
    await addScores(db, ctx, daysBefore(NOW, 1), { nprs: 0 }, "draft");

    // Hip angle, left and right, 500 each over 500 days (one a day); the extremes sit mid-series.
    const signed = await addAssessment(db, ctx, daysBefore(NOW, 600));
    const rows = [];
    for (let i = 0; i < 500; i++) {
      const at = new Date(NOW.getTime() - (500 - i) * DAY);
      const left = i === 250 ? 40 : i === 260 ? -25 : 10 + Math.sin(i / 10) * 5;
      rows.push({ clinicId: a.clinic.id, patientId, assessmentId: signed, code: "thomas-hip-angle", side: "left" as const, value: left, unit: "deg", method: "goniometer", takenAt: at });
      rows.push({ clinicId: a.clinic.id, patientId, assessmentId: null, code: "thomas-hip-angle", side: "right" as const, value: 8 + (i % 7), unit: "deg", method: "goniometer", takenAt: new Date(at.getTime() + HOUR) });
    }
    // A lordosis by radiograph (reference range 54-62), a superseded value and a value in a draft: only the first counts.
    const draft = await addAssessment(db, ctx, daysBefore(NOW, 3), "draft");
    rows.push({ clinicId: a.clinic.id, patientId, assessmentId: signed, code: "lumbar-lordosis", side: "na" as const, value: 70, unit: "deg", method: "radiograph-cobb", takenAt: daysBefore(NOW, 30) });
    rows.push({ clinicId: a.clinic.id, patientId, assessmentId: signed, code: "lumbar-lordosis", side: "na" as const, value: 99, unit: "deg", method: "radiograph-cobb", takenAt: daysBefore(NOW, 20), supersededAt: daysBefore(NOW, 19) });
    rows.push({ clinicId: a.clinic.id, patientId, assessmentId: draft, code: "lumbar-lordosis", side: "na" as const, value: 12, unit: "deg", method: "radiograph-cobb", takenAt: daysBefore(NOW, 3) });
    await addMeasurements(db, rows);

    // Decompression: 8 completed sessions ending two days ago; weekly adherence 3/6 and 6/6.
    await addCourse(db, ctx, { planned: 12, completed: 8, lastDaysAgo: 2, now: NOW });
    const programme = await addProgramme(db, ctx, { startDate: isoDate(daysBefore(NOW, 30)) });
    await addAdherence(db, ctx, programme, "2026-02-23", 3, 6);
    await addAdherence(db, ctx, programme, "2026-03-02", 6, 6);
  });

  it("draws pain now and worst, from the first baseline, with the clinic's meaningful-change band", async () => {
    const data = await loadProgress(getDb(), a.practitioner.scope, { id: patientId, sex }, "all", NOW);
    const pain = data.charts.find((c) => c.id === "pain")!;
    expect(pain.series.map((s) => [s.key, s.v])).toEqual([
      ["current", [8, 7, 6, 5]],
      ["worst", [9, 8, 7]],
    ]);
    expect(pain.baselines).toEqual([{ seriesKey: "current", label: "Baseline", value: 8, at: daysBefore(NOW, 365).getTime() }]);
    // NPRS default (Thieme): 3 points from a baseline of 8-10; 8 -> 5 meets it.
    expect(pain.band).toMatchObject({ low: 5, high: 10, halfWidth: 3, threshold: "3 points" });
    expect(pain.change?.kind).toBe("improvement");
    expect(pain.showAdherence).toBe(true);
    expect(data.charts.map((c) => c.id)).toEqual(["pain", "odi", "thomas-hip-angle", "lumbar-lordosis"]);
  });

  it("reduces a long series on the server to the cap, keeping first, last and the extremes", async () => {
    const data = await loadProgress(getDb(), a.practitioner.scope, { id: patientId, sex }, "all", NOW);
    const hip = data.charts.find((c) => c.id === "thomas-hip-angle")!;
    expect(hip.series.map((s) => s.key)).toEqual(["left", "right"]);
    const left = hip.series[0]!;
    expect(left).toMatchObject({ originalCount: 500, reduced: true });
    expect(left.t.length).toBeLessThanOrEqual(SERIES_POINT_CAP);
    expect(Math.max(...left.v)).toBe(40);
    expect(Math.min(...left.v)).toBe(-25);
    expect(left.t[0]).toBe(NOW.getTime() - 500 * DAY);
    expect(left.t.at(-1)).toBe(NOW.getTime() - DAY);
    // Thigh above horizontal (0 deg) suggests short hip flexors (BMC Sports Sci Med Rehabil 2021).
    expect(hip.reference).toMatchObject({ high: 0, source: expect.stringContaining("BMC") });
    expect(hip.band).toBeNull();
  });

  it("keeps only signed, current measurements, with the reference range for the method", async () => {
    const data = await loadProgress(getDb(), a.practitioner.scope, { id: patientId, sex }, "all", NOW);
    const lordosis = data.charts.find((c) => c.id === "lumbar-lordosis")!;
    expect(lordosis.series).toEqual([expect.objectContaining({ key: "na", v: [70], originalCount: 1, reduced: false })]);
    expect(lordosis.reference).toMatchObject({ low: 54, high: 62 });
  });

  it("limits the range but keeps each baseline, sessions and adherence", async () => {
    const data = await loadProgress(getDb(), a.practitioner.scope, { id: patientId, sex }, "3m", NOW);
    const pain = data.charts.find((c) => c.id === "pain")!;
    expect(pain.series[0]!.v).toEqual([7, 6, 5]);
    expect(pain.baselines[0]!.value).toBe(8);
    const hip = data.charts.find((c) => c.id === "thomas-hip-angle")!;
    expect(hip.series[0]!.originalCount).toBeLessThan(100);
    expect(hip.baselines.map((x) => [x.seriesKey, x.at])).toEqual([
      ["left", NOW.getTime() - 500 * DAY],
      ["right", NOW.getTime() - 500 * DAY + HOUR],
    ]);
    expect(data.sessions).toHaveLength(8);
    expect(data.adherence).toEqual({ t: [Date.parse("2026-02-23T00:00:00Z"), Date.parse("2026-03-02T00:00:00Z")], percent: [50, 100] });
    expect(data.xDomain[0]).toBe(data.rangeStart);
  });

  it("downloads the full-resolution series as CSV", async () => {
    const csv = await buildSeriesCsv(getDb(), a.practitioner.scope, patientId, { kind: "measure", code: "thomas-hip-angle" }, "all", "Europe/London", NOW);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(1000);
    expect(parsed.data.filter((r) => r.side === "left").map((r) => Number(r.value))).toContain(-25);
    const pain = await buildSeriesCsv(getDb(), a.practitioner.scope, patientId, { kind: "pain" }, "all", "Europe/London", NOW);
    expect(Papa.parse<Record<string, string>>(pain, { header: true, skipEmptyLines: true }).data.map((r) => [r.score, r.worst_24h])).toEqual([
      ["8", "9"],
      ["7", "8"],
      ["6", ""],
      ["5", "7"],
    ]);
  });

  it("shows nothing of this patient to another clinic", async () => {
    const db = getDb();
    await expect(getPatient(db, b.admin.scope, patientId)).rejects.toBeInstanceOf(NotFoundError);
    const data = await loadProgress(db, b.admin.scope, { id: patientId, sex }, "all", NOW);
    expect(data.charts).toEqual([]);
    expect(data.sessions).toEqual([]);
    const csv = await buildSeriesCsv(db, b.admin.scope, patientId, { kind: "pain" }, "all", "Europe/London", NOW);
    expect(csv.trim().split("\n")).toHaveLength(1);
  });
});
