import { z } from "zod";
import { plainText } from "@/lib/forms/text";

export const totpCodeSchema = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app")),
});

export const recoveryCodeSchema = z.object({
  code: plainText("The recovery code").min(1, "Enter one of your recovery codes").max(40, "A recovery code is 11 characters, like abcde-fghjk"),
});

export const passkeyNameSchema = z.object({
  // Stored and shown in the passkey list: the shared text rule (no control characters, one line).
  name: plainText("The passkey name").min(1, "Name the passkey, e.g. “Clinic laptop”").max(60, "Use at most 60 characters"),
});

export const passkeyIdSchema = z.object({ id: z.uuid("Passkey not found") });

/** A WebAuthn answer from the browser: checked in depth by @simplewebauthn/server; here only its shape. */
export const webauthnResponseSchema = z.looseObject({
  id: z.string().min(1).max(1024),
  rawId: z.string().min(1).max(1024),
  type: z.literal("public-key"),
  response: z.looseObject({ clientDataJSON: z.string().min(1).max(10_000) }),
});

/** Only our own paths (the sign-in page's rule). */
export const nextPathSchema = z
  .string()
  .optional()
  .transform((v) => (v && /^\/(?![/\\])[^\\]*$/.test(v) && !/%2f|%5c/i.test(v) ? v : "/"));
