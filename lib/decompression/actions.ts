"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { redirectWithFlash } from "@/lib/actions/flash";
import { readFormValues, validatedAction } from "@/lib/actions/validated";
import { createCourse, setCourseStatus } from "./course-mutations";
import { courseFormSchema, courseStatusSchema, scheduleSessionSchema, sessionLogSchema } from "./schemas";
import { logSession, scheduleSession } from "./session-mutations";

const coursePath = (patientId: string, courseId: string) => `/patients/${patientId}/decompression/${courseId}`;

export const createCourseAction = validatedAction(courseFormSchema, async (input, scope, formData) => {
  const db = await getDb(scope);
  const result = await db.transaction((tx) => createCourse(tx, scope, input));
  if (result.kind === "confirm") return { ok: false, confirm: result.message, values: readFormValues(formData) };
  revalidatePath(`/patients/${input.patientId}`);
  return redirectWithFlash(coursePath(input.patientId, result.id), "course-created");
});

export const scheduleSessionAction = validatedAction(scheduleSessionSchema, async (input, scope) => {
  const db = await getDb(scope);
  await db.transaction((tx) => scheduleSession(tx, scope, input));
  revalidatePath(`/patients`, "layout");
  return { ok: true, message: "Session scheduled." };
});

export const logSessionAction = validatedAction(sessionLogSchema, async (input, scope, formData) => {
  const db = await getDb(scope);
  const result = await db.transaction((tx) => logSession(tx, scope, input));
  const values = readFormValues(formData);
  if (result.kind === "confirm") return { ok: false, confirm: result.message, values };
  revalidatePath(`/patients`, "layout");
  if (result.kind === "stopped") return { ok: false, message: result.message, values };
  revalidatePath("/calendar");
  return redirectWithFlash(coursePath(result.patientId, input.courseId), result.replacement ? "session-saved-extended" : "session-saved");
});

export const setCourseStatusAction = validatedAction(courseStatusSchema, async (input, scope) => {
  const db = await getDb(scope);
  const { patientId } = await db.transaction((tx) => setCourseStatus(tx, scope, input));
  revalidatePath(`/patients/${patientId}`);
  revalidatePath(coursePath(patientId, input.id));
  return { ok: true, message: input.status === "completed" ? "Course marked completed." : "Course stopped." };
});
