import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clinics } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";

/** The scope's clinic as exports name it: id, name and time zone. */
export async function getClinicIdentity(db: Queryable, scope: Scope): Promise<{ id: string; name: string; timeZone: string }> {
  const [clinic] = await db.select({ id: clinics.id, name: clinics.name, timeZone: clinics.timeZone }).from(clinics).where(eq(clinics.id, scope.clinicId));
  if (!clinic) throw new Error("the scope's clinic does not exist");
  return clinic;
}
