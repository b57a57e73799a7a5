import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { FLASH_COOKIE, type FlashCode } from "./flash-messages";

/**
 * Redirects after a save with a one-shot confirmation for the next page. The
 * cookie lives seconds and is readable by the page's script (it holds only a
 * message code), which shows it in a live region and deletes it.
 */
export async function redirectWithFlash(path: string, code: FlashCode): Promise<never> {
  (await cookies()).set(FLASH_COOKIE, code, { path: "/", maxAge: 30, sameSite: "lax", httpOnly: false });
  redirect(path);
}
