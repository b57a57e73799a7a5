import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { patientLinks, programmes } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { getClinicTimeZone } from "@/lib/clinic-settings/preferences";
import { NotFoundError, RuleError } from "@/lib/errors";
import { getPatient } from "@/lib/patients/queries";
import { computeProgrammeLinkExpiry } from "./expiry";
import { createLinkToken, hashLinkToken } from "./token";

export type NewLink = { linkId: string; patientId: string; token: string; expiresAt: Date };

/** Revokes the programme's links still in force (one live link per programme: a token is shown only once). */
async function revokeLiveLinks(tx: Transaction, scope: Scope, programmeId: string, patientId: string, now: Date): Promise<void> {
  const revoked = await tx
    .update(patientLinks)
    .set({ revokedAt: now })
    .where(and(eq(patientLinks.clinicId, scope.clinicId), eq(patientLinks.programmeId, programmeId), isNull(patientLinks.revokedAt), gt(patientLinks.expiresAt, now)))
    .returning({ id: patientLinks.id });
  for (const row of revoked) {
    await writeAudit(tx, scope, { action: "update", entity: "patient_link", entityId: row.id, patientId, detail: { revoked: true, replaced: true } });
  }
}

/**
 * "Share with patient": a new programme link, valid until the review date
 * (90 days at most). Any earlier live link of the programme is revoked. The
 * token is returned once, to be shown; only its hash is stored.
 */
export async function createProgrammeLink(tx: Transaction, scope: Scope, programmeId: string, now = new Date()): Promise<NewLink> {
  const [programme] = await tx
    .select({ id: programmes.id, patientId: programmes.patientId, status: programmes.status, reviewDate: programmes.reviewDate })
    .from(programmes)
    .where(and(eq(programmes.id, programmeId), eq(programmes.clinicId, scope.clinicId)));
  if (!programme) throw new NotFoundError("Programme");
  const patient = await getPatient(tx, scope, programme.patientId);
  if (patient.archivedAt) throw new RuleError("The patient is archived: restore them before sharing.");
  if (programme.status !== "active") throw new RuleError("Only the active programme can be shared.");
  const expiresAt = computeProgrammeLinkExpiry(programme.reviewDate, await getClinicTimeZone(tx, scope), now);
  if (!expiresAt) throw new RuleError("The review date has passed: set a new review date (edit as a new version) before sharing.");
  await revokeLiveLinks(tx, scope, programme.id, patient.id, now);
  const token = createLinkToken();
  const [row] = await tx
    .insert(patientLinks)
    .values({ clinicId: scope.clinicId, patientId: patient.id, purpose: "programme", programmeId: programme.id, tokenHash: hashLinkToken(token), expiresAt, createdBy: scope.userId, createdAt: now })
    .returning({ id: patientLinks.id });
  if (!row) throw new Error("insert returned no row");
  await writeAudit(tx, scope, { action: "create", entity: "patient_link", entityId: row.id, patientId: patient.id, detail: { purpose: "programme", programmeId: programme.id, expiresAt: expiresAt.toISOString() } });
  return { linkId: row.id, patientId: patient.id, token, expiresAt };
}

/** Ends a link now: opening it answers 404 from then on. */
export async function revokeLink(tx: Transaction, scope: Scope, linkId: string, now = new Date()): Promise<{ patientId: string }> {
  const [row] = await tx
    .update(patientLinks)
    .set({ revokedAt: now })
    .where(and(eq(patientLinks.id, linkId), eq(patientLinks.clinicId, scope.clinicId), isNull(patientLinks.revokedAt)))
    .returning({ id: patientLinks.id, patientId: patientLinks.patientId });
  if (!row) throw new NotFoundError("Link");
  await writeAudit(tx, scope, { action: "update", entity: "patient_link", entityId: row.id, patientId: row.patientId, detail: { revoked: true } });
  return { patientId: row.patientId };
}

/**
 * A programme edited into a new version keeps its live link: the patient's
 * phone goes on showing the programme in force, not an ended one. The link
 * now names the new version, ends no later than before (nor than the new
 * review date allows), and the move is audited. Called by saveProgramme in
 * its transaction.
 */
export async function carryLinksToNewVersion(tx: Transaction, scope: Scope, from: { id: string; patientId: string }, to: { id: string; reviewDate: string | null }, now = new Date()): Promise<number> {
  const cap = computeProgrammeLinkExpiry(to.reviewDate, await getClinicTimeZone(tx, scope), now);
  const moved = await tx
    .update(patientLinks)
    .set({ programmeId: to.id, ...(cap ? { expiresAt: sql`least(${patientLinks.expiresAt}, ${cap.toISOString()}::timestamptz)` } : { revokedAt: now }) })
    .where(and(eq(patientLinks.clinicId, scope.clinicId), eq(patientLinks.programmeId, from.id), eq(patientLinks.purpose, "programme"), isNull(patientLinks.revokedAt), gt(patientLinks.expiresAt, now)))
    .returning({ id: patientLinks.id });
  for (const row of moved) {
    await writeAudit(tx, scope, { action: "update", entity: "patient_link", entityId: row.id, patientId: from.patientId, detail: cap ? { programmeId: to.id, from: from.id } : { revoked: true, reason: "review date passed" } });
  }
  return moved.length;
}
