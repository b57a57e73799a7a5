import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { patientFlags } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import type { DecompressionRegion } from "@/lib/clinical/decompression";
import { screenForDecompression, type ScreeningResult } from "@/lib/clinical/safety";

/** The patient's active safety flags (contraindications, red flags, precautions). */
export async function listActiveFlags(db: Queryable, scope: Scope, patientId: string) {
  return db
    .select({ code: patientFlags.code, status: patientFlags.status, notedOn: patientFlags.notedOn })
    .from(patientFlags)
    .where(and(eq(patientFlags.clinicId, scope.clinicId), eq(patientFlags.patientId, patientId), eq(patientFlags.status, "active")))
    .orderBy(asc(patientFlags.notedOn));
}

/** Screening as it stands now, from the flags recorded on the patient. */
export async function screenPatient(db: Queryable, scope: Scope, patientId: string, region: DecompressionRegion): Promise<ScreeningResult> {
  const flags = await listActiveFlags(db, scope, patientId);
  return screenForDecompression({ region, flags });
}
