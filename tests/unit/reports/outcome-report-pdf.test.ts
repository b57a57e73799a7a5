import { describe, expect, it } from "vitest";
import type { InstrumentHistoryPoint } from "@/lib/outcomes/history";
import { summarisePatientOutcome } from "@/lib/outcomes/model";
import type { OutcomeReportData } from "@/lib/reports/outcome-report-data";
import { renderOutcomeReportPdf } from "@/lib/reports/outcome-report-pdf";
import { readPdfText } from "../../helpers/pdf-text";

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 8, 1);

function point(instrument: InstrumentHistoryPoint["instrument"], version: string, score: number, day: number, scale: [number, number], unit: "points" | "percent" = "points"): InstrumentHistoryPoint {
  return { assessmentId: `a-${day}`, instrument, version, score, unit, scaleMin: scale[0], scaleMax: scale[1], direction: "higher-is-worse", band: null, takenAt: T0 + day * DAY, worst: null };
}

// The longest report the app can produce: every instrument, two RMDQ versions (a version note), every pattern, a long programme
const history: InstrumentHistoryPoint[] = [
  point("nprs", "0-10", 8, 0, [0, 10]), point("nprs", "0-10", 3, 90, [0, 10]),
  point("odi", "2.1a", 48, 0, [0, 100], "percent"), point("odi", "2.1a", 20, 90, [0, 100], "percent"),
  point("ndi", "1991", 30, 0, [0, 50]), point("ndi", "1991", 12.5, 90, [0, 50]),
  point("rmdq", "24", 16, 0, [0, 24]), point("rmdq", "24", 15, 30, [0, 24]),
  point("rmdq", "18", 11, 60, [0, 18]), point("rmdq", "18", 10, 90, [0, 18]),
  { ...point("psfs", "1", 3, 0, [0, 10]), direction: "higher-is-better" }, { ...point("psfs", "1", 7.33, 90, [0, 10]), direction: "higher-is-better" },
];

const longest: OutcomeReportData = {
  clinicName: "Northside Spine & Posture, a clinic with a rather long name for its letterhead",
  timeZone: "Europe/London",
  patient: { id: "00000000-0000-4000-8000-000000000000", name: "Maximiliana Alexandra Fitzgerald-Montgomery", dateOfBirth: "1970-01-31" },
  preparedBy: "Dr Bartholomew Featherstonehaugh-Smythe",
  preparedOn: "2026-03-02",
  outcome: summarisePatientOutcome(history, []),
  sessions: { completed: 19, planned: 25, missed: 3, cancelled: 2, courses: 2 },
  adherence: { weeks: 30, done: 150, prescribed: 200, percent: 75 },
  patterns: [
    { label: "Weak core, overactive lumbar extensors", confirmedAt: new Date(T0) },
    { label: "Tight hip flexors, weak glutes (anterior pelvic tilt, lower crossed)", confirmedAt: new Date(T0) },
    { label: "Weak scapular stabilisers, tight chest (rounded shoulders, upper crossed)", confirmedAt: new Date(T0) },
    { label: "Tight hamstrings, weak quadriceps", confirmedAt: new Date(T0) },
  ],
  programme: {
    versionNo: 7,
    startDate: "2026-01-05",
    items: Array.from({ length: 15 }, (_, i) => ({ name: `Half-kneeling hip flexor stretch with overhead reach ${i + 1}`, dose: "3 x 30 s hold, twice a day, every day · green band · both sides" })),
  },
};

// Rendering and parsing a PDF takes a few seconds on a loaded machine
describe("outcome report PDF", { timeout: 30_000 }, () => {
  it("fits the longest report the app makes on one page, saying how many exercises it left off", async () => {
    const { pages, text } = await readPdfText(await renderOutcomeReportPdf(longest));
    expect(pages).toBe(1);
    const page = text.join(" ").replace(/\s+/g, " ");
    expect(page).toContain("and 3 more exercises");
    expect(page).toContain("Versions used: 24-item RMDQ, 18-item RMDQ");
    expect(page.replace(/\s/g, "")).toContain("PreparedbyDrBartholomewFeatherstonehaugh-Smythe,2Mar2026");
  });

  it("says so when nothing is recorded yet", async () => {
    const empty: OutcomeReportData = { ...longest, outcome: summarisePatientOutcome([], []), sessions: { completed: 0, planned: 0, missed: 0, cancelled: 0, courses: 0 }, adherence: { weeks: 0, done: 0, prescribed: 0, percent: null }, patterns: [], programme: null };
    const { pages, text } = await readPdfText(await renderOutcomeReportPdf(empty));
    expect(pages).toBe(1);
    for (const words of ["No signed scores yet.", "No spinal decompression course.", "Home-programme adherence: not recorded.", "None confirmed.", "No active home programme."]) {
      expect(text[0]).toContain(words);
    }
  });
});
