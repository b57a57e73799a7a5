import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Button } from "@/components/ui/button";
import { PatientSearchForm } from "@/components/patients/patient-search-form";
import { PatientTable } from "@/components/patients/patient-table";
import { getDb } from "@/db/runtime";
import { requireScope } from "@/lib/auth/scope";
import { listPatients } from "@/lib/patients/queries";
import { patientListParamsSchema } from "@/lib/patients/schemas";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireScope();
  const params = patientListParamsSchema.parse(await searchParams);
  const db = await getDb(scope);
  const result = await listPatients(db, scope, params);
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        title="Patients"
        description="Search by name or date of birth."
        actions={
          <Button asChild>
            <Link href="/patients/new">
              <Plus className="size-4" aria-hidden />
              New patient
            </Link>
          </Button>
        }
      />
      <PatientSearchForm q={params.q} status={params.status} />
      <PatientTable result={result} params={params} />
    </div>
  );
}
