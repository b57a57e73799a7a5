import { ListLink } from "@/components/ui/list-link";
import { Users } from "@/components/ui/icons";
import { SafetyMarker } from "@/components/patient-flags/safety-marker";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPagination } from "@/components/ui/keyset-pagination";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ageInYears, formatDate, SEX_LABELS } from "@/lib/format";
import type { listPatients } from "@/lib/patients/queries";
import type { PatientListParams } from "@/lib/patients/schemas";

type Result = Awaited<ReturnType<typeof listPatients>>;

type Cursor = { after: string } | { before: string } | { page: "last" } | null;

function hrefFor(params: PatientListParams, cursor: Cursor) {
  const sp = new URLSearchParams();
  if (params.q) sp.set("q", params.q);
  if (params.status !== "active") sp.set("status", params.status);
  for (const [key, value] of Object.entries(cursor ?? {})) sp.set(key, value);
  const s = sp.toString();
  return s ? `/patients?${s}` : "/patients";
}

const formatCount = (n: number) => n.toLocaleString("en-GB");

export function PatientTable({ result, params }: { result: Result; params: PatientListParams }) {
  if (result.total === 0) {
    return (
      <EmptyState
        icon={Users}
        title={params.q ? "No patients match" : params.status === "archived" ? "No archived patients" : "No patients yet"}
        description={params.q ? `Nothing matches “${params.q}”. Try the start of a first or last name, or a date of birth.` : "Add a patient to start recording assessments."}
      />
    );
  }
  const totalText = `${formatCount(result.total)}${result.totalCapped ? "+" : ""}`;
  return (
    <div className="grid gap-4">
      <div className="overflow-x-auto rounded-md border">
        <Table>
          <TableCaption className="sr-only">Patients, {result.rows.length} shown of {totalText}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Date of birth</TableHead>
              <TableHead className="hidden sm:table-cell">Sex</TableHead>
              <TableHead className="hidden md:table-cell">Phone</TableHead>
              <TableHead>Status</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.rows.map((p) => (
              <TableRow key={p.id}>
                <TableCell className="font-medium">
                  <span className="patient-name">
                    <ListLink href={`/patients/${p.id}`} className="patient-link">
                      {p.lastName}, {p.firstName}
                    </ListLink>
                    <SafetyMarker marker={p.marker} />
                  </span>
                </TableCell>
                <TableCell>
                  {formatDate(p.dateOfBirth)} <span className="text-muted-foreground">({ageInYears(p.dateOfBirth)})</span>
                </TableCell>
                <TableCell className="hidden sm:table-cell">{SEX_LABELS[p.sex]}</TableCell>
                <TableCell className="hidden md:table-cell">{p.phone ?? "—"}</TableCell>
                <TableCell>{p.archivedAt ? <Badge variant="secondary">Archived</Badge> : <Badge variant="outline">Active</Badge>}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground">
        <span>
          {totalText} patient{result.total === 1 && !result.totalCapped ? "" : "s"}
        </span>
        <KeysetPagination
          label="Patient list pages"
          first={result.hasPrevious ? hrefFor(params, null) : undefined}
          previous={result.hasPrevious && result.firstId ? hrefFor(params, { before: result.firstId }) : undefined}
          next={result.hasNext && result.lastId ? hrefFor(params, { after: result.lastId }) : undefined}
          last={result.hasNext ? hrefFor(params, { page: "last" }) : undefined}
        />
      </div>
    </div>
  );
}
