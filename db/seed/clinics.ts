import { hash } from "@node-rs/argon2";
import type { Queryable } from "../client";
import { clinics, users } from "../schema";
import { DEMO_CLINICS, DEMO_PASSWORD, type DemoClinic } from "./demo-accounts";
import type { Rng } from "./random";
import { ARGON2_OPTIONS } from "@/lib/auth/password-options";

export type SeededClinic = {
  id: string;
  key: DemoClinic["key"];
  users: { id: string; email: string; role: "admin" | "practitioner" }[];
};

export async function seedClinics(db: Queryable, rng: Rng): Promise<SeededClinic[]> {
  // One hash serves every demo account: they share the demo password.
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2_OPTIONS);
  const out: SeededClinic[] = [];
  for (const demo of DEMO_CLINICS) {
    const clinicId = rng.uuid();
    await db.insert(clinics).values({ id: clinicId, name: demo.name, timeZone: demo.timeZone, weightUnit: demo.weightUnit });
    const staff = demo.staff.map((s) => ({ id: rng.uuid(), clinicId, email: s.email, name: s.name, role: s.role, passwordHash }));
    await db.insert(users).values(staff);
    out.push({ id: clinicId, key: demo.key, users: staff.map(({ id, email, role }) => ({ id, email, role })) });
  }
  return out;
}
