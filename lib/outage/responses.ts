import { isDatabaseUnavailable } from "@/lib/db-errors";
import { BODY_TOO_LARGE_MESSAGE, DATABASE_DOWN_MESSAGE, isFreshSave, SAVED_BUT_DOWN_MESSAGE, SAVED_PARAM } from "./messages";

const HEADERS = { "cache-control": "no-store", "retry-after": "60" };

type Answer = { json: boolean; nonce?: string };

// A page with no script, no stylesheet and no database behind it: it must render when nothing else does.
// Its one <style> carries the CSP nonce the proxy sends with it (style-src allows no inline styles otherwise).
function renderPlainPage(title: string, message: string, nonce?: string): string {
  const nonceAttr = nonce ? ` nonce="${nonce}"` : "";
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>${title} · Plumbline</title>
<style${nonceAttr}>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}h1{font-size:1.25rem}</style></head>
<body><main><h1>${title}</h1><p>${message}</p><p><a href="">Try again</a></p></main></body></html>`;
}

function answer(status: number, title: string, message: string, { json, nonce }: Answer): Response {
  if (json) return Response.json({ error: message }, { status, headers: HEADERS });
  return new Response(renderPlainPage(title, message, nonce), { status, headers: { ...HEADERS, "content-type": "text/html; charset=utf-8" } });
}

/** 503 for a page (HTML) or a route (JSON) while the database does not answer. */
export function respondDatabaseDown(url: URL, options: Answer): Response {
  const message = isFreshSave(url.searchParams.get(SAVED_PARAM)) ? SAVED_BUT_DOWN_MESSAGE : DATABASE_DOWN_MESSAGE;
  return answer(503, "The database is not answering", message, options);
}

/** A path that is not valid UTF-8 once decoded: Next would fail decoding its params with a 500. */
export function respondBadAddress(options: Answer): Response {
  return answer(400, "Not a valid address", "This address is not valid. Check the link and try again.", options);
}

export function respondBodyTooLarge(options: Answer): Response {
  return answer(413, "Too large to send", BODY_TOO_LARGE_MESSAGE, options);
}

/**
 * For route handlers: the proxy answers 503 while the probe fails, but the
 * database can stop answering mid-request; that is a 503 too, not a 500.
 */
export async function answerUnlessDatabaseDown(request: Request, handle: () => Promise<Response>): Promise<Response> {
  try {
    return await handle();
  } catch (err) {
    if (isDatabaseUnavailable(err)) return respondDatabaseDown(new URL(request.url), { json: true });
    throw err;
  }
}
