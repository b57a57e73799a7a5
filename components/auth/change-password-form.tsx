"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { changePasswordAction } from "@/lib/auth/actions";
import { FormMessage } from "@/components/ui/form-message";

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password (at least 12 characters)", autoComplete: "new-password" },
  { name: "confirmPassword", label: "New password again", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm({ required }: { required: boolean }) {
  const [state, action, pending] = useActionState(changePasswordAction, {});
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1 className="text-xl">Change your password</h1>
        </CardTitle>
        <CardDescription>
          {required ? "Your account was set up with a one-time password. Choose your own to continue." : "Choose a new password."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form action={action} className="grid gap-4" noValidate>
          <FormMessage state={state} />
          {FIELDS.map((f) => (
            <div key={f.name} className="grid gap-1.5">
              <Label htmlFor={f.name}>{f.label}</Label>
              <Input
                id={f.name}
                name={f.name}
                type="password"
                autoComplete={f.autoComplete}
                aria-invalid={Boolean(state.errors?.[f.name])}
                aria-describedby={state.errors?.[f.name] ? `${f.name}-error` : undefined}
              />
              <FieldError id={`${f.name}-error`} errors={state.errors?.[f.name]} />
            </div>
          ))}
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Change password"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
