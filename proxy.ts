import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { getDb } from "@/db/runtime";
import { isHttpsRequest, readClientIp } from "@/lib/auth/ip";
import { readSessionAccount } from "@/lib/auth/sessions";
import { dropSessionRenewal, isRenewalDue, SESSION_FRESH_HEADER } from "@/lib/auth/session-renewal";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/outage/limits";
import { isDatabaseAnswering } from "@/lib/outage/probe";
import { respondBadAddress, respondBodyTooLarge, respondDatabaseDown } from "@/lib/outage/responses";
import { isAdminOnlyPath } from "@/lib/routing/admin-paths";
import { readRecordPath, type RecordRef } from "@/lib/routing/record-path";
import { isUuid } from "@/lib/errors";
import { isPatientLinkPath } from "@/lib/patient-links/token";
import { isEnquiryEmbedPath, isEnquiryPath } from "@/lib/enquiries/path";
import { recordsExist } from "@/lib/routing/record-check";
import { recordDenied } from "@/lib/security/denied";
import { applySecurityHeaders, buildCsp, buildPatientCsp, createNonce, PATIENT_REFERRER_POLICY } from "@/lib/security/headers";
import { isForeignOriginWrite } from "@/lib/security/origin";
import { authConfig } from "./auth.config";

const dev = process.env.NODE_ENV === "development";
// Only for scripts/bench/proxy-cost.ts: the session check alone, as the proxy
// was before headers and statuses, so a benchmark can compare the two.
const benchBaseline = process.env.PLUMBLINE_BENCH_PROXY === "baseline";
const sessionOnly = NextAuth(authConfig).auth(() => NextResponse.next());
// A path no route matches: Next answers it with app/not-found.tsx and status 404.
const NOT_FOUND_PATH = "/_plumbline/not-found";
// The health route answers for itself; Auth.js's own routes need no database check.
const UNPROBED = ["/api/health", "/api/auth"];

const isServerAction = (request: NextRequest) => request.method === "POST" && request.headers.has("next-action");

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs before every request (Node.js runtime). In order: refuse writes from
 * other sites (403); let Auth.js refresh the session or send signed-out
 * visitors to /login; answer 404 before anything streams when the URL names a
 * record this clinic does not have, or an admin-only page to a non-admin; hand the nonce to Next so its scripts
 * carry it. The proxy only picks statuses: pages, actions and routes check the
 * session and the clinic themselves. Before that, `answerEarly` refuses what
 * must never reach Next (an undecodable path, an oversized action body) and
 * answers 503 while the database does not answer.
 */
const withSession = NextAuth(authConfig).auth(async (request) => {
  const nonce = createNonce();
  const csp = buildCsp(nonce, { dev, https: isHttpsRequest(request.headers) });
  const forwarded = new Headers(request.headers);
  // Next reads the nonce from the request's CSP and puts it on its own scripts.
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", csp);
  const user = request.auth?.user;
  const refs = user?.clinicId ? readRecordPath(request.nextUrl.pathname) : [];
  let allowed = true;
  try {
    const exists = refs.length === 0 || (await recordsExist(await getDb({ clinicId: user!.clinicId }), user!.clinicId, refs));
    if (!exists) await recordRefusal(user!, refs, request);
    allowed = exists && !(user?.clinicId && isAdminOnlyPath(request.nextUrl.pathname) && (await isNonAdmin(user.clinicId, user.sessionId)));
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    // The database stopped between the probe and this check. A page gets the
    // plain 503; an action goes on, answers the outage itself and keeps what was typed.
    if (!isServerAction(request)) {
      const down = respondDatabaseDown(request.nextUrl, { json: request.nextUrl.pathname.startsWith("/api/"), nonce });
      down.headers.set("Content-Security-Policy", csp);
      return down;
    }
  }
  const response = allowed
    ? NextResponse.next({ request: { headers: forwarded } })
    : request.nextUrl.pathname.startsWith("/api/")
      ? NextResponse.json({ error: "Not found." }, { status: 404, headers: { "cache-control": "no-store" } })
      : NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers: forwarded } });
  response.headers.set("Content-Security-Policy", csp);
  const { maxAge, updateAge } = authConfig.session;
  if (request.auth && !isRenewalDue(request.auth.tokenExp, Math.floor(Date.now() / 1000), maxAge, updateAge)) response.headers.set(SESSION_FRESH_HEADER, "1");
  return response;
});

/**
 * Whether the session's account is, right now, not an admin: read from the
 * database, since the token's role can be stale. A session that no longer
 * reads (signed out, revoked) is left to the page, which sends it to sign in.
 */
