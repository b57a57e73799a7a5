import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import type { Scope } from "@/lib/auth/scope-types";
import { completedInPeriod, listOutcomePopulation, type OutcomePatientRow } from "@/lib/dashboard/clinic-outcomes";
import type { OutcomePeriod } from "@/lib/dashboard/outcome-periods";
import { ensureClinicSummaries } from "@/lib/summaries/refresh";

export type CompletedCourse = { patientId: string; region: string; plannedSessions: number; sessionsPerWeek: number; position: string | null; completedAt: number };
export type CompletedProgramme = { patientId: string; programmeId: string; completedAt: number; exercises: { slug: string | null; name: string | null }[] };

/** The outcome population of the whole clinic, with what the benchmarks group it by besides. */
export type BenchmarkPopulation = {
  patients: OutcomePatientRow[];
  /** The first signed assessment of each patient (epoch ms): intake. */
  intakeAt: Map<string, number>;
  courses: CompletedCourse[];
  programmes: CompletedProgramme[];
};

/**
 * The clinic's outcome population for the period (the dashboard panel's: one
 * reader, lib/dashboard/clinic-outcomes.ts) and, for those patients, their
 * intake, and the courses and home programmes they completed in the period.
 */
export async function getBenchmarkPopulation(db: Queryable, scope: Scope, period: OutcomePeriod, now = new Date()): Promise<BenchmarkPopulation> {
  const c = scope.clinicId;
  await ensureClinicSummaries(db, scope);
  const patients = await listOutcomePopulation(db, scope, "clinic", period, now);
  if (patients.length === 0) return { patients, intakeAt: new Map(), courses: [], programmes: [] };
  const ids = sql.join(patients.map((p) => sql`${p.id}::uuid`), sql`, `);
  const { courseDone, programmeDone } = completedInPeriod(c, period, now);
  const [intake, courses, items] = await Promise.all([
    queryRows<{ patient_id: string; at: number }>(
      db,
      sql`select a.patient_id, (date_part('epoch', min(a.assessed_at)) * 1000)::float8 as at from assessment a
          where a.clinic_id = ${c} and a.status = 'signed' and a.patient_id in (${ids}) group by a.patient_id`,
    ),
    queryRows<{ patient_id: string; region: string; planned_sessions: number; sessions_per_week: number; position: string | null; at: number }>(
      db,
      sql`select dc.patient_id, dc.region, dc.planned_sessions, dc.sessions_per_week, dc.initial_parameters ->> 'position' as position,
            (date_part('epoch', dc.updated_at) * 1000)::float8 as at
          from decompression_course dc where ${courseDone} and dc.patient_id in (${ids})`,
    ),
    queryRows<{ patient_id: string; programme_id: string; at: number; slug: string | null; name: string | null }>(
      db,
      sql`select g.patient_id, g.id as programme_id, (date_part('epoch', g.updated_at) * 1000)::float8 as at, i.built_in_slug as slug, e.name
          from programme g
          left join programme_item i on i.clinic_id = ${c} and i.programme_id = g.id
          left join exercise e on e.clinic_id = ${c} and e.id = i.exercise_id
          where ${programmeDone} and g.patient_id in (${ids})
          order by g.id, i.position`,
    ),
  ]);
  const programmes = new Map<string, CompletedProgramme>();
  for (const row of items) {
    const g = programmes.get(row.programme_id) ?? { patientId: row.patient_id, programmeId: row.programme_id, completedAt: row.at, exercises: [] };
    if (row.slug || row.name) g.exercises.push({ slug: row.slug, name: row.name });
    programmes.set(row.programme_id, g);
  }
  return {
    patients,
    intakeAt: new Map(intake.map((r) => [r.patient_id, r.at])),
    courses: courses.map((r) => ({
      patientId: r.patient_id, region: r.region, plannedSessions: r.planned_sessions, sessionsPerWeek: r.sessions_per_week, position: r.position, completedAt: r.at,
    })),
    programmes: [...programmes.values()],
  };
}
