"use client";

import { useActionState } from "react";
import Link from "next/link";
import { Mail, Printer, Share2 } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { ShownLink, readShownLink } from "@/components/patient-links/shown-link";
import { FormMessage } from "@/components/ui/form-message";
import { emailLinkAction, revokeLinkAction, shareProgrammeAction } from "@/lib/patient-links/actions";

/** Whether the server sends email, and the patient's address on record. */
export type LinkEmail = { enabled: boolean; address: string | null };

/** "Share with patient": makes the link and shows it once, as an address and a QR code (and emails it, when email is on). */
export function ShareLinkForm({ programmeId, hasLive, email }: { programmeId: string; hasLive: boolean; email: LinkEmail }) {
  const [state, action, pending] = useActionState(shareProgrammeAction, {});
  // The share action hands back text only: the address, its token, the QR image and the end date.
  const link = state.ok ? readShownLink(state.data) : undefined;
  return (
    <div className="grid gap-4">
      <form action={action} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="programmeId" value={programmeId} />
        <Button type="submit" disabled={pending}>
          <Share2 className="size-4" aria-hidden />
          {hasLive ? "Make a new link (ends the current one)" : "Share with patient"}
        </Button>
        <FormMessage state={state} variant="inline" />
      </form>
      {link?.url && (
        <div className="grid gap-3">
          <ShownLink link={{ ...link, url: link.url }} inputId="patient-link-url">
            <Button variant="outline" size="sm" asChild>
              {/* The token travels in the fragment: never sent to the server, never in a log. */}
              <Link href={`/print/programmes/${programmeId}#link=${link.token}`}>
                <Printer className="size-4" aria-hidden />
                Print with the link
              </Link>
            </Button>
          </ShownLink>
          {/* Keyed by the token: a new link starts with a fresh email form. */}
          <EmailLinkForm key={link.token} programmeId={programmeId} token={link.token!} email={email} />
        </div>
      )}
    </div>
  );
}

function EmailLinkForm({ programmeId, token, email }: { programmeId: string; token: string; email: LinkEmail }) {
  const [state, action, pending] = useActionState(emailLinkAction, {});
  if (!email.enabled) {
    return <p className="text-sm text-muted-foreground">Email is off on this server: copy the link or let the patient scan the QR code.</p>;
  }
  if (!email.address) {
    return <p className="text-sm text-muted-foreground">No email address on record for this patient: add one to their details to email the link.</p>;
  }
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="programmeId" value={programmeId} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" variant="outline" size="sm" disabled={pending || state.ok === true}>
        <Mail className="size-4" aria-hidden />
        Email the link to {email.address}
      </Button>
      <FormMessage state={state} variant="inline" />
    </form>
  );
}

export function RevokeLinkButton({ linkId, programmeId }: { linkId: string; programmeId: string }) {
  const [state, action, pending] = useActionState(revokeLinkAction, {});
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="linkId" value={linkId} />
      <input type="hidden" name="programmeId" value={programmeId} />
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        Revoke
      </Button>
      <FormMessage state={state} variant="inline" />
    </form>
  );
}
