import { z } from "zod";
import { COURSE_RULES } from "@/lib/clinical/decompression";
import { WEEKDAY_LABELS, WEEKDAYS } from "./weekdays";
import { blankToNull, checked, isoDate, localDateTime, localTimeOfDay, optionalText, plainText, stringList, wholeNumber } from "@/lib/forms/fields";

const { plannedSessions, durationMinutes } = COURSE_RULES;

const duration = wholeNumber("Session length", durationMinutes.hard.min, durationMinutes.hard.max, `Session length must be between ${durationMinutes.hard.min} and ${durationMinutes.hard.max} minutes`);

export const bookCourseSchema = z.object({
  courseId: z.uuid("Course not found"),
  fromDate: isoDate("the first day", { planned: true }),
  weekdays: stringList(WEEKDAYS, "Choose weekdays from the list")
    .refine((days) => days.length > 0, "Choose at least one weekday")
    .transform((days) => [...new Set(days)].map(Number)),
  time: localTimeOfDay("the time"),
  treatmentTableId: z.uuid("Choose a table"),
  count: wholeNumber("Sessions", plannedSessions.hard.min, plannedSessions.hard.max, `Sessions must be between ${plannedSessions.hard.min} and ${plannedSessions.hard.max}`),
  durationMin: duration,
  /** Book the proposed alternatives for the clashing sessions shown in the preview. */
  useAlternatives: checked,
  planKey: z.preprocess(blankToNull, z.string().max(20_000).nullable()),
});
export type BookCourseInput = z.output<typeof bookCourseSchema>;

const bookingRef = { sessionId: z.uuid("Session not found"), version: z.coerce.number().int().min(1) };

export const moveSessionSchema = z.object({
  ...bookingRef,
  scheduledAt: localDateTime,
  treatmentTableId: z.uuid("Choose a table"),
});
export type MoveSessionInput = z.output<typeof moveSessionSchema>;

export const cancelSessionSchema = z
  .object({
    ...bookingRef,
    outcome: z.enum(["cancelled", "missed"], { error: "Choose cancelled or no-show" }),
    reason: optionalText(500, "Reason"),
    /** Unticked, the course is not extended by a replacement session. */
    extend: checked,
  })
  .superRefine((v, ctx) => {
    if (v.outcome === "cancelled" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why the session is cancelled" });
  });
export type CancelSessionInput = z.output<typeof cancelSessionSchema>;

export const appointmentSchema = z.object({
  patientId: z.uuid("Patient not found"),
  courseId: z.preprocess(blankToNull, z.uuid("Course not found").nullable()),
  kind: z.enum(["assessment", "reassessment"], { error: "Choose assessment or reassessment" }),
  practitionerId: z.uuid("Choose a practitioner"),
  treatmentTableId: z.preprocess(blankToNull, z.uuid("Choose a room").nullable()),
  startsAt: localDateTime,
  // 10-120 minutes is an input bound for an assessment [U: house rule]; the form offers 45.
  durationMin: wholeNumber("Length", 10, 120, "Length must be between 10 and 120 minutes"),
});
export type AppointmentInput = z.output<typeof appointmentSchema>;

export const appointmentStatusSchema = z
  .object({
    appointmentId: z.uuid("Appointment not found"),
    version: z.coerce.number().int().min(1),
    status: z.enum(["attended", "cancelled", "no-show"], { error: "Choose attended, cancelled or no-show" }),
    reason: optionalText(500, "Reason"),
  })
  .superRefine((v, ctx) => {
    if (v.status === "cancelled" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why the appointment is cancelled" });
  });
export type AppointmentStatusInput = z.output<typeof appointmentStatusSchema>;

export const treatmentTableSchema = z.object({
  name: plainText("Name").min(1, "Enter a name").max(60, "Keep the name to 60 characters"),
  kind: z.enum(["table", "room"], { error: "Choose table or room" }),
});
export type TreatmentTableInput = z.output<typeof treatmentTableSchema>;

export const archiveTableSchema = z.object({ id: z.uuid("Table not found") });

export const closureSchema = z.object({
  closedOn: isoDate("the day", { planned: true }),
  reason: plainText("Reason").min(1, "Say why the clinic is closed").max(120, "Keep the reason to 120 characters"),
});
export type ClosureInput = z.output<typeof closureSchema>;

const DAY_FIELDS = Object.fromEntries(
  WEEKDAYS.flatMap((d) => [
    [`works${d}`, checked],
    [`start${d}`, z.string().trim().max(10).optional()],
    [`end${d}`, z.string().trim().max(10).optional()],
  ]),
) as Record<`works${(typeof WEEKDAYS)[number]}`, typeof checked> & Record<`start${(typeof WEEKDAYS)[number]}` | `end${(typeof WEEKDAYS)[number]}`, z.ZodOptional<z.ZodString>>;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** One practitioner's week: per ISO weekday a start and an end, or not working (the box unticked). */
export const workingHoursSchema = z
  .object({ practitionerId: z.uuid("Practitioner not found"), ...DAY_FIELDS })
  .superRefine((v, ctx) => {
    for (const d of WEEKDAYS) {
      if (!v[`works${d}`]) continue;
      const start = v[`start${d}`] ?? "";
      const end = v[`end${d}`] ?? "";
      const label = WEEKDAY_LABELS[Number(d) as keyof typeof WEEKDAY_LABELS];
      if (!TIME.test(start)) ctx.addIssue({ code: "custom", path: [`start${d}`], message: `Enter ${label}'s start as a time such as 09:00` });
      if (!TIME.test(end)) ctx.addIssue({ code: "custom", path: [`end${d}`], message: `Enter ${label}'s end as a time such as 17:00` });
      else if (TIME.test(start) && end <= start) ctx.addIssue({ code: "custom", path: [`end${d}`], message: `${label}'s end must be after its start` });
    }
  })
  .transform((v) => ({
    practitionerId: v.practitionerId,
    days: WEEKDAYS.filter((d) => v[`works${d}`]).map((d) => ({ weekday: Number(d), startsAt: v[`start${d}`]!, endsAt: v[`end${d}`]! })),
  }));
export type WorkingHoursInput = z.output<typeof workingHoursSchema>;

export const feedSchema = z.object({ intent: z.enum(["create", "revoke"], { error: "Choose create or revoke" }) });
