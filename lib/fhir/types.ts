import type { Assessment, DecompressionSession } from "@/db/schema";
import type { AssessmentContent } from "@/lib/assessments/content";
import type { CourseView } from "@/lib/decompression/queries";
import type { PatientFlagView } from "@/lib/patient-flags/queries";
import type { PatientRecord } from "@/lib/patients/queries";
import type { ProgrammeView } from "@/lib/programmes/queries";
import type { LocalCodes } from "./codes";

/** Everything one patient's export holds, as the existing read models give it. */
export type FhirExportInput = {
  /** Absolute base of the fullUrls (`https://host/fhir`): `Patient/<id>` references resolve against it. */
  baseUrl: string;
  generatedAt: Date;
  clinic: { id: string; name: string };
  /** Staff the records name (assessors, programme authors, session practitioners, flag recorders). */
  practitioners: { id: string; name: string }[];
  patient: PatientRecord;
  /** Signed assessments only, each with its current content. */
  assessments: { assessment: Assessment; content: AssessmentContent }[];
  programmes: ProgrammeView[];
  courses: { course: CourseView; sessions: DecompressionSession[] }[];
  flags: PatientFlagView[];
};

/** What every builder needs: the input, the local codes in use, and typed references. */
export type BuildContext = {
  input: FhirExportInput;
  codes: LocalCodes;
  patientRef: { reference: string; display: string };
  practitionerRef: (id: string | null | undefined) => { reference: string; display?: string } | undefined;
};
