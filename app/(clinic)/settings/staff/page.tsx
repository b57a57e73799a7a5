import type { Metadata } from "next";
import { AddStaffDialog } from "@/components/staff/add-staff-dialog";
import { StaffTable } from "@/components/staff/staff-table";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireAdminScope } from "@/lib/auth/scope";
import { listUsersWithFactor } from "@/lib/mfa/queries";
import { readRequireMfa } from "@/lib/staff/mfa-policy";
import { listStaff } from "@/lib/staff/queries";
import { RequireMfaForm } from "@/components/staff/require-mfa-form";
import { holdForE2e } from "@/lib/e2e-hold";
import { SettingsCrumb } from "@/components/settings/settings-crumb";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  await holdForE2e();
  const scope = await requireAdminScope();
  const db = await getDb(scope);
  const [staff, user, requireMfa] = await Promise.all([listStaff(db, scope), getCurrentUser(scope), readRequireMfa(db, scope)]);
  const withFactor = await listUsersWithFactor(db, staff.map((m) => m.id));
  const withoutFactor = staff.filter((m) => !m.deactivatedAt && !withFactor.has(m.id)).length;
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        eyebrow={<SettingsCrumb />}
        title="Staff"
        description="Who can sign in to this clinic, and as what. Deactivated accounts cannot sign in; their records stay."
        actions={<AddStaffDialog />}
      />
      <RequireMfaForm required={requireMfa} withoutFactor={withoutFactor} />
      <StaffTable staff={staff} currentUserId={scope.userId} timeZone={user.timeZone} withFactor={[...withFactor]} />
    </div>
  );
}
