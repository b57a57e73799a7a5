"use client";

import { useState } from "react";
import { Check, Copy, KeyRound } from "@/components/ui/icons";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Props = { name: string; email: string; oneTimePassword: string };

/** The only time anyone sees the one-time password: the server keeps just its hash. */
export function OneTimePasswordNotice({ name, email, oneTimePassword }: Props) {
  const [copied, setCopied] = useState(false);
  async function copyPassword() {
    await navigator.clipboard.writeText(oneTimePassword).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }
  return (
    <div className="grid gap-4">
      <p className="text-sm">
        <span className="font-medium">{name}</span> signs in with <span className="font-medium break-all">{email}</span> and this one-time
        password:
      </p>
      <div className="flex flex-wrap items-center gap-2 rounded-md border bg-muted px-3 py-2">
        <code className="flex-1 font-mono text-lg tracking-wider select-all">
          {oneTimePassword}
        </code>
        <Button type="button" variant="outline" size="sm" onClick={copyPassword}>
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p className="sr-only" role="status">
        {copied ? "Password copied to the clipboard" : ""}
      </p>
      <Alert variant="warning" role={undefined}>
        <KeyRound aria-hidden />
        <AlertTitle>Shown only this once</AlertTitle>
        <AlertDescription>
          Give it to {name} in person or by phone, not by email. At first sign-in they must choose their own password. If it is lost, deactivate
          the account and add them again.
        </AlertDescription>
      </Alert>
    </div>
  );
}
