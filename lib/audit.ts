import type { Queryable } from "@/db/client";
import { auditEvents, type AuditAction } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";

export type AuditInput = {
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  patientId?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown> | null;
};

/**
 * Records one audit event for the acting user. Call it with the transaction
 * that does the work, so the record and its trail commit or fail together.
 */
export async function writeAudit(db: Queryable, scope: Scope, event: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({
    clinicId: scope.clinicId,
    actorId: scope.userId,
    actorEmail: scope.email,
    patientId: event.patientId ?? null,
    entity: event.entity,
    entityId: event.entityId ?? null,
    action: event.action,
    ip: scope.ip ?? null,
    reason: event.reason ?? null,
    detail: event.detail ?? null,
  });
}

/** A sign-in attempt has no scope yet: it is recorded against the account, if any. */
export async function writeSignInAudit(
  db: Queryable,
  event: { action: "login" | "login_failed" | "logout"; email: string; clinicId: string | null; userId: string | null; ip: string | null; reason?: string },
): Promise<void> {
  await db.insert(auditEvents).values({
    clinicId: event.clinicId,
    actorId: event.userId,
    actorEmail: event.email,
    entity: "session",
    action: event.action,
    ip: event.ip,
    reason: event.reason ?? null,
  });
}

/**
 * A refused attempt at another clinic's record, in the actor's own clinic's
 * trail: who, what kind of record, which id they tried. Nothing about the
 * other clinic's record itself is recorded.
 */
export async function writeDeniedAudit(
  db: Queryable,
  actor: { clinicId: string; userId: string; email: string | null; ip: string | null },
  attempt: { entity: string; entityId: string; path: string },
): Promise<void> {
  await db.insert(auditEvents).values({
    clinicId: actor.clinicId,
    actorId: actor.userId,
    actorEmail: actor.email,
    entity: attempt.entity,
    entityId: attempt.entityId,
    action: "denied",
    ip: actor.ip,
    reason: "another clinic's record",
    detail: { "id tried": attempt.entityId, path: attempt.path },
  });
}
