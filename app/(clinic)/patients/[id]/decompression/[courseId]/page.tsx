import type { Metadata } from "next";
import Link from "next/link";
import { ClipboardPen } from "@/components/ui/icons";
import { BookCourseForm } from "@/components/calendar/book-course-form";
import { CourseProgress } from "@/components/decompression/course-progress";
import { CourseStatusBadge } from "@/components/decompression/course-status-badge";
import { EndStatusCard } from "@/components/clinical/end-status-card";
import { setCourseStatusAction } from "@/lib/decompression/actions";
import { LazyPainChart } from "@/components/decompression/lazy-pain-chart";
import { ScheduleSessionForm } from "@/components/decompression/schedule-session-form";
import { SessionsTable } from "@/components/decompression/sessions-table";
import { PatientEyebrow } from "@/components/programmes/patient-eyebrow";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireScope } from "@/lib/auth/scope";
import { getSafetyFlag } from "@/lib/clinical/safety";
import { instantToLocal } from "@/lib/time-zone";
import { getCourseProgress, listCourseSessions } from "@/lib/decompression/queries";
import { describeForce, POSITION_LABELS, REGION_LABELS, suggestNextSessionTime, type StoredScreening } from "@/lib/decompression/rules";
import { viewCourse } from "@/lib/decompression/view";
import { formatDate, formatDateTime } from "@/lib/format";
import { getClinicWeightUnit } from "@/lib/clinic-settings/preferences";
import { listTreatmentTables } from "@/lib/calendar/queries";
import { suggestCourseBooking } from "@/lib/calendar/defaults";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Decompression course" };

type Initial = { position?: string; angleDeg?: number | null; maxForceKg?: number | null; minForceKg?: number | null; holdSeconds?: number | null; restSeconds?: number | null; cycles?: number | null; durationMin?: number | null };

