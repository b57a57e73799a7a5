import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SecurityPanel } from "@/components/mfa/security-panel";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db/runtime";
import { getCurrentUser } from "@/lib/auth/current-user";
import { readSessionStage, requireScope } from "@/lib/auth/scope";
import { signOutAction } from "@/lib/auth/actions";
import { getFactorSummary } from "@/lib/mfa/queries";

export const metadata: Metadata = { title: "Set up a second step" };

/** Where a clinic that requires a second factor sends members who have none yet. */
export default async function SetupSecondFactorPage() {
  const scope = await requireScope({ allowEnrolment: true });
  const stage = await readSessionStage();
  const db = await getDb(scope);
  const [factors, user] = await Promise.all([getFactorSummary(db, scope.userId), getCurrentUser(scope)]);
  const done = stage?.stage === "ok";
  if (done && !factors.totpEnabled && factors.passkeys.length === 0) redirect("/");
  return (
    <div className="grid gap-4 sm:-mx-24 md:-mx-40">
      <div className="grid gap-1">
        <h1 className="text-xl font-semibold">Set up a second step</h1>
        <p className="text-sm text-muted-foreground">
          {user.clinicName} asks every staff member for a second step after the password. Set up an authenticator app or a passkey to continue.
        </p>
      </div>
      <SecurityPanel factors={factors} timeZone={user.timeZone} />
      <div className="flex flex-wrap gap-3">
        {done && (
          <Button asChild>
            <Link href="/">Continue to Plumbline</Link>
          </Button>
        )}
        <form action={signOutAction}>
          <Button type="submit" variant="outline">
            Sign out
          </Button>
        </form>
      </div>
    </div>
  );
}
