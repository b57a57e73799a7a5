import { parseAssessmentForm } from "@/lib/assessments/parse-form";
import { validateAssessmentForm, type AssessmentSubmission } from "@/lib/assessments/validate-form";

/** Builds the assessment form's FormData from plain fields, as the browser would post it. */
export function assessmentFormData(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries(fields)) fd.append(key, value);
  return fd;
}

/** Parses and validates like the server action does; throws if the fields are refused. */
export function submissionFrom(fields: Record<string, string>): AssessmentSubmission {
  const outcome = validateAssessmentForm(parseAssessmentForm(assessmentFormData(fields)));
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.errors)}`);
  return outcome.value;
}

/** A lumbar assessment with pain, a full ODI and findings that suggest tight hip flexors / weak glutes. */
export function lumbarFields(patientId: string, over: Record<string, string> = {}): Record<string, string> {
  const odi = { painIntensity: "3", personalCare: "2", lifting: "4", walking: "2", sitting: "3", standing: "3", sleeping: "2", sexLife: "1", socialLife: "2", travelling: "2" };
  return {
    patientId,
    intent: "draft",
    region: "lumbar",
    assessedOn: "2026-01-15",
    chiefComplaint: "Low back pain after gardening",
    "nprs.current": "7",
    "nprs.best": "4",
    "nprs.worst24h": "8",
    "odi.version": "2.1a",
    ...Object.fromEntries(Object.entries(odi).map(([k, v]) => [`odi.sections.${k}`, v])),
    "m.thomas-hip-angle.left": "10",
    "m.thomas-hip-angle.right": "4",
    "m.thomas-hip-angle.method": "goniometer",
    "m.mmt-gluteus-medius.left": "4-",
    "m.mmt-gluteus-medius.right": "4",
    "m.biering-sorensen.na": "95",
    ...over,
  };
}
