import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { decompressionCourses } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { checkForce, validateCoursePlan } from "@/lib/clinical/decompression";
import { canOverride } from "@/lib/clinical/safety";
import { isUniqueViolation } from "@/lib/db-errors";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { getPatient } from "@/lib/patients/queries";
import { getLatestBodyWeight } from "./queries";
import { toStoredScreening } from "./rules";
import type { CourseInput, CourseStatusInput } from "./schemas";
import { screenPatient } from "./screening";
import { refreshPatientSummary } from "@/lib/summaries/refresh";

const ONE_ACTIVE_INDEX = "decompression_course_one_active_idx";
const activeCourseExists = (region: string) =>
  new RuleError(`This patient already has an active ${region} course. Complete or stop it before starting another.`, "region");

async function hasActiveCourse(tx: Transaction, scope: Scope, patientId: string, region: CourseInput["region"]): Promise<boolean> {
  const rows = await tx
    .select({ id: decompressionCourses.id })
    .from(decompressionCourses)
    .where(and(eq(decompressionCourses.clinicId, scope.clinicId), eq(decompressionCourses.patientId, patientId), eq(decompressionCourses.region, region), eq(decompressionCourses.status, "active")))
    .limit(1);
  return rows.length > 0;
}

export type CourseResult = { kind: "created"; id: string } | { kind: "confirm"; message: string };

/**
 * Creates a course only if screening allows it. Red flags always block; a
 * contraindication blocks unless an admin overrides it with a written reason
 * (stored on the course and audited as "override"). Precautions, plans outside
 * the typical range and a high starting force need the practitioner's confirm.
 * These checks live here, not in the page, so no route can skip them.
 */
export async function createCourse(tx: Transaction, scope: Scope, input: CourseInput, now = new Date()): Promise<CourseResult> {
  const patient = await getPatient(tx, scope, input.patientId);
  if (patient.archivedAt) throw new RuleError("This patient is archived: restore them before starting a course.");
  if (input.startDate < patient.dateOfBirth) throw new RuleError("The start date cannot be before the patient's date of birth", "startDate");
  if (await hasActiveCourse(tx, scope, patient.id, input.region)) throw activeCourseExists(input.region);

  const screening = await screenPatient(tx, scope, patient.id, input.region);
  let override = false;
  if (screening.outcome === "blocked") {
    if (screening.urgentReferral) throw new RuleError(screening.message);
    if (!input.overrideReason) throw new RuleError(screening.message);
    if (!canOverride(screening, scope.role)) {
      throw new RuleError("Only an admin can override a contraindication. Ask an admin to review this patient.", "overrideReason");
    }
    override = true;
  }

  const warnings: string[] = [];
  if (screening.warnings.length > 0) warnings.push(`Precautions: ${screening.warnings.map((f) => f.label).join(", ")}.`);
  const plan = validateCoursePlan({ plannedSessions: input.plannedSessions, sessionsPerWeek: input.sessionsPerWeek, durationMinutes: input.durationMin });
  if (plan.errors[0]) throw new RuleError(plan.errors[0]);
  warnings.push(...plan.warnings.map((w) => `${w}.`));

  if (input.maxForceKg !== null) {
    const weight = await getLatestBodyWeight(tx, scope, patient.id);
    if (!weight) throw new RuleError("Record the patient's body weight before setting a force: force is judged against it", "maxForce");
    const force = checkForce({ region: input.region, maxForceKg: input.maxForceKg, minForceKg: input.minForceKg, bodyWeightKg: weight.kg });
    const firstError = force.errors[0];
    if (firstError) throw new RuleError(firstError, firstError.startsWith("Minimum") ? "minForce" : "maxForce");
    warnings.push(...force.warnings.map((w) => `${w}.`));
  }
  if (warnings.length > 0 && !input.confirmed) return { kind: "confirm", message: warnings.join(" ") };

  const [row] = await tx
    .insert(decompressionCourses)
    .values({
      clinicId: scope.clinicId,
      patientId: patient.id,
      practitionerId: scope.userId,
      region: input.region,
      targetLevel: input.targetLevel,
      plannedSessions: input.plannedSessions,
      sessionsPerWeek: input.sessionsPerWeek,
      startDate: input.startDate,
      initialParameters: {
        position: input.position,
        angleDeg: input.angleDeg,
        maxForceKg: input.maxForceKg,
        minForceKg: input.minForceKg,
        holdSeconds: input.holdSeconds,
        restSeconds: input.restSeconds,
        cycles: input.cycles,
        durationMin: input.durationMin,
        enteredIn: input.forceUnit,
      },
      screening: toStoredScreening(screening, now),
      overrideReason: override ? input.overrideReason : null,
      overrideBy: override ? scope.userId : null,
      overrideAt: override ? now : null,
    })
    .returning({ id: decompressionCourses.id })
    .catch((err: unknown) => {
      // A concurrent create won the race past the check above: the index decides.
      if (isUniqueViolation(err, ONE_ACTIVE_INDEX)) throw activeCourseExists(input.region);
      throw err;
    });
  if (!row) throw new Error("insert returned no row");

  await writeAudit(tx, scope, {
    action: "create",
    entity: "decompression_course",
    entityId: row.id,
    patientId: patient.id,
    detail: { region: input.region, plannedSessions: input.plannedSessions, screening: screening.outcome, confirmed: warnings.length > 0 },
  });
  if (override) {
    await writeAudit(tx, scope, {
      action: "override",
      entity: "decompression_course",
      entityId: row.id,
      patientId: patient.id,
      reason: input.overrideReason,
      detail: { contraindications: screening.blocking.map((f) => f.code) },
    });
  }
  // Summary rows follow every clinical write, in its transaction (lib/summaries).
  await refreshPatientSummary(tx, scope, patient.id);
  return { kind: "created", id: row.id };
}

export async function setCourseStatus(tx: Transaction, scope: Scope, input: CourseStatusInput): Promise<{ patientId: string }> {
  const [course] = await tx
    .select({ patientId: decompressionCourses.patientId, status: decompressionCourses.status })
    .from(decompressionCourses)
    .where(and(eq(decompressionCourses.id, input.id), eq(decompressionCourses.clinicId, scope.clinicId)));
  if (!course) throw new NotFoundError("Course");
  if (course.status !== "active") throw new RuleError("Only an active course can be completed or stopped.");
  const rows = await tx
    .update(decompressionCourses)
    .set({ status: input.status, stoppedReason: input.status === "stopped" ? input.reason : null, updatedAt: new Date(), version: sql`${decompressionCourses.version} + 1` })
    .where(and(eq(decompressionCourses.id, input.id), eq(decompressionCourses.clinicId, scope.clinicId), eq(decompressionCourses.version, input.version)))
    .returning({ id: decompressionCourses.id });
  if (rows.length === 0) throw new ConflictError();
  await writeAudit(tx, scope, {
    action: "update",
    entity: "decompression_course",
    entityId: input.id,
    patientId: course.patientId,
    reason: input.reason,
    detail: { status: input.status },
  });
  await refreshPatientSummary(tx, scope, course.patientId);
  return { patientId: course.patientId };
}
