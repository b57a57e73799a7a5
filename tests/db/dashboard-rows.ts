import { hash } from "@node-rs/argon2";
import type { Database } from "@/db/client";
import {
  adherenceEntries,
  assessments,
  decompressionCourses,
  decompressionSessions,
  instrumentResults,
  measurements,
  patternTags,
  programmes,
  users,
} from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { ARGON2_OPTIONS } from "@/lib/auth/password-options";
import { FIXTURE_PASSWORD } from "./fixtures";

/**
 * Builders for the clinical rows the dashboard and progress tests need. The
 * assessment, programme and decompression features own these tables; the
 * tests insert rows directly so they do not depend on those features' code.
 */

export const DAY = 24 * 60 * 60 * 1000;
export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY);
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

let n = 0;
export async function addPractitioner(db: Database, clinicId: string, name = "Second practitioner") {
  n += 1;
  const passwordHash = await hash(FIXTURE_PASSWORD, ARGON2_OPTIONS);
  const [u] = await db
    .insert(users)
    .values({ clinicId, email: `extra${n}-${Date.now()}@rows.test`, name, role: "practitioner", passwordHash })
    .returning();
  if (!u) throw new Error("no user");
  const scope: Scope = { clinicId, userId: u.id, role: "practitioner", email: u.email };
  return { user: u, scope };
}

export async function addAssessment(
  db: Database,
  p: { clinicId: string; patientId: string; practitionerId: string },
  at: Date,
  status: "draft" | "signed" = "signed",
) {
  const [a] = await db
    .insert(assessments)
    .values({ clinicId: p.clinicId, patientId: p.patientId, practitionerId: p.practitionerId, assessedAt: at, region: "lumbar", status, revision: status === "signed" ? 1 : 0, signedAt: status === "signed" ? at : null, createdAt: at, updatedAt: at })
    .returning({ id: assessments.id });
  if (!a) throw new Error("no assessment");
  return a.id;
}

const INSTRUMENT_SHAPES = {
  nprs: { version: "0-10", scoreUnit: "points", scaleMin: 0, scaleMax: 10, direction: "higher-is-worse" },
  odi: { version: "2.1a", scoreUnit: "percent", scaleMin: 0, scaleMax: 100, direction: "higher-is-worse" },
  rmdq: { version: "24", scoreUnit: "points", scaleMin: 0, scaleMax: 24, direction: "higher-is-worse" },
  psfs: { version: "1", scoreUnit: "points", scaleMin: 0, scaleMax: 10, direction: "higher-is-better" },
  ndi: { version: "1991", scoreUnit: "points", scaleMin: 0, scaleMax: 50, direction: "higher-is-worse" },
} as const;

/** A signed assessment at `at` holding one result per instrument given (NPRS with an optional worst-in-24-h item). */
export async function addScores(
  db: Database,
  p: { clinicId: string; patientId: string; practitionerId: string },
  at: Date,
  scores: Partial<Record<keyof typeof INSTRUMENT_SHAPES, number>> & { worst?: number },
  status: "draft" | "signed" = "signed",
  /** Another version than the default shape's, e.g. { rmdq: "18" } (scale max follows the item count). */
  versions: { rmdq?: "24" | "23" | "18" | "11"; odi?: "1.0" | "2.1a" | "modified" } = {},
) {
  const assessmentId = await addAssessment(db, p, at, status);
  const rows = (Object.keys(INSTRUMENT_SHAPES) as (keyof typeof INSTRUMENT_SHAPES)[])
    .filter((k) => scores[k] !== undefined)
    .map((instrument) => ({
      clinicId: p.clinicId,
      patientId: p.patientId,
      assessmentId,
      instrument,
      ...INSTRUMENT_SHAPES[instrument],
      ...(instrument === "rmdq" && versions.rmdq ? { version: versions.rmdq, scaleMax: Number(versions.rmdq) } : {}),
      ...(instrument === "odi" && versions.odi ? { version: versions.odi } : {}),
      items:
        instrument === "nprs"
          ? [
              { id: "current", label: "Pain now", value: scores.nprs },
              { id: "best", label: "Least pain", value: null },
              { id: "worst24h", label: "Worst pain", value: scores.worst ?? null },
            ]
          : [],
      score: scores[instrument]!,
      rule: "test",
      takenAt: at,
    }));
  if (rows.length > 0) await db.insert(instrumentResults).values(rows);
  return assessmentId;
}

