import type { Metadata } from "next";
import Link from "next/link";
import { Download } from "lucide-react";
import { DiscardImportButton } from "@/components/patient-import/discard-import-button";
import { ImportRunner } from "@/components/patient-import/import-runner";
import { ImportUpload } from "@/components/patient-import/import-upload";
import { ReadyRowsTable, RefusedRowsTable } from "@/components/patient-import/import-rows-table";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { PatientImport } from "@/db/schema";
import type { Database } from "@/db/client";
import { getDb } from "@/db/runtime";
import { requireAdminScope } from "@/lib/auth/scope";
import type { Scope } from "@/lib/auth/scope-types";
import { SOURCE_LABELS, type SourceSystem } from "@/lib/patient-import/columns";
import { purgeExpiredImports } from "@/lib/patient-import/mutations";
import { getCurrentImport, listImportRows, PREVIEW_PAGE_SIZE } from "@/lib/patient-import/queries";

export const metadata: Metadata = { title: "Import patients" };

type Props = { searchParams: Promise<{ page?: string }> };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

async function NotImported({ db, scope, imp, page }: { db: Database; scope: Scope; imp: PatientImport; page: number }) {
  const { rows, total } = await listImportRows(db, scope, imp.id, ["refused", "skipped"], page);
  if (total === 0) return null;
  return (
    <section aria-labelledby="refused-rows" className="grid gap-3">
      <h2 id="refused-rows" className="text-lg font-semibold">
        {imp.status === "done" ? "Not imported" : "Refused by the check"} ({total.toLocaleString("en")})
      </h2>
      <RefusedRowsTable rows={rows} mapping={imp.mapping} caption={`Rows not imported, with the reasons, page ${page}`} />
      <Pagination page={page} pageCount={Math.ceil(total / PREVIEW_PAGE_SIZE)} hrefFor={(p) => `/settings/import?page=${p}`} label="Pages of rows not imported" />
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

async function Preview({ db, scope, imp, page }: { db: Database; scope: Scope; imp: PatientImport; page: number }) {
  const ready = await listImportRows(db, scope, imp.id, ["ready"]);
  const readyTotal = imp.totalRows - imp.refusedRows;
  const done = imp.created + imp.linked + imp.unchanged + imp.skipped;
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Check of the file</h2>
          </CardTitle>
          <CardDescription>
            {plural(imp.totalRows, "row")} from {SOURCE_LABELS[imp.sourceSystem as SourceSystem]}: {plural(readyTotal, "row")} ready,{" "}
            {plural(imp.refusedRows, "row")} refused. Each ready row becomes a new patient, or is matched to one already here (by{" "}
            {SOURCE_LABELS[imp.sourceSystem as SourceSystem]}&apos;s id, else by name and date of birth) and left as it is. Nothing has been written
            to the patient list yet{done > 0 ? ` beyond the ${plural(done, "row")} already imported` : ""}.
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
      <NotImported db={db} scope={scope} imp={imp} page={page} />
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

async function Finished({ db, scope, imp, page }: { db: Database; scope: Scope; imp: PatientImport; page: number }) {
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Import finished</h2>
          </CardTitle>
          <CardDescription>
            {plural(imp.created, "new patient")}, {plural(imp.linked, "patient")} already here given {SOURCE_LABELS[imp.sourceSystem as SourceSystem]}
            &apos;s id, {plural(imp.unchanged, "patient")} already here and left unchanged; {plural(imp.refusedRows + imp.skipped, "row")} not imported.
            The rows not imported are kept for a day for the download, then deleted.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap gap-3">
          <Button asChild>
            <Link href="/patients">Open the patient list</Link>
          </Button>
          <SkippedDownload imp={imp} />
        </CardContent>
      </Card>
      <NotImported db={db} scope={scope} imp={imp} page={page} />
      <ImportUpload />
    </>
  );
}

export default async function ImportPatientsPage({ searchParams }: Props) {
  const scope = await requireAdminScope();
  const db = await getDb(scope);
  const page = Math.max(1, Math.min(100_000, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  await purgeExpiredImports(db, scope);
  const imp = await getCurrentImport(db, scope);
  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <PageHeader
        eyebrow={
          <Link href="/settings" className="underline-offset-4 hover:underline">
            Settings
          </Link>
        }
        title="Import patients"
        description="Bring patients over from another system. Importing the same file again adds nobody twice."
      />
      {!imp && (
        <>
          <EmptyState title="No import in progress" description="Choose a file below to start. A staged import is kept for a day." titleAs="h2" />
          <ImportUpload />
        </>
      )}
      {imp?.status === "staging" && (
        <>
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
          <ImportUpload />
        </>
      )}
      {(imp?.status === "ready" || imp?.status === "importing") && <Preview db={db} scope={scope} imp={imp} page={page} />}
      {imp?.status === "done" && <Finished db={db} scope={scope} imp={imp} page={page} />}
    </div>
  );
}
