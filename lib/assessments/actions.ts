"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { redirectWithFlash } from "@/lib/actions/flash";
import { readFormValues, validatedAction } from "@/lib/actions/validated";
import { getCurrentUser } from "@/lib/auth/current-user";
import { formatDateTime } from "@/lib/format";
import { fieldName } from "./form-fields";
import { amendAssessment, createAssessment, saveDraft, UndecidedPatternsError } from "./mutations";
import { parseAssessmentForm } from "./parse-form";
import { assessmentFormSchema, type AssessmentFormState } from "./schemas";

const save = validatedAction(
  assessmentFormSchema,
  async (submission, scope, formData): Promise<AssessmentFormState> => {
    const { timeZone } = await getCurrentUser(scope);
    const db = await getDb(scope);
    const base = `/patients/${submission.patientId}`;
    const ctx = { timeZone };
    try {
      if (submission.intent === "amend") {
        await db.transaction((tx) => amendAssessment(tx, scope, submission, ctx));
      } else if (!submission.id) {
        const id = await db.transaction((tx) => createAssessment(tx, scope, submission, ctx));
        revalidatePath(base);
        if (submission.intent === "sign") return redirectWithFlash(`${base}/assessments/${id}`, "assessment-signed");
        return redirectWithFlash(`${base}/assessments/${id}/edit`, "draft-created");
      } else {
        await db.transaction((tx) => saveDraft(tx, scope, submission, ctx));
      }
    } catch (err) {
      if (!(err instanceof UndecidedPatternsError)) throw err;
      const errors = Object.fromEntries(err.undecided.map((s) => [fieldName.pattern(s.pattern), ["Confirm or dismiss this suggestion before signing"]]));
      return { ok: false, message: err.message, errors, values: readFormValues(formData), suggestions: err.suggestions };
    }
    revalidatePath(base);
    if (submission.intent === "draft" && submission.id) {
      revalidatePath(`${base}/assessments/${submission.id}/edit`);
      return { ok: true, message: `Draft saved ${formatDateTime(new Date(), timeZone)}.` };
    }
    return redirectWithFlash(`${base}/assessments/${submission.id}`, submission.intent === "amend" ? "assessment-amended" : "assessment-signed");
  },
  { parse: parseAssessmentForm },
);

/** Saves a draft, signs, or amends with a reason, depending on the button pressed (intent). */
export async function saveAssessmentAction(prev: AssessmentFormState, formData: FormData): Promise<AssessmentFormState> {
  return save(prev, formData);
}
