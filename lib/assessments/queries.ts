import { subDays } from "date-fns";
import { and, asc, count, desc, eq, isNull, lt, max, min } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import {
  assessmentRevisions,
  assessments,
  instrumentResults,
  measurements,
  patients,
  patternTags,
  users,
  type Assessment,
} from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicMcidOverrides } from "@/lib/clinic-settings/queries";
import { INSTRUMENT_IDS, type InstrumentId } from "@/lib/clinical/instruments";
import { PATTERN_IDS, type PatternId } from "@/lib/clinical/patterns";
import { NotFoundError, isUuid } from "@/lib/errors";
import type { AssessmentContent } from "./content";
import { rowsToContent } from "./rows-to-content";
import { summariseOutcomes, type InstrumentHistoryPoint, type OutcomeSummary } from "./outcome-summary";

// Drafts untouched for more than 7 days are listed for their author (issue 3)
export const STALE_DRAFT_DAYS = 7;

/** One assessment of the scope's clinic (and of that patient, when given); anything else is "not found". */
export async function getAssessmentRow(db: Queryable, scope: Scope, id: string, patientId?: string): Promise<Assessment> {
  if (!isUuid(id) || (patientId !== undefined && !isUuid(patientId))) throw new NotFoundError("Assessment");
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.id, id), eq(assessments.clinicId, scope.clinicId), patientId ? eq(assessments.patientId, patientId) : undefined));
  if (!row) throw new NotFoundError("Assessment");
  return row;
}

/** The assessment's content as it stands now (current rows, nothing superseded). */
export async function getCurrentContent(db: Queryable, scope: Scope, assessment: Assessment): Promise<AssessmentContent> {
  const current = (table: typeof instrumentResults | typeof measurements | typeof patternTags) =>
    and(eq(table.clinicId, scope.clinicId), eq(table.assessmentId, assessment.id), isNull(table.supersededAt));
  const [results, measures, tags] = await Promise.all([
    db.select().from(instrumentResults).where(current(instrumentResults)),
    db.select().from(measurements).where(current(measurements)).orderBy(asc(measurements.id)),
    db.select().from(patternTags).where(current(patternTags)),
  ]);
  return rowsToContent(assessment, results, measures, tags);
}

export type RevisionView = {
  revision: number;
  reason: string | null;
  signedAt: Date;
  signedByName: string;
  content: AssessmentContent;
};

export type AssessmentDetail = {
  assessment: Assessment;
  practitionerName: string;
  content: AssessmentContent;
  revisions: RevisionView[];
};

/** Everything the assessment page shows: the current content and every signed revision, newest first. */
export async function getAssessmentDetail(db: Queryable, scope: Scope, patientId: string, id: string): Promise<AssessmentDetail> {
  const assessment = await getAssessmentRow(db, scope, id, patientId);
  const signer = alias(users, "signer");
  const [content, practitioner, revisions] = await Promise.all([
    getCurrentContent(db, scope, assessment),
    db.select({ name: users.name }).from(users).where(and(eq(users.id, assessment.practitionerId), eq(users.clinicId, scope.clinicId))),
    db
      .select({
        revision: assessmentRevisions.revision,
        reason: assessmentRevisions.reason,
        signedAt: assessmentRevisions.signedAt,
        signedByName: signer.name,
        content: assessmentRevisions.content,
      })
      .from(assessmentRevisions)
      .innerJoin(signer, eq(signer.id, assessmentRevisions.signedBy))
      .where(and(eq(assessmentRevisions.clinicId, scope.clinicId), eq(assessmentRevisions.assessmentId, id)))
      .orderBy(desc(assessmentRevisions.revision)),
  ]);
  return {
    assessment,
    practitionerName: practitioner[0]?.name ?? "Unknown",
    content,
    revisions: revisions.map((r) => ({ ...r, content: r.content as unknown as AssessmentContent })),
  };
}

export type TimelineEntry = {
  id: string;
  assessedAt: Date;
  updatedAt: Date;
  region: Assessment["region"];
  status: Assessment["status"];
  revision: number;
  practitionerId: string;
  practitionerName: string;
  chiefComplaint: string;
  /** Current NPRS, when recorded. */
  nprs: number | null;
};

/** A patient's assessments, newest first, drafts included (the page marks them). */
export async function listPatientAssessments(db: Queryable, scope: Scope, patientId: string): Promise<TimelineEntry[]> {
  if (!isUuid(patientId)) throw new NotFoundError("Patient");
  const nprs = alias(instrumentResults, "nprs");
  return db
    .select({
      id: assessments.id,
      assessedAt: assessments.assessedAt,
      updatedAt: assessments.updatedAt,
      region: assessments.region,
      status: assessments.status,
      revision: assessments.revision,
      practitionerId: assessments.practitionerId,
      practitionerName: users.name,
      chiefComplaint: assessments.chiefComplaint,
      nprs: nprs.score,
    })
    .from(assessments)
    .innerJoin(users, eq(users.id, assessments.practitionerId))
    .leftJoin(
      nprs,
      and(eq(nprs.clinicId, scope.clinicId), eq(nprs.assessmentId, assessments.id), eq(nprs.instrument, "nprs"), isNull(nprs.supersededAt)),
    )
    .where(and(eq(assessments.clinicId, scope.clinicId), eq(assessments.patientId, patientId)))
    .orderBy(desc(assessments.assessedAt), desc(assessments.createdAt));
}

