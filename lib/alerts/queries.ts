import { and, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { patientAlerts, patients, type AlertDetail, type AlertKind } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";

/** Whose alerts: the signed-in practitioner's caseload, or the whole clinic (as the dashboard's views). */
export type AlertView = "mine" | "clinic";

export type OpenAlert = {
  id: string;
  kind: AlertKind;
  detail: AlertDetail;
  raisedAt: Date;
  updatedAt: Date;
  patientId: string;
  patientName: string;
  /** Null for a red flag from the intake, the one kind not about a programme. */
  programmeId: string | null;
};

function openWhere(scope: Scope, view: AlertView): SQL {
  return and(
    eq(patientAlerts.clinicId, scope.clinicId),
    isNull(patientAlerts.acknowledgedAt),
    isNull(patients.archivedAt),
    view === "mine" ? eq(patients.practitionerId, scope.userId) : undefined,
  )!;
}

/** Open alerts, red flags first (they are urgent), then newest first, with the patient's name; `limit` caps the rows (the count says how many there are). */
export async function listOpenAlerts(db: Queryable, scope: Scope, view: AlertView, limit = 200): Promise<OpenAlert[]> {
  const rows = await db
    .select({
      id: patientAlerts.id,
      kind: patientAlerts.kind,
      detail: patientAlerts.detail,
      raisedAt: patientAlerts.raisedAt,
      updatedAt: patientAlerts.updatedAt,
      patientId: patientAlerts.patientId,
      firstName: patients.firstName,
      lastName: patients.lastName,
      programmeId: patientAlerts.programmeId,
    })
    .from(patientAlerts)
    .innerJoin(patients, and(eq(patients.clinicId, patientAlerts.clinicId), eq(patients.id, patientAlerts.patientId)))
    .where(openWhere(scope, view))
    .orderBy(desc(sql`${patientAlerts.kind} = 'red_flag'`), desc(patientAlerts.raisedAt), desc(patientAlerts.id))
    .limit(limit);
  return rows.map(({ firstName, lastName, ...r }) => ({ ...r, patientName: `${firstName} ${lastName}` }));
}

/** How many open alerts (the shell's badge and the card's count). */
export async function countOpenAlerts(db: Queryable, scope: Scope, view: AlertView): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(patientAlerts)
    .innerJoin(patients, and(eq(patients.clinicId, patientAlerts.clinicId), eq(patients.id, patientAlerts.patientId)))
    .where(openWhere(scope, view));
  return row?.n ?? 0;
}

/** A patient's alerts, open first then newest, for the patient page. */
export async function listPatientAlerts(db: Queryable, scope: Scope, patientId: string, limit = 20) {
  return db
    .select()
    .from(patientAlerts)
    .where(and(eq(patientAlerts.clinicId, scope.clinicId), eq(patientAlerts.patientId, patientId)))
    .orderBy(desc(patientAlerts.raisedAt))
    .limit(limit);
}
