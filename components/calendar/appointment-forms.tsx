"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { bookAppointmentAction, setAppointmentStatusAction } from "@/lib/calendar/actions";

type Option = { id: string; name: string };

/** Books an assessment, or a course's reassessment when `courseId` is given. */
export function AppointmentForm({ patientId, courseId, kind, practitioners, rooms, defaults }: { patientId: string; courseId: string | null; kind: "assessment" | "reassessment"; practitioners: Option[]; rooms: Option[]; defaults: { practitionerId: string; startsAt: string } }) {
  const [state, action, pending] = useActionState(bookAppointmentAction, {});
  const v = state.values;
  return (
    <form action={action} noValidate className="grid gap-4">
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="courseId" value={courseId ?? ""} />
      <input type="hidden" name="kind" value={kind} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Date and time" errors={state.errors?.startsAt} required>
          <Input name="startsAt" type="datetime-local" defaultValue={v?.startsAt ?? defaults.startsAt} />
        </Field>
        <Field label="Length (minutes)" errors={state.errors?.durationMin} required>
          <Input name="durationMin" type="number" inputMode="numeric" min={10} max={120} defaultValue={v?.durationMin ?? "45"} />
        </Field>
        <Field label="Practitioner" errors={state.errors?.practitionerId} required>
          <NativeSelect name="practitionerId" defaultValue={v?.practitionerId ?? defaults.practitionerId}>
            {practitioners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label="Room" errors={state.errors?.treatmentTableId}>
          <NativeSelect name="treatmentTableId" defaultValue={v?.treatmentTableId ?? rooms[0]?.id ?? ""}>
            <option value="">No room</option>
            {rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>
      <Button type="submit" disabled={pending || state.ok} className="w-fit">
        Book {kind}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

export function AppointmentStatusForm({ appointmentId, version }: { appointmentId: string; version: number }) {
  const [state, action, pending] = useActionState(setAppointmentStatusAction, {});
  return (
    <form action={action} noValidate className="grid gap-3" aria-label="Close the appointment">
      <input type="hidden" name="appointmentId" value={appointmentId} />
      <input type="hidden" name="version" value={version} />
      <Field label="Outcome" errors={state.errors?.status}>
        <NativeSelect name="status" defaultValue={state.values?.status ?? "attended"}>
          <option value="attended">Attended</option>
          <option value="cancelled">Cancelled</option>
          <option value="no-show">No-show</option>
        </NativeSelect>
      </Field>
      <Field label="Reason" errors={state.errors?.reason} description="Needed to cancel.">
        <Textarea name="reason" rows={2} defaultValue={state.values?.reason ?? ""} />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending || state.ok} className="w-fit">
        Save
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
