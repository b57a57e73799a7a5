import type { Metadata } from "next";
import Link from "next/link";
import { ProgressCharts } from "@/components/progress/progress-charts";
import { RangeSelector } from "@/components/progress/range-selector";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireScope } from "@/lib/auth/scope";
import { parseProgressRange } from "@/lib/progress/range";
import { viewProgress } from "@/lib/progress/view";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Progress" };

export default async function ProgressPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const scope = await requireScope();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const range = parseProgressRange(query.range);
  const [{ patient, progress }, user] = await Promise.all([
    orNotFound(viewProgress(scope, id, range)),
    getCurrentUser(scope),
  ]);
  const name = `${patient.firstName} ${patient.lastName}`;
  return (
    <div className="mx-auto grid max-w-6xl gap-2">
      <PageHeader
        eyebrow={
          <nav aria-label="Breadcrumb" className="flex gap-1">
            <Link href="/patients" className="underline-offset-4 hover:underline">
              Patients
            </Link>
            <span aria-hidden>/</span>
            <Link href={`/patients/${patient.id}`} className="underline-offset-4 hover:underline">
              {name}
            </Link>
          </nav>
        }
        title={`Progress: ${name}`}
        description="Each chart starts from the first value recorded (the baseline). Dates are in the clinic's time zone."
        actions={<RangeSelector patientId={patient.id} current={range} />}
      />
      <ProgressCharts patientId={patient.id} progress={progress} timeZone={user.timeZone} />
    </div>
  );
}