export async function addMeasurements(db: Database, rows: (typeof measurements.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insert(measurements).values(rows.slice(i, i + 500));
}

/** A course with `completed` completed sessions on consecutive days ending `lastDaysAgo` days before now. */
export async function addCourse(
  db: Database,
  p: { clinicId: string; patientId: string; practitionerId: string },
  opts: { planned: number; completed: number; lastDaysAgo: number; now: Date; status?: "active" | "completed" | "stopped"; updatedAt?: Date; region?: "lumbar" | "cervical" },
) {
  const [course] = await db
    .insert(decompressionCourses)
    .values({
      clinicId: p.clinicId,
      patientId: p.patientId,
      practitionerId: p.practitionerId,
      region: opts.region ?? "lumbar",
      targetLevel: opts.region === "cervical" ? "C5-C6" : "L4-L5",
      plannedSessions: opts.planned,
      sessionsPerWeek: 3,
      startDate: isoDate(daysBefore(opts.now, opts.lastDaysAgo + opts.completed + 1)),
      initialParameters: {},
      screening: { outcome: "clear" },
      status: opts.status ?? "active",
      updatedAt: opts.updatedAt ?? opts.now,
    })
    .returning({ id: decompressionCourses.id });
  if (!course) throw new Error("no course");
  const sessions = Array.from({ length: opts.completed }, (_, i) => ({
    clinicId: p.clinicId,
    patientId: p.patientId,
    courseId: course.id,
    practitionerId: p.practitionerId,
    scheduledAt: daysBefore(opts.now, opts.lastDaysAgo + (opts.completed - 1 - i)),
    status: "completed" as const,
  }));
  if (sessions.length > 0) await db.insert(decompressionSessions).values(sessions);
  return course.id;
}

export async function addSession(
  db: Database,
  p: { clinicId: string; patientId: string; practitionerId: string },
  courseId: string,
  at: Date,
  status: "scheduled" | "completed" | "cancelled" | "missed" = "scheduled",
) {
  await db.insert(decompressionSessions).values({ clinicId: p.clinicId, patientId: p.patientId, courseId, practitionerId: p.practitionerId, scheduledAt: at, status });
}

export async function addProgramme(
  db: Database,
  p: { clinicId: string; patientId: string; practitionerId: string },
  opts: { status?: "active" | "completed"; reviewDate?: string | null; startDate: string; updatedAt?: Date },
) {
  const [g] = await db
    .insert(programmes)
    .values({ clinicId: p.clinicId, patientId: p.patientId, practitionerId: p.practitionerId, status: opts.status ?? "active", startDate: opts.startDate, reviewDate: opts.reviewDate ?? null, updatedAt: opts.updatedAt })
    .returning({ id: programmes.id });
  if (!g) throw new Error("no programme");
  return g.id;
}

export async function addAdherence(
  db: Database,
  p: { clinicId: string; patientId: string },
  programmeId: string,
  weekStart: string,
  done: number,
  prescribed: number,
) {
  await db.insert(adherenceEntries).values({ clinicId: p.clinicId, patientId: p.patientId, programmeId, weekStart, sessionsDone: done, sessionsPrescribed: prescribed });
}

export async function addPattern(db: Database, p: { clinicId: string; patientId: string }, assessmentId: string, pattern: string) {
  await db.insert(patternTags).values({ clinicId: p.clinicId, patientId: p.patientId, assessmentId, pattern, status: "confirmed" });
}
