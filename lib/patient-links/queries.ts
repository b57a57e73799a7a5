import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { patientLinks } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { isUuid } from "@/lib/errors";

export type LinkState = "active" | "revoked" | "expired";
export type ProgrammeLinkRow = { id: string; createdAt: Date; expiresAt: Date; state: LinkState };

export function readLinkState(link: { revokedAt: Date | null; expiresAt: Date }, now = new Date()): LinkState {
  if (link.revokedAt) return "revoked";
  return link.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

/** The programme's links, newest first (the token itself is never readable again). */
export async function listProgrammeLinks(db: Queryable, scope: Scope, programmeId: string, now = new Date()): Promise<ProgrammeLinkRow[]> {
  if (!isUuid(programmeId)) return [];
  const rows = await db
    .select({ id: patientLinks.id, createdAt: patientLinks.createdAt, expiresAt: patientLinks.expiresAt, revokedAt: patientLinks.revokedAt })
    .from(patientLinks)
    .where(and(eq(patientLinks.clinicId, scope.clinicId), eq(patientLinks.programmeId, programmeId)))
    .orderBy(desc(patientLinks.createdAt))
    .limit(10);
  return rows.map((r) => ({ id: r.id, createdAt: r.createdAt, expiresAt: r.expiresAt, state: readLinkState(r, now) }));
}
