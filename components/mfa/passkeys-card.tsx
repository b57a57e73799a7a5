"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { useActionState, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { deletePasskeyAction, finishPasskeyRegistrationAction, startPasskeyRegistrationAction } from "@/lib/mfa/actions";
import { initialActionState, type ActionState } from "@/lib/actions/state";

type PasskeyRow = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

function RemovePasskey({ passkey }: { passkey: PasskeyRow }) {
  const [state, action, pending] = useActionState(deletePasskeyAction, initialActionState);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={passkey.id} />
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        Remove<span className="sr-only">: {passkey.name}</span>
      </Button>
      {state.message && !state.ok && <span role="alert" className="text-xs text-destructive">{state.message}</span>}
    </form>
  );
}

/** Passkeys: a key or the device's own lock (fingerprint, face, PIN) as the second step. */
export function PasskeysCard({ passkeys }: { passkeys: PasskeyRow[] }) {
  const [name, setName] = useState("");
  const [state, setState] = useState<ActionState>({});
  const [pending, startTransition] = useTransition();

  const add = () =>
    startTransition(async () => {
      const start = await startPasskeyRegistrationAction(name);
      if (!start.ok) return setState({ ok: false, message: start.message, errors: start.errors });
      try {
        const response = await startRegistration({ optionsJSON: start.options });
        const result = await finishPasskeyRegistrationAction(name, response);
        setState(result);
        if (result.ok) setName("");
      } catch {
        setState({ ok: false, message: "The passkey prompt was closed or refused. Nothing was saved." });
      }
    });

  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h2>Passkeys</h2>
        </CardTitle>
        <CardDescription>Use a security key or this device&apos;s screen lock instead of a code. Add one per device, each with a name.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {passkeys.length === 0 ? (
          <p className="text-sm text-muted-foreground">No passkeys yet.</p>
        ) : (
          <ul className="grid gap-2" aria-label="Your passkeys">
            {passkeys.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-2">
                <span>
                  <span className="font-medium">{p.name}</span>
                  <span className="block text-xs text-muted-foreground">
                    Added {p.createdAt}
                    {p.lastUsedAt ? ` · last used ${p.lastUsedAt}` : " · not used yet"}
                  </span>
                </span>
                <RemovePasskey passkey={p} />
              </li>
            ))}
          </ul>
        )}
        <form
          className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
          noValidate
        >
          <div className="grid gap-2">
            <Label htmlFor="passkey-name">Name for a new passkey</Label>
            <Input
              id="passkey-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. Clinic laptop"
              aria-invalid={Boolean(state.errors?.name)}
              aria-describedby={state.errors?.name ? "passkey-name-error" : undefined}
            />
          </div>
          <Button type="submit" disabled={pending}>
            {pending ? "Waiting for your device…" : "Add a passkey"}
          </Button>
          <FieldError id="passkey-name-error" errors={state.errors?.name} className="sm:col-span-2" />
        </form>
        <FormMessage state={state} />
      </CardContent>
    </Card>
  );
}
