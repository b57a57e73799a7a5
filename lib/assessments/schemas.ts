import { z } from "zod";
import type { ActionState } from "@/lib/actions/state";
import type { PatternSuggestion } from "@/lib/clinical/pattern-suggest";
import type { ParsedAssessmentForm } from "./parse-form";
import { validateAssessmentForm, type AssessmentSubmission } from "./validate-form";

/** The assessment form as one zod schema, so it runs through validatedAction like every other form. */
export const assessmentFormSchema = z.custom<ParsedAssessmentForm>().transform((form, ctx): AssessmentSubmission => {
  const outcome = validateAssessmentForm(form);
  if (outcome.ok) return outcome.value;
  for (const [key, messages] of Object.entries(outcome.errors)) {
    // One path segment holding the input's dotted name: toFieldErrors joins it back unchanged
    for (const message of messages) ctx.addIssue({ code: "custom", path: [key], message });
  }
  return z.NEVER;
});

/** The form's state also carries fresh pattern suggestions when signing was refused for them. */
export type AssessmentFormState = ActionState & { suggestions?: PatternSuggestion[] };
