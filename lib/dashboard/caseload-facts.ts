import { subWeeks } from "date-fns";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { ASSESSMENT_OVERDUE_WEEKS } from "@/lib/clinical/caseload-rules";
import type { SummaryFacts } from "@/lib/summaries/compute";
import { queryRows } from "@/db/query-rows";
import { caseloadCondition, type DashboardView } from "./view";

/**
 * [U] house rule: a patient is "in active care" when not archived and on an
 * active programme, on an active decompression course, or assessed (signed)
 * within twice the reassessment interval. Long-discharged patients who were
 * never archived would otherwise fill every list.
 */
export const RECENTLY_ASSESSED_WEEKS = ASSESSMENT_OVERDUE_WEEKS * 2;

/** What the dashboard's rules need to know about one patient in active care: the summary row's facts. */
export type CaseloadFact = SummaryFacts & {
  id: string;
  first_name: string;
  last_name: string;
  /** The active programme's review date, as the instant that day starts in the clinic. */
  review_at: number | null;
};

/**
 * The caseload's patients in active care, one summary row each (lib/summaries keeps them in
 * the transaction of every clinical write): one index range over the caseload's patients
 * and a primary-key probe of each one's summary, rather than joining every assessment,
 * score, course and session on each view.
 */
export async function fetchCaseloadFacts(db: Queryable, scope: Scope, view: DashboardView, now: Date): Promise<CaseloadFact[]> {
  const recent = subWeeks(now, RECENTLY_ASSESSED_WEEKS).toISOString();
  return queryRows<CaseloadFact>(
    db,
    sql`select p.id, p.first_name, p.last_name,
          (date_part('epoch', s.first_assessed_at) * 1000) as first_assessed,
          (date_part('epoch', s.last_assessed_at) * 1000) as last_assessed,
          (extract(epoch from (s.review_date::timestamp at time zone c.time_zone)) * 1000)::float8 as review_at,
          s.review_date::text as review_date,
          s.course_id, s.course_status, s.planned_sessions, s.course_completed,
          (date_part('epoch', s.half_at) * 1000) as half_at,
          (date_part('epoch', s.final_at) * 1000) as final_at,
          s.sessions_completed, s.history
        from patient p
        join patient_summary s on s.patient_id = p.id and s.clinic_id = p.clinic_id
        join clinic c on c.id = p.clinic_id
        where ${caseloadCondition(scope, view)} and p.archived_at is null
          and (s.active_programme or s.course_status = 'active' or s.last_assessed_at >= ${recent})`,
  );
}
