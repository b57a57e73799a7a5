import "server-only";
import { cache } from "react";
import { getDb } from "@/db/runtime";
import { readSessionAccount } from "./sessions";

/**
 * The session's account as the database has it now, read once per server
 * render: Auth.js's `jwt` callback asks whether the session still stands, and
 * `readAccount` (lib/auth/scope.ts) then needs the account itself; both come
 * here, so a page reads its session with one statement, not two. Outside a
 * React render (route handlers, actions) `cache` memoises nothing and each
 * call reads again, as before. The signed token names the clinic, so the row
 * is read in that clinic's scope.
 */
export const readLiveAccount = cache(async (clinicId: string, sessionId: string | undefined) =>
  readSessionAccount(await getDb({ clinicId }), sessionId),
);
