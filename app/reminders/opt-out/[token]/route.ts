import { getConnection } from "@/db/runtime";
import { readClientIp } from "@/lib/auth/ip";
import { optOutByToken } from "@/lib/mail/reminders";

/**
 * The one-click opt-out every reminder carries. GET shows one button (mail
 * scanners that follow links must not opt anyone out); POST stops the
 * reminders and is audited. Plain pages, no script; the token never reaches a
 * log (only its hash reaches the database). The proxy's security headers
 * replace a route's own Referrer-Policy, so the page sets its own referrer
 * policy: same-origin, not no-referrer, which makes the browser send
 * "Origin: null" with the form, refused by the proxy as a foreign write.
 */
const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex",
};

function page(title: string, body: string, status = 200): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><meta name="referrer" content="same-origin"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
  return new Response(html, { status, headers: HEADERS });
}

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!TOKEN.test(token)) return page("Link not recognised", "<p>This opt-out link is not valid. Ask your clinic to stop the reminders.</p>", 404);
  return page(
    "Stop exercise reminders",
    `<p>You will get no more daily exercise reminders by email.</p><form method="post"><button type="submit">Stop reminders</button></form>`,
  );
}

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const conn = await getConnection();
  const done = TOKEN.test(token) && (await optOutByToken(conn.db, conn.forClinic, token, readClientIp(request.headers)));
  if (!done) return page("Link not recognised", "<p>This opt-out link is not valid. Ask your clinic to stop the reminders.</p>", 404);
  return page("Reminders stopped", "<p>You will get no more daily exercise reminders by email. Your clinic can start them again if you ask.</p>");
}
