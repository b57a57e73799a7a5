import { NDI_SECTIONS, ODI_SECTIONS, RMDQ_ITEM_COUNTS } from "@/lib/clinical/instruments/descriptors";
import { MEASURES, parseMmtGrade, type MeasureSide } from "@/lib/clinical/measures";
import { PATTERN_IDS } from "@/lib/clinical/patterns";
import { readNumber } from "@/lib/forms/read-number";
import { fieldName, listEntrySides, PSFS_ROWS } from "./form-fields";

/**
 * FormData -> the structured shape the clinical schemas validate. Nothing is
 * judged here: a blank input becomes null (never 0), text that is not a
 * number becomes NaN so the schema refuses it at its field, and an instrument
 * the practitioner left entirely blank is absent.
 */

export type RawMeasurement = { code: string; side: MeasureSide; value: number; text: string; method: string; abnormal: boolean };

export type PsfsRow = { row: number; id: string; name: string; score: number | null };

export type ParsedAssessmentForm = {
  id: string;
  patientId: string;
  version: string;
  intent: string;
  reason: string;
  region: string;
  assessedOn: string;
  chiefComplaint: string;
  notes: string;
  planNotes: string;
  /** The patient-reported drafts (lib/patient-reports) the new assessment was started from: one questionnaire, or an intake's NPRS and ODI. */
  patientReportIds?: string[];
  nprs: { instrument: "nprs"; current: number | null; best: number | null; worst24h: number | null } | null;
  odi: { instrument: "odi"; version: string; sections: Record<string, number | null> } | null;
  ndi: { instrument: "ndi"; items: Record<string, number | null> } | null;
  rmdq: { instrument: "rmdq"; version: string; answers: boolean[]; completed: boolean } | null;
  psfs: { instrument: "psfs"; version: string; rows: PsfsRow[] } | null;
  measurements: RawMeasurement[];
  patterns: Record<string, string>;
};

type Reader = (name: string) => string;

function makeReader(formData: FormData): Reader {
  return (name) => {
    const value = formData.get(name);
    return typeof value === "string" ? value.trim() : "";
  };
}

/** A stable id for a PSFS activity named for the first time, so later visits re-rate the same one. */
export function slugifyActivity(name: string, row: number): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);
  return slug ? `activity-${slug}` : `activity-${row + 1}`;
}

function readNprs(read: Reader): ParsedAssessmentForm["nprs"] {
  const current = readNumber(read(fieldName.nprs("current")));
  const best = readNumber(read(fieldName.nprs("best")));
  const worst24h = readNumber(read(fieldName.nprs("worst24h")));
  if (current === null && best === null && worst24h === null) return null;
  return { instrument: "nprs", current, best, worst24h };
}

function readSections(read: Reader, ids: readonly { id: string }[], name: (id: string) => string) {
  const values = Object.fromEntries(ids.map((s) => [s.id, readNumber(read(name(s.id)))]));
  return Object.values(values).every((v) => v === null) ? null : values;
}

function readRmdq(formData: FormData, read: Reader): ParsedAssessmentForm["rmdq"] {
  const version = read("rmdq.version") || "24";
  const count = RMDQ_ITEM_COUNTS[version as keyof typeof RMDQ_ITEM_COUNTS] ?? 24;
  const answers = Array.from({ length: count }, (_, i) => formData.has(fieldName.rmdqAnswer(i)));
  const completed = read("rmdq.completed") === "on";
  if (!completed && !answers.some(Boolean)) return null;
  return { instrument: "rmdq", version, answers, completed };
}

function readPsfs(read: Reader): ParsedAssessmentForm["psfs"] {
  const rows: PsfsRow[] = [];
  for (let row = 0; row < PSFS_ROWS; row++) {
    const name = read(fieldName.psfs(row, "name"));
    const score = readNumber(read(fieldName.psfs(row, "score")));
    if (name === "" && score === null) continue;
    rows.push({ row, id: read(fieldName.psfs(row, "id")) || slugifyActivity(name, row), name, score });
  }
  return rows.length === 0 ? null : { instrument: "psfs", version: read("psfs.version") || "1", rows };
}

function readMeasurements(formData: FormData, read: Reader): RawMeasurement[] {
  return MEASURES.flatMap((measure) =>
    listEntrySides(measure.sided).flatMap((side) => {
      const text = read(fieldName.measure(measure.code, side));
      if (text === "") return [];
      // MMT grades are typed as 4, 4+ or 4-; a bare number out of range still reaches the range check
      const value = measure.unit === "grade" ? (parseMmtGrade(text) ?? readNumber(text) ?? Number.NaN) : (readNumber(text) ?? Number.NaN);
      return [{
        code: measure.code,
        side,
        value,
        text,
        method: read(fieldName.measureMethod(measure.code)),
        abnormal: formData.has(fieldName.measureAbnormal(measure.code)),
      }];
    }),
  );
}

/** Reads the whole assessment form; pure, so it is unit-tested without a server. */
export function parseAssessmentForm(formData: FormData): ParsedAssessmentForm {
  const read = makeReader(formData);
  const odiSections = readSections(read, ODI_SECTIONS, fieldName.odiSection);
  const ndiItems = readSections(read, NDI_SECTIONS, fieldName.ndiItem);
  return {
    id: read("id"),
    patientId: read("patientId"),
    version: read("version"),
    intent: read("intent") || "draft",
    reason: read("reason"),
    region: read("region"),
    assessedOn: read("assessedOn"),
    chiefComplaint: read("chiefComplaint"),
    notes: read("notes"),
    planNotes: read("planNotes"),
    patientReportIds: formData.getAll("patientReportId").filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim()),
    nprs: readNprs(read),
    odi: odiSections ? { instrument: "odi", version: read("odi.version") || "2.1a", sections: odiSections } : null,
    ndi: ndiItems ? { instrument: "ndi", items: ndiItems } : null,
    rmdq: readRmdq(formData, read),
    psfs: readPsfs(read),
    measurements: readMeasurements(formData, read),
    patterns: Object.fromEntries(PATTERN_IDS.map((p) => [p, read(fieldName.pattern(p))])),
  };
}
