"use client";

import Link from "next/link";
import { useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { saveAssessmentAction } from "@/lib/assessments/actions";
import { parseAssessmentForm } from "@/lib/assessments/parse-form";
import type { AssessmentFormState } from "@/lib/assessments/schemas";
import { suggestFromForm, type PatientSex } from "@/lib/assessments/suggestions";
import type { InstrumentId } from "@/lib/clinical/instruments";
import type { PatternSuggestion, SuggestOptions } from "@/lib/clinical/pattern-suggest";
import type { PatternId } from "@/lib/clinical/patterns";
import { listDefaultQuestionnaires } from "../labels";
import { ComplaintSection } from "./complaint-section";
import { ErrorSummary } from "./error-summary";
import { ExaminationSection } from "./examination-section";
import { AssessmentFormValues, toInputId } from "./form-context";
import { PainSection } from "./pain-section";
import { PatternsSection } from "./patterns-section";
import { PlanSection } from "./plan-section";
import { PsfsSection } from "./psfs-section";
import { OPTIONAL_QUESTIONNAIRES, QuestionnaireSection, type Questionnaire } from "./questionnaire-section";

export type AssessmentFormProps = {
  mode: "new" | "draft" | "amend";
  patientId: string;
  assessmentId?: string;
  version?: number;
  initial: Record<string, string>;
  sex: PatientSex;
  suggestions: PatternSuggestion[];
  /** The clinic's settings the pattern rules read (the "well below" fraction), for live suggestions. */
  suggestOptions: SuggestOptions;
  /** A new assessment after a signed one: the form lists what was measured and completed before. */
  followUp?: { measured: string[]; instruments: InstrumentId[]; carriedPatterns: PatternId[] };
  /** A new assessment taken from a patient-reported draft: saving it marks the draft accepted. */
  /** The patient-reported drafts the form starts from (one questionnaire, or an intake's NPRS and ODI). */
  fromReports?: { id: string; label: string }[];
  today: string;
  cancelHref: string;
};

const SECTION_LINKS = [
  ["complaint", "Complaint"],
  ["pain", "Pain"],
  ["questionnaires", "Questionnaires"],
  ["psfs", "Activities"],
  ["examination", "Examination"],
  ["patterns", "Patterns"],
  ["plan", "Plan"],
] as const;

/** Questionnaires beyond the region's defaults that already hold answers stay shown. */
function findExtras(values: Record<string, string>, region: string): Questionnaire[] {
  const defaults = listDefaultQuestionnaires(region);
  return OPTIONAL_QUESTIONNAIRES.filter((q) => !defaults.includes(q) && Object.entries(values).some(([k, v]) => k.startsWith(`${q}.`) && k !== `${q}.version` && v !== ""));
}

export function AssessmentForm(props: AssessmentFormProps) {
  const [state, formAction, pending] = useActionState<AssessmentFormState, FormData>(saveAssessmentAction, {});
  // After a refusal the form shows exactly what was posted (unticked boxes included), else the saved values.
  const source = state.values ?? props.initial;
  return (
    <AssessmentFormBody key={JSON.stringify(state.values ?? {})} {...props} state={state} source={source} formAction={formAction} pending={pending} />
  );
}

function AssessmentFormBody({
  mode,
  patientId,
  assessmentId,
  version,
  sex,
  suggestions: initialSuggestions,
  suggestOptions,
  followUp,
  fromReports,
  today,
  cancelHref,
  state,
  source,
  formAction,
  pending,
}: AssessmentFormProps & { state: AssessmentFormState; source: Record<string, string>; formAction: (fd: FormData) => void; pending: boolean }) {
  const [region, setRegion] = useState(source.region || "lumbar");
  const [extras, setExtras] = useState<Questionnaire[]>(() => findExtras(source, source.region || "lumbar"));
  const draftButton = useRef<HTMLButtonElement>(null);
  // The same pure rules the server applies on save, rerun on every change
  const [suggestions, setSuggestions] = useState(state.suggestions ?? initialSuggestions);
  const updateSuggestions = (form: HTMLFormElement) => setSuggestions(suggestFromForm(parseAssessmentForm(new FormData(form)), sex, suggestOptions));
  const value = (name: string) => source[name] ?? "";
  const errors = (name: string) => state.errors?.[name];
  const refused = state.ok === false;
  return (
    <AssessmentFormValues value={{ value, errors }}>
      <div className="grid gap-6 lg:grid-cols-[10rem_minmax(0,1fr)]">
        <nav aria-label="Sections of the assessment" className="hidden lg:block">
          <ul className="sticky top-20 grid gap-1 text-sm">
            {SECTION_LINKS.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`} className="block rounded-md px-2 py-1 text-muted-foreground hover:bg-accent hover:text-accent-foreground">
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <form
          action={formAction}
          noValidate
          className="grid min-w-0 gap-6"
          onChange={(e) => updateSuggestions(e.currentTarget)}
          onKeyDown={(e) => {
            // Ctrl/Cmd+S saves the draft, as in any editor
            if (mode !== "amend" && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
              e.preventDefault();
              draftButton.current?.click();
            }
          }}
        >
          <input type="hidden" name="patientId" value={patientId} />
          {assessmentId && <input type="hidden" name="id" value={assessmentId} />}
          {version !== undefined && <input type="hidden" name="version" value={source.version ?? String(version)} />}
          {fromReports && fromReports.length > 0 && (
            <p className="rounded-md border border-dashed px-3 py-2 text-sm" data-testid="from-patient-report">
              {fromReports.map((r) => (
                <input key={r.id} type="hidden" name="patientReportId" value={r.id} />
              ))}
              Patient-reported: {fromReports.map((r) => r.label).join("; ")}. Check the answers; saving this assessment marks the patient&apos;s {fromReports.length === 1 ? "draft" : "drafts"} as accepted.
            </p>
          )}
          {refused && <ErrorSummary message={state.message} errors={state.errors} />}
          <FormMessage state={state.ok ? state : {}} />
          <ComplaintSection region={region} onRegionChange={setRegion} today={today} />
          <PainSection />
          <QuestionnaireSection region={region} extras={extras} onExtrasChange={setExtras} previous={followUp && OPTIONAL_QUESTIONNAIRES.filter((q) => followUp.instruments.includes(q))} />
          <PsfsSection />
          {/* Nothing measured before: nothing to pre-list, so the whole catalogue */}
          <ExaminationSection sex={sex} listed={followUp?.measured.length ? followUp.measured : undefined} />
          <PatternsSection suggestions={suggestions} carried={followUp?.carriedPatterns} />
          <PlanSection />
          {mode === "amend" && (
            <div className="grid gap-1.5">
              <Label htmlFor={toInputId("reason")}>Reason for the amendment</Label>
              <Textarea
                id={toInputId("reason")}
                name="reason"
                rows={2}
                maxLength={1000}
                defaultValue={value("reason")}
                aria-invalid={errors("reason") ? true : undefined}
                aria-describedby={`${toInputId("reason")}-hint${errors("reason") ? ` ${toInputId("reason")}-error` : ""}`}
              />
              <p id={`${toInputId("reason")}-hint`} className="text-xs text-muted-foreground">
                Kept with the new revision and in the audit log. The signed revision stays readable.
              </p>
              <FieldError id={`${toInputId("reason")}-error`} errors={errors("reason")} />
            </div>
          )}
          <div className="sticky bottom-0 z-10 -mx-2 flex flex-wrap items-center gap-3 border-t bg-background/95 px-2 py-3 backdrop-blur">
            {mode === "amend" ? (
              <Button type="submit" name="intent" value="amend" disabled={pending}>
                {pending ? "Saving…" : "Save amendment"}
              </Button>
            ) : (
              <>
                <Button ref={draftButton} type="submit" name="intent" value="draft" variant="outline" disabled={pending}>
                  {pending ? "Saving…" : "Save draft"}
                </Button>
                <Button type="submit" name="intent" value="sign" disabled={pending}>
                  Sign
                </Button>
              </>
            )}
            <Button variant="ghost" asChild>
              <Link href={cancelHref}>Cancel</Link>
            </Button>
            <p className="text-xs text-muted-foreground">
              {mode === "amend" ? "Creates a new revision; the earlier one stays readable." : "Signing locks the assessment; later changes need an amendment with a reason."}
            </p>
          </div>
        </form>
      </div>
    </AssessmentFormValues>
  );
}
