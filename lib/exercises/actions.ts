"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { redirectWithFlash } from "@/lib/actions/flash";
import { validatedAction } from "@/lib/actions/validated";
import { createExercise, setExerciseArchived, updateExercise } from "./mutations";
import { exerciseArchiveSchema, exerciseFormSchema, exerciseUpdateSchema } from "./schemas";

export const createExerciseAction = validatedAction(exerciseFormSchema, async (input, scope) => {
  const db = await getDb(scope);
  const id = await db.transaction((tx) => createExercise(tx, scope, input));
  revalidatePath("/exercises");
  return redirectWithFlash(`/exercises/${id}`, "exercise-created");
});

export const updateExerciseAction = validatedAction(exerciseUpdateSchema, async ({ id, version, ...input }, scope) => {
  const db = await getDb(scope);
  await db.transaction((tx) => updateExercise(tx, scope, id, version, input));
  revalidatePath("/exercises");
  return redirectWithFlash(`/exercises/${id}`, "exercise-saved");
});

export const setExerciseArchivedAction = validatedAction(exerciseArchiveSchema, async ({ id, archived }, scope) => {
  const db = await getDb(scope);
  await db.transaction((tx) => setExerciseArchived(tx, scope, id, archived));
  revalidatePath("/exercises");
  revalidatePath(`/exercises/${id}`);
  return { ok: true, message: archived ? "Exercise archived: it no longer appears in the library or the programme builder." : "Exercise restored." };
});
