import { getConnection } from "@/db/runtime";
import { renderFeed } from "@/lib/calendar/feed";

/**
 * A practitioner's private iCalendar feed. No session: the token in the URL is
 * the credential (stored hashed, revocable in the calendar page). An unknown or
 * revoked token is a plain 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const name = token.replace(/\.ics$/, "");
  const body = await renderFeed(await getConnection(), name, new URL(request.url).hostname);
  if (body === null) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  return new Response(body, {
    headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, no-store", "referrer-policy": "no-referrer" },
  });
}
