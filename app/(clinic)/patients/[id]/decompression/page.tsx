import type { Metadata } from "next";
import { DecompressionSection } from "@/components/decompression/decompression-section";
import { PatientEyebrow } from "@/components/programmes/patient-eyebrow";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireScope } from "@/lib/auth/scope";
import { viewPatient } from "@/lib/patients/view";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Decompression" };

export default async function DecompressionPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requireScope();
  const { id } = await params;
  const patient = await orNotFound(viewPatient(scope, id, "decompression_course"));
  const user = await getCurrentUser(scope);
  const name = `${patient.firstName} ${patient.lastName}`;
  return (
    <div className="mx-auto grid max-w-5xl gap-4">
      <PageHeader className="pb-2" eyebrow={<PatientEyebrow patientId={patient.id} name={name} />} title={`${name}: decompression courses`} />
      <DecompressionSection scope={scope} patient={patient} timeZone={user.timeZone} />
    </div>
  );
}
