import type { Metadata } from "next";
import { AppointmentForm } from "@/components/calendar/appointment-forms";
import { PatientEyebrow } from "@/components/programmes/patient-eyebrow";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { requireScope } from "@/lib/auth/scope";
import { listStaff, listTreatmentTables } from "@/lib/calendar/queries";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { getCourseProgress, listCourses } from "@/lib/decompression/queries";
import { REGION_LABELS, suggestNextSessionTime } from "@/lib/decompression/rules";
import { orNotFound } from "@/lib/not-found";
import { viewPatient } from "@/lib/patients/view";
import { instantToLocal } from "@/lib/time-zone";

export const metadata: Metadata = { title: "Book an appointment" };

/** An assessment, or (with ?course=) the reassessment a course's 50 % or 100 % point calls for. */
export default async function NewAppointmentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ course?: string }> }) {
  const scope = await requireScope();
  const [{ id }, { course: courseParam }] = await Promise.all([params, searchParams]);
  const patient = await orNotFound(viewPatient(scope, id, "appointment-booking"));
  const db = await getDb(scope);
  const [courses, staff, rooms, timeZone] = await Promise.all([listCourses(db, scope, patient.id), listStaff(db, scope), listTreatmentTables(db, scope, { kind: "room" }), getClinicTimeZone(db, scope)]);
  // A course id that is not this patient's is ignored: the page books a plain assessment.
  const course = courses.find((c) => c.id === courseParam) ?? null;
  const progress = course ? await getCourseProgress(db, scope, course.id) : null;
  const kind = course ? "reassessment" : "assessment";
  const name = `${patient.firstName} ${patient.lastName}`;
  const due = progress?.reassessmentDue.map((m) => `${m} %`).join(" and ");
  const tomorrow = suggestNextSessionTime([]);
  return (
    <div className="mx-auto grid max-w-3xl gap-6">
      <PageHeader
        eyebrow={<PatientEyebrow patientId={patient.id} name={name} />}
        title={course ? "Book a reassessment" : "Book an assessment"}
        description={
          course
            ? `${REGION_LABELS[course.region]} ${course.targetLevel} course: ${progress?.completed ?? 0} of ${course.plannedSessions} sessions completed.${due ? ` Reassessment due at ${due}.` : ""}`
            : "An assessment appointment in a room, checked against the practitioner's other bookings."
        }
      />
      <Card>
        <CardContent>
          <AppointmentForm
            patientId={patient.id}
            courseId={course?.id ?? null}
            kind={kind}
            practitioners={staff}
            rooms={rooms.map((r) => ({ id: r.id, name: r.name }))}
            defaults={{ practitionerId: course?.practitionerId ?? scope.userId, startsAt: instantToLocal(tomorrow, timeZone) }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
