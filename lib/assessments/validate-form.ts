import { isValid, parseISO } from "date-fns";
import { z } from "zod";
import { ASSESSMENT_REGIONS } from "@/db/schema/assessments";
import {
  describeUnratedPsfs,
  ndiInputSchema,
  nprsInputSchema,
  odiInputSchema,
  psfsInputSchema,
  rmdqInputSchema,
  scoreInstrument,
  type InstrumentInput,
  type PsfsInput,
  type ScoreSuccess,
  type UnscoredResult,
} from "@/lib/clinical/instruments";
import type { MeasureSide } from "@/lib/clinical/measures";
import { PATTERN_IDS, type PatternId } from "@/lib/clinical/patterns";
import { isUuid } from "@/lib/errors";
import { refuseUnstorable } from "@/lib/forms/text";
import { fieldName } from "./form-fields";
import { checkMeasurement } from "./measurement-entry";
import type { ParsedAssessmentForm } from "./parse-form";

export const ASSESSMENT_INTENTS = ["draft", "sign", "amend"] as const;
export type AssessmentIntent = (typeof ASSESSMENT_INTENTS)[number];
export type AssessmentRegion = (typeof ASSESSMENT_REGIONS)[number];
export type PatternDecisionStatus = "confirmed" | "dismissed";

export type MeasurementEntry = {
  code: string;
  side: MeasureSide;
  value: number;
  unit: string;
  method: string;
  abnormal: boolean | null;
};

export type ValidatedAssessment = {
  region: AssessmentRegion;
  assessedOn: string;
  chiefComplaint: string;
  notes: string | null;
  planNotes: string | null;
  /** Scored questionnaires; on a draft also a PSFS with nothing rated yet (no score). */
  results: (ScoreSuccess | UnscoredResult)[];
  measurements: MeasurementEntry[];
  decisions: Partial<Record<PatternId, PatternDecisionStatus>>;
};

export type AssessmentSubmission = {
  intent: AssessmentIntent;
  id: string | null;
  patientId: string;
  version: number | null;
  reason: string | null;
  assessment: ValidatedAssessment;
  /** A new assessment taken from patient-reported drafts: each is marked accepted when it is saved. */
  patientReportIds?: string[];
};

export type FieldErrors = Record<string, string[]>;

/** A new assessment takes at most one draft per instrument (an intake brings two). */
export const MAX_REPORTS_TAKEN = 5;
export type ValidationOutcome = { ok: true; value: AssessmentSubmission } | { ok: false; errors: FieldErrors };

