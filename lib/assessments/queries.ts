import { and, asc, count, desc, eq, isNull, max, min } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { cache } from "react";
import type { Queryable } from "@/db/client";
import {
  assessmentRevisions,
  assessments,
  instrumentResults,
  measurements,
  patternTags,
  users,
  type Assessment,
} from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { PATTERN_IDS, type PatternId } from "@/lib/clinical/patterns";
import { NotFoundError, isUuid } from "@/lib/errors";
import type { AssessmentContent } from "./content";
import { rowsToContent } from "./rows-to-content";
import type { PatientOutcome } from "@/lib/outcomes/model";
import { getPatientOutcome } from "@/lib/outcomes/patient";

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

/**
 * Every signed assessment of a patient with its current content, oldest first,
 * in four queries whatever their number (the exports of a long record): the
 * same rows and the same assembly (rowsToContent) as getCurrentContent.
 */
export async function listSignedContents(db: Queryable, scope: Scope, patientId: string): Promise<{ assessment: Assessment; content: AssessmentContent }[]> {
  if (!isUuid(patientId)) throw new NotFoundError("Patient");
  const current = (table: typeof instrumentResults | typeof measurements | typeof patternTags) =>
    and(eq(table.clinicId, scope.clinicId), eq(table.patientId, patientId), isNull(table.supersededAt));
  const [rows, results, measures, tags] = await Promise.all([
    db
      .select()
      .from(assessments)
      .where(and(eq(assessments.clinicId, scope.clinicId), eq(assessments.patientId, patientId), eq(assessments.status, "signed")))
      .orderBy(asc(assessments.assessedAt), asc(assessments.createdAt)),
    db.select().from(instrumentResults).where(current(instrumentResults)),
    db.select().from(measurements).where(current(measurements)).orderBy(asc(measurements.id)),
    db.select().from(patternTags).where(current(patternTags)),
  ]);
  const group = <T extends { assessmentId: string | null }>(list: T[]) => {
    const out = new Map<string, T[]>();
    for (const row of list) {
      if (!row.assessmentId) continue;
      const rows = out.get(row.assessmentId);
      if (rows) rows.push(row);
      else out.set(row.assessmentId, [row]);
    }
    return out;
  };
  const [byResult, byMeasure, byTag] = [group(results), group(measures), group(tags)];
  return rows.map((assessment) => ({
    assessment,
    content: rowsToContent(assessment, byResult.get(assessment.id) ?? [], byMeasure.get(assessment.id) ?? [], byTag.get(assessment.id) ?? []),
  }));
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

export type PatientOutcomeSummary = {
  /** First and latest signed assessment, whatever was recorded in them. */
  firstAssessedAt: Date | null;
  lastAssessedAt: Date | null;
  signedCount: number;
  outcome: PatientOutcome;
};

/** The assessments card's summary: the signed dates, and the outcome model's per-instrument outcome. */
export async function getPatientOutcomeSummary(db: Queryable, scope: Scope, patientId: string): Promise<PatientOutcomeSummary> {
  const [{ outcome }, [dates]] = await Promise.all([
    getPatientOutcome(db, scope, patientId),
    db
      .select({ first: min(assessments.assessedAt), last: max(assessments.assessedAt), n: count() })
      .from(assessments)
      .where(and(eq(assessments.clinicId, scope.clinicId), eq(assessments.patientId, patientId), eq(assessments.status, "signed"))),
  ]);
  return { firstAssessedAt: dates?.first ?? null, lastAssessedAt: dates?.last ?? null, signedCount: dates?.n ?? 0, outcome };
}

export type ConfirmedPattern = { pattern: PatternId; confirmedAt: Date; assessmentId: string };

/**
 * Patterns whose latest decision in a signed assessment is "confirmed". Memoised for one server
 * render, like getPatientOutcome: the patient page's assessments and programme cards both list them.
 */
export const getConfirmedPatterns = cache(async function getConfirmedPatterns(db: Queryable, scope: Scope, patientId: string): Promise<ConfirmedPattern[]> {
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
});


