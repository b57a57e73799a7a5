import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate, formatDateTime } from "@/lib/format";
import type { PatientFlagView } from "@/lib/patient-flags/queries";
import { FlagBadge } from "./flag-badge";
import { ResolveFlagButton } from "./resolve-flag-button";

/** Every flag ever recorded on the patient: active first, resolved kept for the history. */
export function FlagTable({ flags, patientId, timeZone }: { flags: PatientFlagView[]; patientId: string; timeZone: string }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Flag</TableHead>
          <TableHead>Noted</TableHead>
          <TableHead>Source and note</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {flags.map((f) => (
          <TableRow key={f.id}>
            <TableCell className="whitespace-normal">
              <FlagBadge kind={f.definition?.kind ?? null} label={f.label} />
              {f.definition && <p className="mt-1 max-w-sm text-xs text-muted-foreground">{f.definition.note}</p>}
            </TableCell>
            <TableCell className="whitespace-normal">
              {formatDate(f.notedOn)}
              <p className="text-xs text-muted-foreground">recorded by {f.recordedByName ?? "unknown"}</p>
            </TableCell>
            <TableCell className="max-w-xs whitespace-normal">
              {f.source ?? "—"}
              {f.note && <p className="text-xs text-muted-foreground">{f.note}</p>}
            </TableCell>
            <TableCell className="whitespace-normal">
              {f.status === "active" ? (
                <Badge>Active</Badge>
              ) : (
                <>
                  <Badge variant="secondary">Resolved</Badge>
                  {f.resolvedAt && (
                    <p className="text-xs text-muted-foreground">
                      {formatDateTime(f.resolvedAt, timeZone)} by {f.resolvedByName ?? "unknown"}
                    </p>
                  )}
                </>
              )}
            </TableCell>
            <TableCell>{f.status === "active" && <ResolveFlagButton patientId={patientId} flagId={f.id} label={f.label} />}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
