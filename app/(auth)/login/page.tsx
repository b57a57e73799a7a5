import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { toPathOfThisSite, readSafeNextPath } from "@/lib/auth/safe-next";
import { readScope } from "@/lib/auth/scope";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await readScope()) redirect("/");
  const { callbackUrl } = await searchParams;
  // Auth.js passes an absolute URL of this site; keep only its path, and only if it stays here.
  const next = readSafeNextPath(toPathOfThisSite(callbackUrl));
  return <SignInForm next={next} />;
}
