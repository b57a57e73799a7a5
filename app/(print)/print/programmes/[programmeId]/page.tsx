import type { Metadata } from "next";
import Link from "next/link";
import { PrintButton } from "@/components/programmes/print/print-button";
import { PrintedLink } from "@/components/programmes/print/printed-link";
import { PrintedProgramme } from "@/components/programmes/print/printed-programme";
import { getDb } from "@/db/runtime";
import { writeAudit } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireScope } from "@/lib/auth/scope";
import { todayIn } from "@/lib/format";
import { getPatient } from "@/lib/patients/queries";
import { getProgramme } from "@/lib/programmes/queries";
import { cn } from "@/lib/utils";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Print programme" };

const PAPERS = { a4: { label: "A4", size: "A4" }, letter: { label: "US Letter", size: "letter" } } as const;

export default async function PrintProgrammePage({
  params,
  searchParams,
}: {
  params: Promise<{ programmeId: string }>;
  searchParams: Promise<{ paper?: string }>;
}) {
  const scope = await requireScope();
  const { programmeId } = await params;
  const { paper: paperParam } = await searchParams;
  const paper = paperParam === "letter" ? "letter" : "a4";
  const db = await getDb(scope);
  const programme = await orNotFound(getProgramme(db, scope, programmeId));
  const [patient, user] = await Promise.all([getPatient(db, scope, programme.patientId), getCurrentUser(scope)]);
  // A printout is a view of the record, and the patient's copy leaves the building: audit it.
  await writeAudit(db, scope, { action: "view", entity: "programme", entityId: programme.id, patientId: patient.id, detail: { print: true, paper } });
  return (
    <div className="print-sheet mx-auto grid max-w-[200mm] gap-6 p-6" data-paper={paper}>
      <nav aria-label="Print options" data-print-hide className="flex flex-wrap items-center justify-between gap-3 rounded-lg border bg-muted/40 p-3 text-sm">
        <Link href={`/patients/${patient.id}/programmes/${programme.id}`} className="underline-offset-4 hover:underline">
          Back to the programme
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <span id="paper-label">Paper:</span>
          <ul aria-labelledby="paper-label" className="flex gap-2">
            {(Object.keys(PAPERS) as (keyof typeof PAPERS)[]).map((key) => (
              <li key={key}>
                <Link
                  href={`?paper=${key}`}
                  aria-current={key === paper ? "true" : undefined}
                  className={cn("rounded-md px-2 py-1 underline-offset-4 hover:underline", key === paper && "bg-background font-semibold")}
                >
                  {PAPERS[key].label}
                </Link>
              </li>
            ))}
          </ul>
          <PrintButton />
        </div>
      </nav>
      <main>
        <PrintedProgramme clinicName={user.clinicName} patient={patient} programme={programme} printedOn={todayIn(user.timeZone)} />
        <PrintedLink />
      </main>
    </div>
  );
}
