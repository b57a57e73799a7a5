import { addMinutes, subDays } from "date-fns";
import type { Database } from "../client";
import { assessmentRevisions, assessments, instrumentResults, measurements, patternTags } from "../schema";
import { buildContent, type AssessmentContent } from "@/lib/assessments/content";
import { suggestForAssessment } from "@/lib/assessments/suggestions";
import type { ValidatedAssessment } from "@/lib/assessments/validate-form";
import type { ScoreSuccess } from "@/lib/clinical/instruments";
import { answerNdi, answerNprs, answerOdi, answerPsfs, answerRmdq } from "./assessment-answers";
import { planFindings } from "./assessment-findings";
import { planStory, type PatientStory, type VisitPlan } from "./assessment-stories";
import { insertInBatches } from "./assessments-batch";
import type { DemoContext } from "./index";
import type { SeededPatient } from "./patients";
import type { Rng } from "./random";

/**
 * Demo assessments: 3-8 signed visits per active patient over about six
 * months, telling each persona's story (db/seed/personas.ts); one amended
 * assessment per clinic; and for Ava one recent draft and one left for over
 * a week. Rows are collected first and inserted in bulk.
 */

type Rows = {
  assessments: (typeof assessments.$inferInsert)[];
  revisions: (typeof assessmentRevisions.$inferInsert)[];
  results: (typeof instrumentResults.$inferInsert)[];
  measurements: (typeof measurements.$inferInsert)[];
  tags: (typeof patternTags.$inferInsert)[];
};

const DATE_ONLY = (d: Date) => d.toISOString().slice(0, 10);

function visitInstant(now: Date, daysAgo: number, rng: Rng): Date {
  const at = subDays(now, daysAgo);
  at.setUTCHours(rng.int(8, 16), rng.pick([0, 15, 30, 45]), 0, 0);
  return at < now ? at : subDays(now, 1);
}

function scoreVisit(story: PatientStory, visit: VisitPlan, rng: Rng): ScoreSuccess[] {
  const results = [answerNprs(visit.nprs)];
  if (story.region === "lumbar") results.push(answerOdi(visit.disability, rng), answerRmdq(visit.rmdq, rng));
  else results.push(answerNdi(visit.disability, rng));
  results.push(answerPsfs(story.activities, visit.psfs));
  return results;
}

/** One visit's validated content; the practitioner confirms the story's pattern and dismisses any other suggestion. */
function planVisit(patient: SeededPatient, story: PatientStory, visit: VisitPlan, index: number, rng: Rng): ValidatedAssessment {
  const found = planFindings({ pattern: story.pattern, severity: visit.findings, region: story.region, pain: visit.nprs, rng });
  const suggestions = suggestForAssessment(found, patient.sex);
  const decisions = Object.fromEntries(suggestions.map((s) => [s.pattern, s.pattern === story.pattern ? "confirmed" : "dismissed"]));
  return {
    region: story.region,
    assessedOn: "",
    chiefComplaint: index === 0 ? story.complaint : `Review: ${story.complaint.charAt(0).toLowerCase()}${story.complaint.slice(1)}`,
    notes: index === 0 ? "Baseline assessment." : null,
    planNotes: story.pattern ? "Continue the corrective home programme; reassess in 4 weeks." : "Review findings with the patient.",
    results: scoreVisit(story, visit, rng),
    measurements: found,
    decisions,
  };
}

function pushContentRows(rows: Rows, ids: { clinicId: string; patientId: string; assessmentId: string; examinerId: string }, content: AssessmentContent, takenAt: Date, supersededAt: Date | null) {
  const base = { clinicId: ids.clinicId, patientId: ids.patientId, assessmentId: ids.assessmentId, supersededAt };
  for (const r of content.instruments) {
    rows.results.push({ ...base, instrument: r.instrument, version: r.version, items: r.items, score: r.score, scoreUnit: r.unit, scaleMin: r.scaleMin, scaleMax: r.scaleMax, direction: r.direction, band: r.band, rule: r.rule, takenAt });
  }
  for (const m of content.measurements) {
    rows.measurements.push({ ...base, code: m.code, side: m.side, value: m.value, unit: m.unit, method: m.method, abnormal: m.abnormal, examinerId: ids.examinerId, takenAt });
  }
  for (const p of content.patterns) {
    rows.tags.push({ ...base, pattern: p.pattern, status: p.status, suggested: p.suggested, triggers: p.triggers, decidedBy: ids.examinerId, decidedAt: takenAt });
  }
}

