import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { adherenceEntries, programmes } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { NotFoundError, RuleError } from "@/lib/errors";
import { formatDate, todayIn } from "@/lib/format";
import { getPatient } from "@/lib/patients/queries";
import { refreshPatientSummary } from "@/lib/summaries/refresh";
import { getWeekEnd } from "./rules";
import type { AdherenceInput } from "./schemas";

/** One week's home-programme adherence, recorded at a visit. One entry per programme and week. */
export async function recordAdherence(tx: Transaction, scope: Scope, input: AdherenceInput, now = new Date()): Promise<string> {
  const patient = await getPatient(tx, scope, input.patientId);
  const [programme] = await tx
    .select({ id: programmes.id, startDate: programmes.startDate, status: programmes.status })
    .from(programmes)
    .where(and(eq(programmes.id, input.programmeId), eq(programmes.clinicId, scope.clinicId), eq(programmes.patientId, patient.id)));
  if (!programme) throw new NotFoundError("Programme");

  const today = todayIn(await getClinicTimeZone(tx, scope), now);
  if (getWeekEnd(input.weekStart) < patient.dateOfBirth) throw new RuleError("The week cannot be before the patient's date of birth", "weekStart");
  if (input.weekStart > today) throw new RuleError("The week cannot be in the future", "weekStart");
  if (getWeekEnd(input.weekStart) < programme.startDate) {
    throw new RuleError(`That week ended before the programme started (${formatDate(programme.startDate)})`, "weekStart");
  }
  const [existing] = await tx
    .select({ id: adherenceEntries.id, source: adherenceEntries.source })
    .from(adherenceEntries)
    .where(
      and(
        eq(adherenceEntries.clinicId, scope.clinicId),
        eq(adherenceEntries.programmeId, programme.id),
        eq(adherenceEntries.weekStart, input.weekStart),
      ),
    );
  if (existing?.source === "staff") throw new RuleError(`Adherence for the week of ${formatDate(input.weekStart)} is already recorded`, "weekStart");
  const values = {
    sessionsDone: input.sessionsDone,
    sessionsPrescribed: input.sessionsPrescribed,
    painDuring: input.painDuring,
    note: input.note,
    recordedBy: scope.userId,
  };
  if (existing) {
    // The week the patient reported through their link: what staff record at the visit takes its place (the patient's logs stay).
    await tx.update(adherenceEntries).set({ ...values, source: "staff", recordedAt: now }).where(and(eq(adherenceEntries.id, existing.id), eq(adherenceEntries.clinicId, scope.clinicId)));
    await writeAudit(tx, scope, {
      action: "update",
      entity: "adherence_entry",
      entityId: existing.id,
      patientId: patient.id,
      detail: { weekStart: input.weekStart, sessionsDone: input.sessionsDone, sessionsPrescribed: input.sessionsPrescribed, replacedPatientReported: true },
    });
    await refreshPatientSummary(tx, scope, patient.id);
    return existing.id;
  }

  const [row] = await tx
    .insert(adherenceEntries)
    .values({
      clinicId: scope.clinicId,
      patientId: patient.id,
      programmeId: programme.id,
      weekStart: input.weekStart,
      ...values,
    })
    .returning({ id: adherenceEntries.id });
  if (!row) throw new Error("insert returned no row");
  await writeAudit(tx, scope, {
    action: "create",
    entity: "adherence_entry",
    entityId: row.id,
    patientId: patient.id,
    detail: { weekStart: input.weekStart, sessionsDone: input.sessionsDone, sessionsPrescribed: input.sessionsPrescribed },
  });
  await refreshPatientSummary(tx, scope, patient.id);
  return row.id;
}
