import Link from "next/link";
import type { PatientRecord } from "@/lib/patients/queries";

/** Breadcrumbs back to the patient list and the patient. */
export function PatientEyebrow({ patient }: { patient: PatientRecord }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap gap-1">
        <li>
          <Link href="/patients" className="underline-offset-4 hover:underline">
            Patients
          </Link>
          <span aria-hidden> / </span>
        </li>
        <li>
          <Link href={`/patients/${patient.id}`} className="underline-offset-4 hover:underline">
            {patient.firstName} {patient.lastName}
          </Link>
        </li>
      </ol>
    </nav>
  );
}
