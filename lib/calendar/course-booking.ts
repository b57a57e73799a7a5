import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { decompressionCourses, decompressionSessions } from "@/db/schema";
import type { PreviewRow } from "@/lib/actions/state";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { isExclusionViolation } from "@/lib/db-errors";
import { RuleError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { getPatient } from "@/lib/patients/queries";
import { checkCoursePlan, type PlannedSlot } from "./clashes";
import { getDiaryContext, getTreatmentTable, shortName } from "./queries";
import type { BookCourseInput } from "./schemas";
import { planCourseSlots, type Slot } from "./slots";
import { refreshPatientSummary } from "@/lib/summaries/refresh";
import { lockActiveCourse } from "@/lib/decompression/active-course";

export const TABLE_TAKEN = "A table was booked by someone else a moment ago: nothing was saved. Check the plan again.";

// The diary is read two weeks past the last slot: alternatives are searched that far (lib/calendar/clashes.ts).
const SEARCH_MS = 15 * 24 * 3600_000;

export type BookCourseResult = { kind: "preview"; rows: PreviewRow[]; planKey: string; message: string } | { kind: "booked"; count: number; patientId: string };

/** A fingerprint of the slots to be saved: a confirm only books what the preview showed. */
const keyOf = (slots: readonly Slot[]) => slots.map((s) => `${s.startsAt.toISOString()}/${s.treatmentTableId}`).join(",");

/** Inserts booked sessions; a double booking the database refuses is a clear refusal, never a crash. */
export async function insertBookedSessions(tx: Transaction, scope: Scope, course: { id: string; patientId: string; practitionerId: string }, slots: readonly Slot[]) {
  if (slots.length === 0) return [];
  return tx
    .insert(decompressionSessions)
    .values(
      slots.map((s) => ({
        clinicId: scope.clinicId,
        patientId: course.patientId,
        courseId: course.id,
        practitionerId: course.practitionerId,
        scheduledAt: s.startsAt,
        endsAt: s.endsAt,
        treatmentTableId: s.treatmentTableId,
      })),
    )
    .returning({ id: decompressionSessions.id })
    .catch((err: unknown) => {
      if (isExclusionViolation(err)) throw new RuleError(TABLE_TAKEN, "treatmentTableId");
      throw err;
    });
}

/**
 * Books a course in one step: `count` sessions on the chosen weekdays, time and
 * table. Every slot is checked against the practitioner's and the table's
 * bookings, the clinic's closed days and the practitioner's hours; if any
 * clashes, nothing is saved and the preview lists each clash with an
 * alternative. Sent again with `useAlternatives` and the preview's key, the
 * alternatives are booked (only if the diary has not changed meanwhile).
 */
export async function bookCourse(tx: Transaction, scope: Scope, input: BookCourseInput, now = new Date()): Promise<BookCourseResult> {
  const course = await lockActiveCourse(tx, scope, input.courseId);
  const table = await getTreatmentTable(tx, scope, input.treatmentTableId);
  if (table.kind !== "table" || table.archivedAt) throw new RuleError("Choose one of the clinic's treatment tables", "treatmentTableId");
  if (input.fromDate < course.startDate) throw new RuleError("The course starts later: choose a first day from its start on", "fromDate");
  const patient = await getPatient(tx, scope, course.patientId);

  const planned = planCourseSlots(input, await getClinicTimeZone(tx, scope));
  const first = planned[0];
  const last = planned.at(-1);
  if (!first || !last) throw new RuleError("Choose at least one weekday", "weekdays");
  const diary = await getDiaryContext(tx, scope, { practitionerId: course.practitionerId, from: first.startsAt, to: new Date(last.endsAt.getTime() + SEARCH_MS) });
  const plan = checkCoursePlan(planned, { ...diary, notBefore: now }, shortName(patient.firstName, patient.lastName));
  const clashing = plan.filter((p) => p.clashes.length > 0);
  const final = plan.map((p) => (p.clashes.length ? p.alternative : p.slot));
  const finalKey = final.every((s): s is Slot => s !== null) ? keyOf(final) : "";

  const accepted = input.useAlternatives && finalKey !== "" && input.planKey === finalKey;
  if (clashing.length > 0 && !accepted) {
    const message =
      input.useAlternatives && finalKey !== input.planKey
        ? "The diary changed since the plan was checked: here is the plan again. Nothing was saved."
        : `${clashing.length} of ${plan.length} sessions clash: nothing was saved. Each clash has a proposed alternative.`;
    return { kind: "preview", rows: toPreviewRows(plan, diary.timeZone, diary.tables), planKey: finalKey, message };
  }

  const toBook = final as Slot[];
  await insertBookedSessions(tx, scope, course, toBook);
  await tx
    .update(decompressionCourses)
    .set({
      bookingPattern: { weekdays: input.weekdays, time: input.time, treatmentTableId: table.id, durationMin: input.durationMin },
      updatedAt: new Date(),
      version: sql`${decompressionCourses.version} + 1`,
    })
    .where(and(eq(decompressionCourses.id, course.id), eq(decompressionCourses.clinicId, scope.clinicId)));
  await writeAudit(tx, scope, {
    action: "create",
    entity: "decompression_session",
    entityId: course.id,
    patientId: course.patientId,
    detail: { booked: toBook.length, alternatives: clashing.length, courseId: course.id },
  });
  await refreshPatientSummary(tx, scope, course.patientId);
  return { kind: "booked", count: toBook.length, patientId: course.patientId };
}

function toPreviewRows(plan: readonly PlannedSlot[], timeZone: string, tables: readonly { id: string; name: string }[]): PreviewRow[] {
  const tableName = (id: string) => tables.find((t) => t.id === id)?.name ?? "another table";
  const describe = (s: Slot) => `${formatDateTime(s.startsAt, timeZone)} on ${tableName(s.treatmentTableId)}`;
  return plan.map((p, i) => ({
    key: String(i + 1),
    label: `Session ${i + 1}: ${describe(p.slot)}`,
    problems: p.clashes.map((c) => c.message),
    proposal: p.clashes.length ? (p.alternative ? describe(p.alternative) : "No free slot within two weeks: choose another time") : null,
  }));
}
