import type { DemoContext } from "@/db/seed";
import type { Scope } from "@/lib/auth/scope-types";

/** A named demo patient (db/seed/personas.ts) from a seeded context. */
export function findPersona(ctx: DemoContext, first: string, last: string) {
  const p = ctx.patients.find((x) => x.firstName === first && x.lastName === last);
  if (!p) throw new Error(`no persona ${first} ${last}`);
  return p;
}

/** The scope of a demo user of that clinic: the one with `email`, else its first practitioner. */
export function demoScope(ctx: DemoContext, clinicId: string, email?: string): Scope {
  const clinic = ctx.clinics.find((c) => c.id === clinicId);
  const user = clinic?.users.find((u) => (email ? u.email === email : u.role === "practitioner"));
  if (!user) throw new Error(`no demo user in clinic ${clinicId}`);
  return { clinicId, userId: user.id, role: user.role, email: user.email };
}
