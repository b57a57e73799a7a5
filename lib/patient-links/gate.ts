import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import type { LinkPurpose } from "@/db/schema";
import { linkKeys, releaseAttempt, reserveAttempt } from "@/lib/auth/throttle";
import { hashLinkToken, isWellFormedToken } from "./token";

export type OpenLink = {
  linkId: string;
  clinicId: string;
  patientId: string;
  purpose: LinkPurpose;
  programmeId: string | null;
  expiresAt: Date;
};

/** What opening a token comes to; each answer has its own status (lib/patient-links/responses.ts). */
export type LinkOutcome =
  | { kind: "open"; link: OpenLink }
  | { kind: "throttled" }
  | { kind: "unknown" }
  | { kind: "revoked"; link: OpenLink }
  | { kind: "expired"; link: OpenLink };

type LinkRow = { link_id: string; clinic_id: string; patient_id: string; purpose: LinkPurpose; programme_id: string | null; expires_ms: number; revoked: boolean };

/**
 * The one way in for a token, before any clinic is known (`db` is unscoped).
 * Every request is counted against the token and the address first (the
 * sign-in throttle's counters, lib/auth/throttle.ts); a real link gives the
 * address its hit back, so the address budget counts only guesses. Then the
 * link is found by the token's hash through patient_link_by_hash (migration
 * 0013), which sees past row-level security for that one hash.
 */
export async function openLinkToken(db: Queryable, token: string, ip: string | null, now = new Date()): Promise<LinkOutcome> {
  const hash = hashLinkToken(token);
  const keys = linkKeys(hash, ip);
  const reservation = await reserveAttempt(db, keys, now);
  if (!reservation.allowed) return { kind: "throttled" };
  if (!isWellFormedToken(token)) return { kind: "unknown" };
  const [row] = await queryRows<LinkRow>(db, sql`select link_id, clinic_id, patient_id, purpose, programme_id, (extract(epoch from expires_at) * 1000)::float8 as expires_ms, revoked_at is not null as revoked from patient_link_by_hash(${hash})`);
  if (!row) return { kind: "unknown" };
  if (keys.address) await releaseAttempt(db, { allowed: true, keys: [keys.address] });
  const link: OpenLink = {
    linkId: row.link_id,
    clinicId: row.clinic_id,
    patientId: row.patient_id,
    purpose: row.purpose,
    programmeId: row.programme_id,
    expiresAt: new Date(Number(row.expires_ms)),
  };
  if (row.revoked) return { kind: "revoked", link };
  if (link.expiresAt.getTime() <= now.getTime()) return { kind: "expired", link };
  return { kind: "open", link };
}
