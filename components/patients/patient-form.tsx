"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { FieldError } from "@/components/ui/form-field";
import type { ActionState } from "@/lib/actions/state";
import { FormMessage } from "@/components/ui/form-message";

type Values = Record<string, string>;
type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  initial: Values;
  submitLabel: string;
  cancelHref: string;
  today: string;
  /** Converting an enquiry: whether this server sends email, so the intake link can go with the new record. */
  intake?: { emailEnabled: boolean };
};

function TextField({ name, label, state, initial, type = "text", autoComplete, required, hint, max }: {
  name: string;
  label: string;
  state: ActionState;
  initial: Values;
  type?: string;
  autoComplete?: string;
  required?: boolean;
  hint?: string;
  max?: string;
}) {
  const errors = state.errors?.[name];
  const describedBy = [errors ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={name}>
        {label}
        {!required && <span className="font-normal text-muted-foreground"> (optional)</span>}
      </Label>
      <Input
        id={name}
        name={name}
        type={type}
        max={max}
        autoComplete={autoComplete}
        defaultValue={state.values?.[name] ?? initial[name] ?? ""}
        aria-invalid={Boolean(errors)}
        aria-describedby={describedBy}
        aria-required={required}
      />
      {hint && (
        <p id={`${name}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      <FieldError id={`${name}-error`} errors={errors} />
    </div>
  );
}

/** "Email an intake link" on a converted enquiry: the red-flag questions, pain and ODI, answered on the patient's phone before the first visit. */
function IntakeOffer({ emailEnabled, state, initial }: { emailEnabled: boolean; state: ActionState; initial: Values }) {
  if (!emailEnabled) {
    return (
      <p className="text-sm text-muted-foreground">
        Intake: email is off on this server. After creating the patient, make an intake link on their page to copy or show as a QR code.
      </p>
    );
  }
  // Ticked unless the last attempt was sent without it.
  const checked = state.values ? state.values.sendIntake === "on" : Boolean(initial.email);
  return (
    <div className="flex items-start gap-3 rounded-md border p-3">
      <input id="sendIntake" name="sendIntake" type="checkbox" defaultChecked={checked} aria-describedby="sendIntake-hint" className="mt-0.5 size-5 accent-primary" />
      <div className="grid gap-1">
        <Label htmlFor="sendIntake">Email an intake link</Label>
        <p id="sendIntake-hint" className="text-xs text-muted-foreground">
          A single-use link for 7 days to the email above: the red-flag safety questions, then pain (NPRS) and the Oswestry (ODI). A red flag raises an urgent alert; the scores arrive as a patient-reported draft.
        </p>
      </div>
    </div>
  );
}

export function PatientForm({ action, initial, submitLabel, cancelHref, today, intake }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const v = (name: string) => state.values?.[name] ?? initial[name] ?? "";
  // The key resets uncontrolled inputs to what the server echoed after each attempt.
  return (
    <form action={formAction} noValidate className="grid max-w-3xl gap-6" key={JSON.stringify(state.values ?? {})}>
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version && <input type="hidden" name="version" value={initial.version} />}
      {initial.enquiryId && <input type="hidden" name="enquiryId" value={initial.enquiryId} />}
      <FormMessage state={state} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">Identity</legend>
        <TextField name="firstName" label="First name" state={state} initial={initial} autoComplete="off" required />
        <TextField name="lastName" label="Last name" state={state} initial={initial} autoComplete="off" required />
        <TextField name="dateOfBirth" label="Date of birth" type="date" max={today} state={state} initial={initial} required />
        <div className="grid gap-1.5">
          <Label htmlFor="sex">Sex</Label>
          <NativeSelect
            id="sex"
            name="sex"
            defaultValue={v("sex")}
            aria-invalid={Boolean(state.errors?.sex)}
            aria-describedby={state.errors?.sex ? "sex-error" : undefined}
          >
            <option value="">Choose…</option>
            <option value="female">Female</option>
            <option value="male">Male</option>
            <option value="other">Other</option>
            <option value="unknown">Not recorded</option>
          </NativeSelect>
          <FieldError id="sex-error" errors={state.errors?.sex} />
        </div>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Contact</legend>
        <TextField name="phone" label="Phone" type="tel" state={state} initial={initial} autoComplete="off" />
        <TextField name="email" label="Email" type="email" state={state} initial={initial} autoComplete="off" />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">Body weight</legend>
        <TextField name="weight" label="Weight" type="number" state={state} initial={initial} hint="Used to judge decompression force." />
        <div className="grid gap-1.5">
          <Label htmlFor="weightUnit">Unit</Label>
          <NativeSelect id="weightUnit" name="weightUnit" defaultValue={v("weightUnit") || "kg"}>
            <option value="kg">kg</option>
            <option value="lb">lb</option>
          </NativeSelect>
        </div>
        <TextField name="weightDate" label="Measured on" type="date" max={today} state={state} initial={initial} />
      </fieldset>
      <div className="grid gap-1.5">
        <Label htmlFor="notes">
          Notes <span className="font-normal text-muted-foreground">(optional)</span>
        </Label>
        <Textarea id="notes" name="notes" rows={4} defaultValue={v("notes")} aria-invalid={Boolean(state.errors?.notes)} aria-describedby={state.errors?.notes ? "notes-error" : undefined} />
        <FieldError id="notes-error" errors={state.errors?.notes} />
      </div>
      {initial.enquiryId && intake && <IntakeOffer emailEnabled={intake.emailEnabled} state={state} initial={initial} />}
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        <Button variant="outline" asChild>
          <Link href={cancelHref}>Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
