import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicClinicalSettings } from "@/lib/clinic-settings/queries";
import type { OutcomePeriod } from "@/lib/dashboard/outcome-periods";
import { buildClinicBenchmarks, type ClinicBenchmarks } from "./build";
import { getBenchmarkPopulation } from "./queries";

/** The clinic's outcome benchmarks for the period, under the clinic's own meaningful-change rules. */
export async function getClinicBenchmarks(db: Queryable, scope: Scope, period: OutcomePeriod, now = new Date()): Promise<ClinicBenchmarks> {
  const [population, settings] = await Promise.all([getBenchmarkPopulation(db, scope, period, now), getClinicClinicalSettings(db, scope)]);
  return buildClinicBenchmarks(population, settings.mcidOverrides, period);
}
