import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import type { Queryable } from "@/db/client";
import { mfaTotp } from "@/db/schema";
import { openSecret, sealSecret } from "./secret-box";

export const TOTP_ISSUER = "Plumbline";
// RFC 6238 section 5.2: allow one step of clock drift either way (30 s).
const EPOCH_TOLERANCE_SECONDS = 30;

export type TotpEnrolment = { secret: string; uri: string; qrSvg: string };

/** Starts (or restarts) enrolment: a new key, not yet enabled, replacing any earlier unconfirmed one. */
export async function startTotpEnrolment(db: Queryable, userId: string, label: string): Promise<TotpEnrolment | null> {
  const secret = generateSecret();
  const secretEnc = sealSecret(secret);
  const rows = await db
    .insert(mfaTotp)
    .values({ userId, secretEnc })
    // An enabled key is never silently replaced: that would switch the factor off.
    .onConflictDoUpdate({ target: mfaTotp.userId, set: { secretEnc, lastStep: null, createdAt: new Date() }, setWhere: isNull(mfaTotp.enabledAt) })
    .returning({ userId: mfaTotp.userId });
  return rows.length === 1 ? describeEnrolment(secret, label) : null;
}

export async function describeEnrolment(secret: string, label: string): Promise<TotpEnrolment> {
  const uri = generateURI({ issuer: TOTP_ISSUER, label, secret });
  // An inline SVG rather than a data: image, so the content policy need not allow data: images.
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrSvg };
}

/** The pending (not yet enabled) key of the user, to show again after a wrong first code. */
export async function readPendingTotpSecret(db: Queryable, userId: string): Promise<string | null> {
  const [row] = await db.select().from(mfaTotp).where(and(eq(mfaTotp.userId, userId), isNull(mfaTotp.enabledAt)));
  return row ? openSecret(row.secretEnc) : null;
}

/**
 * Checks a code against the user's key and spends its time step: the step is
 * stored with a conditional UPDATE, so the same code (or an older one) is
 * refused afterwards, even by a concurrent request. `pending` checks the key
 * awaiting its first code instead of the enabled one, and enables it.
 */
export type CodeCheck = { ok: true } | { ok: false; message: string };

export const WRONG_CODE = "That code is not right. Check the time on your phone and enter the 6-digit code your app shows now.";
export const REPLAYED_CODE = "That code has already been used. Wait for your app to show the next code and enter that one.";

export async function checkTotpCode(db: Queryable, userId: string, code: string, options: { pending?: boolean } = {}): Promise<CodeCheck> {
  const [row] = await db
    .select()
    .from(mfaTotp)
    .where(and(eq(mfaTotp.userId, userId), options.pending ? isNull(mfaTotp.enabledAt) : isNotNull(mfaTotp.enabledAt)));
  if (!row || !/^\d{6}$/.test(code)) return { ok: false, message: WRONG_CODE };
  const secret = openSecret(row.secretEnc);
  const result = await verify({
    secret,
    token: code,
    epochTolerance: EPOCH_TOLERANCE_SECONDS,
    ...(row.lastStep !== null ? { afterTimeStep: row.lastStep } : {}),
  });
  // The functional API is typed for HOTP and TOTP alike; a TOTP match also carries its time step.
  if (!result.valid || !("timeStep" in result) || typeof result.timeStep !== "number") {
    // Matching without the replay bound means the code is real but its step is spent.
    const again = row.lastStep !== null ? await verify({ secret, token: code, epochTolerance: EPOCH_TOLERANCE_SECONDS }) : { valid: false };
    return { ok: false, message: again.valid ? REPLAYED_CODE : WRONG_CODE };
  }
  const step = result.timeStep;
  const spent = await db
    .update(mfaTotp)
    .set({ lastStep: step, ...(options.pending ? { enabledAt: new Date() } : {}) })
    .where(and(eq(mfaTotp.userId, userId), or(isNull(mfaTotp.lastStep), lt(mfaTotp.lastStep, step))))
    .returning({ userId: mfaTotp.userId });
  return spent.length === 1 ? { ok: true } : { ok: false, message: REPLAYED_CODE };
}

export async function removeTotp(db: Queryable, userId: string): Promise<void> {
  await db.delete(mfaTotp).where(eq(mfaTotp.userId, userId));
}
