import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { and, asc, eq } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { authSessions, passkeys } from "@/db/schema";
import type { RelyingParty } from "./relying-party";

// A challenge answers within five minutes or not at all (WebAuthn L3 suggests 5-10 min timeouts).
const CHALLENGE_TTL_MS = 5 * 60_000;

type Account = { userId: string; email: string; name: string; sessionId: string };

async function storeChallenge(db: Queryable, sessionId: string, challenge: string) {
  await db.update(authSessions).set({ webauthnChallenge: challenge, webauthnChallengeAt: new Date() }).where(eq(authSessions.id, sessionId));
}

/** Takes the session's challenge, so each can be answered once. */
async function takeChallenge(db: Database, sessionId: string): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ challenge: authSessions.webauthnChallenge, at: authSessions.webauthnChallengeAt })
      .from(authSessions)
      .where(eq(authSessions.id, sessionId))
      .for("update");
    if (!row?.challenge || !row.at) return null;
    await tx.update(authSessions).set({ webauthnChallenge: null, webauthnChallengeAt: null }).where(eq(authSessions.id, sessionId));
    return Date.now() - row.at.getTime() <= CHALLENGE_TTL_MS ? row.challenge : null;
  });
}

export async function listPasskeys(db: Queryable, userId: string) {
  return db
    .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt, backedUp: passkeys.backedUp })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt));
}

export async function buildRegistrationOptions(db: Queryable, account: Account, rp: RelyingParty): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await db.select({ id: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, account.userId));
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: account.email,
    userDisplayName: account.name,
    userID: new TextEncoder().encode(account.userId),
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({ id: c.id, transports: c.transports as AuthenticatorTransportFuture[] })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await storeChallenge(db, account.sessionId, options.challenge);
  return options;
}

/** Verifies a new passkey against the session's challenge and stores it under its name. */
export async function registerPasskey(db: Database, account: Account, rp: RelyingParty, response: RegistrationResponseJSON, name: string): Promise<boolean> {
  const challenge = await takeChallenge(db, account.sessionId);
  if (!challenge) return false;
  const result = await verifyRegistrationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: false,
  }).catch(() => null);
  if (!result?.verified) return false;
  const { credential, credentialBackedUp } = result.registrationInfo;
  await db.insert(passkeys).values({
    userId: account.userId,
    credentialId: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString("base64url"),
    counter: credential.counter,
    transports: credential.transports ?? [],
    name,
    backedUp: credentialBackedUp,
  });
  return true;
}

export async function buildAuthenticationOptions(db: Queryable, account: Pick<Account, "userId" | "sessionId">, rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const creds = await db.select({ id: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, account.userId));
  if (creds.length === 0) return null;
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: creds.map((c) => ({ id: c.id, transports: c.transports as AuthenticatorTransportFuture[] })),
    userVerification: "preferred",
  });
  await storeChallenge(db, account.sessionId, options.challenge);
  return options;
}

/** Checks a passkey's answer: one of this user's credentials, this session's challenge, a counter that moved on. */
export async function authenticatePasskey(db: Database, account: Pick<Account, "userId" | "sessionId">, rp: RelyingParty, response: AuthenticationResponseJSON): Promise<boolean> {
  const challenge = await takeChallenge(db, account.sessionId);
  if (!challenge) return false;
  const [stored] = await db.select().from(passkeys).where(and(eq(passkeys.userId, account.userId), eq(passkeys.credentialId, response.id)));
  if (!stored) return false;
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: {
      id: stored.credentialId,
      publicKey: new Uint8Array(Buffer.from(stored.publicKey, "base64url")),
      counter: stored.counter,
      transports: stored.transports as AuthenticatorTransportFuture[],
    },
    requireUserVerification: false,
  }).catch(() => null);
  if (!result?.verified) return false;
  await db.update(passkeys).set({ counter: result.authenticationInfo.newCounter, lastUsedAt: new Date() }).where(eq(passkeys.id, stored.id));
  return true;
}

export async function deletePasskey(db: Queryable, userId: string, id: string): Promise<boolean> {
  const rows = await db.delete(passkeys).where(and(eq(passkeys.userId, userId), eq(passkeys.id, id))).returning({ id: passkeys.id });
  return rows.length === 1;
}
