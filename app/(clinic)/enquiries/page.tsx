import type { Metadata } from "next";
import Link from "next/link";
import { Inbox } from "@/components/ui/icons";
import { EnquiryStatusForm } from "@/components/enquiries/enquiry-status-form";
import { EnquiryRetentionForm } from "@/components/enquiries/retention-form";
import { EnquiryReplyForm } from "@/components/enquiries/reply-form";
import { isEmailEnabled } from "@/lib/env";
import { clinicReplyVars, forEnquirer, listReplies } from "@/lib/enquiries/replies";
import { getReplyTemplate, REPLY_TEMPLATES } from "@/lib/enquiries/reply-templates";
import { isAdmin } from "@/lib/auth/scope-types";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireScope } from "@/lib/auth/scope";
import { ENQUIRY_STATUS_LABELS } from "@/lib/enquiries/labels";
import { enquiryClock, getEnquiryRetentionDays, listEnquiries, RESPONSE_HOURS } from "@/lib/enquiries/queries";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Enquiries" };

function clockText(hoursLeft: number): string {
  const h = Math.floor(Math.abs(hoursLeft));
  const m = Math.floor((Math.abs(hoursLeft) * 60) % 60);
  return hoursLeft < 0 ? `Overdue by ${h} h ${m} min` : `${h} h ${m} min left to reply`;
}

export default async function EnquiriesPage() {
  const scope = await requireScope();
  const db = await getDb(scope);
  const [user, list, retentionDays] = await Promise.all([getCurrentUser(scope), listEnquiries(db, scope), getEnquiryRetentionDays(db, scope)]);
  const replies = await listReplies(db, scope, list.map((e) => e.id));
  const emailOn = isEmailEnabled();
  const clinicVars = await clinicReplyVars(db, scope);
  const templates = new Map(list.map((e) => [e.id, REPLY_TEMPLATES.map((t) => ({ key: t.key, label: t.label, text: t.text(forEnquirer(clinicVars, e.name)) }))] as const));
  const now = new Date();
  const overdue = list.filter((e) => enquiryClock(e, now)?.overdue).length;
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        title="Enquiries"
        description={`From your public enquiry page. Reply within ${RESPONSE_HOURS} hours. Enquiries that do not become patients are deleted after ${retentionDays} days.`}
      />
      {isAdmin(scope) && <EnquiryRetentionForm days={retentionDays} />}
      {overdue > 0 && (
        <p role="status" className="rounded-md border border-destructive/40 bg-destructive/10 p-3 font-medium text-destructive dark:text-red-300">
          {overdue === 1 ? "1 enquiry is" : `${overdue} enquiries are`} past {RESPONSE_HOURS} hours without a reply.
        </p>
      )}
      {list.length === 0 ? (
        <EmptyState icon={Inbox} title="No enquiries yet" description="Enquiries sent through your public enquiry page appear here." />
      ) : (
        <ul className="grid gap-4" aria-label="Enquiries">
          {list.map((e) => {
            const clock = enquiryClock(e, now);
            return (
              <li key={e.id} className="grid gap-3 rounded-lg border bg-card p-4 text-card-foreground" data-testid="enquiry">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="text-lg font-semibold">{e.name}</h2>
                  <div className="flex flex-wrap gap-2">
                    <Badge variant={e.status === "new" ? "default" : "secondary"}>{ENQUIRY_STATUS_LABELS[e.status]}</Badge>
                    {clock && (
                      <Badge variant={clock.overdue ? "destructive" : "outline"} data-testid="enquiry-clock">
                        {clockText(clock.hoursLeft)}
                      </Badge>
                    )}
                  </div>
                </div>
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
                  <dt className="text-muted-foreground">Received</dt>
                  <dd>{formatDateTime(e.receivedAt, user.timeZone)}</dd>
                  <dt className="text-muted-foreground">Phone</dt>
                  <dd>
                    <a className="underline" href={`tel:${e.phone.replace(/[^+\d]/g, "")}`}>{e.phone}</a>
                  </dd>
                  {e.email && (
                    <>
                      <dt className="text-muted-foreground">Email</dt>
                      <dd className="break-all">{e.email}</dd>
                    </>
                  )}
                  <dt className="text-muted-foreground">Best times</dt>
                  <dd>{e.preferredTimes ?? "Not given"}</dd>
                  <dt className="text-muted-foreground">What is wrong</dt>
                  <dd className="whitespace-pre-wrap">{e.concern}</dd>
                  <dt className="text-muted-foreground">Consent</dt>
                  <dd>Given (wording {e.consentVersion})</dd>
                </dl>
                <EnquiryReplies replies={replies.get(e.id) ?? []} timeZone={user.timeZone} />
                {!e.patientId && e.status !== "closed" && (
                  <EnquiryReplyForm
                    enquiryId={e.id}
                    name={e.name}
                    templates={templates.get(e.id) ?? []}
                    noEmail={!emailOn ? "Email is off: call the enquirer, say this, then note the call." : !e.email ? "No email address given: call, say this, then note the call." : null}
                  />
                )}
                <div className="flex flex-wrap items-end justify-between gap-3">
                  <EnquiryStatusForm enquiryId={e.id} status={e.status} name={e.name} />
                  {e.patientId ? (
                    <Button asChild variant="link">
                      <Link href={`/patients/${e.patientId}`}>Open patient</Link>
                    </Button>
                  ) : (
                    <Button asChild variant="secondary">
                      <Link href={`/patients/new?enquiry=${e.id}`}>Convert to patient</Link>
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

const DELIVERY = { queued: "queued", retrying: "retrying", sent: "sent", failed: "failed" } as const;

/** What the clinic has said to the enquirer so far: the acknowledgement, emails (with delivery) and calls. */
function EnquiryReplies({ replies, timeZone }: { replies: Awaited<ReturnType<typeof listReplies>> extends Map<string, infer V> ? V : never; timeZone: string }) {
  if (replies.length === 0) return null;
  return (
    <details className="rounded-md border p-3 text-sm">
      <summary className="cursor-pointer font-medium">
        {replies.length === 1 ? "1 reply" : `${replies.length} replies`} so far
      </summary>
      <ol className="mt-2 grid gap-3">
        {replies.map((r) => (
          <li key={r.id} className="grid gap-1">
            <p className="text-muted-foreground">
              {formatDateTime(r.sentAt, timeZone)} · {r.channel === "email" ? `email${r.delivery ? `, ${DELIVERY[r.delivery]}` : ""}` : "phone call"} ·{" "}
              {getReplyTemplate(r.template)?.label ?? r.template}
            </p>
            <p className="whitespace-pre-wrap">{r.body}</p>
          </li>
        ))}
      </ol>
    </details>
  );
}
