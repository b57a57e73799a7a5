import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { withSavedMarker } from "@/lib/outage/messages";
import { FLASH_COOKIE, type FlashCode } from "./flash-messages";

/**
 * Redirects after a save with a one-shot confirmation for the next page. The
 * cookie lives seconds and is readable by the page's script (it holds only a
 * message code), which shows it in a live region and deletes it.
 *
 * The next page renders in the same response as the committed write; if the
 * database stops answering in between, the outage page must not say "nothing
 * was saved". The URL's saved marker lets it say the change was kept.
 */
export async function redirectWithFlash(path: string, code: FlashCode): Promise<never> {
  (await cookies()).set(FLASH_COOKIE, code, { path: "/", maxAge: 30, sameSite: "lax", httpOnly: false });
  redirect(withSavedMarker(path));
}
