import { differenceInCalendarWeeks } from "date-fns";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { getDueReasons, isNotImproving } from "@/lib/clinical/caseload-rules";
import type { McidRuleOverride } from "@/lib/clinical/mcid";
import { summarisePatientOutcome, type PatientOutcome } from "@/lib/outcomes/model";
import { describeCourse } from "@/lib/summaries/verdicts";
import { fetchListedFacts, inActiveCare, summaryCaseload, type CaseloadFact } from "./caseload-facts";
import type { DashboardView } from "./view";

export type NotImprovingRow = {
  patientId: string;
  name: string;
  firstAssessedAt: number | null;
  weeksInCare: number | null;
  sessionsCompleted: number;
  outcome: PatientOutcome;
};

export type DueRow = { patientId: string; name: string; reasons: string[]; lastAssessedAt: number | null; reviewDate: string | null };

/** A card's rows as shown, and how many there are in all. */
export type CardList<T> = { rows: T[]; total: number };

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
    const reasons = getDueReasons({
      course: describeCourse(f),
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

/**
 * The not-improving card: the summary rows whose stored verdict (not_improving_from, judged at
 * each write by getNotImprovingFrom) has started by `now`, longest in care first, at most `limit`
 * of them, and the count of all. The rows shown are judged again by the rule itself.
 */
export async function listNotImproving(db: Queryable, scope: Scope, view: DashboardView, overrides: readonly McidRuleOverride[], now: Date, limit: number): Promise<CardList<NotImprovingRow>> {
  const at = now.toISOString();
  const { facts, total } = await fetchListedFacts(
    db,
    scope,
    sql`${summaryCaseload(scope, view)} and s.not_improving_from is not null and s.not_improving_from <= ${at} and ${inActiveCare(now)}`,
    sql`s.first_assessed_at nulls last, s.patient_id`,
    limit,
    { history: true },
  );
  return { rows: selectNotImproving(facts, overrides, now), total };
}

/**
 * The due card: the summary rows with a reason due on `now` (each reason's start stored by
 * verdicts.ts, compared here with now; due_from, the earliest, is the index's range), most
 * reasons first, then the longest since assessed. The rows shown get their reasons from
 * getDueReasons.
 */
export async function listDue(db: Queryable, scope: Scope, view: DashboardView, now: Date, limit: number): Promise<CardList<DueRow>> {
  const at = now.toISOString();
  const reasons = sql`((s.reassessment_due is not null)::int + coalesce((s.review_due_at <= ${at})::int, 0) + coalesce((s.assessment_overdue_at < ${at})::int, 0))`;
  const { facts, total } = await fetchListedFacts(
    db,
    scope,
    sql`${summaryCaseload(scope, view)} and s.due_from is not null and s.due_from <= ${at} and ${inActiveCare(now)} and ${reasons} > 0`,
    sql`${reasons} desc, s.last_assessed_at nulls first, s.patient_id`,
    limit,
    { history: false },
  );
  return { rows: selectDue(facts, now), total };
}
