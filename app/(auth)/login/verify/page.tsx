import type { Metadata } from "next";
import { SecondFactorForm } from "@/components/mfa/second-factor-form";
import { getDb } from "@/db/runtime";
import { requirePendingSecondFactor } from "@/lib/auth/scope";
import { getFactorSummary } from "@/lib/mfa/queries";
import { nextPathSchema } from "@/lib/mfa/schemas";

export const metadata: Metadata = { title: "Second step" };

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const scope = await requirePendingSecondFactor();
  const db = await getDb(scope);
  const factors = await getFactorSummary(db, scope.userId);
  const next = nextPathSchema.parse((await searchParams).next);
  return <SecondFactorForm next={next} email={scope.email} hasTotp={factors.totpEnabled} hasPasskey={factors.passkeys.length > 0} />;
}
