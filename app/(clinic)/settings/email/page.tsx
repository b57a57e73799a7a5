import type { Metadata } from "next";
import { MailX, Send } from "@/components/ui/icons";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/runtime";
import { requireAdminScope } from "@/lib/auth/scope";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { isEmailEnabled } from "@/lib/env";
import { holdForE2e } from "@/lib/e2e-hold";
import { formatDateTime } from "@/lib/format";
import { getDeliveryStatus } from "@/lib/mail/queries";
import { SettingsCrumb } from "@/components/settings/settings-crumb";

export const metadata: Metadata = { title: "Email" };

const PURPOSE_LABELS = { patient_link: "Patient link", exercise_reminder: "Exercise reminder", enquiry_reply: "Reply to an enquiry" } as const;
const STATUS_LABELS = { queued: "Queued", retrying: "Retrying", sent: "Sent", failed: "Failed" } as const;
const STATUS_VARIANTS = { queued: "secondary", retrying: "outline", sent: "default", failed: "destructive" } as const;

export default async function EmailSettingsPage() {
  await holdForE2e();
  const scope = await requireAdminScope();
  const db = await getDb(scope);
  const [rows, timeZone] = await Promise.all([getDeliveryStatus(db, scope, { limit: 50 }), getClinicTimeZone(db, scope)]);
  const enabled = isEmailEnabled();
  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        eyebrow={<SettingsCrumb />}
        title="Email"
        description="Patient links and exercise reminders sent by email, and whether each arrived at the mail server."
      />
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>{enabled ? "Email is on" : "Email is off"}</h2>
          </CardTitle>
          <CardDescription>
            {enabled
              ? "Messages are queued and sent in the background; a refused attempt is tried again later, waiting longer each time."
              : "No mail server is set up (SMTP_URL and MAIL_FROM), so patient links are shared by copying the link or showing the QR code."}
          </CardDescription>
        </CardHeader>
      </Card>
      {rows.length === 0 ? (
        <EmptyState icon={enabled ? Send : MailX} title="No messages yet" description="Emails to patients appear here with their delivery status." />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Queued</TableHead>
              <TableHead>To</TableHead>
              <TableHead>What</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="text-right">Attempts</TableHead>
              <TableHead>Last error</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell className="whitespace-nowrap">{formatDateTime(r.createdAt, timeZone)}</TableCell>
                <TableCell className="break-all">{r.recipient}</TableCell>
                <TableCell>{PURPOSE_LABELS[r.purpose]}</TableCell>
                <TableCell>
                  <Badge variant={STATUS_VARIANTS[r.status]}>{STATUS_LABELS[r.status]}</Badge>
                  {r.sentAt && <span className="sr-only"> at {formatDateTime(r.sentAt, timeZone)}</span>}
                </TableCell>
                <TableCell className="text-right tabular-nums">{r.attempts}</TableCell>
                <TableCell className="font-mono text-xs">{r.lastErrorCode ?? "None"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