export type StaleDraft = { id: string; patientId: string; patientName: string; assessedAt: Date; updatedAt: Date };

/** The signed-in practitioner's drafts untouched for more than 7 days, oldest first (for the dashboard). */
export async function listStaleDrafts(db: Queryable, scope: Scope, now = new Date()): Promise<StaleDraft[]> {
  const rows = await db
    .select({
      id: assessments.id,
      patientId: assessments.patientId,
      firstName: patients.firstName,
      lastName: patients.lastName,
      assessedAt: assessments.assessedAt,
      updatedAt: assessments.updatedAt,
    })
    .from(assessments)
    .innerJoin(patients, and(eq(patients.id, assessments.patientId), eq(patients.clinicId, scope.clinicId)))
    .where(
      and(
        eq(assessments.clinicId, scope.clinicId),
        eq(assessments.practitionerId, scope.userId),
        eq(assessments.status, "draft"),
        lt(assessments.updatedAt, subDays(now, STALE_DRAFT_DAYS)),
      ),
    )
    .orderBy(asc(assessments.updatedAt));
  return rows.map(({ firstName, lastName, ...r }) => ({ ...r, patientName: `${firstName} ${lastName}` }));
}

/** Every signed, current instrument score of a patient, oldest first (progress charts read this too). */
export async function getInstrumentHistory(db: Queryable, scope: Scope, patientId: string): Promise<InstrumentHistoryPoint[]> {
  if (!isUuid(patientId)) throw new NotFoundError("Patient");
  return db
    .select({
      assessmentId: instrumentResults.assessmentId,
      instrument: instrumentResults.instrument,
      version: instrumentResults.version,
      score: instrumentResults.score,
      unit: instrumentResults.scoreUnit,
      scaleMin: instrumentResults.scaleMin,
      scaleMax: instrumentResults.scaleMax,
      direction: instrumentResults.direction,
      band: instrumentResults.band,
      takenAt: instrumentResults.takenAt,
    })
    .from(instrumentResults)
    .innerJoin(
      assessments,
      and(eq(assessments.id, instrumentResults.assessmentId), eq(assessments.clinicId, scope.clinicId), eq(assessments.status, "signed")),
    )
    .where(and(eq(instrumentResults.clinicId, scope.clinicId), eq(instrumentResults.patientId, patientId), isNull(instrumentResults.supersededAt)))
    .orderBy(asc(instrumentResults.takenAt), asc(instrumentResults.instrument));
}

/** Baseline, latest, band and meaningful change per instrument, by the clinic's MCID rules. */
export async function getPatientOutcomeSummary(db: Queryable, scope: Scope, patientId: string): Promise<OutcomeSummary> {
  const [history, overrides, [dates]] = await Promise.all([
    getInstrumentHistory(db, scope, patientId),
    getClinicMcidOverrides(db, scope),
    db
      .select({ first: min(assessments.assessedAt), last: max(assessments.assessedAt), n: count() })
      .from(assessments)
      .where(and(eq(assessments.clinicId, scope.clinicId), eq(assessments.patientId, patientId), eq(assessments.status, "signed"))),
  ]);
  return {
    firstAssessedAt: dates?.first ?? null,
    lastAssessedAt: dates?.last ?? null,
    signedCount: dates?.n ?? 0,
    lines: summariseOutcomes(history, overrides),
  };
}

export type ConfirmedPattern = { pattern: PatternId; confirmedAt: Date; assessmentId: string };

/** Patterns whose latest decision in a signed assessment is "confirmed". */
export async function getConfirmedPatterns(db: Queryable, scope: Scope, patientId: string): Promise<ConfirmedPattern[]> {
  if (!isUuid(patientId)) throw new NotFoundError("Patient");
  const rows = await db
    .select({ pattern: patternTags.pattern, status: patternTags.status, assessmentId: patternTags.assessmentId, at: assessments.assessedAt })
    .from(patternTags)
    .innerJoin(assessments, and(eq(assessments.id, patternTags.assessmentId), eq(assessments.clinicId, scope.clinicId), eq(assessments.status, "signed")))
    .where(and(eq(patternTags.clinicId, scope.clinicId), eq(patternTags.patientId, patientId), isNull(patternTags.supersededAt)))
    .orderBy(asc(assessments.assessedAt));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) latest.set(row.pattern, row);
  return PATTERN_IDS.flatMap((pattern) => {
    const row = latest.get(pattern);
    return row?.status === "confirmed" ? [{ pattern, confirmedAt: row.at, assessmentId: row.assessmentId }] : [];
  });
}

/** Instruments in display order. */
export function sortByInstrument<T extends { instrument: InstrumentId }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => INSTRUMENT_IDS.indexOf(a.instrument) - INSTRUMENT_IDS.indexOf(b.instrument));
}
