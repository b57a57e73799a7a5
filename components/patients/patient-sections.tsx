import type { PatientRecord } from "@/lib/patients/queries";
import type { Scope } from "@/lib/auth/scope-types";

/**
 * The clinical sections of a patient's page, in order. Each capability
 * (assessments, programmes, decompression, progress) adds one server
 * component here that loads its own data with the given scope.
 */
export type PatientSectionProps = { scope: Scope; patient: PatientRecord; timeZone: string };

const SECTIONS: React.ComponentType<PatientSectionProps>[] = [];

export function PatientSections(props: PatientSectionProps) {
  return (
    <>
      {SECTIONS.map((Section, i) => (
        <Section key={i} {...props} />
      ))}
    </>
  );
}
