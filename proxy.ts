import NextAuth from "next-auth";
import { authConfig } from "./auth.config";

// Refreshes the sliding session and sends signed-out visitors to /login.
export default NextAuth(authConfig).auth;

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
