"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { KeyRound } from "@/components/ui/icons";
import { useActionState, useState, useTransition } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { initialActionState } from "@/lib/actions/state";
import { signOutAction } from "@/lib/auth/actions";
import { finishPasskeySignInAction, startPasskeySignInAction, verifyCodeAction } from "@/lib/mfa/actions";

type Props = { next: string; hasTotp: boolean; hasPasskey: boolean; email: string };

/** The second step of sign-in: a code from the app, a recovery code, or a passkey. */
export function SecondFactorForm({ next, hasTotp, hasPasskey, email }: Props) {
  // Recovery codes come with the authenticator app; a passkey-only account uses its passkeys.
  const [method, setMethod] = useState<"totp" | "recovery">("totp");
  const [state, action, pending] = useActionState(verifyCodeAction, initialActionState);
  const [passkeyError, setPasskeyError] = useState<string | null>(null);
  const [passkeyPending, startPasskey] = useTransition();

  const usePasskey = () =>
    startPasskey(async () => {
      setPasskeyError(null);
      const start = await startPasskeySignInAction();
      if (!start.ok) return setPasskeyError(start.message);
      try {
        const response = await startAuthentication({ optionsJSON: start.options });
        const result = await finishPasskeySignInAction(response, next);
        if (result && !result.ok) setPasskeyError(result.message);
      } catch (err) {
        // A redirect from the action is how success arrives; anything else was the browser refusing.
        if (err instanceof Error && err.message === "NEXT_REDIRECT") throw err;
        setPasskeyError("The passkey prompt was closed or refused. Try again, or use a code.");
      }
    });

  const label = method === "totp" ? "Code from your authenticator app" : "Recovery code";
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1 className="text-xl">Confirm it&apos;s you</h1>
        </CardTitle>
        <CardDescription>
          Signed in as {email}. Your account asks for a second step before it opens.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {hasTotp && (
          <form action={action} className="grid gap-4" noValidate>
            <input type="hidden" name="next" value={next} />
            <input type="hidden" name="method" value={method} />
            {state.message && (
              <Alert variant="destructive" role="alert">
                <AlertDescription>{state.message}</AlertDescription>
              </Alert>
            )}
            <div className="grid gap-2">
              <Label htmlFor="code">{label}</Label>
              <Input
                key={method}
                id="code"
                name="code"
                inputMode={method === "totp" ? "numeric" : "text"}
                autoComplete="one-time-code"
                autoFocus
                required
                aria-invalid={Boolean(state.errors?.code)}
                aria-describedby={state.errors?.code ? "code-error" : undefined}
              />
              <FieldError id="code-error" errors={state.errors?.code} />
            </div>
            <Button type="submit" disabled={pending}>
              {pending ? "Checking…" : "Continue"}
            </Button>
          </form>
        )}
        {hasPasskey && (
          <div className="grid gap-2">
            <Button type="button" variant="outline" onClick={usePasskey} disabled={passkeyPending}>
              <KeyRound aria-hidden />
              {passkeyPending ? "Waiting for your passkey…" : "Use a passkey"}
            </Button>
            {passkeyError && (
              <p role="alert" className="text-sm font-medium text-destructive">
                {passkeyError}
              </p>
            )}
          </div>
        )}
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          {hasTotp && (
            <Button type="button" variant="link" className="h-auto px-0" onClick={() => setMethod(method === "totp" ? "recovery" : "totp")}>
              {method === "totp" ? "Use a recovery code instead" : "Use your authenticator app instead"}
            </Button>
          )}
          <form action={signOutAction}>
            <Button type="submit" variant="link" className="h-auto px-0">
              Sign out
            </Button>
          </form>
        </div>
      </CardContent>
    </Card>
  );
}
