import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "@/db/runtime";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { Scope } from "@/lib/auth/scope-types";
import { NotFoundError } from "@/lib/errors";
import { getPatient, type PatientRecord } from "@/lib/patients/queries";

/** For pages: another clinic's or an unknown id becomes the not-found view. */
export function orNotFound<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
}

/** The patient (scope-checked, not audited: the caller audits the view it makes) and the clinic's time zone. */
export async function loadPatientContext(scope: Scope, patientId: string): Promise<{ patient: PatientRecord; timeZone: string }> {
  const db = await getDb();
  const [patient, user] = await Promise.all([orNotFound(getPatient(db, scope, patientId)), getCurrentUser(scope)]);
  return { patient, timeZone: user.timeZone };
}
