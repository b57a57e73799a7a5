import { subDays } from "date-fns";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope-types";
import { STALE_DRAFT_DAYS } from "@/lib/assessments/queries";
import { queryRows } from "@/db/query-rows";
import type { CardList } from "./attention";

export { STALE_DRAFT_DAYS };

export type DraftRow = { id: string; patientId: string; name: string; assessedAt: number; updatedAt: number; stale: boolean };

/**
 * The signed-in user's own unsigned assessments, least recently touched
 * first, at most `limit` and how many in all; untouched for more than STALE_DRAFT_DAYS is flagged. Index assessment (clinic_id, practitioner_id, status, updated_at).
 */
export async function listUnsignedDrafts(db: Queryable, scope: Scope, now: Date, limit: number): Promise<CardList<DraftRow>> {
  const rows = await queryRows<{ id: string; patient_id: string; first_name: string; last_name: string; assessed: number; updated: number; total: number }>(
    db,
    sql`select a.id, a.patient_id, p.first_name, p.last_name,
          (date_part('epoch', a.assessed_at) * 1000) as assessed,
          (date_part('epoch', a.updated_at) * 1000) as updated,
          (count(*) over ())::int as total
        from assessment a
        join patient p on p.id = a.patient_id and p.clinic_id = a.clinic_id
        where a.clinic_id = ${scope.clinicId} and a.practitioner_id = ${scope.userId} and a.status = 'draft'
        order by a.updated_at, a.id
        limit ${limit}`,
  );
  const staleBefore = subDays(now, STALE_DRAFT_DAYS).getTime();
  const listed = rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    name: `${r.first_name} ${r.last_name}`,
    assessedAt: r.assessed,
    updatedAt: r.updated,
    stale: r.updated < staleBefore,
  }));
  return { rows: listed, total: rows[0]?.total ?? 0 };
}
