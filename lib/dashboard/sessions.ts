import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import type { ClinicContext } from "./clinic-context";
import { queryRows } from "@/db/query-rows";
import type { DashboardView } from "./view";

// A week's list stays readable: beyond this the card says how many more there are.
export const SESSION_LIST_LIMIT = 100;

export type WeekSession = {
  id: string;
  patient_id: string;
  course_id: string;
  first_name: string;
  last_name: string;
  status: "scheduled" | "completed" | "cancelled" | "missed";
  t: number;
  practitioner_name: string | null;
  total: number;
};

/**
 * Decompression sessions scheduled in [from, to), the practitioner's own
 * unless the whole clinic is asked for, with the total before the limit.
 * Served by decompression_session (clinic_id, practitioner_id, scheduled_at)
 * or (clinic_id, scheduled_at).
 */
async function listSessionsBetween(db: Queryable, scope: Scope, view: DashboardView, from: Date, to: Date) {
  const rows = await queryRows<WeekSession>(
    db,
    sql`select s.id, s.patient_id, s.course_id, p.first_name, p.last_name, s.status,
          (date_part('epoch', s.scheduled_at) * 1000) as t,
          u.name as practitioner_name, (count(*) over ())::int as total
        from decompression_session s
        join patient p on p.id = s.patient_id and p.clinic_id = s.clinic_id
        left join app_user u on u.id = s.practitioner_id and u.clinic_id = s.clinic_id
        where s.clinic_id = ${scope.clinicId}
          ${view === "mine" ? sql`and s.practitioner_id = ${scope.userId}` : sql``}
          and s.scheduled_at >= ${from.toISOString()} and s.scheduled_at < ${to.toISOString()}
        order by s.scheduled_at, p.last_name
        limit ${SESSION_LIST_LIMIT}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export type SessionList = Awaited<ReturnType<typeof listSessionsBetween>>;

/** Today's and this week's sessions (Monday to Sunday), in the clinic's time zone. */
export async function listDashboardSessions(db: Queryable, scope: Scope, view: DashboardView, ctx: ClinicContext) {
  const [today, week] = await Promise.all([
    listSessionsBetween(db, scope, view, ctx.dayStart, ctx.dayEnd),
    listSessionsBetween(db, scope, view, ctx.weekStart, ctx.weekEnd),
  ]);
  return { today, week };
}
