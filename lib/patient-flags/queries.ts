import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { patientFlags, users } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { getSafetyFlag, type SafetyFlag } from "@/lib/clinical/safety";
import { NotFoundError, isUuid } from "@/lib/errors";

export type PatientFlagView = {
  id: string;
  code: string;
  /** Null for a code no longer in SAFETY_FLAGS: shown by its code, never dropped. */
  definition: SafetyFlag | null;
  label: string;
  status: "active" | "resolved";
  notedOn: string;
  source: string | null;
  note: string | null;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: Date;
  resolvedByName: string | null;
  resolvedAt: Date | null;
};

/** A patient's flags, active first, newest first within each. */
export async function listPatientFlags(db: Queryable, scope: Scope, patientId: string): Promise<PatientFlagView[]> {
  if (!isUuid(patientId)) throw new NotFoundError("Patient");
  const recorder = alias(users, "recorder");
  const resolver = alias(users, "resolver");
  const rows = await db
    .select({
      id: patientFlags.id,
      code: patientFlags.code,
      status: patientFlags.status,
      notedOn: patientFlags.notedOn,
      source: patientFlags.source,
      note: patientFlags.note,
      recordedBy: patientFlags.recordedBy,
      recordedByName: recorder.name,
      recordedAt: patientFlags.recordedAt,
      resolvedByName: resolver.name,
      resolvedAt: patientFlags.resolvedAt,
    })
    .from(patientFlags)
    .leftJoin(recorder, eq(recorder.id, patientFlags.recordedBy))
    .leftJoin(resolver, eq(resolver.id, patientFlags.resolvedBy))
    .where(and(eq(patientFlags.clinicId, scope.clinicId), eq(patientFlags.patientId, patientId)))
    .orderBy(sql`${patientFlags.status} = 'active' desc`, desc(patientFlags.notedOn), asc(patientFlags.code));
  return rows.map((row) => {
    const definition = getSafetyFlag(row.code) ?? null;
    return { ...row, definition, label: definition?.label ?? row.code };
  });
}

/** Only the active flags (badges, banners, screening). */
export async function listActiveFlags(db: Queryable, scope: Scope, patientId: string): Promise<PatientFlagView[]> {
  return (await listPatientFlags(db, scope, patientId)).filter((f) => f.status === "active");
}
