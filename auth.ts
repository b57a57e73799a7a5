import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { authConfig } from "./auth.config";
import { getConnection, getDb } from "@/db/runtime";
import { verifyCredentials } from "@/lib/auth/credentials";
import { readClientIp } from "@/lib/auth/ip";
import { readLiveAccount } from "@/lib/auth/live-account";
import { revokeSession } from "@/lib/auth/sessions";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { writeSignInAudit } from "@/lib/audit";

export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

/** The request's client address where there is a request (events have none of their own). */
async function readRequestIp(): Promise<string | null> {
  try {
    return readClientIp(await headers());
  } catch {
    return null;
  }
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const result = await verifyCredentials(await getConnection(), credentials, readClientIp(request.headers));
        if (!result.ok) {
          if (result.reason === "throttled") throw new ThrottledSignIn();
          return null;
        }
        return result.user;
      },
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    // Here (not in the light config the proxy uses) every read of the session
    // asks the database, so a revoked or expired session is no session at all,
    // /api/auth/session included.
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      if (!token || params.user) return token;
      // The signed token names the clinic, so the session row is read in that clinic's scope (no unscoped path).
      if (!token.clinicId) return null;
      try {
        return (await readLiveAccount(token.clinicId, token.sid)) ? token : null;
      } catch (err) {
        // An outage is not a sign-out: keep the token, so a submitted form answers
        // "the database is not answering" and keeps what was typed, instead of
        // landing on /login. Nothing is served on it meanwhile: every page, action
        // and route re-reads the session (lib/auth/scope.ts), which fails the same way.
        if (isDatabaseUnavailable(err)) return token;
        throw err;
      }
    },
  },
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (!token?.sub || !token.clinicId) return;
      const db = await getDb({ clinicId: token.clinicId });
      const ip = await readRequestIp();
      await db.transaction(async (tx) => {
        if (token.sid) await revokeSession(tx, token.sid);
        await writeSignInAudit(tx, { action: "logout", email: token.email ?? "", clinicId: token.clinicId, userId: token.sub ?? null, ip });
      });
    },
  },
});
