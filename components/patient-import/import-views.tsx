import Link from "next/link";
import { Download } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import type { PatientImport } from "@/db/schema";
import { SOURCE_LABELS, type SourceSystem } from "@/lib/patient-import/columns";
import type { PreviewRow } from "@/lib/patient-import/queries";
import { DiscardImportButton } from "./discard-import-button";
import { ImportRunner } from "./import-runner";
import { ReadyRowsTable, RefusedRowsTable } from "./import-rows-table";

/** Views of one import, data-free: the page reads the import and its rows and hands them in. */

export type RowPage = { rows: PreviewRow[]; total: number; page: number; pageSize: number };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
const sourceOf = (imp: PatientImport) => SOURCE_LABELS[imp.sourceSystem as SourceSystem] ?? imp.sourceSystem;

function NotImported({ imp, refused }: { imp: PatientImport; refused: RowPage }) {
  if (refused.total === 0) return null;
  return (
    <section aria-labelledby="refused-rows" className="grid gap-3">
      <h2 id="refused-rows" className="text-lg font-semibold">
        {imp.status === "done" ? "Not imported" : "Refused by the check"} ({refused.total.toLocaleString("en")})
      </h2>
      <RefusedRowsTable rows={refused.rows} mapping={imp.mapping} caption={`Rows not imported, with the reasons, page ${refused.page}`} />
      <Pagination
        page={refused.page}
        pageCount={Math.ceil(refused.total / refused.pageSize)}
        hrefFor={(p) => `/settings/import?page=${p}`}
        label="Pages of rows not imported"
      />
    </section>
  );
}

function SkippedDownload({ imp }: { imp: PatientImport }) {
  if (imp.refusedRows + imp.skipped === 0) return null;
  return (
    <Button variant="outline" asChild>
      <a href={`/api/patient-import/skipped?id=${imp.id}`} download>
        <Download aria-hidden />
        Download the rows not imported (CSV)
      </a>
    </Button>
  );
}

export function ImportPreview({ imp, refused, ready }: { imp: PatientImport; refused: RowPage; ready: RowPage }) {
  const readyTotal = imp.totalRows - imp.refusedRows;
  const done = imp.created + imp.linked + imp.unchanged + imp.skipped;
  const source = sourceOf(imp);
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Check of the file</h2>
          </CardTitle>
          <CardDescription>
            {plural(imp.totalRows, "row")} from {source}: {plural(readyTotal, "row")} ready, {plural(imp.refusedRows, "row")} refused. Each ready row
            becomes a new patient, or is matched to one already here (by {source}&apos;s id, else by name and date of birth) and left as it is.
            Nothing has been written to the patient list yet{done > 0 ? ` beyond the ${plural(done, "row")} already imported` : ""}.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {readyTotal > 0 ? (
            <ImportRunner importId={imp.id} done={done} total={readyTotal} resumed={imp.status === "importing"} />
          ) : (
            <p className="text-sm">No row can be imported: fix the file and choose it again.</p>
          )}
          <div className="flex flex-wrap gap-3">
            <SkippedDownload imp={imp} />
            <DiscardImportButton importId={imp.id} />
          </div>
        </CardContent>
      </Card>
      <NotImported imp={imp} refused={refused} />
      {ready.total > 0 && (
        <section aria-labelledby="ready-rows" className="grid gap-3">
          <h2 id="ready-rows" className="text-lg font-semibold">
            Ready to import ({ready.total.toLocaleString("en")}){ready.total > ready.rows.length ? `: the first ${ready.rows.length}` : ""}
          </h2>
          <ReadyRowsTable rows={ready.rows} mapping={imp.mapping} />
        </section>
      )}
    </>
  );
}

export function ImportFinished({ imp, refused }: { imp: PatientImport; refused: RowPage }) {
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Import finished</h2>
          </CardTitle>
          <CardDescription>
            {plural(imp.created, "new patient")}, {plural(imp.linked, "patient")} already here given {sourceOf(imp)}&apos;s id,{" "}
            {plural(imp.unchanged, "patient")} already here and left unchanged; {plural(imp.refusedRows + imp.skipped, "row")} not imported. The rows
            not imported are kept for a day for the download, then deleted.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap gap-3">
          <Button asChild>
            <Link href="/patients">Open the patient list</Link>
          </Button>
          <SkippedDownload imp={imp} />
        </CardContent>
      </Card>
      <NotImported imp={imp} refused={refused} />
    </>
  );
}

export function InterruptedImport({ imp }: { imp: PatientImport }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h2>The last check did not finish</h2>
        </CardTitle>
        <CardDescription>
          {plural(imp.stagedRows, "row")} of {imp.totalRows.toLocaleString("en")} were checked before it stopped. Choose the file again to start over.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <DiscardImportButton importId={imp.id} />
      </CardContent>
    </Card>
  );
}
