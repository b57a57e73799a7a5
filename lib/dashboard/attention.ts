import { differenceInCalendarWeeks } from "date-fns";
import { getDueReasons, isNotImproving } from "@/lib/clinical/caseload-rules";
import type { McidRuleOverride } from "@/lib/clinical/mcid";
import type { ReassessmentMilestone } from "@/lib/clinical/decompression";
import { summarisePatientOutcome, type PatientOutcome } from "@/lib/outcomes/model";
import type { CaseloadFact } from "./caseload-facts";

export type NotImprovingRow = {
  patientId: string;
  name: string;
  firstAssessedAt: number | null;
  weeksInCare: number | null;
  sessionsCompleted: number;
  outcome: PatientOutcome;
};

export type DueRow = { patientId: string; name: string; reasons: string[]; lastAssessedAt: number | null; reviewDate: string | null };

const nameOf = (f: CaseloadFact) => `${f.first_name} ${f.last_name}`;

/** Patients in active care who have had time to respond and show no meaningful improvement (caseload-rules.ts). */
export function selectNotImproving(facts: readonly CaseloadFact[], overrides: readonly McidRuleOverride[], now: Date): NotImprovingRow[] {
  const rows: NotImprovingRow[] = [];
  for (const f of facts) {
    const outcome = summarisePatientOutcome(f.history, overrides);
    const firstAssessmentAt = f.first_assessed === null ? null : new Date(f.first_assessed);
    const flagged = isNotImproving({
      firstAssessmentAt,
      now,
      sessionsCompleted: f.sessions_completed,
      improvementShown: outcome.improved,
    });
    if (!flagged) continue;
    rows.push({
      patientId: f.id,
      name: nameOf(f),
      firstAssessedAt: f.first_assessed,
      weeksInCare: firstAssessmentAt ? differenceInCalendarWeeks(now, firstAssessmentAt) : null,
      sessionsCompleted: f.sessions_completed,
      outcome,
    });
  }
  // Longest in care without a response first.
  return rows.sort((a, b) => (a.firstAssessedAt ?? Infinity) - (b.firstAssessedAt ?? Infinity) || a.name.localeCompare(b.name));
}

/** Reassessments and reviews due now (caseload-rules.ts getDueReasons), most reasons first. */
export function selectDue(facts: readonly CaseloadFact[], now: Date): DueRow[] {
  const rows: DueRow[] = [];
  for (const f of facts) {
    const done: ReassessmentMilestone[] = [];
    if (f.last_assessed !== null && f.half_at !== null && f.last_assessed >= f.half_at) done.push(50);
    if (f.last_assessed !== null && f.final_at !== null && f.last_assessed >= f.final_at) done.push(100);
    const reasons = getDueReasons({
      course: f.course_id && f.planned_sessions ? { planned: f.planned_sessions, completed: f.course_completed, done } : null,
      programmeReviewDate: f.review_at === null ? null : new Date(f.review_at),
      lastAssessmentAt: f.last_assessed === null ? null : new Date(f.last_assessed),
      active: true,
      now,
    });
    if (reasons.length > 0) {
      rows.push({ patientId: f.id, name: nameOf(f), reasons, lastAssessedAt: f.last_assessed, reviewDate: f.review_date });
    }
  }
  return rows.sort((a, b) => b.reasons.length - a.reasons.length || (a.lastAssessedAt ?? 0) - (b.lastAssessedAt ?? 0));
}
