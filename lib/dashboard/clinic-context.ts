import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { queryRows } from "@/db/query-rows";

/** The clinic's time zone, and today's and this week's bounds in that zone (weeks start on Monday, ISO 8601). */
export type ClinicContext = {
  timeZone: string;
  now: Date;
  dayStart: Date;
  dayEnd: Date;
  weekStart: Date;
  weekEnd: Date;
  /** Calendar dates (YYYY-MM-DD) of this week's and last week's Mondays, for adherence weeks. */
  thisMonday: string;
  lastMonday: string;
};

type Row = {
  time_zone: string;
  day_start: number;
  day_end: number;
  week_start: number;
  week_end: number;
  this_monday: string;
  last_monday: string;
};

/** One query: PostgreSQL does the time-zone arithmetic (DST included). */
export async function fetchClinicContext(db: Queryable, scope: Scope, now = new Date()): Promise<ClinicContext> {
  const at = now.toISOString();
  const [row] = await queryRows<Row>(
    db,
    sql`with local as (
          select c.time_zone, (${at}::timestamptz at time zone c.time_zone) as t
          from clinic c where c.id = ${scope.clinicId}
        )
        select time_zone,
          (extract(epoch from (date_trunc('day', t) at time zone time_zone)) * 1000)::float8 as day_start,
          (extract(epoch from ((date_trunc('day', t) + interval '1 day') at time zone time_zone)) * 1000)::float8 as day_end,
          (extract(epoch from (date_trunc('week', t) at time zone time_zone)) * 1000)::float8 as week_start,
          (extract(epoch from ((date_trunc('week', t) + interval '7 days') at time zone time_zone)) * 1000)::float8 as week_end,
          date_trunc('week', t)::date::text as this_monday,
          (date_trunc('week', t) - interval '7 days')::date::text as last_monday
        from local`,
  );
  if (!row) throw new Error("the scope's clinic does not exist");
  return {
    timeZone: row.time_zone,
    now,
    dayStart: new Date(row.day_start),
    dayEnd: new Date(row.day_end),
    weekStart: new Date(row.week_start),
    weekEnd: new Date(row.week_end),
    thisMonday: row.this_monday,
    lastMonday: row.last_monday,
  };
}
