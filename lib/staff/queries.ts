import { and, asc, count, eq, isNull, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { NotFoundError, isUuid } from "@/lib/errors";

const staffColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  mustChangePassword: users.mustChangePassword,
  deactivatedAt: users.deactivatedAt,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};

/** The clinic's staff: active people first, then by name. Never the password hash. */
export async function listStaff(db: Queryable, scope: Scope) {
  return db
    .select(staffColumns)
    .from(users)
    .where(eq(users.clinicId, scope.clinicId))
    .orderBy(sql`${users.deactivatedAt} is not null`, asc(users.name), asc(users.id));
}

export type StaffMember = Awaited<ReturnType<typeof listStaff>>[number];

/** One staff member of the scope's clinic; any other id is "not found". */
export async function getStaffMember(db: Queryable, scope: Scope, id: string): Promise<StaffMember> {
  if (!isUuid(id)) throw new NotFoundError("Staff member");
  const [row] = await db
    .select(staffColumns)
    .from(users)
    .where(and(eq(users.id, id), eq(users.clinicId, scope.clinicId)));
  if (!row) throw new NotFoundError("Staff member");
  return row;
}

/** Active admins of the clinic other than `exceptId`. */
export async function countOtherActiveAdmins(db: Queryable, scope: Scope, exceptId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.clinicId, scope.clinicId), eq(users.role, "admin"), isNull(users.deactivatedAt), ne(users.id, exceptId)));
  return row?.n ?? 0;
}

/** Emails are unique across the installation, whatever their case. */
export async function isEmailTaken(db: Queryable, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return Boolean(row);
}
