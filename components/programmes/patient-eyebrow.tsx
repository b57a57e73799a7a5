import Link from "next/link";

/** "Patients / Maya Okafor" above a patient's sub-page title. */
export function PatientEyebrow({ patientId, name }: { patientId: string; name: string }) {
  return (
    <nav aria-label="Breadcrumb" className="flex flex-wrap gap-1">
      <Link href="/patients" className="underline-offset-4 hover:underline">
        Patients
      </Link>
      <span aria-hidden>/</span>
      <Link href={`/patients/${patientId}`} className="underline-offset-4 hover:underline">
        {name}
      </Link>
    </nav>
  );
}
