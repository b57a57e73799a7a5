import type { Metadata } from "next";
import { PatientForm } from "@/components/patients/patient-form";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireScope } from "@/lib/auth/scope";
import { todayIn } from "@/lib/format";
import { createPatientAction } from "@/lib/patients/actions";

export const metadata: Metadata = { title: "New patient" };

export default async function NewPatientPage() {
  const scope = await requireScope();
  const user = await getCurrentUser(scope);
  const today = todayIn(user.timeZone);
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader title="New patient" />
      <PatientForm action={createPatientAction} initial={{ weightDate: today, weightUnit: user.weightUnit }} submitLabel="Create patient" cancelHref="/patients" today={today} />
    </div>
  );
}
