/**
 * Spinal decompression (motorised traction): force units, force checks against
 * body weight, and course planning. The software records and screens; the
 * evidence for the treatment is weak (clinical-reference.md section 4).
 */

import { convertWeight, type WeightUnit } from "./units";

export const DECOMPRESSION_REGIONS = ["lumbar", "cervical"] as const;
export type DecompressionRegion = (typeof DECOMPRESSION_REGIONS)[number];
// Force units are weight units: converted and written by ./units alone
export type ForceUnit = WeightUnit;
export { KG_PER_LB, LB_PER_KG, toKg } from "./units";

// Warn above 50 % of body weight (lumbar) or 10 % (cervical) (clinical-reference.md section 4).
export const FORCE_WARN_ABOVE_PERCENT: Record<DecompressionRegion, number> = { lumbar: 50, cervical: 10 };
// Refuse a force above body weight [U: the brief's hard limit, not in clinical-reference.md].
export const FORCE_REFUSE_ABOVE_PERCENT = 100;
// Lumbar start near 30-35 % (20-30 % acute); cervical 7-10 % (clinical-reference.md section 4).
export const TYPICAL_START_PERCENT = {
  lumbar: { min: 30, max: 35 },
  "lumbar-acute": { min: 20, max: 30 },
  cervical: { min: 7, max: 10 },
} as const;

export const convertForce = convertWeight;

export function forcePercentOfBodyWeight(forceKg: number, bodyWeightKg: number): number {
  if (!(bodyWeightKg > 0) || !Number.isFinite(bodyWeightKg)) {
    throw new RangeError(`Body weight must be a positive number of kg, got ${bodyWeightKg}`);
  }
  return (forceKg / bodyWeightKg) * 100;
}

/** The typical starting force range in kg for a patient (a hint, not a prescription). */
export function getTypicalStartRange(region: DecompressionRegion, bodyWeightKg: number, acute = false) {
  const range = TYPICAL_START_PERCENT[region === "lumbar" && acute ? "lumbar-acute" : region];
  return { minKg: (bodyWeightKg * range.min) / 100, maxKg: (bodyWeightKg * range.max) / 100 };
}

export type ForceCheck = {
  /** Refused: the values cannot be saved. */
  errors: string[];
  /** Allowed only after the practitioner confirms. */
  warnings: string[];
  percentMax: number | null;
  percentMin: number | null;
};

export function checkForce(input: {
  region: DecompressionRegion;
  maxForceKg: number;
  minForceKg?: number | null;
  bodyWeightKg: number;
}): ForceCheck {
  const { region, maxForceKg, bodyWeightKg } = input;
  const minForceKg = input.minForceKg ?? null;
  const errors: string[] = [];
  const warnings: string[] = [];

  if (!Number.isFinite(maxForceKg)) errors.push("Maximum force must be a number");
  else if (maxForceKg < 0) errors.push("Maximum force cannot be negative");
  if (minForceKg !== null) {
    if (!Number.isFinite(minForceKg)) errors.push("Minimum force must be a number");
    else if (minForceKg < 0) errors.push("Minimum force cannot be negative");
    else if (minForceKg > maxForceKg) errors.push("Minimum (rest) force cannot be more than the maximum (pull) force");
  }

  const weightKnown = Number.isFinite(bodyWeightKg) && bodyWeightKg > 0;
  if (!weightKnown) errors.push("Body weight must be more than 0 kg to check the force");
  const percentMax = weightKnown && Number.isFinite(maxForceKg) ? forcePercentOfBodyWeight(maxForceKg, bodyWeightKg) : null;
  const percentMin =
    weightKnown && minForceKg !== null && Number.isFinite(minForceKg)
      ? forcePercentOfBodyWeight(minForceKg, bodyWeightKg)
      : null;

  if (percentMax !== null && percentMax > FORCE_REFUSE_ABOVE_PERCENT) {
    errors.push(`Maximum force is ${formatPercent(percentMax)} of body weight: more than body weight is refused`);
  } else if (percentMax !== null && percentMax > FORCE_WARN_ABOVE_PERCENT[region]) {
    warnings.push(
      `Maximum force is ${formatPercent(percentMax)} of body weight, above the ${FORCE_WARN_ABOVE_PERCENT[region]} % ` +
        `${region} threshold: confirm to continue`,
    );
  }
  return { errors, warnings, percentMax, percentMin };
}

function formatPercent(percent: number): string {
  return `${percent.toFixed(1)} %`;
}

// ----- Course planning -----

