import Link from "next/link";
import { ScrollText } from "@/components/ui/icons";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditLogPage, AuditLogRow } from "@/lib/audit-log/queries";
import { AUDIT_ACTION_LABELS, type AuditListParams } from "@/lib/audit-log/schemas";
import { formatDateTime } from "@/lib/format";
import { buildAuditHref, hasAuditFilters } from "./audit-href";
import { formatDetail, formatEntity } from "./audit-detail";

const FILTER_LINK = "underline-offset-4 hover:underline focus-visible:underline";

function WhoCell({ row, params }: { row: AuditLogRow; params: AuditListParams }) {
  if (row.actorKind === "patient_link") return <span className="text-muted-foreground">Patient link</span>;
  if (!row.actorId || !row.actorName) return <span className="text-muted-foreground">{row.actorEmail ?? "Unknown"}</span>;
  return (
    <Link href={buildAuditHref(params, { actor: row.actorId })} className={FILTER_LINK}>
      {row.actorName}
      <span className="sr-only">: show only their events</span>
    </Link>
  );
}

function RecordCell({ row, params }: { row: AuditLogRow; params: AuditListParams }) {
  const detail = formatDetail(row.detail);
  return (
    <div className="grid min-w-48 gap-0.5 whitespace-normal">
      <span>
        {formatEntity(row.entity)}
        {row.patientId && row.patientLastName && (
          <>
            {": "}
            <Link href={buildAuditHref(params, { patientId: row.patientId, patient: "" })} className={`font-medium ${FILTER_LINK}`}>
              {row.patientLastName}, {row.patientFirstName}
              <span className="sr-only">: show only events about this patient</span>
            </Link>
          </>
        )}
        {row.subjectName && <span className="font-medium">: {row.subjectName}</span>}
      </span>
      {row.reason && <span className="text-xs text-muted-foreground">Reason: {row.reason}</span>}
      {detail && <span className="text-xs break-words text-muted-foreground">{detail}</span>}
    </div>
  );
}

export function AuditTable({ result, params }: { result: AuditLogPage; params: AuditListParams }) {
  if (result.total === 0) {
    const filtered = hasAuditFilters(params);
    return (
      <EmptyState
        icon={ScrollText}
        title={filtered ? "No events match these filters" : "Nothing recorded yet"}
        description={
          filtered
            ? "Try a wider date range, or clear a filter."
            : "Sign-ins, and every view or change of patient records and staff accounts, will be listed here as they happen."
        }
        action={
          filtered ? (
            <Button variant="outline" asChild>
              <Link href="/settings/audit">Clear filters</Link>
            </Button>
          ) : undefined
        }
      />
    );
  }
  return (
    <div className="grid gap-4">
      <div className="rounded-md border">
        <Table>
          <TableCaption className="sr-only">
            Audit events, newest first, page {result.page} of {result.pageCount}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>When</TableHead>
              <TableHead>Who</TableHead>
              <TableHead>Action</TableHead>
              <TableHead>Record</TableHead>
              <TableHead className="hidden xl:table-cell">IP address</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.rows.map((row) => (
              <TableRow key={row.id}>
                <TableCell className="align-top tabular-nums">{formatDateTime(row.at, result.timeZone)}</TableCell>
                <TableCell className="align-top">
                  <WhoCell row={row} params={params} />
                </TableCell>
                <TableCell className="align-top">
                  <Badge variant={row.action === "login_failed" || row.action === "denied" ? "warning" : "outline"}>{AUDIT_ACTION_LABELS[row.action]}</Badge>
                </TableCell>
                <TableCell className="align-top">
                  <RecordCell row={row} params={params} />
                </TableCell>
                <TableCell className="hidden align-top font-mono text-xs xl:table-cell">{row.ip ?? "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground">
        <span>
          {result.total} event{result.total === 1 ? "" : "s"}
        </span>
        <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => buildAuditHref(params, { page })} label="Audit log pages" />
      </div>
    </div>
  );
}
