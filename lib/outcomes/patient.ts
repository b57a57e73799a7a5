import { cache } from "react";
import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicClinicalSettings } from "@/lib/clinic-settings/queries";
import { isUuid, NotFoundError } from "@/lib/errors";
import type { InstrumentHistoryPoint } from "./history";
import { summarisePatientOutcome, type PatientOutcome } from "./model";
import { fetchPatientHistory } from "./queries";

export type PatientOutcomeView = { history: InstrumentHistoryPoint[]; outcome: PatientOutcome };

/**
 * A patient's history and outcome under the clinic's rules (patient page cards, progress charts, CSV).
 * Memoised for one server render (React `cache`, by handle, scope and id): the patient page's
 * assessments and progress cards both show it and read it once. Outside a render it reads each time.
 */
export const getPatientOutcome = cache(async function getPatientOutcome(db: Queryable, scope: Scope, patientId: string): Promise<PatientOutcomeView> {
  if (!isUuid(patientId)) throw new NotFoundError("Patient");
  const [history, settings] = await Promise.all([fetchPatientHistory(db, scope, patientId), getClinicClinicalSettings(db, scope)]);
  return { history, outcome: summarisePatientOutcome(history, settings.mcidOverrides) };
});
