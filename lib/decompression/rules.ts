import { forcePercentOfBodyWeight } from "@/lib/clinical/decompression";
import { formatWeightBoth, type WeightUnit } from "@/lib/clinical/units";
import type { SafetyFlag, ScreeningResult } from "@/lib/clinical/safety";

/** What a course keeps of its screening: codes, not labels, so the record stays exact. */
export type StoredScreening = {
  outcome: ScreeningResult["outcome"];
  blocking: string[];
  warnings: string[];
  urgentReferral: boolean;
  unrecognised: string[];
  message: string;
  screenedAt: string;
};

export function toStoredScreening(result: ScreeningResult, at: Date): StoredScreening {
  return {
    outcome: result.outcome,
    blocking: result.blocking.map((f) => f.code),
    warnings: result.warnings.map((f) => f.code),
    urgentReferral: result.urgentReferral,
    unrecognised: result.unrecognised,
    message: result.message,
    screenedAt: at.toISOString(),
  };
}

/** The contraindications an admin overrode when the course was created (none without an override). */
export function readOverriddenCodes(course: { overrideReason: string | null; screening: Record<string, unknown> }): string[] {
  if (!course.overrideReason) return [];
  const blocking = course.screening.blocking;
  return Array.isArray(blocking) ? blocking.filter((c): c is string => typeof c === "string") : [];
}

/**
 * Blocking flags a new screening finds that the course's override does not
 * cover: a contraindication recorded mid-course, any red flag (no one may
 * override a red flag, clinical-reference.md section 4), or an unclassified code.
 */
export function findUncoveredBlocking(result: Pick<ScreeningResult, "blocking">, overriddenCodes: readonly string[]): SafetyFlag[] {
  return result.blocking.filter((flag) => flag.kind === "red-flag" || flag.kind === "unclassified" || !overriddenCodes.includes(flag.code));
}

/** Unclassified codes hold a session back (the course goes on once they are classified). */
export function findUnclassified(result: Pick<ScreeningResult, "blocking">): SafetyFlag[] {
  return result.blocking.filter((flag) => flag.kind === "unclassified");
}

/** "34.0 kg (75.0 lb)": force in both units, the clinic's first (section 4: keep units explicit). */
export function formatForceUnits(kg: number, preferred: WeightUnit = "kg"): string {
  return formatWeightBoth(kg, preferred);
}

/** "50 % of body weight", or null without a usable weight. */
export function formatForcePercent(kg: number, bodyWeightKg: number | null): string | null {
  if (bodyWeightKg === null || !(bodyWeightKg > 0)) return null;
  return `${Math.round(forcePercentOfBodyWeight(kg, bodyWeightKg))} % of body weight`;
}

/** "34.0 kg (75.0 lb) · 50 % of body weight". */
export function describeForce(kg: number, bodyWeightKg: number | null, preferred: "kg" | "lb" = "kg"): string {
  return [formatForceUnits(kg, preferred), formatForcePercent(kg, bodyWeightKg)].filter(Boolean).join(" · ");
}

export const POSITION_LABELS = { supine: "Supine", prone: "Prone", seated: "Seated" } as const;
export const RESPONSE_LABELS = { centralising: "Centralising", peripheralising: "Peripheralising", "no-change": "No change" } as const;
export const SESSION_STATUS_LABELS = { scheduled: "Scheduled", completed: "Completed", cancelled: "Cancelled", missed: "Missed" } as const;
export const COURSE_STATUS_LABELS = { active: "Active", completed: "Completed", stopped: "Stopped" } as const;
export const REGION_LABELS = { lumbar: "Lumbar", cervical: "Cervical" } as const;

/** A default for the next booking: a day after the latest session (or now), on the hour. */
export function suggestNextSessionTime(scheduled: readonly Date[], now = new Date()): Date {
  const latest = Math.max(now.getTime(), ...scheduled.map((d) => d.getTime()));
  const next = new Date(latest + 24 * 3600 * 1000);
  next.setUTCMinutes(0, 0, 0);
  return next;
}
