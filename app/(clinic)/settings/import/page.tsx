import type { Metadata } from "next";
import { ImportUpload } from "@/components/patient-import/import-upload";
import { ImportFinished, ImportPreview, InterruptedImport } from "@/components/patient-import/import-views";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { requireAdminScope } from "@/lib/auth/scope";
import { purgeExpiredImports } from "@/lib/patient-import/mutations";
import { getCurrentImport, listImportRows, PREVIEW_PAGE_SIZE } from "@/lib/patient-import/queries";
import { SettingsCrumb } from "@/components/settings/settings-crumb";

export const metadata: Metadata = { title: "Import patients" };

type Props = { searchParams: Promise<{ page?: string }> };

export default async function ImportPatientsPage({ searchParams }: Props) {
  const scope = await requireAdminScope();
  const db = await getDb(scope);
  const page = Math.max(1, Math.min(100_000, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  await purgeExpiredImports(db);
  const imp = await getCurrentImport(db, scope);
  const shown = imp && imp.status !== "staging";
  const [refused, ready] = shown
    ? await Promise.all([listImportRows(db, scope, imp.id, ["refused", "skipped"], page), listImportRows(db, scope, imp.id, ["ready"])])
    : [null, null];
  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <PageHeader
        eyebrow={<SettingsCrumb />}
        title="Import patients"
        description="Bring patients over from another system. Importing the same file again adds nobody twice."
      />
      {!imp && <EmptyState title="No import in progress" description="Choose a file below to start. A staged import is kept for a day." />}
      {imp?.status === "staging" && <InterruptedImport imp={imp} />}
      {imp && refused && ready && imp.status !== "done" && (
        <ImportPreview imp={imp} refused={{ ...refused, page, pageSize: PREVIEW_PAGE_SIZE }} ready={{ ...ready, page: 1, pageSize: PREVIEW_PAGE_SIZE }} />
      )}
      {imp?.status === "done" && refused && <ImportFinished imp={imp} refused={{ ...refused, page, pageSize: PREVIEW_PAGE_SIZE }} />}
      {(!imp || imp.status === "staging" || imp.status === "done") && <ImportUpload />}
    </div>
  );
}
