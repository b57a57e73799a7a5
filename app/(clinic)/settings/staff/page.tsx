import type { Metadata } from "next";
import Link from "next/link";
import { AddStaffDialog } from "@/components/staff/add-staff-dialog";
import { StaffTable } from "@/components/staff/staff-table";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireAdminScope } from "@/lib/auth/scope";
import { listStaff } from "@/lib/staff/queries";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  const scope = await requireAdminScope();
  const db = await getDb(scope);
  const [staff, user] = await Promise.all([listStaff(db, scope), getCurrentUser(scope)]);
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        eyebrow={
          <Link href="/settings" className="underline-offset-4 hover:underline">
            Settings
          </Link>
        }
        title="Staff"
        description="Who can sign in to this clinic, and as what. Deactivated accounts cannot sign in; their records stay."
        actions={<AddStaffDialog />}
      />
      <StaffTable staff={staff} currentUserId={scope.userId} timeZone={user.timeZone} />
    </div>
  );
}
