import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CourseForm } from "@/components/decompression/course-form";
import { ScreeningNotice } from "@/components/decompression/screening-notice";
import { PatientEyebrow } from "@/components/programmes/patient-eyebrow";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { getCurrentUser } from "@/lib/auth/current-user";
import { formatWeightBoth } from "@/lib/clinical/units";
import { requireScope } from "@/lib/auth/scope";
import { DECOMPRESSION_REGIONS, FORCE_WARN_ABOVE_PERCENT, TYPICAL_START_PERCENT, getTypicalStartRange } from "@/lib/clinical/decompression";
import { canOverride } from "@/lib/clinical/safety";
import { REGION_LABELS } from "@/lib/decompression/rules";
import { screenPatient } from "@/lib/decompression/screening";
import { formatDate, todayIn } from "@/lib/format";
import { viewPatient } from "@/lib/patients/view";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "New decompression course" };

/**
 * Screening first: what blocks is shown before any form. The form appears only
 * for regions screening allows (or an admin may override); the action screens
 * again, so this page is a courtesy, not the safeguard.
 */
export default async function NewCoursePage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requireScope();
  const { id } = await params;
  const patient = await orNotFound(viewPatient(scope, id, "decompression_course"));
  if (patient.archivedAt) notFound();
  const db = await getDb(scope);
  const user = await getCurrentUser(scope);
  const screenings = await Promise.all(DECOMPRESSION_REGIONS.map(async (region) => ({ region, result: await screenPatient(db, scope, patient.id, region) })));
  const name = `${patient.firstName} ${patient.lastName}`;
  const usable = screenings.filter(({ result }) => result.outcome !== "blocked" || canOverride(result, scope.role));
  const overrideAllowed = screenings.some(({ result }) => result.outcome === "blocked" && canOverride(result, scope.role));
  const w = patient.weight;
  const weightHint = w
    ? (() => {
        const lumbar = getTypicalStartRange("lumbar", w.kg);
        const typical = TYPICAL_START_PERCENT.lumbar;
        return (
          `Body weight ${formatWeightBoth(w.kg, user.weightUnit)} on ${formatDate(w.measuredOn)}: a typical lumbar start is ` +
          `${formatWeightBoth(lumbar.minKg, user.weightUnit)} to ${formatWeightBoth(lumbar.maxKg, user.weightUnit)} (${typical.min}-${typical.max} %); forces above ` +
          `${FORCE_WARN_ABOVE_PERCENT.lumbar} % (lumbar) or ${FORCE_WARN_ABOVE_PERCENT.cervical} % (cervical) of body weight need a confirm.`
        );
      })()
    : "No body weight recorded: record one on the patient's details before setting a force.";
  const first = usable[0]?.region ?? "lumbar";
  return (
    <div className="mx-auto grid max-w-5xl gap-4">
      <PageHeader className="pb-2" eyebrow={<PatientEyebrow patientId={patient.id} name={name} />} title={`New decompression course for ${name}`} />
      <section aria-labelledby="screening-heading" className="grid gap-3">
        <h2 id="screening-heading" className="text-lg font-semibold">
          Screening
        </h2>
        {screenings.map(({ region, result }) => (
          <ScreeningNotice key={region} region={region} result={result} />
        ))}
      </section>
      {usable.length === 0 ? (
        <div className="grid gap-3 rounded-lg border border-dashed p-6" data-testid="course-blocked">
          <h2 className="text-lg font-semibold">A course cannot be started</h2>
          <p className="text-sm text-muted-foreground">
            {screenings.some(({ result }) => result.urgentReferral)
              ? "A red flag is recorded. No one can override it: refer the patient for urgent medical assessment."
              : "A contraindication is recorded. Only an admin can override it, with a written reason that is kept on the course."}
          </p>
          <Button variant="outline" asChild className="justify-self-start">
            <Link href={`/patients/${patient.id}`}>Back to {patient.firstName}</Link>
          </Button>
        </div>
      ) : (
        <section aria-labelledby="course-heading" className="grid gap-3">
          <h2 id="course-heading" className="text-lg font-semibold">
            Course
          </h2>
          <CourseForm
            patientId={patient.id}
            regions={usable.map(({ region }) => ({ value: region, label: REGION_LABELS[region] }))}
            overrideAllowed={overrideAllowed}
            weightHint={weightHint}
            initial={{
              region: first,
              targetLevel: first === "lumbar" ? "L4-L5" : "C5-C6",
              plannedSessions: "12",
              sessionsPerWeek: "3",
              startDate: todayIn(user.timeZone),
              position: "supine",
              forceUnit: user.weightUnit,
              holdSeconds: "60",
              restSeconds: "30",
              cycles: "15",
              durationMin: "20",
            }}
          />
        </section>
      )}
    </div>
  );
}
