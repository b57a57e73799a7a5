import { z } from "zod";
import { INSTRUMENT_IDS } from "@/lib/clinical/instruments/types";
import { MAX_EVERY_WEEKS, SCHEDULE_RULES } from "@/lib/clinical/questionnaire-schedule";
import { optionalWholeNumber } from "@/lib/forms/fields";

export const sendQuestionnaireSchema = z.object({
  patientId: z.uuid("Patient not found"),
  instrument: z.enum(INSTRUMENT_IDS, "Choose a questionnaire"),
});

export const decideReportSchema = z.object({ patientId: z.uuid("Patient not found"), reportId: z.uuid("Questionnaire not found") });

export const withdrawQuestionnaireSchema = z.object({ linkId: z.uuid("Link not found") });

export const NO_BASELINE_PSFS = "this patient has no PSFS at a signed assessment yet; the activities to re-rate are named at the baseline assessment first.";

export const addScheduleSchema = z
  .object({
    patientId: z.uuid("Patient not found"),
    instrument: z.enum(INSTRUMENT_IDS, "Choose a questionnaire"),
    rule: z.enum(SCHEDULE_RULES, "Choose when to send it"),
    everyWeeks: optionalWholeNumber("Weeks", 1, MAX_EVERY_WEEKS, `Weeks is a whole number from 1 to ${MAX_EVERY_WEEKS}`),
  })
  .superRefine((v, ctx) => {
    if (v.rule === "every_weeks" && v.everyWeeks === null) ctx.addIssue({ code: "custom", path: ["everyWeeks"], message: "Say every how many weeks" });
  });

export const endScheduleSchema = z.object({ scheduleId: z.uuid("Schedule not found") });
