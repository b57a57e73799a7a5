import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { adherenceEntries } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { computeAdherencePercent, isLowAdherence } from "@/lib/clinical/caseload-rules";
import { isUuid } from "@/lib/errors";

export type WeeklyAdherence = {
  /** Monday of the week, YYYY-MM-DD. */
  weekStart: string;
  sessionsDone: number;
  sessionsPrescribed: number;
  /** Done as % of prescribed, capped at 100; null when nothing was prescribed. */
  percent: number | null;
  low: boolean;
  /** The highest pain during exercise reported for the week (NPRS 0-10), if any. */
  painDuring: number | null;
  note: string | null;
  programmeIds: string[];
  /** Some of the week came from what the patient logged through their link, not from staff at a visit. */
  patientReported: boolean;
};

/**
 * The patient's home-programme adherence, one row per week, oldest first.
 * Two entries in one week (a programme replaced mid-week) add up.
 */
export async function getWeeklyAdherence(db: Queryable, scope: Scope, patientId: string): Promise<WeeklyAdherence[]> {
  if (!isUuid(patientId)) return [];
  const rows = await db
    .select()
    .from(adherenceEntries)
    .where(and(eq(adherenceEntries.clinicId, scope.clinicId), eq(adherenceEntries.patientId, patientId)))
    .orderBy(asc(adherenceEntries.weekStart), asc(adherenceEntries.recordedAt));
  const weeks = new Map<string, WeeklyAdherence>();
  for (const row of rows) {
    const week = weeks.get(row.weekStart) ?? {
      weekStart: row.weekStart,
      sessionsDone: 0,
      sessionsPrescribed: 0,
      percent: null,
      low: false,
      painDuring: null,
      note: null,
      programmeIds: [],
      patientReported: false,
    };
    week.sessionsDone += row.sessionsDone;
    week.sessionsPrescribed += row.sessionsPrescribed;
    if (row.painDuring !== null) week.painDuring = Math.max(week.painDuring ?? 0, row.painDuring);
    if (row.note) week.note = row.note;
    if (row.source === "patient") week.patientReported = true;
    if (!week.programmeIds.includes(row.programmeId)) week.programmeIds.push(row.programmeId);
    weeks.set(row.weekStart, week);
  }
  return [...weeks.values()].map((week) => {
    const percent = computeAdherencePercent(week.sessionsDone, week.sessionsPrescribed);
    return { ...week, percent, low: isLowAdherence(percent) };
  });
}

