import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { decompressionCourses, type DecompressionCourse } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { NotFoundError, RuleError } from "@/lib/errors";

/**
 * The clinic's course, locked for the rest of the transaction, if sessions may
 * still be booked or logged on it: every session write (the log form, the
 * calendar's bookings and changes) starts here.
 */
export async function lockActiveCourse(tx: Transaction, scope: Scope, courseId: string): Promise<DecompressionCourse> {
  const [course] = await tx
    .select()
    .from(decompressionCourses)
    .where(and(eq(decompressionCourses.id, courseId), eq(decompressionCourses.clinicId, scope.clinicId)))
    .for("update");
  if (!course) throw new NotFoundError("Course");
  if (course.status !== "active") throw new RuleError(`This course is ${course.status}: no more sessions can be booked or logged.`);
  return course;
}
