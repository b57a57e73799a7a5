"use client";

import { useActionState, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { confirmTotpEnrolmentAction, regenerateRecoveryCodesAction, startTotpEnrolmentAction, type TotpConfirmState } from "@/lib/mfa/actions";
import type { TotpEnrolment } from "@/lib/mfa/totp";
import { RecoveryCodesList } from "./recovery-codes-list";

/** Turn on an authenticator app: scan the QR code (or type the key), then prove it with a code. */
export function TotpCard({ enabled, recoveryCodesLeft }: { enabled: boolean; recoveryCodesLeft: number }) {
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [starting, startTransition] = useTransition();
  const [confirmState, confirm, confirming] = useActionState(confirmTotpEnrolmentAction, {} as TotpConfirmState);
  const [regenState, regenerate, regenerating] = useActionState(regenerateRecoveryCodesAction, {} as TotpConfirmState);
  const codes = confirmState.recoveryCodes ?? regenState.recoveryCodes;
  const isOn = enabled || Boolean(confirmState.ok);

  const begin = () =>
    startTransition(async () => {
      const result = await startTotpEnrolmentAction();
      if (result.ok) setEnrolment(result.enrolment);
      else setStartError(result.message);
    });

  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h2 className="flex flex-wrap items-center gap-2">
            Authenticator app {isOn ? <Badge>On</Badge> : <Badge variant="outline">Off</Badge>}
          </h2>
        </CardTitle>
        <CardDescription>A 6-digit code from an app such as Google Authenticator, 1Password or Authy, asked after your password.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {codes && <RecoveryCodesList codes={codes} />}
        {isOn && !codes && (
          <form action={regenerate} className="flex flex-wrap items-center gap-3">
            <p className="text-sm text-muted-foreground">{recoveryCodesLeft} of 10 recovery codes left.</p>
            <Button type="submit" variant="outline" size="sm" disabled={regenerating}>
              Make new recovery codes
            </Button>
          </form>
        )}
        {!isOn && !enrolment && (
          <div className="grid gap-2">
            <Button type="button" onClick={begin} disabled={starting} className="justify-self-start">
              {starting ? "Preparing…" : "Set up an authenticator app"}
            </Button>
            {startError && <p role="alert" className="text-sm font-medium text-destructive">{startError}</p>}
          </div>
        )}
        {!isOn && enrolment && (
          <div className="grid gap-4 md:grid-cols-[auto_1fr] md:items-start">
            <div
              role="img"
              aria-label="QR code for your authenticator app"
              className="size-44 rounded-md bg-white p-2 [&_svg]:size-full"
              dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
            />
            <div className="grid gap-4">
              <div className="grid gap-1">
                <p className="text-sm">Scan the code with your app, or enter this key by hand:</p>
                <code data-testid="totp-secret" className="rounded bg-muted px-2 py-1 font-mono text-sm break-all">
                  {enrolment.secret}
                </code>
              </div>
              <form action={confirm} className="grid gap-2" noValidate>
                <Label htmlFor="enrol-code">Code from your app</Label>
                <Input
                  id="enrol-code"
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  className="max-w-40"
                  aria-invalid={Boolean(confirmState.errors?.code)}
                  aria-describedby={confirmState.errors?.code ? "enrol-code-error" : undefined}
                />
                <FieldError id="enrol-code-error" errors={confirmState.errors?.code} />
                <Button type="submit" disabled={confirming} className="justify-self-start">
                  {confirming ? "Checking…" : "Turn on"}
                </Button>
              </form>
            </div>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
