import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { Queryable } from "../client";
import { clinics, mfaTotp, users } from "../schema";
import { DEMO_CLINICS, DEMO_PASSWORD, type DemoClinic } from "./demo-accounts";
import type { Rng } from "./random";
import { ARGON2_OPTIONS } from "@/lib/auth/password-options";
import { sealSecret } from "@/lib/mfa/secret-box";

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
    await db.insert(clinics).values({ id: clinicId, name: demo.name, slug: demo.slug, timeZone: demo.timeZone, weightUnit: demo.weightUnit });
    // The MFA demo account draws no random numbers, so the rest of the demo stays as it was.
    const staff = demo.staff.map((s) => ({ id: s.totpSecret ? randomUUID() : rng.uuid(), clinicId, email: s.email, name: s.name, role: s.role, passwordHash }));
    await db.insert(users).values(staff);
    const withTotp = demo.staff.flatMap((s, i) => (s.totpSecret ? [{ userId: staff[i]!.id, secretEnc: sealSecret(s.totpSecret), enabledAt: new Date() }] : []));
    if (withTotp.length > 0) await db.insert(mfaTotp).values(withTotp);
    // The MFA demo account holds no caseload: it is there to show the second step.
    const withCaseload = staff.filter((_, i) => !demo.staff[i]?.totpSecret);
    out.push({ id: clinicId, key: demo.key, users: withCaseload.map(({ id, email, role }) => ({ id, email, role })) });
  }
  return out;
}
