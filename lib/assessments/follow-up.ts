import { and, desc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { assessments, instrumentResults, measurements, type Assessment } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import type { InstrumentId } from "@/lib/clinical/instruments";
import type { PatternId } from "@/lib/clinical/patterns";
import { toPsfsPrefill, type ContentInstrument } from "./content";
import { fieldName } from "./form-fields";
import { getConfirmedPatterns } from "./queries";
import { resultRowToContent } from "./rows-to-content";

/**
 * What a follow-up starts from, read from the patient's signed assessments:
 * the tests measured before (with the method used last), the questionnaires
 * completed, the PSFS activities to re-rate and the patterns still confirmed.
 * A first assessment gets `previous: false` and the full form.
 */
export type FollowUpStart = {
  previous: boolean;
  region: Assessment["region"] | null;
  psfs: ContentInstrument | undefined;
  /** Measure codes with the method used the last time each was measured. */
  measured: { code: string; method: string | null }[];
  instruments: InstrumentId[];
  confirmedPatterns: PatternId[];
};

export async function getFollowUpStart(db: Queryable, scope: Scope, patientId: string): Promise<FollowUpStart> {
  const signed = and(eq(assessments.clinicId, scope.clinicId), eq(assessments.patientId, patientId), eq(assessments.status, "signed"));
  const [latest] = await db.select({ id: assessments.id, region: assessments.region }).from(assessments).where(signed).orderBy(desc(assessments.assessedAt)).limit(1);
  if (!latest) return { previous: false, region: null, psfs: undefined, measured: [], instruments: [], confirmedPatterns: [] };
  const [measuredRows, instrumentRows, confirmed] = await Promise.all([
    db
      .select({ code: measurements.code, method: measurements.method })
      .from(measurements)
      .innerJoin(assessments, and(eq(assessments.id, measurements.assessmentId), signed))
      .where(and(eq(measurements.clinicId, scope.clinicId), eq(measurements.patientId, patientId), isNull(measurements.supersededAt)))
      .orderBy(desc(measurements.takenAt)),
    db
      .select()
      .from(instrumentResults)
      .innerJoin(assessments, and(eq(assessments.id, instrumentResults.assessmentId), signed))
      .where(and(eq(instrumentResults.clinicId, scope.clinicId), eq(instrumentResults.patientId, patientId), isNull(instrumentResults.supersededAt)))
      .orderBy(desc(instrumentResults.takenAt)),
    getConfirmedPatterns(db, scope, patientId),
  ]);
  const measured = new Map<string, string | null>();
  for (const row of measuredRows) if (!measured.has(row.code)) measured.set(row.code, row.method);
  const latestPsfs = instrumentRows.find((r) => r.instrument_result.instrument === "psfs" && r.instrument_result.assessmentId === latest.id);
  return {
    previous: true,
    region: latest.region,
    psfs: latestPsfs ? resultRowToContent(latestPsfs.instrument_result) : undefined,
    measured: [...measured].map(([code, method]) => ({ code, method })),
    instruments: [...new Set(instrumentRows.map((r) => r.instrument_result.instrument))],
    confirmedPatterns: confirmed.map((c) => c.pattern),
  };
}

/** The form's starting values for a new assessment: PSFS activities to re-rate, last methods, patterns still confirmed. */
export function toFollowUpValues(start: FollowUpStart): Record<string, string> {
  const values: Record<string, string> = toPsfsPrefill(start.psfs);
  for (const m of start.measured) if (m.method) values[fieldName.measureMethod(m.code)] = m.method;
  for (const pattern of start.confirmedPatterns) values[fieldName.pattern(pattern)] = "confirmed";
  return values;
}
