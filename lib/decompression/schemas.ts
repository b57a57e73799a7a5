import { z } from "zod";
import { COURSE_RULES, DECOMPRESSION_REGIONS } from "@/lib/clinical/decompression";
import { roundKg, toKg, WEIGHT_UNITS } from "@/lib/clinical/units";
import { blankToNull, checked, isoDate, localDateTime, optionalNumber, optionalText, optionalWholeNumber, plainText, wholeNumber } from "@/lib/forms/fields";

export const POSITIONS = ["supine", "prone", "seated"] as const;
export const RESPONSES = ["centralising", "peripheralising", "no-change"] as const;
export const SESSION_OUTCOMES = ["completed", "cancelled", "missed"] as const;

const LEVEL = "(?:C[1-7]|T(?:1[0-2]|[1-9])|L[1-5]|S1)";
const LEVEL_RE = new RegExp(`^${LEVEL}(?:-${LEVEL})?$`);
const LUMBAR_RE = /^(?:T1[0-2]|L|S)/;

const { plannedSessions, sessionsPerWeek, durationMinutes } = COURSE_RULES;
const between = (rule: { label: string; unit: string; hard: { min: number; max: number } }) =>
  `${rule.label} must be between ${rule.hard.min} and ${rule.hard.max} ${rule.unit}`;

// Force sanity bound: 500 kg is far above any table's range; the real limit is
// 100 % of body weight, checked against the patient's weight (lib/clinical/decompression.ts).
const force = (label: string) =>
  optionalNumber(label, 0, 500, { min: `${label} cannot be negative`, max: `${label} must be 500 or less` });

const parameterFields = {
  position: z.enum(POSITIONS, { error: "Choose the patient's position" }),
  // Table or pull angle; 0-90 deg is an input bound, not a clinical range [U].
  angleDeg: optionalNumber("Angle", 0, 90, { min: "Angle must be between 0 and 90 degrees", max: "Angle must be between 0 and 90 degrees" }),
  forceUnit: z.enum(WEIGHT_UNITS, { error: "Choose kg or lb" }).default("kg"),
  maxForce: force("Maximum force"),
  minForce: force("Minimum force"),
  // Hold and rest up to 600 s, cycles up to 100: input bounds [U]; the brief refuses holds over 600 s.
  holdSeconds: optionalWholeNumber("Hold", 1, 600, "Hold must be between 1 and 600 seconds"),
  restSeconds: optionalWholeNumber("Rest", 0, 600, "Rest must be between 0 and 600 seconds"),
  cycles: optionalWholeNumber("Cycles", 1, 100, "Cycles must be between 1 and 100"),
  durationMin: optionalWholeNumber("Duration", durationMinutes.hard.min, durationMinutes.hard.max, between(durationMinutes)),
};

const kgOrNull = (value: number | null, unit: "kg" | "lb") => (value === null ? null : roundKg(toKg(value, unit)));

export const courseFormSchema = z
  .object({
    patientId: z.uuid("Patient not found"),
    region: z.enum(DECOMPRESSION_REGIONS, { error: "Choose lumbar or cervical" }),
    targetLevel: plainText("Target level").toUpperCase().regex(LEVEL_RE, "Enter a spinal level such as L4-L5 or C5-C6"),
    plannedSessions: wholeNumber(plannedSessions.label, plannedSessions.hard.min, plannedSessions.hard.max, between(plannedSessions)),
    sessionsPerWeek: wholeNumber(sessionsPerWeek.label, sessionsPerWeek.hard.min, sessionsPerWeek.hard.max, between(sessionsPerWeek)),
    startDate: isoDate("the start date", { planned: true }),
    ...parameterFields,
    overrideReason: z.preprocess(
      blankToNull,
      plainText("Override reason", "multi").min(10, "Write the reason for the override (at least 10 characters)").max(1000, "Keep the reason to 1000 characters").nullable(),
    ),
    confirmed: checked,
  })
  .superRefine((v, ctx) => {
    const lumbarLevel = LUMBAR_RE.test(v.targetLevel);
    if (v.region === "lumbar" && !lumbarLevel) ctx.addIssue({ code: "custom", path: ["targetLevel"], message: "A lumbar course targets a level from T10 to S1, such as L4-L5" });
    if (v.region === "cervical" && !/^[CT]/.test(v.targetLevel)) ctx.addIssue({ code: "custom", path: ["targetLevel"], message: "A cervical course targets a cervical level, such as C5-C6" });
    if (v.maxForce !== null && v.minForce !== null && v.minForce > v.maxForce) {
      ctx.addIssue({ code: "custom", path: ["minForce"], message: "Minimum (rest) force cannot be more than the maximum (pull) force" });
    }
  })
  .transform(({ maxForce, minForce, forceUnit, ...rest }) => ({
    ...rest,
    forceUnit,
    maxForceKg: kgOrNull(maxForce, forceUnit),
    minForceKg: kgOrNull(minForce, forceUnit),
  }));
