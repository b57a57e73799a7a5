import { INSTRUMENTS } from "@/lib/clinical/instruments";
import { getMeasure } from "@/lib/clinical/measures";
import { PATTERNS } from "@/lib/clinical/patterns";
import { formatCsvLocalTime, writeCsv, type CsvCell } from "@/lib/csv/write-csv";
import { describeItemDose } from "@/lib/programmes/describe";
import type { AccessCopyInput } from "./load";

export type AccessCopyCsv = { name: string; rows: number; csv: string };

type Table = { name: string; fields: string[]; rows: Record<string, CsvCell>[] };

const iso = (at: Date | string | null | undefined) => (at ? new Date(at).toISOString() : "");

/**
 * One CSV per kind of record, every row of the record (signed assessments
 * only, as in the FHIR export), through the one CSV writer (formula cells
 * neutralised). A kind with no rows still gets its file, with its header.
 */
export function buildAccessCopyCsvs(input: AccessCopyInput): AccessCopyCsv[] {
  const { record, timeZone } = input;
  const local = (at: Date | string | null | undefined) => (at ? formatCsvLocalTime(new Date(at), timeZone) : "");
  const staff = new Map(record.practitioners.map((p) => [p.id, p.name]));
  const nameOf = (id: string | null | undefined) => (id ? (staff.get(id) ?? id) : "");
  const p = record.patient;

  const tables: Table[] = [
    {
      name: "patient",
      fields: ["patient_id", "first_name", "last_name", "date_of_birth", "sex", "phone", "email", "notes", "practitioner", "body_weight_kg", "body_weight_on", "archived_at_utc", "created_at_utc"],
      rows: [{
        patient_id: p.id, first_name: p.firstName, last_name: p.lastName, date_of_birth: p.dateOfBirth, sex: p.sex, phone: p.phone, email: p.email,
        notes: p.notes, practitioner: nameOf(p.practitionerId), body_weight_kg: p.weight?.kg, body_weight_on: p.weight?.measuredOn,
        archived_at_utc: iso(p.archivedAt), created_at_utc: iso(p.createdAt),
      }],
    },
    {
      name: "assessments",
      fields: ["assessment_id", "assessed_at_utc", "clinic_time", "region", "practitioner", "chief_complaint", "notes", "plan_notes", "revision", "signed_at_utc"],
      rows: record.assessments.map(({ assessment: a, content: c }) => ({
        assessment_id: a.id, assessed_at_utc: iso(c.assessedAt), clinic_time: local(c.assessedAt), region: c.region, practitioner: nameOf(c.practitionerId),
        chief_complaint: c.chiefComplaint, notes: c.notes, plan_notes: c.planNotes, revision: a.revision, signed_at_utc: iso(a.signedAt),
      })),
    },
    {
      name: "questionnaire-scores",
      fields: ["assessment_id", "taken_at_utc", "clinic_time", "instrument", "version", "score", "unit", "scale_min", "scale_max", "direction", "band", "rule"],
      rows: record.assessments.flatMap(({ assessment: a, content: c }) =>
        c.instruments.map((r) => ({
          assessment_id: a.id, taken_at_utc: iso(c.assessedAt), clinic_time: local(c.assessedAt), instrument: INSTRUMENTS[r.instrument]?.label ?? r.instrument,
          version: r.version, score: r.score, unit: r.unit, scale_min: r.scaleMin, scale_max: r.scaleMax, direction: r.direction, band: r.band, rule: r.rule,
        })),
      ),
    },
    {
      name: "questionnaire-answers",
      fields: ["assessment_id", "instrument", "version", "item_id", "item", "answer"],
      rows: record.assessments.flatMap(({ assessment: a, content: c }) =>
        c.instruments.flatMap((r) => r.items.map((item) => ({ assessment_id: a.id, instrument: r.instrument, version: r.version, item_id: item.id, item: item.label, answer: item.value }))),
      ),
    },
    {
      name: "measurements",
      fields: ["assessment_id", "taken_at_utc", "clinic_time", "measure", "code", "side", "value", "unit", "method", "outside_reference"],
      rows: record.assessments.flatMap(({ assessment: a, content: c }) =>
        c.measurements.map((m) => ({
          assessment_id: a.id, taken_at_utc: iso(c.assessedAt), clinic_time: local(c.assessedAt), measure: getMeasure(m.code)?.label ?? m.code, code: m.code,
          side: m.side, value: m.value, unit: m.unit, method: m.method, outside_reference: m.abnormal,
        })),
      ),
    },
    {
      name: "pattern-decisions",
      fields: ["assessment_id", "assessed_at_utc", "pattern", "status", "suggested_by_findings", "findings"],
      rows: record.assessments.flatMap(({ assessment: a, content: c }) =>
        c.patterns.map((t) => ({
          assessment_id: a.id, assessed_at_utc: iso(c.assessedAt), pattern: PATTERNS[t.pattern]?.label ?? t.pattern, status: t.status,
          suggested_by_findings: t.suggested, findings: t.triggers.map((x) => x.reason).join("; "),
        })),
      ),
    },
    {
      name: "home-programmes",
      fields: ["programme_id", "version_no", "status", "start_date", "review_date", "goals", "practitioner", "position", "exercise", "dose", "item_notes"],
      rows: record.programmes.flatMap((g) => {
        const base = { programme_id: g.id, version_no: g.versionNo, status: g.status, start_date: g.startDate, review_date: g.reviewDate, goals: g.goals, practitioner: g.practitionerName };
        if (g.items.length === 0) return [base];
        return g.items.map((item) => ({ ...base, position: item.position, exercise: item.exercise?.name ?? "Exercise no longer in the library", dose: describeItemDose(item), item_notes: item.notes }));
      }),
    },
    {
      name: "home-programme-adherence",
      fields: ["week_start", "sessions_done", "sessions_prescribed", "percent", "pain_during_exercise", "note"],
      rows: input.adherence.map((w) => ({ week_start: w.weekStart, sessions_done: w.sessionsDone, sessions_prescribed: w.sessionsPrescribed, percent: w.percent, pain_during_exercise: w.painDuring, note: w.note })),
    },
    {
      name: "decompression-courses",
      fields: ["course_id", "region", "target_level", "planned_sessions", "sessions_per_week", "start_date", "status", "stopped_reason", "practitioner", "override_reason", "override_by"],
      rows: record.courses.map(({ course: k }) => ({
        course_id: k.id, region: k.region, target_level: k.targetLevel, planned_sessions: k.plannedSessions, sessions_per_week: k.sessionsPerWeek, start_date: k.startDate,
        status: k.status, stopped_reason: k.stoppedReason, practitioner: k.practitionerName, override_reason: k.overrideReason, override_by: k.overrideByName,
      })),
    },
    {
      name: "decompression-sessions",
      fields: [
        "session_id", "course_id", "scheduled_at_utc", "clinic_time", "status", "practitioner", "position", "angle_deg", "body_weight_kg", "max_force_kg", "min_force_kg",
        "hold_s", "rest_s", "cycles", "duration_min", "nprs_before", "nprs_after", "response", "adverse_event", "notes",
      ],
      rows: record.courses.flatMap(({ sessions }) =>
        sessions.map((s) => ({
          session_id: s.id, course_id: s.courseId, scheduled_at_utc: iso(s.scheduledAt), clinic_time: local(s.scheduledAt), status: s.status, practitioner: nameOf(s.practitionerId),
          position: s.position, angle_deg: s.angleDeg, body_weight_kg: s.bodyWeightKg, max_force_kg: s.maxForceKg, min_force_kg: s.minForceKg, hold_s: s.holdSeconds,
          rest_s: s.restSeconds, cycles: s.cycles, duration_min: s.durationMin, nprs_before: s.nprsBefore, nprs_after: s.nprsAfter, response: s.response,
          adverse_event: s.adverseEvent, notes: s.notes,
        })),
      ),
    },
    {
      name: "safety-flags",
      fields: ["flag_id", "code", "flag", "kind", "status", "noted_on", "source", "note", "recorded_by", "recorded_at_utc", "resolved_by", "resolved_at_utc"],
      rows: record.flags.map((f) => ({
        flag_id: f.id, code: f.code, flag: f.label, kind: f.definition?.kind ?? "unclassified", status: f.status, noted_on: f.notedOn, source: f.source, note: f.note,
        recorded_by: f.recordedByName, recorded_at_utc: iso(f.recordedAt), resolved_by: f.resolvedByName, resolved_at_utc: iso(f.resolvedAt),
      })),
    },
  ];
  return tables.map((t) => ({ name: `${t.name}.csv`, rows: t.rows.length, csv: writeCsv(t.fields, t.rows) }));
}
