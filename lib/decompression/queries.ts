import { and, asc, desc, eq, inArray, max } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { assessments, bodyWeights, decompressionCourses, decompressionSessions, users, type DecompressionCourse, type DecompressionSession } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { computeReassessmentDue, type ReassessmentMilestone } from "@/lib/clinical/decompression";
import { NotFoundError, isUuid } from "@/lib/errors";

const overrideUsers = alias(users, "override_user");

export type CourseView = DecompressionCourse & { practitionerName: string; overrideByName: string | null };

export async function listCourses(db: Queryable, scope: Scope, patientId: string): Promise<CourseView[]> {
  if (!isUuid(patientId)) return [];
  const rows = await db
    .select({ course: decompressionCourses, practitionerName: users.name, overrideByName: overrideUsers.name })
    .from(decompressionCourses)
    .innerJoin(users, eq(users.id, decompressionCourses.practitionerId))
    .leftJoin(overrideUsers, eq(overrideUsers.id, decompressionCourses.overrideBy))
    .where(and(eq(decompressionCourses.clinicId, scope.clinicId), eq(decompressionCourses.patientId, patientId)))
    .orderBy(desc(decompressionCourses.startDate), desc(decompressionCourses.createdAt));
  return rows.map((r) => ({ ...r.course, practitionerName: r.practitionerName, overrideByName: r.overrideByName }));
}

export async function getCourse(db: Queryable, scope: Scope, courseId: string): Promise<CourseView> {
  if (!isUuid(courseId)) throw new NotFoundError("Course");
  const [row] = await db
    .select({ course: decompressionCourses, practitionerName: users.name, overrideByName: overrideUsers.name })
    .from(decompressionCourses)
    .innerJoin(users, eq(users.id, decompressionCourses.practitionerId))
    .leftJoin(overrideUsers, eq(overrideUsers.id, decompressionCourses.overrideBy))
    .where(and(eq(decompressionCourses.id, courseId), eq(decompressionCourses.clinicId, scope.clinicId)));
  if (!row) throw new NotFoundError("Course");
  return { ...row.course, practitionerName: row.practitionerName, overrideByName: row.overrideByName };
}

export async function listCourseSessions(db: Queryable, scope: Scope, courseId: string): Promise<DecompressionSession[]> {
  if (!isUuid(courseId)) return [];
  return db
    .select()
    .from(decompressionSessions)
    .where(and(eq(decompressionSessions.clinicId, scope.clinicId), eq(decompressionSessions.courseId, courseId)))
    .orderBy(asc(decompressionSessions.scheduledAt));
}

export async function getSession(db: Queryable, scope: Scope, courseId: string, sessionId: string): Promise<DecompressionSession> {
  if (!isUuid(sessionId) || !isUuid(courseId)) throw new NotFoundError("Session");
  const [row] = await db
    .select()
    .from(decompressionSessions)
    .where(
      and(eq(decompressionSessions.id, sessionId), eq(decompressionSessions.courseId, courseId), eq(decompressionSessions.clinicId, scope.clinicId)),
    );
  if (!row) throw new NotFoundError("Session");
  return row;
}

/** The patient's most recent dated body weight: the default for a session's force check. */
export async function getLatestBodyWeight(db: Queryable, scope: Scope, patientId: string): Promise<{ kg: number; measuredOn: string } | null> {
  const [row] = await db
    .select({ kg: bodyWeights.kg, measuredOn: bodyWeights.measuredOn })
    .from(bodyWeights)
    .where(and(eq(bodyWeights.clinicId, scope.clinicId), eq(bodyWeights.patientId, patientId)))
    .orderBy(desc(bodyWeights.measuredOn), desc(bodyWeights.createdAt))
    .limit(1);
  return row ?? null;
}

export type CourseProgress = {
  courseId: string;
  patientId: string;
  status: DecompressionCourse["status"];
  plannedSessions: number;
  completed: number;
  cancelled: number;
  missed: number;
  scheduled: number;
  /** Completed as % of planned, capped at 100. */
  percentComplete: number;
  halfwayAtSession: number;
  finalAtSession: number;
  /** Reassessments due now (50 % and / or 100 % of planned sessions, clinical-reference.md section 4). */
  reassessmentDue: ReassessmentMilestone[];
  lastCompletedAt: Date | null;
  nextScheduledAt: Date | null;
};

