import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { eq } from "drizzle-orm";
import { getConnection, getDb } from "@/db/runtime";
import { users } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { readClientIp } from "@/lib/auth/ip";
import { writeSignInAudit } from "@/lib/audit";

export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
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
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (!token?.sub || !token.clinicId) return;
      const db = await getDb({ clinicId: token.clinicId });
      await db.update(users).set({ sessionsRevokedAt: new Date() }).where(eq(users.id, token.sub));
      await writeSignInAudit(db, {
        action: "logout",
        email: token.email ?? "",
        clinicId: token.clinicId,
        userId: token.sub,
        ip: null,
      });
    },
  },
});
