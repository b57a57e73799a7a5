import Link from "next/link";
import { Users } from "lucide-react";
import { SafetyMarker } from "@/components/patient-flags/safety-marker";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ageInYears, formatDate, SEX_LABELS } from "@/lib/format";
import type { listPatients } from "@/lib/patients/queries";
import type { PatientListParams } from "@/lib/patients/schemas";

type Result = Awaited<ReturnType<typeof listPatients>>;

function hrefFor(params: PatientListParams, page: number) {
  const sp = new URLSearchParams();
  if (params.q) sp.set("q", params.q);
  if (params.status !== "active") sp.set("status", params.status);
  if (page > 1) sp.set("page", String(page));
  const s = sp.toString();
  return s ? `/patients?${s}` : "/patients";
}

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
  return (
    <div className="grid gap-4">
      <div className="overflow-x-auto rounded-md border">
        <Table>
          <TableCaption className="sr-only">Patients, page {result.page} of {result.pageCount}</TableCaption>
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
                  <span className="inline-flex flex-wrap items-center gap-1.5">
                    <Link href={`/patients/${p.id}`} className="underline-offset-4 hover:underline focus-visible:underline">
                      {p.lastName}, {p.firstName}
                    </Link>
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
          {result.total} patient{result.total === 1 ? "" : "s"}
        </span>
        <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => hrefFor(params, page)} />
      </div>
    </div>
  );
}
