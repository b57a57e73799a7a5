"use client";

import { useActionState } from "react";
import { ClipboardList, Mail } from "@/components/ui/icons";
import { ShownLink, readShownLink } from "@/components/patient-links/shown-link";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { emailIntakeAction, sendIntakeAction } from "@/lib/patient-intake/actions";

export type IntakeEmail = { enabled: boolean; address: string | null };

/** "Intake link": the red flags, NPRS and ODI on the patient's phone; shown once, emailed when asked. */
export function IntakeLinkForm({ patientId, email }: { patientId: string; email: IntakeEmail }) {
  const [state, action, pending] = useActionState(sendIntakeAction, {});
  const link = state.ok ? readShownLink(state.data) : undefined;
  const emailed = state.ok && state.data?.emailed === true;
  const canEmail = email.enabled && Boolean(email.address);
  return (
    <div className="grid gap-4">
      <form action={action} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="patientId" value={patientId} />
        {canEmail && (
          <Button type="submit" name="delivery" value="email" disabled={pending}>
            <Mail className="size-4" aria-hidden />
            Email an intake link
          </Button>
        )}
        <Button type="submit" name="delivery" value="show" variant={canEmail ? "outline" : "default"} disabled={pending}>
          <ClipboardList className="size-4" aria-hidden />
          Make an intake link
        </Button>
        <FormMessage state={state} variant="inline" />
      </form>
      {!canEmail && (
        <p className="text-sm text-muted-foreground">
          {email.enabled ? "No email address on record: add one to the patient's details to email the link." : "Email is off on this server: copy the link or let the patient scan the QR code."}
        </p>
      )}
      {link?.url && (
        <ShownLink link={{ ...link, url: link.url }} inputId="intake-link-url">
          {canEmail && !emailed && <EmailIntakeButton key={link.token} patientId={patientId} token={link.token!} />}
        </ShownLink>
      )}
    </div>
  );
}

function EmailIntakeButton({ patientId, token }: { patientId: string; token: string }) {
  const [state, action, pending] = useActionState(emailIntakeAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" variant="outline" size="sm" disabled={pending || state.ok === true}>
        <Mail className="size-4" aria-hidden />
        Email it
      </Button>
      <FormMessage state={state} variant="inline" />
    </form>
  );
}
