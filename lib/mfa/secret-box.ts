import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { resolveAuthSecret } from "@/lib/env";

// TOTP keys are secrets the server must read back, so they are encrypted
// (AES-256-GCM) rather than hashed, with a key derived from AUTH_SECRET:
// a copy of the database alone does not yield anyone's codes.
const INFO = "plumbline totp secret v1";

let cachedKey: Buffer | undefined;
function readKey(): Buffer {
  cachedKey ??= Buffer.from(hkdfSync("sha256", resolveAuthSecret(), "plumbline", INFO, 32));
  return cachedKey;
}

/** "v1.<iv>.<tag>.<ciphertext>", base64url parts. */
export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", readKey(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function openSecret(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("unreadable sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", readKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** Recovery codes carry about 50 random bits each, so a plain SHA-256 digest is enough to store them. */
export function digestCode(code: string): string {
  return createHash("sha256").update(normaliseCode(code)).digest("hex");
}

/** Codes are compared without case, spaces or dashes: people type them from paper. */
export function normaliseCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}
