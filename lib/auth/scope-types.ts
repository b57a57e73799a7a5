import type { Role } from "@/db/schema";

/** Who is acting, for which clinic. Every query and action takes one. */
export type Scope = {
  clinicId: string;
  userId: string;
  role: Role;
  email: string;
  /** Where the request came from, for the audit trail. */
  ip?: string | null;
  /** The server-side session acting (lib/auth/sessions.ts), where there is one. */
  sessionId?: string;
};

/** What a read needs of a scope: the clinic. A patient link reads with this, having no staff account. */
export type ClinicScope = Pick<Scope, "clinicId">;

export function isAdmin(scope: Scope): boolean {
  return scope.role === "admin";
}
