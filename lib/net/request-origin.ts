import { headers } from "next/headers";
import { isHttpsRequest } from "@/lib/auth/ip";

/** The origin this request reached the app on (behind a proxy: the forwarded host), for addresses shown to staff. */
export async function readRequestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  return `${isHttpsRequest(h) ? "https" : "http"}://${host}`;
}
