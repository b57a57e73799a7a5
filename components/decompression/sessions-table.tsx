import Link from "next/link";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DecompressionSession } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import { formatForcePercent, formatForceUnits, RESPONSE_LABELS } from "@/lib/decompression/rules";
import { SessionStatusBadge } from "./course-status-badge";

type Props = {
  sessions: DecompressionSession[];
  timeZone: string;
  weightUnit: "kg" | "lb";
  /** Where "Log" links go; null when the course takes no more logs. */
  logHref: ((sessionId: string) => string) | null;
};

/** Every session of a course: force in both units and as % of the body weight used, pain before and after. */
export function SessionsTable({ sessions, timeZone, weightUnit, logHref }: Props) {
  return (
    <Table>
      <TableCaption className="sr-only">Sessions of this course, oldest first</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>When</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Force (pull / rest)</TableHead>
          <TableHead>Pain before / after</TableHead>
          <TableHead className="hidden lg:table-cell">Response</TableHead>
          <TableHead className="hidden xl:table-cell">Adverse event</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {sessions.map((s) => (
          <TableRow key={s.id}>
            <TableCell className="whitespace-nowrap">{formatDateTime(s.scheduledAt, timeZone)}</TableCell>
            <TableCell>
              <SessionStatusBadge status={s.status} />
            </TableCell>
            <TableCell>
              {s.maxForceKg === null ? (
                "—"
              ) : (
                <>
                  <span className="block whitespace-nowrap">{formatForceUnits(s.maxForceKg, weightUnit)}</span>
                  <span className="block text-xs text-muted-foreground">
                    {formatForcePercent(s.maxForceKg, s.bodyWeightKg)}
                    {s.minForceKg !== null && ` · rest ${formatForceUnits(s.minForceKg, weightUnit)}`}
                  </span>
                  {s.forceWarningConfirmed && <span className="block text-xs font-medium">Above threshold: confirmed</span>}
                </>
              )}
            </TableCell>
            <TableCell>{s.nprsBefore === null ? "—" : `${s.nprsBefore} / ${s.nprsAfter ?? "—"}`}</TableCell>
            <TableCell className="hidden lg:table-cell">{s.response ? RESPONSE_LABELS[s.response] : "—"}</TableCell>
            <TableCell className="hidden xl:table-cell">{s.adverseEvent ?? "None"}</TableCell>
            <TableCell>
              {s.status === "scheduled" && logHref && (
                <Link href={logHref(s.id)} className="font-medium underline-offset-4 hover:underline">
                  Log<span className="sr-only"> session of {formatDateTime(s.scheduledAt, timeZone)}</span>
                </Link>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
