import { subDays } from "date-fns";
import type { Database } from "../client";
import { patientFlags } from "../schema";
import type { DemoContext } from "./index";
import type { PersonaStory } from "./personas";
import { insertInBatches } from "./assessments-batch";

/**
 * Safety flags of the demo: the contraindication personas (pregnancy,
 * instrumented fusion, advanced osteoporosis), the cauda equina red flag,
 * and a few precautions on generated patients, one of them resolved.
 */

type FlagPlan = { code: string; daysAgo: number; source: string; note: string | null };

const PERSONA_FLAGS: Partial<Record<PersonaStory, FlagPlan>> = {
  pregnancy: { code: "pregnancy", daysAgo: 63, source: "Patient report", note: "Second trimester at the first assessment." },
  "fusion-override": { code: "spinal-hardware", daysAgo: 110, source: "Surgeon's discharge letter", note: "Instrumented L4-S1 fusion with pedicle screws." },
  osteoporosis: { code: "advanced-osteoporosis", daysAgo: 90, source: "DEXA report from the GP", note: "Osteoporosis, not osteopenia, per the report." },
  // Noted at Declan's latest assessment (5 days ago in his script)
  "red-flag": { code: "ces-saddle-numbness", daysAgo: 5, source: "Reported at assessment", note: "New saddle numbness since the weekend; sent to the emergency department the same day." },
};

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function seedFlags(db: Database, ctx: DemoContext): Promise<void> {
  const rows: (typeof patientFlags.$inferInsert)[] = [];
  const add = (patient: DemoContext["patients"][number], plan: FlagPlan, resolvedDaysAgo?: number) => {
    const noted = subDays(ctx.now, plan.daysAgo);
    rows.push({
      clinicId: patient.clinicId,
      patientId: patient.id,
      code: plan.code,
      status: resolvedDaysAgo === undefined ? "active" : "resolved",
      notedOn: day(noted),
      source: plan.source,
      note: plan.note,
      recordedBy: patient.practitionerId,
      recordedAt: noted,
      resolvedAt: resolvedDaysAgo === undefined ? null : subDays(ctx.now, resolvedDaysAgo),
      resolvedBy: resolvedDaysAgo === undefined ? null : patient.practitionerId,
    });
  };
  for (const patient of ctx.patients) {
    const plan = patient.story ? PERSONA_FLAGS[patient.story] : undefined;
    if (plan) add(patient, plan);
  }
  // Precautions on a few generated patients of each clinic
  for (const clinic of ctx.clinics) {
    const generated = ctx.patients.filter((p) => p.clinicId === clinic.id && !p.story && !p.archived);
    const [first, second, third] = generated;
    if (first) add(first, { code: "claustrophobia", daysAgo: ctx.rng.int(30, 120), source: "Patient report", note: "Prefers the harness loosened first." });
    if (second) add(second, { code: "uncontrolled-blood-pressure", daysAgo: ctx.rng.int(60, 150), source: "GP letter", note: "Medication since changed." }, ctx.rng.int(5, 30));
    if (third) add(third, { code: "hypermobility", daysAgo: ctx.rng.int(20, 100), source: "Beighton assessment at intake", note: null });
  }
  await insertInBatches(db, patientFlags, rows);
}
