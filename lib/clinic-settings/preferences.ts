import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clinics } from "@/db/schema";
import type { ClinicScope, Scope } from "@/lib/auth/scope-types";

/** The clinic's time zone: local dates and times typed in forms are read in it. */
export async function getClinicTimeZone(db: Queryable, scope: ClinicScope): Promise<string> {
  const [row] = await db.select({ timeZone: clinics.timeZone }).from(clinics).where(eq(clinics.id, scope.clinicId));
  return row?.timeZone ?? "UTC";
}

/** The unit the clinic reads weights and forces in first; both are always shown. */
export async function getClinicWeightUnit(db: Queryable, scope: Scope): Promise<"kg" | "lb"> {
  const [row] = await db.select({ unit: clinics.weightUnit }).from(clinics).where(eq(clinics.id, scope.clinicId));
  return row?.unit ?? "kg";
}