/** A signed visit; `amendment` adds a second revision that corrects one ODI section read wrongly off the paper form. */
function addSignedVisit(rows: Rows, ctx: DemoContext, patient: SeededPatient, input: ValidatedAssessment, assessedAt: Date, amend: boolean) {
  const id = ctx.rng.uuid();
  const signedAt = addMinutes(assessedAt, ctx.rng.int(15, 45));
  const ids = { clinicId: patient.clinicId, patientId: patient.id, assessmentId: id, examinerId: patient.practitionerId };
  const suggestions = suggestForAssessment(input.measurements, patient.sex);
  const content = buildContent({ assessment: { ...input, assessedOn: DATE_ONLY(assessedAt) }, assessedAt, practitionerId: patient.practitionerId, suggestions });
  const amendedAt = addMinutes(signedAt, 60 * 26);
  if (amend) {
    const odi = content.instruments.find((r) => r.instrument === "odi");
    const misread = odi && odi.score !== null && { ...odi, score: odi.score + 2, items: odi.items.map((item) => (item.id === "lifting" && typeof item.value === "number" ? { ...item, value: item.value + 1 } : item)) };
    const first = { ...content, instruments: content.instruments.map((r) => (r.instrument === "odi" && misread ? misread : r)) };
    pushContentRows(rows, ids, first, assessedAt, amendedAt);
    rows.revisions.push({ clinicId: patient.clinicId, assessmentId: id, revision: 1, content: first, reason: null, signedBy: patient.practitionerId, signedAt });
    rows.revisions.push({ clinicId: patient.clinicId, assessmentId: id, revision: 2, content, reason: "ODI lifting section was copied wrongly from the paper form", signedBy: patient.practitionerId, signedAt: amendedAt });
  } else {
    rows.revisions.push({ clinicId: patient.clinicId, assessmentId: id, revision: 1, content, reason: null, signedBy: patient.practitionerId, signedAt });
  }
  pushContentRows(rows, ids, content, assessedAt, null);
  rows.assessments.push({
    id,
    clinicId: patient.clinicId,
    patientId: patient.id,
    practitionerId: patient.practitionerId,
    assessedAt,
    region: input.region,
    chiefComplaint: input.chiefComplaint,
    notes: input.notes,
    planNotes: input.planNotes,
    status: "signed",
    revision: amend ? 2 : 1,
    signedAt,
    signedBy: patient.practitionerId,
    createdAt: assessedAt,
    updatedAt: amend ? amendedAt : signedAt,
    version: amend ? 3 : 2,
  });
}

/** An unsigned draft: pain and a few findings typed in, nothing decided yet. */
function addDraft(rows: Rows, ctx: DemoContext, patient: SeededPatient, story: PatientStory, daysAgo: number) {
  const id = ctx.rng.uuid();
  const assessedAt = visitInstant(ctx.now, daysAgo, ctx.rng);
  const last = story.visits.at(-1);
  const found = planFindings({ pattern: story.pattern, severity: last?.findings ?? 0.5, region: story.region, pain: last?.nprs ?? 5, rng: ctx.rng }).slice(0, 4);
  const input: ValidatedAssessment = {
    region: story.region,
    assessedOn: DATE_ONLY(assessedAt),
    chiefComplaint: `Review: ${story.complaint.toLowerCase()}`,
    notes: null,
    planNotes: null,
    results: [answerNprs(last?.nprs ?? 5)],
    measurements: found,
    decisions: {},
  };
  const content = buildContent({ assessment: input, assessedAt, practitionerId: patient.practitionerId, suggestions: [] });
  pushContentRows(rows, { clinicId: patient.clinicId, patientId: patient.id, assessmentId: id, examinerId: patient.practitionerId }, content, assessedAt, null);
  rows.assessments.push({ id, clinicId: patient.clinicId, patientId: patient.id, practitionerId: patient.practitionerId, assessedAt, region: story.region, chiefComplaint: input.chiefComplaint, status: "draft", revision: 0, createdAt: assessedAt, updatedAt: assessedAt, version: 2 });
}

/** Ava's drafts: one from yesterday and one untouched for 12 days (listed as older than 7 days). */
function addAvaDrafts(rows: Rows, ctx: DemoContext, stories: Map<string, PatientStory>) {
  const ava = ctx.clinics.find((c) => c.key === "northside")?.users.find((u) => u.email === "ava@northside.test");
  const candidates = ctx.patients.filter((p) => p.practitionerId === ava?.id && !p.archived && !p.story);
  const lastVisit = (p: SeededPatient) => stories.get(p.id)?.visits.at(-1)?.daysAgo ?? 0;
  const stale = candidates.find((p) => lastVisit(p) > 14);
  const recent = candidates.find((p) => p !== stale && lastVisit(p) > 2);
  for (const [patient, daysAgo] of [[recent, 1], [stale, 12]] as const) {
    const story = patient && stories.get(patient.id);
    if (patient && story) addDraft(rows, ctx, patient, story, daysAgo);
  }
}

export async function seedAssessments(db: Database, ctx: DemoContext): Promise<void> {
  const rows: Rows = { assessments: [], revisions: [], results: [], measurements: [], tags: [] };
  const stories = new Map<string, PatientStory>();
  for (const patient of ctx.patients) {
    if (patient.archived) continue;
    const story = planStory(patient, ctx.rng);
    stories.set(patient.id, story);
    story.visits.forEach((visit, i) => {
      const input = planVisit(patient, story, visit, i, ctx.rng);
      // The lower-crossed persona's second visit was amended: the demo shows a revision history
      const amend = patient.story === "improving-lower-crossed" && i === 1;
      addSignedVisit(rows, ctx, patient, input, visitInstant(ctx.now, visit.daysAgo, ctx.rng), amend);
    });
  }
  addAvaDrafts(rows, ctx, stories);
  await insertInBatches(db, assessments, rows.assessments);
  await insertInBatches(db, assessmentRevisions, rows.revisions);
  await insertInBatches(db, instrumentResults, rows.results);
  await insertInBatches(db, measurements, rows.measurements);
  await insertInBatches(db, patternTags, rows.tags);
}
