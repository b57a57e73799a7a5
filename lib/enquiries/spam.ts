import { createHmac, timingSafeEqual } from "node:crypto";
import { resolveAuthSecret } from "@/lib/env";
import { MIN_FILL_SECONDS } from "./schemas";

/** The name of the field only robots fill: hidden from people and screen readers. */
export const HONEYPOT_FIELD = "website";

function sign(issuedAt: number): string {
  return createHmac("sha256", resolveAuthSecret()).update(`enquiry-form:${issuedAt}`).digest("base64url");
}

/** The form's issue time, signed, so a robot cannot claim it opened the page long ago. */
export function issueFormStamp(now = Date.now()): string {
  return `${now}.${sign(now)}`;
}

/**
 * Whether a submission looks like a robot's: the honeypot has text, the stamp
 * is missing or forged, or the form came back faster than a person fills it.
 * Such a post gets the same thank-you as a real one and nothing is stored.
 */
export function isSpam(form: { honeypot: string | null; stamp: string | null }, now = Date.now()): boolean {
  if (form.honeypot && form.honeypot.trim() !== "") return true;
  const [at, mac] = (form.stamp ?? "").split(".");
  const issuedAt = Number(at);
  if (!Number.isSafeInteger(issuedAt) || !mac) return true;
  const expected = Buffer.from(sign(issuedAt));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return true;
  return now - issuedAt < MIN_FILL_SECONDS * 1000;
}
