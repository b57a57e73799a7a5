import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { auth } from "@/auth";
import { requireScope } from "@/lib/auth/scope";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  await requireScope({ allowPasswordChange: true });
  const session = await auth();
  return <ChangePasswordForm required={Boolean(session?.user.mustChangePassword)} />;
}
