import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SessionLogForm } from "@/components/decompression/session-log-form";
import { ScreeningNotice } from "@/components/decompression/screening-notice";
import { PatientEyebrow } from "@/components/programmes/patient-eyebrow";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireScope } from "@/lib/auth/scope";
import { FORCE_WARN_ABOVE_PERCENT } from "@/lib/clinical/decompression";
import { formatWeightBoth, fromKg } from "@/lib/clinical/units";
import { instantToLocal } from "@/lib/time-zone";
import { getLatestBodyWeight, getSession, listCourseSessions } from "@/lib/decompression/queries";
import { findUncoveredBlocking, readOverriddenCodes, REGION_LABELS } from "@/lib/decompression/rules";
import { screenPatient } from "@/lib/decompression/screening";
import { viewCourse } from "@/lib/decompression/view";
import { formatDate, formatDateTime } from "@/lib/format";
import { orNotFound } from "@/lib/not-found";

export const metadata: Metadata = { title: "Log session" };

const text = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

/** "new" logs a session that was not scheduled; otherwise the scheduled session is logged. */
export default async function LogSessionPage({ params }: { params: Promise<{ id: string; courseId: string; sessionId: string }> }) {
  const scope = await requireScope();
  const { id, courseId, sessionId } = await params;
  const { patient, course } = await orNotFound(viewCourse(scope, id, courseId));
  if (course.status !== "active") notFound();
  const db = await getDb(scope);
  const session = sessionId === "new" ? null : await getSession(db, scope, course.id, sessionId).catch(() => notFound());
  if (session && session.status !== "scheduled") notFound();
  const [user, weight, sessions, screening] = await Promise.all([
    getCurrentUser(scope),
    getLatestBodyWeight(db, scope, patient.id),
    listCourseSessions(db, scope, course.id),
    screenPatient(db, scope, patient.id, course.region),
  ]);
  // Start from the last completed session's settings (or the course's initial ones): sessions mostly repeat.
  const last = sessions.filter((s) => s.status === "completed").at(-1);
  const start = course.initialParameters as Record<string, number | string | null | undefined>;
  const pickNumber = (key: keyof NonNullable<typeof last>, initialKey: string) => (last?.[key] as number | null | undefined) ?? (start[initialKey] as number | null | undefined);
  const pick = (key: keyof NonNullable<typeof last>, initialKey: string) => text(pickNumber(key, initialKey));
  // Forces and weight are stored in kg and shown in the clinic's preferred unit
  const unit = user.weightUnit;
  const inUnit = (kg: number | null | undefined) => text(kg === null || kg === undefined ? kg : fromKg(kg, unit));
  const name = `${patient.firstName} ${patient.lastName}`;
  const initial: Record<string, string> = {
    sessionId: session?.id ?? "",
    sessionVersion: session ? String(session.version) : "",
    scheduledAt: instantToLocal(session?.scheduledAt ?? new Date(), user.timeZone),
    status: "completed",
    bodyWeight: inUnit(weight?.kg),
    bodyWeightUnit: unit,
    bodyWeightOn: weight?.measuredOn ?? "",
    position: last?.position ?? (typeof start.position === "string" ? start.position : ""),
    angleDeg: pick("angleDeg", "angleDeg"),
    forceUnit: unit,
    maxForce: inUnit(pickNumber("maxForceKg", "maxForceKg")),
    minForce: inUnit(pickNumber("minForceKg", "minForceKg")),
    holdSeconds: pick("holdSeconds", "holdSeconds"),
    restSeconds: pick("restSeconds", "restSeconds"),
    cycles: pick("cycles", "cycles"),
    durationMin: pick("durationMin", "durationMin"),
  };
  const stopping = findUncoveredBlocking(screening, readOverriddenCodes(course)).length > 0;
  const weightNote = weight
    ? `Latest recorded: ${formatWeightBoth(weight.kg, user.weightUnit)} on ${formatDate(weight.measuredOn)}. A maximum force above ${FORCE_WARN_ABOVE_PERCENT[course.region]} % of it (${course.region}) needs a confirm; above 100 % is refused.`
    : "No body weight recorded yet: enter today's.";
  return (
    <div className="mx-auto grid max-w-5xl gap-4">
      <PageHeader
        className="pb-2"
        eyebrow={<PatientEyebrow patientId={patient.id} name={name} />}
        title={`Log a ${REGION_LABELS[course.region].toLowerCase()} session`}
        description={session ? `Scheduled for ${formatDateTime(session.scheduledAt, user.timeZone)}. Course ${course.targetLevel}.` : `Course ${course.targetLevel}: a session that was not scheduled.`}
      />
      {(stopping || screening.outcome === "warn") && <ScreeningNotice region={course.region} result={screening} />}
      <SessionLogForm courseId={course.id} cancelHref={`/patients/${patient.id}/decompression/${course.id}`} initial={initial} weightNote={weightNote} />
    </div>
  );
}
