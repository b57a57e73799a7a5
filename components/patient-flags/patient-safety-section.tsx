import type { PatientSectionProps } from "@/components/patients/patient-sections";
import { PatientSafetyBanner } from "./patient-safety-banner";

/** The patient page's first section: safety flags, and the urgent-referral banner when a red flag is active. */
export function PatientSafetySection({ scope, patient }: PatientSectionProps) {
  return (
    <section aria-label="Safety flags">
      <PatientSafetyBanner scope={scope} patientId={patient.id} />
    </section>
  );
}
