"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/runtime";
import { readFormValues, validatedAction } from "@/lib/actions/validated";
import { bookAppointment, setAppointmentStatus } from "./appointments";
import { bookCourse } from "./course-booking";
import { createFeed, revokeFeed, FEED_PATH } from "./feed";
import { archiveTableSchema, appointmentSchema, appointmentStatusSchema, bookCourseSchema, cancelSessionSchema, closureSchema, feedSchema, moveSessionSchema, treatmentTableSchema, workingHoursSchema } from "./schemas";
import { cancelSession, moveSession } from "./session-changes";
import { addClosure, addTreatmentTable, archiveTreatmentTable, setWorkingHours } from "./settings-mutations";

const refresh = () => {
  revalidatePath("/calendar");
  revalidatePath("/patients", "layout");
  revalidatePath("/");
};

export const bookCourseAction = validatedAction(bookCourseSchema, async (input, scope, formData) => {
  const db = await getDb(scope);
  const result = await db.transaction((tx) => bookCourse(tx, scope, input));
  const values = readFormValues(formData);
  if (result.kind === "preview") return { ok: false, message: result.message, values, preview: { rows: result.rows, planKey: result.planKey } };
  refresh();
  return { ok: true, message: `${result.count} ${result.count === 1 ? "session" : "sessions"} booked.` };
});

export const moveSessionAction = validatedAction(moveSessionSchema, async (input, scope, formData) => {
  const db = await getDb(scope);
  await db.transaction((tx) => moveSession(tx, scope, input));
  refresh();
  return { ok: true, message: "Session moved.", values: readFormValues(formData) };
});

export const cancelSessionAction = validatedAction(cancelSessionSchema, async (input, scope) => {
  const db = await getDb(scope);
  const result = await db.transaction((tx) => cancelSession(tx, scope, input));
  refresh();
  return { ok: true, message: result.message };
});

export const bookAppointmentAction = validatedAction(appointmentSchema, async (input, scope) => {
  const db = await getDb(scope);
  await db.transaction((tx) => bookAppointment(tx, scope, input));
  refresh();
  return { ok: true, message: input.kind === "reassessment" ? "Reassessment booked." : "Assessment booked." };
});

export const setAppointmentStatusAction = validatedAction(appointmentStatusSchema, async (input, scope) => {
  const db = await getDb(scope);
  await db.transaction((tx) => setAppointmentStatus(tx, scope, input));
  refresh();
  return { ok: true, message: "Appointment updated." };
});

export const addTreatmentTableAction = validatedAction(
  treatmentTableSchema,
  async (input, scope) => {
    const db = await getDb(scope);
    await db.transaction((tx) => addTreatmentTable(tx, scope, input));
    revalidatePath("/settings/calendar");
    return { ok: true, message: `${input.kind === "room" ? "Room" : "Table"} “${input.name}” added.` };
  },
  { admin: true },
);

export const archiveTreatmentTableAction = validatedAction(
  archiveTableSchema,
  async (input, scope) => {
    const db = await getDb(scope);
    await db.transaction((tx) => archiveTreatmentTable(tx, scope, input.id));
    revalidatePath("/settings/calendar");
    return { ok: true, message: "Archived: it keeps its past bookings and takes no new ones." };
  },
  { admin: true },
);

export const addClosureAction = validatedAction(
  closureSchema,
  async (input, scope) => {
    const db = await getDb(scope);
    await db.transaction((tx) => addClosure(tx, scope, input));
    revalidatePath("/settings/calendar");
    return { ok: true, message: "Closed day added." };
  },
  { admin: true },
);

export const setWorkingHoursAction = validatedAction(
  workingHoursSchema,
  async (input, scope, formData) => {
    const db = await getDb(scope);
    await db.transaction((tx) => setWorkingHours(tx, scope, input));
    revalidatePath("/settings/calendar");
    revalidatePath("/calendar");
    return { ok: true, message: "Working hours saved.", values: readFormValues(formData) };
  },
  { admin: true },
);

/** Turns the acting user's feed on (a new URL, shown once) or off. */
export const calendarFeedAction = validatedAction(feedSchema, async (input, scope) => {
  const db = await getDb(scope);
  if (input.intent === "revoke") {
    const had = await db.transaction((tx) => revokeFeed(tx, scope));
    revalidatePath("/calendar/feed");
    return { ok: true, message: had ? "Feed turned off: the old address no longer works." : "No feed was on." };
  }
  const token = await db.transaction((tx) => createFeed(tx, scope));
  revalidatePath("/calendar/feed");
  return { ok: true, message: "Feed on. Copy the address now: it is shown only once.", values: { feedPath: `${FEED_PATH}/${token}.ics` } };
});
