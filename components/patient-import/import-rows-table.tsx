import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImportMapping } from "@/db/schema/patient-imports";
import { formatDate } from "@/lib/format";
import type { PreviewRow } from "@/lib/patient-import/queries";

const SEX_LABELS = { female: "Female", male: "Male", other: "Other", unknown: "Unknown" } as const;

function nameOf(row: PreviewRow, mapping: ImportMapping): string {
  if (row.patient) return `${row.patient.firstName} ${row.patient.lastName}`;
  const cell = (i: number | undefined) => (i === undefined ? "" : (row.raw[i] ?? "").trim());
  return [cell(mapping.firstName), cell(mapping.lastName)].filter(Boolean).join(" ") || "(no name)";
}

/** Rows the check refused or the import skipped, each with its reasons beside it. */
export function RefusedRowsTable({ rows, mapping, caption }: { rows: PreviewRow[]; mapping: ImportMapping; caption: string }) {
  return (
    <div className="rounded-md border">
      <Table>
        <TableCaption className="sr-only">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead className="w-16">Row</TableHead>
            <TableHead>Name in the file</TableHead>
            <TableHead>Why it is not imported</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.rowNumber}>
              <TableCell className="tabular-nums">{row.rowNumber}</TableCell>
              <TableCell className="max-w-48 whitespace-normal break-words">{nameOf(row, mapping)}</TableCell>
              <TableCell className="whitespace-normal text-destructive">
                <ul className="grid gap-1">
                  {(row.reasons ?? []).map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The first rows that passed the check, as they will be stored. */
export function ReadyRowsTable({ rows, mapping }: { rows: PreviewRow[]; mapping: ImportMapping }) {
  return (
    <div className="rounded-md border">
      <Table>
        <TableCaption className="sr-only">Rows ready to import, as they will be stored</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead className="w-16">Row</TableHead>
            <TableHead>Name</TableHead>
            <TableHead>Date of birth</TableHead>
            <TableHead className="hidden sm:table-cell">Sex</TableHead>
            <TableHead className="hidden md:table-cell">Id in the other system</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.rowNumber}>
              <TableCell className="tabular-nums">{row.rowNumber}</TableCell>
              <TableCell className="max-w-48 whitespace-normal break-words">{nameOf(row, mapping)}</TableCell>
              <TableCell>{row.patient ? formatDate(row.patient.dateOfBirth) : ""}</TableCell>
              <TableCell className="hidden sm:table-cell">{row.patient ? SEX_LABELS[row.patient.sex] : ""}</TableCell>
              <TableCell className="hidden md:table-cell">{row.patient?.externalId ?? "None"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
