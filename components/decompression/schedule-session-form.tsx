"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { scheduleSessionAction } from "@/lib/decompression/actions";
import { FormMessage } from "@/components/ui/form-message";

/** Books the next session; the time is the clinic's local time. */
export function ScheduleSessionForm({ courseId, defaultAt }: { courseId: string; defaultAt: string }) {
  const [state, action, pending] = useActionState(scheduleSessionAction, {});
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-3" key={JSON.stringify(state)}>
      <input type="hidden" name="courseId" value={courseId} />
      <Field label="Date and time" errors={state.errors?.scheduledAt} className="min-w-60">
        <Input name="scheduledAt" type="datetime-local" defaultValue={state.ok ? defaultAt : (state.values?.scheduledAt ?? defaultAt)} />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        Schedule session
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
