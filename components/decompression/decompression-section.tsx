import Link from "next/link";
import { Activity, Plus } from "@/components/ui/icons";
import type { PatientSectionProps } from "@/components/patients/patient-sections";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { REGION_LABELS } from "@/lib/decompression/rules";
import { loadDecompressionSection } from "@/lib/decompression/view";
import { formatDate, formatDateTime } from "@/lib/format";
import { CourseProgress } from "./course-progress";
import { CourseStatusBadge } from "./course-status-badge";

/** The patient page's decompression card: each course's progress, reassessments due, and the screening state. */
export async function DecompressionSection({ scope, patient, timeZone }: PatientSectionProps) {
  const { courses, lumbar, progress } = await loadDecompressionSection(scope, patient.id);
  const base = `/patients/${patient.id}/decompression`;
  const blocked = lumbar.outcome === "blocked";

  return (
    <section aria-labelledby="decompression-section-title">
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2 id="decompression-section-title">Spinal decompression</h2>
          </CardTitle>
          <CardDescription>
            {blocked ? (
              <span className="font-medium text-destructive">
                {lumbar.urgentReferral ? "Red flag recorded: decompression must not start." : `Lumbar screening blocked: ${lumbar.blocking.map((f) => f.label).join(", ")}.`}
              </span>
            ) : (
              "Courses of motorised traction, screened before each course and each session."
            )}
          </CardDescription>
          {!patient.archivedAt && (
            <CardAction>
              <Button size="sm" variant="outline" asChild>
                <Link href={`${base}/new`}>
                  <Plus className="size-4" aria-hidden />
                  New course
                </Link>
              </Button>
            </CardAction>
          )}
        </CardHeader>
        <CardContent>
          {courses.length === 0 ? (
            <EmptyState titleAs="h3" icon={Activity} title="No decompression courses" description="Starting a course screens the patient's recorded contraindications and red flags first." />
          ) : (
            <ul className="grid gap-4">
              {courses.map((course) => {
                const p = progress.get(course.id);
                const label = `${REGION_LABELS[course.region]} ${course.targetLevel}`;
                return (
                  <li key={course.id} className="grid gap-2 rounded-lg border p-4">
                    <div className="flex flex-wrap items-center gap-2">
                      <h3 className="font-semibold">
                        <Link href={`${base}/${course.id}`} className="underline-offset-4 hover:underline">
                          {label}
                        </Link>
                      </h3>
                      <CourseStatusBadge status={course.status} />
                      {course.overrideReason && <Badge variant="warning">Contraindication overridden</Badge>}
                      <span className="text-sm text-muted-foreground">from {formatDate(course.startDate)}</span>
                    </div>
                    {p && <CourseProgress progress={p} label={label} />}
                    {p?.nextScheduledAt && course.status === "active" && (
                      <p className="text-sm">Next session: {formatDateTime(p.nextScheduledAt, timeZone)}</p>
                    )}
                    {course.status === "stopped" && course.stoppedReason && <p className="text-sm text-muted-foreground">Stopped: {course.stoppedReason}</p>}
                  </li>
                );
              })}
            </ul>
          )}
        </CardContent>
      </Card>
    </section>
  );
}
