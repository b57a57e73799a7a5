import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/db/runtime";
import { clinics, users } from "@/db/schema";
import type { Scope } from "./scope-types";

/** Name and clinic of the signed-in user (with the clinic's time zone and preferred weight unit), for the shell and forms. */
export const getCurrentUser = cache(async (scope: Scope) => {
  const db = await getDb(scope);
  const [row] = await db
    .select({ name: users.name, email: users.email, role: users.role, clinicName: clinics.name, timeZone: clinics.timeZone, weightUnit: clinics.weightUnit })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(users.id, scope.userId));
  if (!row) throw new Error("signed-in user vanished");
  return row;
});
