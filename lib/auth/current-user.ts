import "server-only";
import type { AccountProfile } from "./sessions";
import { readLiveAccount } from "./live-account";
import type { Scope } from "./scope-types";

/**
 * Name and clinic of the signed-in user (with the clinic's time zone and
 * preferred weight unit), for the shell and forms. It comes with the session's
 * own read (lib/auth/live-account.ts), which a page has already made to know
 * who is asking, so it costs no statement of its own (and that read is the
 * one memoised per render).
 */
export async function getCurrentUser(scope: Scope): Promise<AccountProfile> {
  const account = await readLiveAccount(scope.clinicId, scope.sessionId);
  // The scope came from this session (requireScope); a session ended since is no user to show.
  if (!account || account.userId !== scope.userId) throw new Error("signed-in user vanished");
  return account.profile;
}
