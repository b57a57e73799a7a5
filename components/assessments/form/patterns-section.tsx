"use client";

import { Badge } from "@/components/ui/badge";
import { FieldError } from "@/components/ui/form-field";
import { fieldName } from "@/lib/assessments/form-fields";
import type { PatternSuggestion } from "@/lib/clinical/pattern-suggest";
import { PATTERN_IDS, PATTERNS, type PatternId } from "@/lib/clinical/patterns";
import { toInputId, useFormValues } from "./form-context";
import { FormSection } from "./form-section";

const CHOICES = [
  { value: "confirmed", label: "Confirm", carriedLabel: "Keep" },
  { value: "dismissed", label: "Dismiss", carriedLabel: "Dismiss" },
  { value: "", label: "Undecided", carriedLabel: "Undecided" },
] as const;

function describeCount(suggestions: readonly PatternSuggestion[]): string {
  if (suggestions.length === 0) return "The findings entered so far suggest no pattern.";
  return `The findings suggest ${suggestions.length === 1 ? "1 pattern" : `${suggestions.length} patterns`}: ${suggestions.map((s) => PATTERNS[s.pattern].shortLabel).join(", ")}.`;
}

/**
 * The four patterns: the suggested ones with the findings that triggered them
 * (recomputed in the browser as findings are typed), each confirmed or
 * dismissed by the practitioner. Patterns confirmed at the last signed
 * assessment come forward pre-set to "keep".
 */
export function PatternsSection({ suggestions, carried = [] }: { suggestions: readonly PatternSuggestion[]; carried?: readonly PatternId[] }) {
  const { value, errors } = useFormValues();
  return (
    <FormSection
      id="patterns"
      title="Imbalance patterns"
      description="Suggestions follow the findings as you type them. They are prompts, not diagnoses: confirm or dismiss each one."
    >
      <p role="status" aria-live="polite" className="text-sm text-muted-foreground" data-testid="pattern-count">
        {describeCount(suggestions)}
      </p>
      {PATTERN_IDS.map((pattern) => {
        const suggestion = suggestions.find((s) => s.pattern === pattern);
        const wasConfirmed = carried.includes(pattern);
        const name = fieldName.pattern(pattern);
        const id = toInputId(name);
        const current = value(name);
        return (
          <fieldset key={pattern} id={id} className="grid min-w-0 gap-3 rounded-lg border p-4" aria-describedby={errors(name) ? `${id}-error` : undefined}>
            <legend className="sr-only">{PATTERNS[pattern].label}</legend>
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium" aria-hidden>
                {PATTERNS[pattern].label}
              </span>
              {suggestion ? <Badge variant="warning">Suggested by the findings</Badge> : <Badge variant="outline">Not suggested</Badge>}
              {wasConfirmed && <Badge variant="secondary">Confirmed last time: keep or dismiss</Badge>}
            </div>
            {suggestion ? (
              <div className="text-sm">
                <p className="text-muted-foreground">Triggered by:</p>
                <ul className="ml-5 list-disc break-words">
                  {suggestion.triggers.map((t, i) => (
                    <li key={i}>{t.reason}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="text-sm text-muted-foreground">The findings entered do not suggest it; you can still confirm it on clinical judgement.</p>
            )}
            <p className="text-xs text-muted-foreground">Usual focus: {PATTERNS[pattern].focus}.</p>
            <div className="flex flex-wrap gap-4" role="radiogroup" aria-label={`Decision: ${PATTERNS[pattern].shortLabel}`}>
              {CHOICES.map((choice) => {
                const choiceId = `${id}-${choice.value || "undecided"}`;
                return (
                  <label key={choice.value} htmlFor={choiceId} className="flex items-center gap-2 text-sm">
                    <input id={choiceId} type="radio" name={name} value={choice.value} defaultChecked={current === choice.value} className="size-4 accent-primary" />
                    {wasConfirmed ? choice.carriedLabel : choice.label}
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
