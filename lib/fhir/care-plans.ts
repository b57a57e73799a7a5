import type { CarePlan, ServiceRequest } from "@medplum/fhirtypes";
import { describeDose } from "@/lib/exercises/library";
import { describeItemDose, describeLoad } from "@/lib/programmes/describe";
import type { ProgrammeItemView, ProgrammeView } from "@/lib/programmes/queries";
import { SNOMED, SNOMED_EXERCISE_THERAPY } from "./codes";
import { deriveId } from "./ids";
import type { BuildContext } from "./types";

// CarePlan.status has no "superseded": a replaced version is revoked, and the new one `replaces` it
const CARE_PLAN_STATUS = { draft: "draft", active: "active", completed: "completed", stopped: "revoked", superseded: "revoked" } as const;
const REQUEST_STATUS = { draft: "draft", active: "active", completed: "completed", stopped: "revoked", superseded: "revoked" } as const;

export const itemRequestId = (item: ProgrammeItemView) => deriveId("service-request", item.id);

function doseDetails(ctx: BuildContext, item: ProgrammeItemView) {
  const load = describeLoad(item);
  const parts: [string, string, string | null][] = [
    ["sets", "Sets", `${item.sets} sets`],
    ["reps", "Repetitions", item.reps === null ? null : `${item.reps} repetitions`],
    ["hold", "Hold", item.holdSeconds === null ? null : `hold ${item.holdSeconds} s`],
    ["load", "Load", load],
    ["side", "Side", item.side === "na" ? null : item.side === "both" ? "both sides" : `${item.side} side`],
  ];
  return parts.flatMap(([key, display, text]) => (text ? [ctx.codes.concept("dose", key, display, text)] : []));
}

/** One exercise of a home programme: exercise therapy, the exercise, and its dose. */
function buildItemRequest(ctx: BuildContext, programme: ProgrammeView, item: ProgrammeItemView): ServiceRequest {
  const exercise = item.exercise;
  const name = exercise?.name ?? "Exercise no longer in the library";
  const exerciseConcept =
    exercise?.source === "built-in" ? ctx.codes.concept("exercise", exercise.key, exercise.name) : { text: name };
  return {
    resourceType: "ServiceRequest",
    id: itemRequestId(item),
    status: REQUEST_STATUS[programme.status],
    intent: "plan",
    requisition: { system: "urn:plumbline:programme", value: programme.id },
    basedOn: [{ reference: `CarePlan/${programme.id}` }],
    code: { coding: [{ system: SNOMED, code: SNOMED_EXERCISE_THERAPY, display: "Exercise therapy" }], text: `Exercise therapy: ${name}` },
    orderDetail: [exerciseConcept, ...doseDetails(ctx, item)],
    subject: ctx.patientRef,
    authoredOn: programme.createdAt.toISOString(),
    requester: ctx.practitionerRef(programme.practitionerId),
    occurrenceTiming: {
      repeat: { frequency: item.timesPerDay * item.daysPerWeek, period: 1, periodUnit: "wk" },
      code: { text: describeDose(item) },
    },
    patientInstruction: [describeItemDose(item), ...(exercise?.instructions ?? []), item.notes].filter(Boolean).join("\n"),
  };
}

/** A home programme as a CarePlan whose activities are one exercise-therapy request per exercise. */
export function buildProgramme(ctx: BuildContext, programme: ProgrammeView): { carePlan: CarePlan; requests: ServiceRequest[] } {
  const requests = programme.items.map((item) => buildItemRequest(ctx, programme, item));
  const carePlan: CarePlan = {
    resourceType: "CarePlan",
    id: programme.id,
    status: CARE_PLAN_STATUS[programme.status],
    intent: "plan",
    category: [ctx.codes.concept("programme", "home-programme", "Home exercise programme")],
    title: `Home programme, version ${programme.versionNo}`,
    ...(programme.goals ? { description: programme.goals } : {}),
    subject: ctx.patientRef,
    period: { start: programme.startDate },
    created: programme.createdAt.toISOString(),
    author: ctx.practitionerRef(programme.practitionerId),
    ...(programme.supersedesId ? { replaces: [{ reference: `CarePlan/${programme.supersedesId}` }] } : {}),
    activity: requests.map((r) => ({ reference: { reference: `ServiceRequest/${r.id}` } })),
  };
  const notes = [programme.reviewDate ? `Review due ${programme.reviewDate}` : null, programme.stoppedReason ? `Stopped: ${programme.stoppedReason}` : null];
  if (notes.some(Boolean)) carePlan.note = notes.flatMap((text) => (text ? [{ text }] : []));
  return { carePlan, requests };
}
