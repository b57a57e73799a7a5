import type { Metadata } from "next";
import { PatientForm } from "@/components/patients/patient-form";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { writeAudit } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import { fromKg } from "@/lib/clinical/units";
import { requireScope } from "@/lib/auth/scope";
import { todayIn } from "@/lib/format";
import { updatePatientAction } from "@/lib/patients/actions";
import { getPatient } from "@/lib/patients/queries";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Edit patient" };

export default async function EditPatientPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requireScope();
  const { id } = await params;
  const db = await getDb(scope);
  const patient = await orNotFound(getPatient(db, scope, id));
  const user = await getCurrentUser(scope);
  // The edit form shows the whole record: opening it is a view of patient data.
  await writeAudit(db, scope, { action: "view", entity: "patient", entityId: patient.id, patientId: patient.id, detail: { form: "edit" } });
  const initial = {
    id: patient.id,
    version: String(patient.version),
    firstName: patient.firstName,
    lastName: patient.lastName,
    dateOfBirth: patient.dateOfBirth,
    sex: patient.sex,
    phone: patient.phone ?? "",
    email: patient.email ?? "",
    notes: patient.notes ?? "",
    // The clinic's preferred unit (settings), converted from the stored kg
    weight: patient.weight ? String(fromKg(patient.weight.kg, user.weightUnit)) : "",
    weightUnit: user.weightUnit,
    weightDate: patient.weight?.measuredOn ?? "",
  };
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader title={`Edit ${patient.firstName} ${patient.lastName}`} />
      <PatientForm action={updatePatientAction} initial={initial} submitLabel="Save changes" cancelHref={`/patients/${patient.id}`} today={todayIn(user.timeZone)} />
    </div>
  );
}
