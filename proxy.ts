import NextAuth from "next-auth";
import type { NextFetchEvent, NextRequest } from "next/server";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/outage/limits";
import { isDatabaseAnswering } from "@/lib/outage/probe";
import { respondBadAddress, respondBodyTooLarge, respondDatabaseDown } from "@/lib/outage/responses";
import { authConfig } from "./auth.config";

// Refreshes the sliding session and sends signed-out visitors to /login.
const { auth } = NextAuth(authConfig);
const runAuth = auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

// The health route answers for itself; Auth.js's own routes need no check.
const UNCHECKED = ["/api/health", "/api/auth"];

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export default async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const isAction = request.method === "POST" && request.headers.has("next-action");
  if (!isDecodable(pathname)) return respondBadAddress(isApi);
  // Next answers an oversized action body with a 500 (it throws inside the action handler): refuse it here first.
  if (isAction && Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT_BYTES) return respondBodyTooLarge(false);
  // Actions answer an outage themselves (the form keeps what was typed); pages and routes get a plain 503.
  if (!isAction && !UNCHECKED.some((p) => pathname.startsWith(p)) && !(await isDatabaseAnswering())) {
    return respondDatabaseDown(request.nextUrl, isApi);
  }
  return runAuth(request, event);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
