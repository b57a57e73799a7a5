import { z } from "zod";
import { INSTRUMENT_IDS } from "@/lib/clinical/instruments/types";

export const sendQuestionnaireSchema = z.object({
  patientId: z.uuid("Patient not found"),
  instrument: z.enum(INSTRUMENT_IDS, "Choose a questionnaire"),
});

export const decideReportSchema = z.object({ patientId: z.uuid("Patient not found"), reportId: z.uuid("Questionnaire not found") });

export const withdrawQuestionnaireSchema = z.object({ linkId: z.uuid("Link not found") });

export const NO_BASELINE_PSFS = "this patient has no PSFS at a signed assessment yet; the activities to re-rate are named at the baseline assessment first.";
