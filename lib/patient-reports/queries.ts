import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { assessments, instrumentResults, patientLinks, patientReports, type LinkPurpose, type PatientReport, type RequestedActivity } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { getInstrument, type InstrumentId } from "@/lib/clinical/instruments";
import { isUuid, NotFoundError } from "@/lib/errors";
import type { ContentInstrument } from "@/lib/assessments/content";
import { readLinkState, type LinkState } from "@/lib/patient-links/queries";

const signedResults = (scope: Scope, patientId: string, instrument: InstrumentId) =>
  and(eq(instrumentResults.clinicId, scope.clinicId), eq(instrumentResults.patientId, patientId), eq(instrumentResults.instrument, instrument), isNull(instrumentResults.supersededAt));
const signedJoin = and(eq(assessments.id, instrumentResults.assessmentId), eq(assessments.clinicId, instrumentResults.clinicId), eq(assessments.status, "signed"));

/**
 * The PSFS activities named at the patient's baseline: the first signed
 * assessment that has a PSFS. The patient re-rates exactly those (same ids),
 * so each activity keeps its identity across visits (reference §1).
 */
export async function getBaselinePsfs(db: Queryable, scope: Scope, patientId: string): Promise<{ version: string; activities: RequestedActivity[] } | null> {
  const [row] = await db
    .select({ version: instrumentResults.version, items: instrumentResults.items })
    .from(instrumentResults)
    .innerJoin(assessments, signedJoin)
    .where(signedResults(scope, patientId, "psfs"))
    .orderBy(asc(instrumentResults.takenAt))
    .limit(1);
  const items = Array.isArray(row?.items) ? (row.items as { id: string; label: string }[]) : [];
  if (!row || items.length === 0) return null;
  return { version: row.version, activities: items.map((i) => ({ id: i.id, name: i.label })) };
}

/** The version to send: the one last scored for this patient (scores compare only within a version), else the default. */
export async function chooseVersion(db: Queryable, scope: Scope, patientId: string, instrument: InstrumentId): Promise<string> {
  const [row] = await db
    .select({ version: instrumentResults.version })
    .from(instrumentResults)
    .innerJoin(assessments, signedJoin)
    .where(signedResults(scope, patientId, instrument))
    .orderBy(desc(instrumentResults.takenAt))
    .limit(1);
  return row?.version ?? getInstrument(instrument).defaultVersion;
}

export type PatientReportRow = Pick<PatientReport, "id" | "instrument" | "version" | "status" | "score" | "scoreUnit" | "scaleMax" | "band" | "completedAt" | "createdAt" | "assessmentId"> & {
  linkId: string;
  /** "questionnaire", or "intake" for the NPRS and ODI of an intake (one link, two reports). */
  purpose: LinkPurpose;
  linkState: LinkState;
  expiresAt: Date;
};

/** The patient's questionnaires by link, newest first: waiting for answers, answered (drafts) and recently decided. */
export async function listPatientReports(db: Queryable, scope: Scope, patientId: string, now = new Date()): Promise<PatientReportRow[]> {
  if (!isUuid(patientId)) return [];
  const rows = await db
    .select({
      id: patientReports.id,
      instrument: patientReports.instrument,
      version: patientReports.version,
      status: patientReports.status,
      score: patientReports.score,
      scoreUnit: patientReports.scoreUnit,
      scaleMax: patientReports.scaleMax,
      band: patientReports.band,
      completedAt: patientReports.completedAt,
      createdAt: patientReports.createdAt,
      assessmentId: patientReports.assessmentId,
      linkId: patientLinks.id,
      purpose: patientLinks.purpose,
      expiresAt: patientLinks.expiresAt,
      revokedAt: patientLinks.revokedAt,
    })
    .from(patientReports)
    .innerJoin(patientLinks, and(eq(patientLinks.id, patientReports.linkId), eq(patientLinks.clinicId, patientReports.clinicId)))
    .where(and(eq(patientReports.clinicId, scope.clinicId), eq(patientReports.patientId, patientId)))
    .orderBy(desc(patientReports.createdAt))
    .limit(20);
  return rows.map(({ revokedAt, ...r }) => ({ ...r, linkState: readLinkState({ revokedAt, expiresAt: r.expiresAt }, now) }));
}

export type CompletedReport = { id: string; completedAt: Date; content: ContentInstrument };

/** A patient-reported draft still waiting for a decision, as the assessment form takes an instrument. */
export async function getCompletedReport(db: Queryable, scope: Scope, patientId: string, reportId: string): Promise<CompletedReport> {
  if (!isUuid(reportId)) throw new NotFoundError("Patient-reported questionnaire");
  const [r] = await db
    .select()
    .from(patientReports)
    .where(and(eq(patientReports.id, reportId), eq(patientReports.clinicId, scope.clinicId), eq(patientReports.patientId, patientId), eq(patientReports.status, "completed")));
  if (!r || !r.completedAt || r.score === null || !r.scoreUnit || !r.direction || r.rule === null) throw new NotFoundError("Patient-reported questionnaire");
  return {
    id: r.id,
    completedAt: r.completedAt,
    content: {
      instrument: r.instrument,
      version: r.version,
      score: r.score,
      unit: r.scoreUnit,
      scaleMin: r.scaleMin ?? 0,
      scaleMax: r.scaleMax ?? 0,
      direction: r.direction,
      band: r.band,
      rule: r.rule,
      items: r.items ?? [],
    },
  };
}
