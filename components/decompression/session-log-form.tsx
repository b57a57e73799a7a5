"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldSet } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { logSessionAction } from "@/lib/decompression/actions";
import { RESPONSE_LABELS } from "@/lib/decompression/rules";
import { ConfirmNotice } from "./confirm-notice";
import { ParameterFields } from "./parameter-fields";
import { FormMessage } from "@/components/ui/form-message";

type Props = { courseId: string; cancelHref: string; initial: Record<string, string>; weightNote: string };

/**
 * Logs a session. Completed sessions need the parameters used; the server
 * screens the patient again and asks for a confirm if the force is above the
 * region's threshold.
 */
export function SessionLogForm({ courseId, cancelHref, initial, weightNote }: Props) {
  const [state, action, pending] = useActionState(logSessionAction, {});
  const v = (name: string) => state.values?.[name] ?? initial[name] ?? "";
  const [status, setStatus] = useState(v("status") || "completed");
  const err = (name: string) => state.errors?.[name];
  const completed = status === "completed";
  return (
    <form action={action} noValidate className="grid gap-6" key={JSON.stringify(state.values ?? {})}>
      <input type="hidden" name="courseId" value={courseId} />
      {initial.sessionId && <input type="hidden" name="sessionId" value={initial.sessionId} />}
      {initial.sessionVersion && <input type="hidden" name="sessionVersion" value={initial.sessionVersion} />}
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Date and time" errors={err("scheduledAt")} required>
          <Input name="scheduledAt" type="datetime-local" defaultValue={v("scheduledAt")} />
        </Field>
        <Field label="Outcome" errors={err("status")} required>
          <NativeSelect name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="completed">Completed</option>
            <option value="cancelled">Cancelled</option>
            <option value="missed">Missed</option>
          </NativeSelect>
        </Field>
      </div>
      {!completed && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="extend" defaultChecked={state.values ? state.values.extend === "on" : true} className="size-4" />
          Extend the course: book a replacement after its last session
        </label>
      )}
      {completed && (
        <>
          <FieldSet legend="Body weight used" description={weightNote} legendClassName="text-base font-semibold">
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label="Body weight" errors={err("bodyWeight")} required>
                <Input name="bodyWeight" type="number" inputMode="decimal" step="0.1" defaultValue={v("bodyWeight")} />
              </Field>
              <Field label="Weight unit" errors={err("bodyWeightUnit")}>
                <NativeSelect name="bodyWeightUnit" defaultValue={v("bodyWeightUnit") || "kg"}>
                  <option value="kg">kg</option>
                  <option value="lb">lb</option>
                </NativeSelect>
              </Field>
              <Field label="Weighed on" errors={err("bodyWeightOn")} required>
                <Input name="bodyWeightOn" type="date" defaultValue={v("bodyWeightOn")} />
              </Field>
            </div>
          </FieldSet>
          <FieldSet legend="Parameters" legendClassName="text-base font-semibold">
            <ParameterFields state={state} v={v} mode="session" />
          </FieldSet>
          <FieldSet legend="Response" legendClassName="text-base font-semibold">
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label="Pain before (NPRS 0-10)" errors={err("nprsBefore")} required>
                <Input name="nprsBefore" type="number" inputMode="numeric" min={0} max={10} defaultValue={v("nprsBefore")} />
              </Field>
              <Field label="Pain after (NPRS 0-10)" errors={err("nprsAfter")}>
                <Input name="nprsAfter" type="number" inputMode="numeric" min={0} max={10} defaultValue={v("nprsAfter")} />
              </Field>
              <Field label="Symptom response" errors={err("response")}>
                <NativeSelect name="response" defaultValue={v("response")}>
                  <option value="">Not recorded</option>
                  {Object.entries(RESPONSE_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </NativeSelect>
              </Field>
            </div>
          </FieldSet>
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Adverse event" description="Leave blank if none." errors={err("adverseEvent")}>
          <Textarea name="adverseEvent" rows={2} defaultValue={v("adverseEvent")} />
        </Field>
        <Field label="Notes" errors={err("notes")}>
          <Textarea name="notes" rows={2} defaultValue={v("notes")} />
        </Field>
      </div>
      {state.confirm && <ConfirmNotice message={state.confirm} name="confirmForce" label="Confirm force and log session" pending={pending} />}
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Checking…" : "Log session"}
        </Button>
        <Button variant="outline" asChild>
          <Link href={cancelHref}>Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