export default async function CoursePage({ params }: { params: Promise<{ id: string; courseId: string }> }) {
  const scope = await requireScope();
  const { id, courseId } = await params;
  const { patient, course } = await orNotFound(viewCourse(scope, id, courseId));
  const db = await getDb(scope);
  const [user, sessions, progress, weightUnit, tables] = await Promise.all([
    getCurrentUser(scope),
    listCourseSessions(db, scope, course.id),
    getCourseProgress(db, scope, course.id),
    getClinicWeightUnit(db, scope),
    listTreatmentTables(db, scope, { kind: "table" }),
  ]);
  const name = `${patient.firstName} ${patient.lastName}`;
  const label = `${REGION_LABELS[course.region]} ${course.targetLevel}`;
  const base = `/patients/${patient.id}/decompression/${course.id}`;
  const active = course.status === "active";
  const screening = course.screening as Partial<StoredScreening>;
  const overridden = (screening.blocking ?? []).map((code) => getSafetyFlag(code)?.label ?? code);
  const initial = course.initialParameters as Initial;
  const completed = sessions.filter((s) => s.status === "completed");
  const points = completed.map((s, i) => ({ session: String(i + 1), before: s.nprsBefore, after: s.nprsAfter }));
  const nextSlot = suggestNextSessionTime(sessions.map((s) => s.scheduledAt));

  return (
    <div className="mx-auto grid max-w-6xl gap-6">
      <PageHeader
        className="pb-0"
        eyebrow={<PatientEyebrow patientId={patient.id} name={name} />}
        title={
          <span className="flex flex-wrap items-center gap-2">
            {label} decompression
            <CourseStatusBadge status={course.status} />
          </span>
        }
        description={`Started ${formatDate(course.startDate)} by ${course.practitionerName}: ${course.plannedSessions} sessions planned, ${course.sessionsPerWeek} a week.`}
        actions={
          active && (
            <Button asChild>
              <Link href={`${base}/sessions/new`}>
                <ClipboardPen className="size-4" aria-hidden />
                Log a session
              </Link>
            </Button>
          )
        }
      />
      {course.overrideReason && (
        <Alert variant="warning" data-testid="override-notice">
          <AlertTitle>Contraindication overridden{overridden.length ? `: ${overridden.join(", ")}` : ""}</AlertTitle>
          <AlertDescription>
            <p>
              By {course.overrideByName ?? "an admin"}
              {course.overrideAt ? ` on ${formatDateTime(course.overrideAt, user.timeZone)}` : ""}. Reason: “{course.overrideReason}”
            </p>
          </AlertDescription>
        </Alert>
      )}
      {course.status === "stopped" && (
        <Alert variant="destructive">
          <AlertTitle>Course stopped</AlertTitle>
          <AlertDescription>{course.stoppedReason ?? "No reason recorded."}</AlertDescription>
        </Alert>
      )}
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Progress</h2>
          </CardTitle>
          <CardDescription>Reassess at 50 % (session {progress.halfwayAtSession}) and 100 % (session {progress.finalAtSession}) of planned sessions.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <CourseProgress progress={progress} label={label} />
          {progress.reassessmentDue.length > 0 && (
            <Button asChild variant="secondary" className="w-fit">
              <Link href={`/patients/${patient.id}/appointments/new?course=${course.id}`} data-testid="book-reassessment">
                Book the {progress.reassessmentDue.map((m) => `${m} %`).join(" and ")} reassessment
              </Link>
            </Button>
          )}
        </CardContent>
      </Card>
      {active && (
        <Card>
          <CardHeader>
            <CardTitle asChild>
              <h2>Book the course</h2>
            </CardTitle>
            <CardDescription>All sessions at once, checked against the diary first: nothing clashing is saved.</CardDescription>
          </CardHeader>
          <CardContent>
            {tables.length ? (
              <BookCourseForm courseId={course.id} tables={tables.map((t) => ({ id: t.id, name: t.name }))} defaults={suggestCourseBooking(course, sessions, tables, user.timeZone)} />
            ) : (
              <p className="text-sm text-muted-foreground">The clinic has no treatment tables yet: an admin lists them in Settings, Calendar.</p>
            )}
          </CardContent>
        </Card>
      )}
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Pain before and after each session</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>{points.length ? <LazyPainChart points={points} /> : <p className="text-sm text-muted-foreground">No completed sessions yet.</p>}</CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2>Sessions</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-6">
          {sessions.length ? (
            <SessionsTable sessions={sessions} timeZone={user.timeZone} weightUnit={weightUnit} logHref={active ? (sid) => `${base}/sessions/${sid}` : null} />
          ) : (
            <p className="text-sm text-muted-foreground">No sessions scheduled or logged yet.</p>
          )}
          {active && <ScheduleSessionForm courseId={course.id} defaultAt={instantToLocal(nextSlot, user.timeZone)} />}
        </CardContent>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle asChild>
              <h2>Initial parameters and screening</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm">
              <dt className="text-muted-foreground">Position</dt>
              <dd>{initial.position ? (POSITION_LABELS[initial.position as keyof typeof POSITION_LABELS] ?? initial.position) : "—"}</dd>
              <dt className="text-muted-foreground">Angle</dt>
              <dd>{initial.angleDeg != null ? `${initial.angleDeg} deg` : "—"}</dd>
              <dt className="text-muted-foreground">Maximum force</dt>
              <dd>{initial.maxForceKg != null ? describeForce(initial.maxForceKg, patient.weight?.kg ?? null, weightUnit) : "—"}</dd>
              <dt className="text-muted-foreground">Minimum force</dt>
              <dd>{initial.minForceKg != null ? describeForce(initial.minForceKg, patient.weight?.kg ?? null, weightUnit) : "—"}</dd>
              <dt className="text-muted-foreground">Hold / rest</dt>
              <dd>
                {initial.holdSeconds ?? "—"} s / {initial.restSeconds ?? "—"} s
              </dd>
              <dt className="text-muted-foreground">Cycles, duration</dt>
              <dd>
                {initial.cycles ?? "—"}, {initial.durationMin != null ? `${initial.durationMin} min` : "—"}
              </dd>
              <dt className="text-muted-foreground">Screening at start</dt>
              <dd>{screening.message ?? "—"}</dd>
            </dl>
          </CardContent>
        </Card>
        {active && <EndStatusCard id={course.id} version={course.version} noun="course" action={setCourseStatusAction} />}
      </div>
    </div>
  );
}
