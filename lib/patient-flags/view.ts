import "server-only";
import { getDb } from "@/db/runtime";
import type { Scope } from "@/lib/auth/scope-types";
import { listActiveFlags } from "./queries";

/** A patient's active flags for the safety banner (components never reach the database themselves). */
export async function loadActiveFlags(scope: Scope, patientId: string) {
  return listActiveFlags(await getDb(scope), scope, patientId);
}
