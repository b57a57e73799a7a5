import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatInstantDate } from "@/lib/format";
import type { ProgrammeLinkRow } from "@/lib/patient-links/queries";
import { RevokeLinkButton, ShareLinkForm, type LinkEmail } from "./share-link-form";

const STATE_LABEL = { active: "Active", revoked: "Revoked", expired: "Expired" } as const;

/** The programme's patient links: make one, see which are live, revoke. */
export function ShareCard({ programmeId, links, canShare, timeZone, email }: { programmeId: string; links: ProgrammeLinkRow[]; canShare: boolean; timeZone: string; email: LinkEmail }) {
  const hasLive = links.some((l) => l.state === "active");
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h2>On the patient&apos;s phone</h2>
        </CardTitle>
        <CardDescription>A link to this programme, without sign-in, until the review date (90 days at most). The patient ticks sessions and rates pain; it shows in the adherence table as patient-reported.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {canShare ? <ShareLinkForm programmeId={programmeId} hasLive={hasLive} email={email} /> : <p className="text-sm text-muted-foreground">Only the active programme can be shared.</p>}
        {links.length > 0 && (
          <ul className="grid gap-2" aria-label="Links made for this programme">
            {links.map((l) => (
              <li key={l.id} className="flex flex-wrap items-center gap-3 text-sm">
                <Badge variant={l.state === "active" ? "default" : "secondary"}>{STATE_LABEL[l.state]}</Badge>
                <span>
                  Made {formatInstantDate(l.createdAt, timeZone)}, {l.state === "expired" ? "expired" : "valid until"} {formatInstantDate(l.expiresAt, timeZone)}
                </span>
                {l.state === "active" && <RevokeLinkButton linkId={l.id} programmeId={programmeId} />}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
