import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { patientFlags } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { summariseSafetyMarker, type SafetyMarker } from "@/lib/clinical/safety";

export type { SafetyMarker };

/** A listed row with its patient's safety marker. */
export type Marked<T> = T & { marker: SafetyMarker | null };

/**
 * Safety markers for the listed patients (dashboard cards, patient list,
 * command palette), in one query through patient_flag (clinic_id,
 * patient_id, status). Patients without a marked flag are absent.
 */
export async function fetchSafetyMarkers(db: Queryable, scope: Scope, patientIds: readonly string[]): Promise<Map<string, SafetyMarker>> {
  const ids = [...new Set(patientIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ patientId: patientFlags.patientId, code: patientFlags.code })
    .from(patientFlags)
    .where(and(eq(patientFlags.clinicId, scope.clinicId), inArray(patientFlags.patientId, ids), eq(patientFlags.status, "active")));
  const codes = new Map<string, string[]>();
  for (const r of rows) codes.set(r.patientId, [...(codes.get(r.patientId) ?? []), r.code]);
  const markers = new Map<string, SafetyMarker>();
  for (const [id, list] of codes) {
    const marker = summariseSafetyMarker(list);
    if (marker) markers.set(id, marker);
  }
  return markers;
}

/** Attaches each row's marker (null when none). */
export function attachMarkers<T>(rows: readonly T[], idOf: (row: T) => string, markers: ReadonlyMap<string, SafetyMarker>): Marked<T>[] {
  return rows.map((row) => ({ ...row, marker: markers.get(idOf(row)) ?? null }));
}
