"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { redirectWithFlash } from "@/lib/actions/flash";
import { validatedAction } from "@/lib/actions/validated";
import { ConflictError } from "@/lib/errors";
import { saveProgramme, setProgrammeStatus } from "./mutations";
import { programmeFormSchema, programmeStatusSchema, readProgrammeForm } from "./schemas";
import { isUniqueViolation } from "@/lib/db-errors";

export const saveProgrammeAction = validatedAction(
  programmeFormSchema,
  async (input, scope) => {
    const db = await getDb(scope);
    let id: string;
    try {
      id = await db.transaction((tx) => saveProgramme(tx, scope, input));
    } catch (err) {
      // Two saves raced past the version check: the one-active index refused the second.
      if (isUniqueViolation(err, "programme_one_active_idx")) throw new ConflictError();
      throw err;
    }
    revalidatePath(`/patients/${input.patientId}`);
    return redirectWithFlash(`/patients/${input.patientId}/programmes/${id}`, "programme-saved");
  },
  { parse: readProgrammeForm },
);

export const setProgrammeStatusAction = validatedAction(programmeStatusSchema, async (input, scope) => {
  const db = await getDb(scope);
  const { patientId } = await db.transaction((tx) => setProgrammeStatus(tx, scope, input));
  revalidatePath(`/patients/${patientId}`);
  revalidatePath(`/patients/${patientId}/programmes/${input.id}`);
  return { ok: true, message: input.status === "completed" ? "Programme marked completed." : "Programme stopped." };
});
