import type { Queryable } from "@/db/client";
import { writeDeniedAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { isUuid, type NotFoundError } from "@/lib/errors";
import { buildRecordCheck, findForeignRecord } from "@/lib/routing/record-check";
import { queryRows } from "@/db/query-rows";
import type { RecordKind, RecordRef } from "@/lib/routing/record-path";

type Actor = { clinicId: string; userId: string; email: string | null; ip: string | null };

/** The entity an id names, when it is one of those the audit trail knows. */
export type DeniedRef = { kind: RecordKind | "patient_flag" | "user"; value: string; field?: string };

const PROBED: ReadonlySet<string> = new Set<RecordKind>(["patient", "assessment", "course", "session", "programme", "exercise"]);

export const OTHER_CLINIC = "another clinic's record";
export const NOT_IN_CLINIC = "no such record in this clinic";

/**
 * The one way a refused look-up by id becomes a `denied` audit row, for page
 * requests (the proxy) and server actions (validatedAction) alike. Only ids
 * are written: the kind, the id tried, whether it is another clinic's record
 * (asked through record_in_other_clinic, so the handle must be scoped) or none
 * at all, and where it was tried. Call it outside the refused transaction,
 * which rolls back.
 */
export async function recordDenied(
  db: Queryable,
  actor: Actor,
  refs: readonly DeniedRef[],
  where: { path?: string; fields?: Record<string, string>; entity?: string },
): Promise<void> {
  const ids = refs.filter((r) => isUuid(r.value));
  const probed = ids.filter((r): r is DeniedRef & RecordRef => PROBED.has(r.kind));
  const foreign = await findForeignRecord(db, probed);
  const tried = foreign ? ids.find((r) => r.kind === foreign.kind && r.value === foreign.value) : await findMissing(db, actor.clinicId, ids);
  const detail: Record<string, unknown> = { "id tried": tried?.value ?? null };
  if (where.path) detail.path = where.path;
  if (where.fields && Object.keys(where.fields).length > 0) detail["ids sent"] = where.fields;
  await writeDeniedAudit(db, actor, {
    entity: tried?.kind ?? where.entity ?? "record",
    entityId: tried?.value ?? null,
    reason: foreign ? OTHER_CLINIC : NOT_IN_CLINIC,
    detail,
  });
}

/** The first id this clinic has no record of; the last one when each exists alone (a child under the wrong parent). */
async function findMissing(db: Queryable, clinicId: string, refs: readonly DeniedRef[]): Promise<DeniedRef | undefined> {
  for (const ref of refs) {
    if (!PROBED.has(ref.kind)) return ref;
    const check = buildRecordCheck(clinicId, [ref as RecordRef]);
    if (check === false) return ref;
    if (check === true) continue;
    const [row] = await queryRows<{ ok: boolean }>(db, check);
    if (row?.ok !== true) return ref;
  }
  return refs.at(-1);
}

/** What a refused action's not-found was about, by the name NotFoundError was given. */
const KIND_BY_WHAT: Record<string, DeniedRef["kind"]> = {
  Patient: "patient",
  Assessment: "assessment",
  Course: "course",
  Session: "session",
  Programme: "programme",
  Exercise: "exercise",
  Flag: "patient_flag",
  "Staff member": "user",
};

/** Input fields that carry a record's id, by the naming the action schemas use. */
const KIND_BY_FIELD: Record<string, DeniedRef["kind"]> = {
  patientId: "patient",
  assessmentId: "assessment",
  courseId: "course",
  sessionId: "session",
  programmeId: "programme",
  supersedesId: "programme",
  exerciseId: "exercise",
  flagId: "patient_flag",
};

/**
 * The ids a server action's validated input names, each with its kind: the
 * fields named in KIND_BY_FIELD, and `id`, whose kind is the record the
 * refusal was about. The refused kind comes first, so it is the one recorded
 * when nothing tells the ids apart.
 */
export function readActionRefs(input: unknown, err: NotFoundError): { refs: DeniedRef[]; fields: Record<string, string> } {
  const refused = KIND_BY_WHAT[err.what];
  const refs: DeniedRef[] = [];
  const fields: Record<string, string> = {};
  if (input && typeof input === "object") {
    for (const [field, value] of Object.entries(input)) {
      if (!isUuid(value)) continue;
      const kind = field === "id" ? refused : KIND_BY_FIELD[field];
      fields[field] = value;
      if (kind) refs.push({ kind, value, field });
    }
  }
  refs.sort((a, b) => Number(b.kind === refused) - Number(a.kind === refused));
  return { refs, fields };
}

/** For validatedAction: a not-found refusal of a server action, recorded as `denied`. */
export async function recordDeniedAction(db: Queryable, scope: Scope, input: unknown, err: NotFoundError): Promise<void> {
  const { refs, fields } = readActionRefs(input, err);
  const actor = { clinicId: scope.clinicId, userId: scope.userId, email: scope.email, ip: scope.ip ?? null };
  await recordDenied(db, actor, refs, { fields, entity: KIND_BY_WHAT[err.what] });
}
