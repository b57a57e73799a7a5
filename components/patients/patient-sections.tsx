import type { PatientRecord } from "@/lib/patients/queries";
import type { Scope } from "@/lib/auth/scope-types";
import { PatientAssessmentSection } from "@/components/assessments/patient-assessment-section";
import { DecompressionSection } from "@/components/decompression/decompression-section";
import { PatientSafetySection } from "@/components/patient-flags/patient-safety-section";
import { PatientReportsSection } from "@/components/patient-reports/patient-reports-section";
import { PatientProgressSection } from "@/components/progress/patient-progress-section";
import { ProgrammeSection } from "@/components/programmes/programme-section";

/**
 * The clinical sections of a patient's page, in order. Each capability
 * (assessments, programmes, decompression, progress) adds one server
 * component here that loads its own data with the given scope.
 */
export type PatientSectionProps = { scope: Scope; patient: PatientRecord; timeZone: string };

const SECTIONS: React.ComponentType<PatientSectionProps>[] = [
  PatientSafetySection,
  PatientAssessmentSection,
  PatientReportsSection,
  ProgrammeSection,
  DecompressionSection,
  PatientProgressSection,
];

export function PatientSections(props: PatientSectionProps) {
  return (
    <>
      {SECTIONS.map((Section, i) => (
        <Section key={i} {...props} />
      ))}
    </>
  );
}
