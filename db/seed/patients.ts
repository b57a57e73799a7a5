import { subDays, subYears, formatISO } from "date-fns";
import type { Queryable } from "../client";
import { bodyWeights, patients, type Sex } from "../schema";
import { FIRST_NAMES, LAST_NAMES, STREET_PHONES } from "./names";
import type { Rng } from "./random";
import type { SeededClinic } from "./clinics";
import { PERSONAS, type PersonaStory } from "./personas";

export const DEMO_PATIENTS_PER_CLINIC = 30;

export type SeededPatient = {
  id: string;
  clinicId: string;
  practitionerId: string;
  firstName: string;
  lastName: string;
  sex: Sex;
  dateOfBirth: string;
  ageYears: number;
  weightKg: number;
  archived: boolean;
  /** Set for the named demo patients with a fixed story. */
  story: PersonaStory | null;
};

const day = (d: Date) => formatISO(d, { representation: "date" });

export async function seedPatients(db: Queryable, rng: Rng, clinic: SeededClinic, now: Date): Promise<SeededPatient[]> {
  const practitioners = clinic.users.filter((u) => u.role === "practitioner");
  const out: SeededPatient[] = [];
  // Generated names never repeat a persona or each other.
  const used = new Set<string>(PERSONAS[clinic.key].map((p) => `${p.firstName} ${p.lastName}`));
  for (let i = 0; i < DEMO_PATIENTS_PER_CLINIC; i++) {
    const persona = PERSONAS[clinic.key][i];
    const sex: Exclude<Sex, "unknown"> = persona?.sex ?? (rng.chance(0.06) ? "other" : rng.chance(0.52) ? "female" : "male");
    let firstName: string;
    let lastName: string;
    do {
      firstName = persona?.firstName ?? rng.pick(FIRST_NAMES[sex]);
      lastName = persona?.lastName ?? rng.pick(LAST_NAMES);
    } while (!persona && used.has(`${firstName} ${lastName}`));
    used.add(`${firstName} ${lastName}`);
    const ageYears = persona?.age ?? rng.int(22, 78);
    const dob = subDays(subYears(now, ageYears), rng.int(1, 360));
    const weightKg = persona?.weightKg ?? (sex === "female" ? rng.float(52, 92) : sex === "male" ? rng.float(64, 112) : rng.float(56, 100));
    const practitioner = persona ? practitioners[persona.practitioner === "first" ? 0 : 1] ?? practitioners[0] : practitioners[i % practitioners.length];
    if (!practitioner) throw new Error("a demo clinic needs a practitioner");
    const p: SeededPatient = {
      id: rng.uuid(),
      clinicId: clinic.id,
      practitionerId: practitioner.id,
      firstName,
      lastName,
      sex,
      dateOfBirth: day(dob),
      ageYears,
      weightKg,
      // The last few of each clinic are archived, so the filter has something to show.
      archived: i >= DEMO_PATIENTS_PER_CLINIC - 3,
      story: persona?.key ?? null,
    };
    const createdAt = subDays(now, rng.int(190, 400));
    await db.insert(patients).values({
      id: p.id,
      clinicId: clinic.id,
      firstName,
      lastName,
      dateOfBirth: p.dateOfBirth,
      sex,
      phone: `${rng.pick(STREET_PHONES)}${String(rng.int(0, 999)).padStart(3, "0")}`,
      email: `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, "") + "@example.com",
      createdBy: practitioner.id,
      practitionerId: practitioner.id,
      createdAt,
      updatedAt: createdAt,
      archivedAt: p.archived ? subDays(now, rng.int(5, 40)) : null,
    });
    await db.insert(bodyWeights).values({
      clinicId: clinic.id,
      patientId: p.id,
      kg: weightKg,
      measuredOn: day(createdAt),
      recordedBy: practitioner.id,
    });
    out.push(p);
  }
  return out;
}