// Reassess at 50 % and 100 % of planned sessions (clinical-reference.md section 4).
export const REASSESSMENT_MILESTONES = [50, 100] as const;
export type ReassessmentMilestone = (typeof REASSESSMENT_MILESTONES)[number];

/**
 * Which reassessments are due. The 50 % one falls at ceil(planned / 2) completed
 * sessions and stays due until done; once the course is complete only the 100 %
 * one is due, since it covers the same ground.
 */
export function computeReassessmentDue(input: {
  plannedSessions: number;
  completedSessions: number;
  /** Milestones whose reassessment is already recorded. */
  done?: readonly ReassessmentMilestone[];
}): { halfwayAtSession: number; finalAtSession: number; due: ReassessmentMilestone[] } {
  const { plannedSessions, completedSessions, done = [] } = input;
  const halfwayAtSession = Math.ceil(plannedSessions / 2);
  const finalAtSession = plannedSessions;
  if (!(plannedSessions >= 1)) return { halfwayAtSession, finalAtSession, due: [] };

  const due: ReassessmentMilestone[] = [];
  if (completedSessions >= finalAtSession) {
    if (!done.includes(100)) due.push(100);
  } else if (completedSessions >= halfwayAtSession && !done.includes(50)) {
    due.push(50);
  }
  return { halfwayAtSession, finalAtSession, due };
}

type Range = { min: number; max: number };
type RangeRule = { label: string; unit: string; integer: boolean; hard: Range; typical: Range };

// Typical 12-25 sessions, 2-5 a week, over 4-8 weeks, 10-30 min (clinical-reference.md section 4).
// Hard limits 1-60 sessions, 1-7 a week, 1-60 min [U: the brief's input bounds, not in the reference].
export const COURSE_RULES = {
  plannedSessions: { label: "Planned sessions", unit: "sessions", integer: true, hard: { min: 1, max: 60 }, typical: { min: 12, max: 25 } },
  sessionsPerWeek: { label: "Sessions per week", unit: "per week", integer: true, hard: { min: 1, max: 7 }, typical: { min: 2, max: 5 } },
  durationMinutes: { label: "Session duration", unit: "min", integer: false, hard: { min: 1, max: 60 }, typical: { min: 10, max: 30 } },
} as const satisfies Record<string, RangeRule>;
// Typical course length 4-8 weeks (clinical-reference.md section 4).
export const TYPICAL_COURSE_WEEKS: Range = { min: 4, max: 8 };

export type PlanCheck = { errors: string[]; warnings: string[] };

/** Outside the hard limits: an error. Outside the typical range: a warning. */
export function checkAgainstRange(value: number, rule: RangeRule): PlanCheck {
  const { label, unit, hard, typical } = rule;
  if (!Number.isFinite(value)) return { errors: [`${label} must be a number`], warnings: [] };
  if (rule.integer && !Number.isInteger(value)) return { errors: [`${label} must be a whole number`], warnings: [] };
  if (value < hard.min || value > hard.max) {
    return { errors: [`${label} must be between ${hard.min} and ${hard.max} ${unit}`], warnings: [] };
  }
  if (value < typical.min || value > typical.max) {
    return { errors: [], warnings: [`${label} (${value} ${unit}) is outside the typical ${typical.min}-${typical.max} ${unit}`] };
  }
  return { errors: [], warnings: [] };
}

export function checkSessionDuration(minutes: number): PlanCheck {
  return checkAgainstRange(minutes, COURSE_RULES.durationMinutes);
}

export function validateCoursePlan(plan: {
  plannedSessions: number;
  sessionsPerWeek: number;
  durationMinutes?: number | null;
}): PlanCheck {
  const checks = [
    checkAgainstRange(plan.plannedSessions, COURSE_RULES.plannedSessions),
    checkAgainstRange(plan.sessionsPerWeek, COURSE_RULES.sessionsPerWeek),
    plan.durationMinutes == null ? { errors: [], warnings: [] } : checkSessionDuration(plan.durationMinutes),
  ];
  const errors = checks.flatMap((c) => c.errors);
  const warnings = checks.flatMap((c) => c.warnings);
  if (errors.length === 0) {
    const weeks = plan.plannedSessions / plan.sessionsPerWeek;
    if (weeks < TYPICAL_COURSE_WEEKS.min || weeks > TYPICAL_COURSE_WEEKS.max) {
      warnings.push(
        `The course would last about ${Math.round(weeks * 10) / 10} weeks, outside the typical ` +
          `${TYPICAL_COURSE_WEEKS.min}-${TYPICAL_COURSE_WEEKS.max} weeks`,
      );
    }
  }
  return { errors, warnings };
}