// An amendment's reason must say something: three words at least (a house rule, not clinical)
const MIN_REASON_WORDS = 3;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} must be at most ${max} characters`)
    .superRefine(refuseUnstorable(label, "multi"))
    .transform((v) => (v === "" ? null : v));

const headerSchema = z.object({
  region: z.enum(ASSESSMENT_REGIONS, { error: "Choose the region assessed" }),
  assessedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date of the assessment")
    .refine((v) => isValid(parseISO(v)), "Enter a real date")
    .refine((v) => v >= "2000-01-01", "The assessment date must be after 2000"),
  chiefComplaint: z.string().max(500, "Chief complaint must be at most 500 characters").superRefine(refuseUnstorable("Chief complaint", "multi")),
  notes: optionalText(4000, "Notes"),
  planNotes: optionalText(4000, "Plan notes"),
});

const reasonSchema = z
  .string()
  .max(1000, "Reason must be at most 1000 characters")
  .superRefine(refuseUnstorable("Reason", "multi"))
  .refine((v) => v.split(/\s+/).filter(Boolean).length >= MIN_REASON_WORDS, "Say in a few words why the signed assessment is amended");

function addError(errors: FieldErrors, key: string, message: string) {
  const list = (errors[key] ??= []);
  if (!list.includes(message)) list.push(message);
}

function addZodErrors(errors: FieldErrors, error: z.ZodError, toKey: (path: PropertyKey[]) => string) {
  for (const issue of error.issues) addError(errors, toKey(issue.path), issue.message);
}

const INSTRUMENT_SCHEMAS = { nprs: nprsInputSchema, odi: odiInputSchema, rmdq: rmdqInputSchema, ndi: ndiInputSchema, psfs: psfsInputSchema };

/** Validates one questionnaire with its own schema, then scores it; errors are keyed by input name. */
function scoreOne(errors: FieldErrors, input: InstrumentInput, toKey: (path: PropertyKey[]) => string): ScoreSuccess | null {
  const parsed = INSTRUMENT_SCHEMAS[input.instrument].safeParse(input);
  if (!parsed.success) {
    addZodErrors(errors, parsed.error, toKey);
    return null;
  }
  const result = scoreInstrument(input);
  if (!result.ok) {
    addError(errors, input.instrument, result.reason);
    return null;
  }
  return result;
}

function validateInstruments(form: ParsedAssessmentForm, errors: FieldErrors, intent: AssessmentIntent | null): (ScoreSuccess | UnscoredResult)[] {
  const results: (ScoreSuccess | UnscoredResult | null)[] = [];
  const prefixed = (prefix: string) => (path: PropertyKey[]) => (path.length ? `${prefix}.${path.join(".")}` : prefix);
  if (form.nprs) {
    if (form.nprs.current === null) addError(errors, fieldName.nprs("current"), "Enter the pain now (0 to 10) to record least or worst pain");
    else results.push(scoreOne(errors, { ...form.nprs, current: form.nprs.current }, prefixed("nprs")));
  }
  if (form.odi) results.push(scoreOne(errors, form.odi as InstrumentInput, prefixed("odi")));
  if (form.ndi) results.push(scoreOne(errors, form.ndi as InstrumentInput, prefixed("ndi")));
  if (form.rmdq) {
    if (!form.rmdq.completed) addError(errors, "rmdq.completed", "Tick \"Questionnaire complete\" to score the RMDQ: the unticked items then count as no");
    else results.push(scoreOne(errors, { instrument: "rmdq", version: form.rmdq.version, answers: form.rmdq.answers } as InstrumentInput, prefixed("rmdq")));
  }
  if (form.psfs) {
    const { rows } = form.psfs;
    const names = rows.map((r) => r.name.toLowerCase());
    rows.forEach((r, i) => {
      if (r.name && names.indexOf(r.name.toLowerCase()) !== i) addError(errors, fieldName.psfs(r.row, "name"), "This activity is already listed");
    });
    const input = {
      instrument: "psfs",
      version: form.psfs.version,
      activities: rows.map((r) => ({ id: r.id, name: r.name, score: r.score })),
    } as InstrumentInput;
    // Map the schema's array index back to the form row the practitioner typed in
    const toKey = (path: PropertyKey[]) => {
      const [head, index, ...rest] = path;
      const row = typeof index === "number" ? rows[index]?.row : undefined;
      if (head === "activities" && row !== undefined) return `psfs.activities.${row}${rest.length ? `.${rest.join(".")}` : ""}`;
      return prefixed("psfs")(path);
    };
    // A draft may keep its activities before any is rated; signing needs a score.
    const unrated = intent === "draft" ? describeUnratedPsfs(input as PsfsInput) : null;
    if (unrated) results.push(unrated);
    else if (!Object.keys(errors).some((k) => k.startsWith("psfs."))) results.push(scoreOne(errors, input, toKey));
  }
  return results.filter((r) => r !== null);
}

function validateMeasurements(form: ParsedAssessmentForm, errors: FieldErrors): MeasurementEntry[] {
  return form.measurements.flatMap((m) => {
    const checked = checkMeasurement(m);
    if (checked === null) return [];
    if (!checked.ok) {
      addError(errors, checked.key, checked.message);
      return [];
    }
    return [checked.entry];
  });
}

function validateDecisions(form: ParsedAssessmentForm, errors: FieldErrors): ValidatedAssessment["decisions"] {
  const decisions: ValidatedAssessment["decisions"] = {};
  for (const pattern of PATTERN_IDS) {
    const value = form.patterns[pattern] ?? "";
    if (value === "confirmed" || value === "dismissed") decisions[pattern] = value;
    else if (value !== "" && value !== "undecided") addError(errors, fieldName.pattern(pattern), "Confirm, dismiss or leave undecided");
  }
  return decisions;
}

/**
 * Validates a parsed assessment form. Every entered value is checked against
 * the clinical schemas and the measure catalogue whatever the intent; signing
 * or amending also needs the chief complaint and the current pain.
 */
export function validateAssessmentForm(form: ParsedAssessmentForm): ValidationOutcome {
  const errors: FieldErrors = {};
  const intent = (ASSESSMENT_INTENTS as readonly string[]).includes(form.intent) ? (form.intent as AssessmentIntent) : null;
  if (!intent) addError(errors, "_form", "Choose to save a draft, sign or amend");
  if (!isUuid(form.patientId)) addError(errors, "_form", "Patient not found");
  if (form.id !== "" && !isUuid(form.id)) addError(errors, "_form", "Assessment not found");
  const reportIds = [...new Set(form.patientReportIds ?? [])];
  if (reportIds.length > 0 && (reportIds.length > MAX_REPORTS_TAKEN || !reportIds.every(isUuid) || form.id !== "")) addError(errors, "_form", "Patient-reported questionnaire not found");
  const version = form.version === "" ? null : Number(form.version);
  if (form.id !== "" && (version === null || !Number.isInteger(version) || version < 1)) addError(errors, "_form", "Reload the page and try again");

  const header = headerSchema.safeParse(form);
  if (!header.success) addZodErrors(errors, header.error, (path) => path.join(".") || "_form");
  let reason: string | null = null;
  if (intent === "amend") {
    const parsed = reasonSchema.safeParse(form.reason);
    if (parsed.success) reason = parsed.data;
    else addZodErrors(errors, parsed.error, () => "reason");
  }
  const results = validateInstruments(form, errors, intent);
  const measurements = validateMeasurements(form, errors);
  const decisions = validateDecisions(form, errors);

  if (intent === "sign" || intent === "amend") {
    if (form.chiefComplaint === "") addError(errors, "chiefComplaint", "Describe the chief complaint before signing");
    if (!form.nprs) addError(errors, fieldName.nprs("current"), "Record the pain now (0 to 10) before signing");
  }
  if (Object.keys(errors).length > 0 || !header.success || !intent) return { ok: false, errors };
  return {
    ok: true,
    value: {
      intent,
      id: form.id || null,
      patientId: form.patientId,
      version,
      reason,
      assessment: { ...header.data, results, measurements, decisions },
      patientReportIds: reportIds,
    },
  };
}
