import type { Metadata } from "next";
import { AuditFilterForm } from "@/components/audit-log/audit-filter-form";
import { AuditTable } from "@/components/audit-log/audit-table";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { listAuditEvents } from "@/lib/audit-log/queries";
import { auditListParamsSchema } from "@/lib/audit-log/schemas";
import { requireAdminScope } from "@/lib/auth/scope";
import { listStaff } from "@/lib/staff/queries";
import { holdForE2e } from "@/lib/e2e-hold";
import { SettingsCrumb } from "@/components/settings/settings-crumb";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await holdForE2e();
  const scope = await requireAdminScope();
  const params = auditListParamsSchema.parse(await searchParams);
  const db = await getDb(scope);
  const [result, staff] = await Promise.all([listAuditEvents(db, scope, params), listStaff(db, scope)]);
  const patientRow = params.patientId ? result.rows.find((r) => r.patientId === params.patientId && r.patientLastName) : undefined;
  const patientLabel = patientRow ? `${patientRow.patientFirstName} ${patientRow.patientLastName}` : null;
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        eyebrow={<SettingsCrumb />}
        title="Audit log"
        description="Who saw or changed what, and when. The log is append-only: nobody can edit or delete an entry."
      />
      <AuditFilterForm params={params} staff={staff} patientLabel={patientLabel} timeZone={result.timeZone} />
      <AuditTable result={result} params={params} />
    </div>
  );
}