export type CourseInput = z.output<typeof courseFormSchema>;

export const scheduleSessionSchema = z.object({
  courseId: z.uuid("Course not found"),
  scheduledAt: localDateTime,
});
export type ScheduleSessionInput = z.output<typeof scheduleSessionSchema>;

export const sessionLogSchema = z
  .object({
    courseId: z.uuid("Course not found"),
    sessionId: z.preprocess(blankToNull, z.uuid("Session not found").nullable()),
    sessionVersion: z.preprocess(blankToNull, z.coerce.number().int().min(1).nullable()),
    scheduledAt: localDateTime,
    status: z.enum(SESSION_OUTCOMES, { error: "Choose completed, cancelled or missed" }),
    ...parameterFields,
    position: z.preprocess(blankToNull, parameterFields.position.nullable()),
    // Body weights outside 2-350 kg are refused, as on the patient form.
    bodyWeight: optionalNumber("Body weight", 0, 10_000, { min: "Body weight cannot be negative", max: "Enter a body weight between 2 and 350 kg (770 lb)" }),
    bodyWeightUnit: z.enum(WEIGHT_UNITS, { error: "Choose kg or lb" }).default("kg"),
    bodyWeightOn: z.preprocess(blankToNull, isoDate("the date of the weight").nullable()),
    // NPRS is an integer 0-10 (clinical-reference.md section 1).
    nprsBefore: optionalWholeNumber("Pain before", 0, 10, "Pain is a whole number from 0 to 10"),
    nprsAfter: optionalWholeNumber("Pain after", 0, 10, "Pain is a whole number from 0 to 10"),
    response: z.preprocess(blankToNull, z.enum(RESPONSES, { error: "Choose a response from the list" }).nullable()),
    adverseEvent: optionalText(1000, "Adverse event"),
    notes: optionalText(2000, "Notes"),
    confirmForce: checked,
    /** Cancelled or missed: unticked, the course is not extended by a replacement session. */
    extend: checked,
  })
  .superRefine((v, ctx) => {
    if (v.status !== "completed") return;
    const need = (path: string, value: unknown, message: string) => {
      if (value === null) ctx.addIssue({ code: "custom", path: [path], message });
    };
    need("position", v.position, "Choose the patient's position");
    need("bodyWeight", v.bodyWeight, "Enter the body weight used for this session");
    need("bodyWeightOn", v.bodyWeightOn, "Enter the date the weight was measured");
    need("maxForce", v.maxForce, "Enter the maximum (pull) force");
    need("durationMin", v.durationMin, "Enter the session's duration");
    need("nprsBefore", v.nprsBefore, "Enter the pain score before the session");
    if (v.bodyWeight !== null) {
      const kg = toKg(v.bodyWeight, v.bodyWeightUnit);
      if (kg < 2 || kg > 350) ctx.addIssue({ code: "custom", path: ["bodyWeight"], message: "Enter a body weight between 2 and 350 kg (770 lb)" });
    }
    if (v.maxForce !== null && v.minForce !== null && v.minForce > v.maxForce) {
      ctx.addIssue({ code: "custom", path: ["minForce"], message: "Minimum (rest) force cannot be more than the maximum (pull) force" });
    }
  })
  .transform(({ maxForce, minForce, forceUnit, bodyWeight, bodyWeightUnit, ...rest }) => ({
    ...rest,
    forceUnit,
    maxForceKg: kgOrNull(maxForce, forceUnit),
    minForceKg: kgOrNull(minForce, forceUnit),
    bodyWeightKg: kgOrNull(bodyWeight, bodyWeightUnit),
  }));
export type SessionLogInput = z.output<typeof sessionLogSchema>;

export const courseStatusSchema = z
  .object({
    id: z.uuid("Course not found"),
    version: z.coerce.number().int().min(1),
    status: z.enum(["completed", "stopped"], { error: "Choose completed or stopped" }),
    reason: optionalText(500, "Reason"),
  })
  .superRefine((v, ctx) => {
    if (v.status === "stopped" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why the course is stopped" });
  });
export type CourseStatusInput = z.output<typeof courseStatusSchema>;
