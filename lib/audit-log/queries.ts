import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { auditEvents, patients, users } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { patientSearchCondition } from "@/lib/patients/queries";
import { AUDIT_PAGE_SIZE, type AuditListParams } from "./schemas";

const actor = alias(users, "actor");
// For events about a staff account (entity "user"), the account's own name.
const subject = alias(users, "subject");

/**
 * A calendar date in the clinic's zone to the instant that day starts there.
 * Postgres applies the zone's rules for that date, daylight saving included.
 */
function toDayStartIn(date: string, timeZone: string, addDays = 0): SQL {
  return sql`((${date}::date + ${addDays}::int)::timestamp at time zone ${timeZone})`;
}

/** The clinic's audit trail, newest first, 50 to a page. Only the scope's clinic. */
export async function listAuditEvents(db: Queryable, scope: Scope, params: AuditListParams) {
  const timeZone = await getClinicTimeZone(db, scope);
  const where = and(
    eq(auditEvents.clinicId, scope.clinicId),
    params.actor ? eq(auditEvents.actorId, params.actor) : undefined,
    params.patientId ? eq(auditEvents.patientId, params.patientId) : undefined,
    // The patient list's own rule: one owner for name search, and its indexes hold under RLS.
    params.patient ? patientSearchCondition(params.patient) : undefined,
    params.action ? eq(auditEvents.action, params.action) : undefined,
    params.from ? sql`${auditEvents.at} >= ${toDayStartIn(params.from, timeZone)}` : undefined,
    params.to ? sql`${auditEvents.at} < ${toDayStartIn(params.to, timeZone, 1)}` : undefined,
  );
  // The joins also match on clinic_id: an id from another clinic never lends its name.
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        action: auditEvents.action,
        entity: auditEvents.entity,
        entityId: auditEvents.entityId,
        actorId: auditEvents.actorId,
        actorEmail: auditEvents.actorEmail,
        actorKind: auditEvents.actorKind,
        actorName: actor.name,
        patientId: auditEvents.patientId,
        patientFirstName: patients.firstName,
        patientLastName: patients.lastName,
        subjectName: subject.name,
        ip: auditEvents.ip,
        reason: auditEvents.reason,
        detail: auditEvents.detail,
      })
      .from(auditEvents)
      .leftJoin(actor, and(eq(actor.id, auditEvents.actorId), eq(actor.clinicId, auditEvents.clinicId)))
      .leftJoin(patients, and(eq(patients.id, auditEvents.patientId), eq(patients.clinicId, auditEvents.clinicId)))
      .leftJoin(
        subject,
        and(eq(auditEvents.entity, "user"), eq(sql`${subject.id}::text`, auditEvents.entityId), eq(subject.clinicId, auditEvents.clinicId)),
      )
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((params.page - 1) * AUDIT_PAGE_SIZE),
    db
      .select({ n: count() })
      .from(auditEvents)
      .leftJoin(patients, and(eq(patients.id, auditEvents.patientId), eq(patients.clinicId, auditEvents.clinicId)))
      .where(where),
  ]);
  const n = total?.n ?? 0;
  return { rows, total: n, page: params.page, pageCount: Math.max(1, Math.ceil(n / AUDIT_PAGE_SIZE)), timeZone };
}

export type AuditLogPage = Awaited<ReturnType<typeof listAuditEvents>>;
export type AuditLogRow = AuditLogPage["rows"][number];
