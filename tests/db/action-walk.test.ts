import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isValidatedAction } from "@/lib/actions/validated";

/** Every file of the app that declares server actions. */
function listActionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listActionFiles(full);
    return /\.tsx?$/.test(name) && /^["']use server["']/m.test(readFileSync(full, "utf8")) ? [full] : [];
  });
}

/**
 * Actions that do not go through validatedAction, and why. Anything else a
 * "use server" file exports must be built by validatedAction, so a new action
 * gets the session check, zod, and the `denied` trail for a record the clinic
 * does not have (tests/db/action-denied.test.ts) without being listed here.
 */
const NOT_VALIDATED: Record<string, string> = {
  // Thin typed shims over a validatedAction kept unexported in the same file.
  "lib/assessments/actions.ts#saveAssessmentAction": "calls save (validatedAction)",
  "lib/staff/actions.ts#addStaffAction": "calls addStaff (validatedAction)",
  "lib/staff/actions.ts#resetStaffPasswordAction": "calls resetPassword (validatedAction)",
  // Before a scope exists, or the user's own account: no clinic record is named by id.
  "lib/auth/actions.ts#signInAction": "no session yet",
  "lib/auth/actions.ts#signOutAction": "no input",
  "lib/auth/actions.ts#changePasswordAction": "the user's own password",
  "lib/mfa/actions.ts#verifyCodeAction": "second factor, before the scope",
  "lib/mfa/actions.ts#startPasskeySignInAction": "second factor, before the scope",
  "lib/mfa/actions.ts#finishPasskeySignInAction": "second factor, before the scope",
  "lib/mfa/actions.ts#startTotpEnrolmentAction": "the user's own factors",
  "lib/mfa/actions.ts#confirmTotpEnrolmentAction": "the user's own factors",
  "lib/mfa/actions.ts#regenerateRecoveryCodesAction": "the user's own factors",
  "lib/mfa/actions.ts#startPasskeyRegistrationAction": "the user's own factors",
  "lib/mfa/actions.ts#finishPasskeyRegistrationAction": "the user's own factors",
  "lib/mfa/actions.ts#deletePasskeyAction": "the user's own passkeys, looked up by user id",
};

describe("every server action", () => {
  const root = process.cwd();
  const files = [...listActionFiles(path.join(root, "lib")), ...listActionFiles(path.join(root, "app"))];

  it("finds the action files", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    const rel = path.relative(root, file);
    it(`${rel}: each export is a validatedAction or listed with its reason`, async () => {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const unlisted = Object.entries(mod)
        .filter(([name, fn]) => typeof fn === "function" && !isValidatedAction(fn) && !NOT_VALIDATED[`${rel}#${name}`])
        .map(([name]) => name);
      expect(unlisted).toEqual([]);
    });
  }

  it("lists no action that is gone or has become a validatedAction", async () => {
    const stale: string[] = [];
    for (const key of Object.keys(NOT_VALIDATED)) {
      const [rel, name] = key.split("#") as [string, string];
      const mod = (await import(/* @vite-ignore */ path.join(root, rel))) as Record<string, unknown>;
      if (typeof mod[name] !== "function" || isValidatedAction(mod[name])) stale.push(key);
    }
    expect(stale).toEqual([]);
  });
});
