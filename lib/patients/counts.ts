import { count, eq, isNotNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { patientCounts, patients } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";

/**
 * The clinic's patient_count row from scratch. A trigger keeps it in the transaction of every
 * patient insert, archive, restore and delete (migration 0015); only a load that skipped
 * triggers needs this.
 */
export async function rebuildPatientCounts(tx: Queryable, scope: Pick<Scope, "clinicId">): Promise<void> {
  const [row] = await tx
    .select({ all: count(), archived: count(sql`case when ${isNotNull(patients.archivedAt)} then 1 end`) })
    .from(patients)
    .where(eq(patients.clinicId, scope.clinicId));
  const archived = row?.archived ?? 0;
  const active = (row?.all ?? 0) - archived;
  await tx
    .insert(patientCounts)
    .values({ clinicId: scope.clinicId, active, archived })
    .onConflictDoUpdate({ target: patientCounts.clinicId, set: { active, archived } });
}
