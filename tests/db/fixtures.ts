import { hash } from "@node-rs/argon2";
import type { Database } from "@/db/client";
import { clinics, patients, users, type Role } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { ARGON2_OPTIONS } from "@/lib/auth/password-options";

export const FIXTURE_PASSWORD = "correct horse battery";

let counter = 0;

/** A clinic with one admin and one practitioner, and their scopes. */
export async function createClinic(db: Database, name = "Test clinic") {
  const n = ++counter;
  const [clinic] = await db.insert(clinics).values({ name: `${name} ${n}` }).returning();
  if (!clinic) throw new Error("no clinic");
  const passwordHash = await hash(FIXTURE_PASSWORD, ARGON2_OPTIONS);
  const make = async (role: Role, label: string) => {
    const [u] = await db
      .insert(users)
      .values({ clinicId: clinic.id, email: `${label}${n}-${Date.now()}@clinic${n}.test`, name: `${label} ${n}`, role, passwordHash })
      .returning();
    if (!u) throw new Error("no user");
    const scope: Scope = { clinicId: clinic.id, userId: u.id, role, email: u.email, ip: "127.0.0.1" };
    return { user: u, scope };
  };
  const admin = await make("admin", "admin");
  const practitioner = await make("practitioner", "prac");
  return { clinic, admin, practitioner };
}

export async function insertPatient(db: Database, scope: Scope, overrides: Partial<typeof patients.$inferInsert> = {}) {
  const [p] = await db
    .insert(patients)
    .values({ clinicId: scope.clinicId, firstName: "Test", lastName: "Patient", dateOfBirth: "1980-05-01", sex: "female", ...overrides })
    .returning();
  if (!p) throw new Error("no patient");
  return p;
}
