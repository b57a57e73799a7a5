import type { Metadata } from "next";
import Link from "next/link";
import { SecurityPanel } from "@/components/mfa/security-panel";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireScope } from "@/lib/auth/scope";
import { getFactorSummary } from "@/lib/mfa/queries";

export const metadata: Metadata = { title: "Sign-in security" };

export default async function SecurityPage() {
  const scope = await requireScope();
  const db = await getDb(scope);
  const [factors, user] = await Promise.all([getFactorSummary(db, scope.userId), getCurrentUser(scope)]);
  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <PageHeader
        title="Sign-in security"
        description="A second step after your password keeps patient records safe if your password leaks."
        actions={
          <Button variant="outline" asChild>
            <Link href="/change-password">Change password</Link>
          </Button>
        }
      />
      <SecurityPanel factors={factors} timeZone={user.timeZone} />
    </div>
  );
}
