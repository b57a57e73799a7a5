"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { setRequireMfaAction } from "@/lib/staff/actions";

/** The clinic's rule: must every staff member use a second step? */
export function RequireMfaForm({ required, withoutFactor }: { required: boolean; withoutFactor: number }) {
  const [state, action, pending] = useActionState(setRequireMfaAction, {});
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h2>Second step at sign-in</h2>
        </CardTitle>
        <CardDescription>
          {required
            ? "Required for all staff: anyone without an authenticator app or passkey must set one up before using Plumbline."
            : "Optional: each person can turn it on from their account menu."}{" "}
          {withoutFactor > 0 ? `${withoutFactor} active ${withoutFactor === 1 ? "member has" : "members have"} none yet.` : "Every active member has one."}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap items-center gap-3">
        <form action={action}>
          <input type="hidden" name="requireMfa" value={required ? "false" : "true"} />
          <Button type="submit" variant={required ? "outline" : "default"} disabled={pending}>
            {required ? "Make it optional" : "Require MFA for all staff"}
          </Button>
        </form>
        <FormMessage state={state} />
      </CardContent>
    </Card>
  );
}
