import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { readScope } from "@/lib/auth/scope";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await readScope()) redirect("/");
  const { callbackUrl } = await searchParams;
  let next = "/";
  try {
    // Auth.js passes an absolute URL; keep only our own path.
    if (callbackUrl) next = new URL(callbackUrl, "http://local").pathname || "/";
  } catch {
    next = "/";
  }
  return <SignInForm next={next} />;
}