async function isNonAdmin(clinicId: string, sessionId: string | undefined): Promise<boolean> {
  const account = await readSessionAccount(await getDb({ clinicId }), sessionId);
  return account !== null && account.role !== "admin";
}

/** A 404 for a record id this clinic does not have is an attempt worth an audit row (`denied`). */
async function recordRefusal(user: { id?: string; clinicId: string; email?: string | null }, refs: RecordRef[], request: NextRequest) {
  // A malformed id or a built-in exercise's name is no record; a visitor with no id has no trail.
  if (!user.id || !refs.some((r) => isUuid(r.value))) return;
  // Scoped to the visitor's clinic: the denied row is written there, and the probe asks outside it.
  const db = await getDb({ clinicId: user.clinicId });
  const actor = { clinicId: user.clinicId, userId: user.id, email: user.email ?? null, ip: readClientIp(request.headers) };
  await recordDenied(db, actor, refs, { path: request.nextUrl.pathname });
}

/** Answers that need neither the session nor the database, or say it is down. */
async function answerEarly(request: NextRequest): Promise<{ response: Response; nonce: string } | null> {
  const { pathname } = request.nextUrl;
  const json = pathname.startsWith("/api/");
  const nonce = createNonce();
  if (!isDecodable(pathname)) return { response: respondBadAddress({ json, nonce }), nonce };
  const isAction = isServerAction(request);
  // Next answers an oversized action body with a 500 (it throws inside the action handler): refuse it here first.
  if (isAction && Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT_BYTES) {
    return { response: respondBodyTooLarge({ json: false, nonce }), nonce };
  }
  // Actions answer an outage themselves (the form keeps what was typed); pages and routes get a plain 503.
  if (!isAction && !UNPROBED.some((p) => pathname.startsWith(p)) && !(await isDatabaseAnswering())) {
    return { response: respondDatabaseDown(request.nextUrl, { json, nonce }), nonce };
  }
  return null;
}

/**
 * A patient link needs no staff session, and its token is no record id: no
 * session refresh, no record check, no staff CSP relaxations. The route
 * opens the token itself (lib/patient-links/context.ts); this only sets the
 * patient policy, with its nonce, and the no-referrer rule.
 */
function passPatientLink(request: NextRequest, https: boolean): Response {
  const nonce = createNonce();
  const csp = buildPatientCsp(nonce, { https });
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: forwarded } });
  // The embeddable enquiry form's route names the one site that may frame it, in its own policy.
  applySecurityHeaders(response.headers, { csp: isEnquiryEmbedPath(request.nextUrl.pathname) ? null : csp, https });
  response.headers.set("Referrer-Policy", PATIENT_REFERRER_POLICY);
  return response;
}

export default async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  if (benchBaseline) return (await sessionOnly(request, event as never)) ?? NextResponse.next();
  const https = isHttpsRequest(request.headers);
  // Patient links carry their secret in the path and use no cookie: a cross-site post gains nothing
  // (CSRF needs ambient authority), and under no-referrer the browser sends `Origin: null` on their own form posts.
  // The public enquiry pages are the same: no cookie, no ambient authority, Origin null under no-referrer.
  const publicPage = isPatientLinkPath(request.nextUrl.pathname) || isEnquiryPath(request.nextUrl.pathname);
  if (!publicPage && isForeignOriginWrite(request.method, request.headers)) {
    const refused = new NextResponse("This request came from another site and was refused.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
    applySecurityHeaders(refused.headers, { csp: buildCsp(createNonce(), { dev, https }), https });
    return refused;
  }
  const early = await answerEarly(request);
  const patient = publicPage;
  if (early) {
    applySecurityHeaders(early.response.headers, { csp: patient ? buildPatientCsp(early.nonce, { https }) : buildCsp(early.nonce, { dev, https }), https });
    if (patient) early.response.headers.set("Referrer-Policy", PATIENT_REFERRER_POLICY);
    return early.response;
  }
  if (patient) return passPatientLink(request, https);
  const response = (await withSession(request, event as never)) ?? NextResponse.next();
  // Auth.js has re-issued the session cookie; a token younger than updateAge keeps the one it has.
  if (response.headers.has(SESSION_FRESH_HEADER)) {
    response.headers.delete(SESSION_FRESH_HEADER);
    dropSessionRenewal(response.headers);
  }
  // Redirects from the session check carry no nonce of their own: any fresh one will do.
  applySecurityHeaders(response.headers, { csp: response.headers.get("Content-Security-Policy") ?? buildCsp(createNonce(), { dev, https }), https });
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
