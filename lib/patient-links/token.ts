import { createHash, randomBytes } from "node:crypto";

/** 256 random bits (OWASP: at least 128 for a bearer secret), base64url: 43 characters. */
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function createLinkToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/**
 * What the database keeps of a token. A plain SHA-256 is enough for a
 * 256-bit random secret: there is nothing to guess offline, so a slow hash
 * would only slow every open.
 */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function isWellFormedToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/** The path a patient opens: the token is the only thing in it. */
export function linkPath(token: string): string {
  return `/p/${token}`;
}

/** Whether a path is under the patient links (the service worker and script at /p/*.js never reach the proxy). */
export function isPatientLinkPath(pathname: string): boolean {
  return pathname === "/p" || pathname.startsWith("/p/");
}
