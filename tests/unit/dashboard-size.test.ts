import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CARD_ROW_LIMIT } from "@/components/dashboard/dashboard-card";
import { DashboardCards } from "@/components/dashboard/dashboard-cards";
import type { DashboardData } from "@/lib/dashboard/load";
import type { InstrumentHistoryPoint } from "@/lib/outcomes/history";
import { summarisePatientOutcome } from "@/lib/outcomes/model";
import { NPRS_VERSION } from "@/lib/clinical/instruments/nprs-descriptor";

// The benchmark practitioner's caseload (docs/benchmarks.md): every list as long as the whole caseload.
const CASELOAD = 908;
const DAY = 86_400_000;
const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
const redFlag = { level: "red-flag" as const, labels: ["Saddle numbness", "Unexplained weight loss"], text: "Red flag: Saddle numbness" };
// One patient in five with a safety marker (the scale data set has far fewer).
const markerOf = (i: number) => (i % 5 === 0 ? redFlag : null);

function point(i: number, score: number, takenAt: number): InstrumentHistoryPoint {
  return { assessmentId: id(i), instrument: "nprs", version: NPRS_VERSION, score, unit: "points", scaleMin: 0, scaleMax: 10, direction: "higher-is-worse", band: null, takenAt, worst: null };
}

/** What loadDashboard gives a card: every row here (the unit under test is the cards' markup, not the SQL limit). */
const list = <T,>(rows: T[]) => ({ rows, total: rows.length });

function dashboard(n: number): DashboardData {
  const patients = Array.from({ length: n }, (_, i) => ({ patientId: id(i), name: `Bartholomew-${i} Featherstonehaugh-Smythe`, marker: markerOf(i) }));
  const outcome = summarisePatientOutcome([point(1, 7, 0), point(2, 6.5, 30 * DAY)], []);
  const session = (i: number) => ({ id: id(i), patient_id: id(i), course_id: id(i), first_name: `Bartholomew-${i}`, last_name: "Featherstonehaugh-Smythe", status: "scheduled" as const, t: i * 60_000, practitioner_name: "Practitioner 1 (north)", total: n, marker: markerOf(i) });
  const sessions = { rows: Array.from({ length: Math.min(n, 100) }, (_, i) => session(i)), total: n };
  return {
    view: "mine",
    timeZone: "Europe/London",
    sessions: { today: sessions, week: sessions },
    notImproving: list(patients.map((p) => ({ ...p, firstAssessedAt: 0, weeksInCare: 12, sessionsCompleted: 9, outcome }))),
    due: list(patients.map((p) => ({ ...p, reasons: ["Decompression at 50 %", "Programme review due", "Last assessment over 6 weeks ago"], lastAssessedAt: 0, reviewDate: "2026-01-01" }))),
    lowAdherence: list(patients.map((p) => ({ ...p, done: 1, prescribed: 14, percent: 7.1 }))),
    drafts: list(patients.map((p, i) => ({ ...p, id: id(i), assessedAt: 0, updatedAt: 0, stale: true }))),
    outcomes: { period: "1y", total: n, improved: 0, byPractitioner: [], byPattern: [] },
  } as DashboardData;
}

const render = (n: number, shown: Parameters<typeof DashboardCards>[0]["shown"] = null) =>
  renderToStaticMarkup(createElement(DashboardCards, { data: dashboard(n), view: "mine", period: "1y", shown }));

describe("dashboard size", () => {
  // The served page carries this markup twice (HTML and the RSC payload) beside the shell. With
  // these cards (53.5 KB here: longer names and more markers than real data) the bench's 908-patient
  // dashboard served 137 KB (docs/benchmarks.md; issue 11: at most 150 KB). A row's markup
  // growing back (twenty utility names per badge or card header, 50 rows per card) fails here first.
  // The today list's "Log" link (issue 14: log from the dashboard) adds about 80 bytes a row.
  it("keeps the cards' markup within 55 KB at a 908-patient caseload", () => {
    expect(Buffer.byteLength(render(CASELOAD))).toBeLessThanOrEqual(55_000);
  });

  it("does not grow with the caseload beyond the first rows of each card", () => {
    // Only the counts' digits differ between 908 and 5,000 patients.
    expect(Buffer.byteLength(render(5_000)) - Buffer.byteLength(render(CASELOAD))).toBeLessThan(100);
    expect(render(CASELOAD).match(/Last assessment over 6 weeks ago/g)).toHaveLength(CARD_ROW_LIMIT);
  });

  it("shows one card in full when asked, with a link back", () => {
    const html = render(CASELOAD, "due");
    expect(html.match(/Last assessment over 6 weeks ago/g)).toHaveLength(CASELOAD);
    expect(html).toContain("Show fewer");
    expect(html.match(/Not improving/g)?.length).toBeGreaterThan(0);
  });
});
