"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { recordFlagAction } from "@/lib/patient-flags/actions";
import { SAFETY_FLAGS, type SafetyFlagKind } from "@/lib/clinical/safety";
import { FLAG_KIND_LABELS } from "./flag-badge";
import { FormMessage } from "@/components/ui/form-message";

const KINDS: SafetyFlagKind[] = ["red-flag", "contraindication", "precaution"];

export function RecordFlagForm({ patientId, today }: { patientId: string; today: string }) {
  const [state, action, pending] = useActionState(recordFlagAction, {});
  const value = (name: string, fallback = "") => state.values?.[name] ?? fallback;
  return (
    <form action={action} noValidate className="grid gap-4" key={JSON.stringify(state.values ?? {})}>
      <input type="hidden" name="patientId" value={patientId} />
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="What was found" errors={state.errors?.code} required>
          <NativeSelect name="code" defaultValue={value("code")}>
            <option value="">Choose…</option>
            {KINDS.map((kind) => (
              <optgroup key={kind} label={`${FLAG_KIND_LABELS[kind]}s`}>
                {SAFETY_FLAGS.filter((f) => f.kind === kind).map((f) => (
                  <option key={f.code} value={f.code}>
                    {f.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </NativeSelect>
        </Field>
        <Field label="Noted on" errors={state.errors?.notedOn} required>
          <Input name="notedOn" type="date" max={today} defaultValue={value("notedOn", today)} />
        </Field>
        <Field label="Source (optional)" errors={state.errors?.source} description="Where it comes from, e.g. patient report, GP letter, imaging report.">
          <Input name="source" maxLength={200} autoComplete="off" defaultValue={value("source")} />
        </Field>
        <Field label="Note (optional)" errors={state.errors?.note}>
          <Textarea name="note" rows={2} maxLength={1000} defaultValue={value("note")} />
        </Field>
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Recording…" : "Record flag"}
        </Button>
      </div>
    </form>
  );
}
