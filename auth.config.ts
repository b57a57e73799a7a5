import type { NextAuthConfig } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { sessionUpdateAgeSeconds } from "@/lib/auth/session-renewal";
import { getEnv, resolveAuthSecret } from "@/lib/env";

/**
 * The light half of the Auth.js config: no database, no argon2. The proxy
 * uses it to refresh the session cookie and send signed-out visitors to
 * /login. It is a convenience, not the security boundary: every page, action
 * and route checks the session itself (lib/auth/scope.ts).
 */
// "/p": patient links (lib/patient-links), opened without any staff session; "/enquire": clinics' public
// enquiry pages. The calendar feed and the reminder opt-out carry their own credential (a token).
const PUBLIC_PATHS = ["/login", "/api/health", "/api/auth", "/p", "/enquire", "/api/calendar-feed", "/reminders/opt-out"];

export const authConfig = {
  secret: resolveAuthSecret(),
  trustHost: true,
  pages: { signIn: "/login" },
  // Sliding idle timeout: a request re-issues the token with a fresh expiry once it is
  // older than updateAge (the proxy applies that rule: lib/auth/session-renewal.ts), so the
  // session ends at most this long after the last request (HIPAA 164.312(a)(2)(iii)).
  session: { strategy: "jwt", maxAge: getEnv().AUTH_IDLE_MINUTES * 60, updateAge: sessionUpdateAgeSeconds(getEnv().AUTH_IDLE_MINUTES * 60) },
  providers: [],
  logger: {
    // Auth.js prints a stack for every failed sign-in; one line is enough.
    error: (error) => {
      // Class names are minified in production builds; Auth.js errors carry a stable `type`.
      const type = (error as { type?: string }).type ?? error.name;
      if (type === "CredentialsSignin") return;
      console.error(`[auth] ${type}: ${error.message}`);
    },
    warn: () => {},
  },
  callbacks: {
    authorized({ auth, request }) {
      const { pathname } = request.nextUrl;
      if (PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(p + "/"))) return true;
      if (!auth?.user) return false;
      if (auth.user.mustChangePassword && pathname !== "/change-password") {
        return Response.redirect(new URL("/change-password", request.nextUrl));
      }
      return true;
    },
    jwt({ token, user, trigger, session }): JWT | null {
      if (user) {
        token.sub = user.id;
        token.clinicId = user.clinicId;
        token.clinicName = user.clinicName;
        token.role = user.role;
        token.mustChangePassword = user.mustChangePassword;
        token.name = user.name;
        // Kept across the sliding refreshes, unlike iat: sign-out revokes sessions begun before it.
        token.signedInAt = Date.now();
        token.sid = user.sessionId;
      }
      // Beside the sliding idle timeout, an absolute lifetime (AUTH_MAX_HOURS): then a new sign-in.
      if (!token.signedInAt || Date.now() - token.signedInAt > getEnv().AUTH_MAX_HOURS * 3_600_000) return null;
      if (trigger === "update" && session && typeof session === "object" && "mustChangePassword" in session) {
        token.mustChangePassword = Boolean((session as { mustChangePassword: unknown }).mustChangePassword);
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.clinicId = token.clinicId;
      session.user.clinicName = token.clinicName;
      session.user.role = token.role;
      session.user.mustChangePassword = token.mustChangePassword;
      session.user.signedInAt = token.signedInAt;
      session.user.sessionId = token.sid;
      // The expiry of the token as it came in (before this request's re-issue), for the proxy's renewal rule.
      session.tokenExp = typeof token.exp === "number" ? token.exp : undefined;
      return session;
    },
  },
} satisfies NextAuthConfig;
