"use client";

import { Badge } from "@/components/ui/badge";
import { FieldError } from "@/components/ui/form-field";
import { fieldName } from "@/lib/assessments/form-fields";
import type { PatternSuggestion } from "@/lib/clinical/pattern-suggest";
import { PATTERN_IDS, PATTERNS } from "@/lib/clinical/patterns";
import { toInputId, useFormValues } from "./form-context";
import { FormSection } from "./form-section";

const CHOICES = [
  { value: "confirmed", label: "Confirm" },
  { value: "dismissed", label: "Dismiss" },
  { value: "", label: "Undecided" },
] as const;

/** The four patterns: the suggested ones with the findings that triggered them, each confirmed or dismissed by the practitioner. */
export function PatternsSection({ suggestions }: { suggestions: readonly PatternSuggestion[] }) {
  const { value, errors } = useFormValues();
  return (
    <FormSection
      id="patterns"
      title="Imbalance patterns"
      description="Suggestions come from the saved findings and update when you save. They are prompts, not diagnoses: confirm or dismiss each one."
    >
      {PATTERN_IDS.map((pattern) => {
        const suggestion = suggestions.find((s) => s.pattern === pattern);
        const name = fieldName.pattern(pattern);
        const id = toInputId(name);
        const current = value(name);
        return (
          <fieldset key={pattern} id={id} className="grid gap-3 rounded-lg border p-4" aria-describedby={errors(name) ? `${id}-error` : undefined}>
            <legend className="sr-only">{PATTERNS[pattern].label}</legend>
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium" aria-hidden>
                {PATTERNS[pattern].label}
              </span>
              {suggestion ? <Badge variant="warning">Suggested by the findings</Badge> : <Badge variant="outline">Not suggested</Badge>}
            </div>
            {suggestion ? (
              <div className="text-sm">
                <p className="text-muted-foreground">Triggered by:</p>
                <ul className="ml-5 list-disc">
                  {suggestion.triggers.map((t, i) => (
                    <li key={i}>{t.reason}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="text-sm text-muted-foreground">The saved findings do not suggest it; you can still confirm it on clinical judgement.</p>
            )}
            <p className="text-xs text-muted-foreground">Usual focus: {PATTERNS[pattern].focus}.</p>
            <div className="flex flex-wrap gap-4" role="radiogroup" aria-label={`Decision: ${PATTERNS[pattern].shortLabel}`}>
              {CHOICES.map((choice) => {
                const choiceId = `${id}-${choice.value || "undecided"}`;
                return (
                  <label key={choice.value} htmlFor={choiceId} className="flex items-center gap-2 text-sm">
                    <input id={choiceId} type="radio" name={name} value={choice.value} defaultChecked={current === choice.value} className="size-4 accent-primary" />
                    {choice.label}
                  </label>
                );
              })}
            </div>
            <FieldError id={`${id}-error`} errors={errors(name)} />
          </fieldset>
        );
      })}
    </FormSection>
  );
}
