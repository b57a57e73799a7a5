import { and, eq } from "drizzle-orm";
import type { Queryable, Transaction } from "@/db/client";
import { exerciseMedia } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { ClinicScope, Scope } from "@/lib/auth/scope-types";
import { isUuid } from "@/lib/errors";
import type { MediaType } from "./signature";

export type StoredMedia = { id: string; contentType: string; data: Uint8Array; exerciseKey: string };

/** Puts the clinic's picture or video of an exercise in place of any earlier one. */
export async function saveExerciseMedia(tx: Transaction, scope: Scope, exerciseKey: string, type: MediaType, data: Uint8Array): Promise<string> {
  const values = { contentType: type, byteSize: data.length, data, uploadedBy: scope.userId, createdAt: new Date() };
  const [row] = await tx
    .insert(exerciseMedia)
    .values({ clinicId: scope.clinicId, exerciseKey, ...values })
    .onConflictDoUpdate({ target: [exerciseMedia.clinicId, exerciseMedia.exerciseKey], set: values })
    .returning({ id: exerciseMedia.id });
  if (!row) throw new Error("upsert returned no row");
  await writeAudit(tx, scope, { action: "update", entity: "exercise_media", entityId: row.id, detail: { exercise: exerciseKey, type, bytes: data.length } });
  return row.id;
}

export async function getExerciseMediaInfo(db: Queryable, scope: ClinicScope, exerciseKey: string) {
  const [row] = await db
    .select({ id: exerciseMedia.id, contentType: exerciseMedia.contentType, byteSize: exerciseMedia.byteSize, createdAt: exerciseMedia.createdAt })
    .from(exerciseMedia)
    .where(and(eq(exerciseMedia.clinicId, scope.clinicId), eq(exerciseMedia.exerciseKey, exerciseKey)));
  return row ?? null;
}

export async function readMedia(db: Queryable, scope: ClinicScope, where: { id: string } | { exerciseKey: string }): Promise<StoredMedia | null> {
  if ("id" in where && !isUuid(where.id)) return null;
  const [row] = await db
    .select({ id: exerciseMedia.id, contentType: exerciseMedia.contentType, data: exerciseMedia.data, exerciseKey: exerciseMedia.exerciseKey })
    .from(exerciseMedia)
    .where(and(eq(exerciseMedia.clinicId, scope.clinicId), "id" in where ? eq(exerciseMedia.id, where.id) : eq(exerciseMedia.exerciseKey, where.exerciseKey)));
  return row ?? null;
}

/** The answer that serves media: its checked type, never sniffed, never shared by caches. */
export function respondMedia(media: StoredMedia, extra: Record<string, string> = {}): Response {
  return new Response(Buffer.from(media.data), {
    headers: {
      "content-type": media.contentType,
      "x-content-type-options": "nosniff",
      "content-disposition": "inline",
      "cache-control": "private, max-age=3600",
      "cross-origin-resource-policy": "same-origin",
      ...extra,
    },
  });
}