/**
 * Progress of several courses at once (the patient page and the dashboard).
 * A milestone's reassessment counts as done when a signed assessment is dated
 * at or after the session that reached it.
 */
export async function listCourseProgress(db: Queryable, scope: Scope, courseIds: readonly string[], now = new Date()): Promise<Map<string, CourseProgress>> {
  const ids = [...new Set(courseIds)].filter(isUuid);
  const out = new Map<string, CourseProgress>();
  if (ids.length === 0) return out;
  const courses = await db
    .select({ id: decompressionCourses.id, patientId: decompressionCourses.patientId, status: decompressionCourses.status, plannedSessions: decompressionCourses.plannedSessions })
    .from(decompressionCourses)
    .where(and(eq(decompressionCourses.clinicId, scope.clinicId), inArray(decompressionCourses.id, ids)));
  if (courses.length === 0) return out;
  const sessions = await db
    .select({ courseId: decompressionSessions.courseId, status: decompressionSessions.status, scheduledAt: decompressionSessions.scheduledAt })
    .from(decompressionSessions)
    .where(and(eq(decompressionSessions.clinicId, scope.clinicId), inArray(decompressionSessions.courseId, courses.map((c) => c.id))))
    .orderBy(asc(decompressionSessions.scheduledAt));
  const latestAssessments = await db
    .select({ patientId: assessments.patientId, at: max(assessments.assessedAt) })
    .from(assessments)
    .where(and(eq(assessments.clinicId, scope.clinicId), inArray(assessments.patientId, [...new Set(courses.map((c) => c.patientId))]), eq(assessments.status, "signed")))
    .groupBy(assessments.patientId);
  const lastAssessed = new Map(latestAssessments.map((a) => [a.patientId, a.at ? new Date(a.at) : null]));

  for (const course of courses) {
    const own = sessions.filter((s) => s.courseId === course.id);
    const completedAt = own.filter((s) => s.status === "completed").map((s) => s.scheduledAt);
    const countOf = (status: DecompressionSession["status"]) => own.filter((s) => s.status === status).length;
    const plan = computeReassessmentDue({ plannedSessions: course.plannedSessions, completedSessions: completedAt.length });
    const assessedAt = lastAssessed.get(course.patientId) ?? null;
    const reachedAt = (session: number) => completedAt[session - 1] ?? null;
    const done = ([50, 100] as const).filter((m) => {
      const at = reachedAt(m === 50 ? plan.halfwayAtSession : plan.finalAtSession);
      return at !== null && assessedAt !== null && assessedAt >= at;
    });
    const due = computeReassessmentDue({ plannedSessions: course.plannedSessions, completedSessions: completedAt.length, done }).due;
    out.set(course.id, {
      courseId: course.id,
      patientId: course.patientId,
      status: course.status,
      plannedSessions: course.plannedSessions,
      completed: completedAt.length,
      cancelled: countOf("cancelled"),
      missed: countOf("missed"),
      scheduled: countOf("scheduled"),
      percentComplete: Math.min(100, (completedAt.length / course.plannedSessions) * 100),
      halfwayAtSession: plan.halfwayAtSession,
      finalAtSession: plan.finalAtSession,
      reassessmentDue: course.status === "stopped" ? [] : due,
      lastCompletedAt: completedAt.at(-1) ?? null,
      nextScheduledAt: own.find((s) => s.status === "scheduled" && s.scheduledAt >= now)?.scheduledAt ?? null,
    });
  }
  return out;
}

export async function getCourseProgress(db: Queryable, scope: Scope, courseId: string, now = new Date()): Promise<CourseProgress> {
  const progress = (await listCourseProgress(db, scope, [courseId], now)).get(courseId);
  if (!progress) throw new NotFoundError("Course");
  return progress;
}

export type SessionSlot = {
  id: string;
  courseId: string;
  patientId: string;
  patientName: string;
  scheduledAt: Date;
  status: DecompressionSession["status"];
  region: DecompressionCourse["region"];
  targetLevel: string;
  practitionerId: string | null;
};

