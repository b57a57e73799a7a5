import Link from "next/link";
import { Filter, X } from "@/components/ui/icons";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditListParams } from "@/lib/audit-log/schemas";
import { buildAuditHref, hasAuditFilters } from "./audit-href";

type Props = {
  params: AuditListParams;
  staff: { id: string; name: string; deactivatedAt: Date | null }[];
  /** The name behind `params.patientId`, when a row on this page shows it. */
  patientLabel: string | null;
  timeZone: string;
};

/** A plain GET form: the filters live in the URL, so a view can be shared and reloaded. */
export function AuditFilterForm({ params, staff, patientLabel, timeZone }: Props) {
  const reversed = params.from && params.to && params.from > params.to;
  return (
    <form role="search" aria-label="Filter the audit log" action="/settings/audit" className="grid gap-4">
      {params.patientId && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <input type="hidden" name="patientId" value={params.patientId} />
          <span>
            Only events about <span className="font-medium">{patientLabel ?? "the selected patient"}</span>
          </span>
          <Button variant="ghost" size="sm" asChild>
            <Link href={buildAuditHref(params, { patientId: undefined })}>
              <X aria-hidden />
              Show all patients
            </Link>
          </Button>
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
        <div className="grid gap-1.5">
          <Label htmlFor="audit-actor">Who</Label>
          <NativeSelect id="audit-actor" name="actor" defaultValue={params.actor ?? ""}>
            <option value="">Anyone</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.deactivatedAt ? " (deactivated)" : ""}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="audit-action">Action</Label>
          <NativeSelect id="audit-action" name="action" defaultValue={params.action ?? ""}>
            <option value="">Any action</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {AUDIT_ACTION_LABELS[a]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="audit-patient">Patient</Label>
          <Input id="audit-patient" name="patient" type="search" defaultValue={params.patient} placeholder="Name or date of birth" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="audit-from">From</Label>
          <Input id="audit-from" name="from" type="date" defaultValue={params.from ?? ""} aria-describedby="audit-zone" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="audit-to">To</Label>
          <Input id="audit-to" name="to" type="date" defaultValue={params.to ?? ""} aria-describedby="audit-zone" />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary">
          <Filter aria-hidden />
          Apply filters
        </Button>
        {hasAuditFilters(params) && (
          <Button variant="ghost" asChild>
            <Link href="/settings/audit">Clear filters</Link>
          </Button>
        )}
        <p id="audit-zone" className="text-xs text-muted-foreground">
          Dates are whole days in the clinic&apos;s time zone ({timeZone}), both included.
        </p>
      </div>
      {reversed && (
        <Alert variant="warning">
          <AlertDescription>The “To” date is before the “From” date, so no event can match. Swap them to see that period.</AlertDescription>
        </Alert>
      )}
    </form>
  );
}
