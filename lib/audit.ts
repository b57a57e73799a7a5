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
 * A refused attempt at a record this clinic does not have, in the actor's own
 * clinic's trail: who, what kind of record, which id they tried, and whether
 * it is another clinic's or none at all. Nothing about another clinic's record
 * itself is recorded. Written by lib/security/denied.ts, for pages and actions.
 */
export async function writeDeniedAudit(
  db: Queryable,
  actor: { clinicId: string; userId: string; email: string | null; ip: string | null },
  attempt: { entity: string; entityId: string | null; reason: string; detail: Record<string, unknown> },
): Promise<void> {
  await db.insert(auditEvents).values({
    clinicId: actor.clinicId,
    actorId: actor.userId,
    actorEmail: actor.email,
    entity: attempt.entity,
    entityId: attempt.entityId,
    action: "denied",
    ip: actor.ip,
    reason: attempt.reason,
    detail: attempt.detail,
  });
}

/** What a patient link acts as: no staff account, its clinic and patient, the address it came from. */
export type LinkActor = { linkId: string; clinicId: string; patientId: string; ip: string | null };

/**
 * An open of, or a submission through, a patient link (actor "patient link":
 * actor_kind patient_link, no actor id). The link's id is the entity, so the
 * trail shows which link; the detail carries ids and counts, never what the
 * patient wrote.
 */
export async function writeLinkAudit(
  db: Queryable,
  actor: LinkActor,
  event: { action: "view" | "create" | "update" | "denied"; reason?: string; detail?: Record<string, unknown>; entity?: { name: string; id: string } },
): Promise<void> {
  await db.insert(auditEvents).values({
    clinicId: actor.clinicId,
    actorKind: "patient_link",
    actorId: null,
    actorEmail: null,
    patientId: actor.patientId,
    // The link itself, unless the patient changed something else through it (their reminder opt-in).
    entity: event.entity?.name ?? "patient_link",
    entityId: event.entity?.id ?? actor.linkId,
    action: event.action,
    ip: actor.ip,
    reason: event.reason ?? null,
    detail: event.detail ?? null,
  });
}

/**
 * A submission through a clinic's public page (actor "public": nobody signed
 * in, no link). The record's id is the entity; the detail never carries what
 * the person wrote.
 */
export async function writePublicAudit(
  db: Queryable,
  actor: { clinicId: string; ip: string | null },
  event: { action: "create"; entity: string; entityId: string; detail?: Record<string, unknown> },
): Promise<void> {
  await db.insert(auditEvents).values({
    clinicId: actor.clinicId,
    actorKind: "public",
    actorId: null,
    actorEmail: null,
    entity: event.entity,
    entityId: event.entityId,
    action: event.action,
    ip: actor.ip,
    detail: event.detail ?? null,
  });
}

/**
 * Something the server did by itself on a schedule (actor "system": nobody
 * signed in, no link), such as raising a "stopped logging" alert. The detail
 * carries ids and counts only.
 */
export async function writeSystemAudit(
  db: Queryable,
  clinicId: string,
  event: { action: "create" | "update" | "delete"; entity: string; entityId?: string | null; patientId?: string | null; reason?: string; detail?: Record<string, unknown> },
): Promise<void> {
  await db.insert(auditEvents).values({
    clinicId,
    actorKind: "system",
    actorId: null,
    actorEmail: null,
    patientId: event.patientId ?? null,
    entity: event.entity,
    entityId: event.entityId ?? null,
    action: event.action,
    reason: event.reason ?? null,
    detail: event.detail ?? null,
  });
}
