import type { DecompressionSession } from "@/db/schema";
import type { Observation, ObservationComponent, Procedure, ServiceRequest } from "@medplum/fhirtypes";
import type { CourseView } from "@/lib/decompression/queries";
import { DECOMPRESSION_SITES } from "./body-sites";
import { OBSERVATION_CATEGORY } from "./codes";
import { deriveId } from "./ids";
import { quantity } from "./observations";
import type { BuildContext } from "./types";

const COURSE_STATUS = { active: "active", completed: "completed", stopped: "revoked" } as const;

function treatment(ctx: BuildContext) {
  // No source in the project gives a code for motorised spinal decompression: a local one
  return ctx.codes.concept("decompression", "spinal-decompression", "Motorised spinal decompression (traction)");
}

/** A course: the in-clinic order the sessions are based on. */
export function buildCourseRequest(ctx: BuildContext, course: CourseView): ServiceRequest {
  const site = DECOMPRESSION_SITES[course.region];
  return {
    resourceType: "ServiceRequest",
    id: course.id,
    status: COURSE_STATUS[course.status],
    intent: "order",
    code: treatment(ctx),
    subject: ctx.patientRef,
    authoredOn: course.createdAt.toISOString(),
    requester: ctx.practitionerRef(course.practitionerId),
    bodySite: [ctx.codes.concept("site", site.key, site.label, `${site.label}, ${course.targetLevel}`)],
    quantityQuantity: { value: course.plannedSessions, unit: "sessions" },
    occurrenceTiming: { repeat: { frequency: course.sessionsPerWeek, period: 1, periodUnit: "wk", boundsPeriod: { start: course.startDate } } },
    ...(course.overrideReason ? { note: [{ text: `Contraindication overridden: ${course.overrideReason}` }] } : {}),
  };
}

const sessionId = (s: DecompressionSession) => s.id;

function parameter(ctx: BuildContext, key: string, label: string, value: number | null, unit: string): ObservationComponent[] {
  return value === null ? [] : [{ code: ctx.codes.concept("decompression", key, label), valueQuantity: quantity(value, unit) }];
}

/** A completed session: the Procedure, and its settings and pain before and after as one Observation part of it. */
export function buildSession(ctx: BuildContext, course: CourseView, s: DecompressionSession): { procedure: Procedure; parameters: Observation } {
  const site = DECOMPRESSION_SITES[course.region];
  const at = s.scheduledAt.toISOString();
  const performer = ctx.practitionerRef(s.practitionerId ?? course.practitionerId);
  const procedure: Procedure = {
    resourceType: "Procedure",
    id: sessionId(s),
    status: "completed",
    basedOn: [{ reference: `ServiceRequest/${course.id}` }],
    code: treatment(ctx),
    subject: ctx.patientRef,
    performedDateTime: at,
    ...(performer ? { performer: [{ actor: performer }] } : {}),
    bodySite: [ctx.codes.concept("site", site.key, site.label, `${site.label}, ${course.targetLevel}`)],
    ...(s.response ? { outcome: { text: `Response: ${s.response}` } } : {}),
    ...(s.adverseEvent ? { complication: [{ text: s.adverseEvent }] } : {}),
    ...(s.notes ? { note: [{ text: s.notes }] } : {}),
  };
  // Before and after are two readings of one scale: local codes tell them apart (one LOINC code for both would not)
  const pain = (key: string, label: string, value: number | null): ObservationComponent[] =>
    value === null ? [] : [{ code: ctx.codes.concept("decompression", key, label), valueQuantity: quantity(value, "points", "points (0-10)") }];
  const parameters: Observation = {
    resourceType: "Observation",
    id: deriveId("session-parameters", s.id),
    status: "final",
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: "procedure", display: "Procedure" }] }],
    code: ctx.codes.concept("decompression", "session-parameters", "Decompression session settings and pain"),
    subject: ctx.patientRef,
    partOf: [{ reference: `Procedure/${procedure.id}` }],
    effectiveDateTime: at,
    ...(performer ? { performer: [performer] } : {}),
    component: [
      ...parameter(ctx, "max-force", "Maximum (pull) force", s.maxForceKg, "kg"),
      ...parameter(ctx, "min-force", "Minimum (rest) force", s.minForceKg, "kg"),
      ...parameter(ctx, "body-weight", "Body weight used", s.bodyWeightKg, "kg"),
      ...parameter(ctx, "cycles", "Cycles", s.cycles, "cycles"),
      ...parameter(ctx, "hold", "Hold", s.holdSeconds, "s"),
      ...parameter(ctx, "rest", "Rest", s.restSeconds, "s"),
      ...parameter(ctx, "duration", "Duration", s.durationMin, "min"),
      ...parameter(ctx, "angle", "Angle", s.angleDeg, "deg"),
      ...pain("pain-before", "Pain before the session (NPRS)", s.nprsBefore),
      ...pain("pain-after", "Pain after the session (NPRS)", s.nprsAfter),
    ],
  };
  return { procedure, parameters };
}
