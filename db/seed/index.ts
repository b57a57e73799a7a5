import { count } from "drizzle-orm";
import type { Database } from "../client";
import { clinics } from "../schema";
import { seedAssessments } from "./assessments";
import { seedClinics, type SeededClinic } from "./clinics";
import { seedCalendar } from "./calendar";
import { seedDecompression } from "./decompression";
import { seedFlags } from "./flags";
import { seedPatients, type SeededPatient } from "./patients";
import { seedPatientLinks } from "./patient-links";
import { seedEnquiries } from "./enquiries";
import { seedProgrammes } from "./programmes";
import { createRng, type Rng } from "./random";

export const DEMO_SEED = 20_260_301;

export type DemoContext = {
  rng: Rng;
  now: Date;
  clinics: SeededClinic[];
  patients: SeededPatient[];
};

/** A later capability adds its clinical history to the demo through one of these. */
type SeedStep = (db: Database, ctx: DemoContext) => Promise<void>;
const LATER_STEPS: SeedStep[] = [seedFlags, seedAssessments, seedProgrammes, seedDecompression, seedPatientLinks, seedCalendar, seedEnquiries];

/** Loads the demo clinics into an empty database, in one transaction. */
export async function seedDemo(db: Database, now = new Date()): Promise<DemoContext> {
  const rng = createRng(DEMO_SEED);
  return db.transaction(async (tx) => {
    const seeded = await seedClinics(tx, rng);
    const allPatients: SeededPatient[] = [];
    for (const clinic of seeded) allPatients.push(...(await seedPatients(tx, rng, clinic, now)));
    const ctx: DemoContext = { rng, now, clinics: seeded, patients: allPatients };
    for (const step of LATER_STEPS) await step(tx as unknown as Database, ctx);
    return ctx;
  });
}

export async function isEmptyDatabase(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(clinics);
  return (row?.n ?? 0) === 0;
}
