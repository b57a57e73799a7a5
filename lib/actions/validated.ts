import "server-only";
import { notFound, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/runtime";
import { requireScope, type Scope } from "@/lib/auth/scope";
import { isAdmin } from "@/lib/auth/scope-types";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { findTextProblem } from "@/lib/forms/text";
import { DATABASE_DOWN_MESSAGE } from "@/lib/outage/messages";
import { recordDeniedAction } from "@/lib/security/denied";
import { formToObject, readFormValues, toFieldErrors } from "./form-data";
import type { ActionState } from "./state";

export { formToObject, readFormValues, toFieldErrors };

/**
 * A net under the per-field schemas: no field of any form may carry a
 * character PostgreSQL cannot store, even one whose schema forgot the check.
 */
function findUnstorableFields(formData: FormData): Record<string, string[]> | undefined {
  let errors: Record<string, string[]> | undefined;
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const problem = findTextProblem(value, "This field", "multi");
    if (problem) (errors ??= {})[key] = [problem];
  }
  return errors;
}

type Handler<T> = (input: T, scope: Scope, formData: FormData) => Promise<ActionState | void>;

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
type ScopedAction = (scope: Scope, formData: FormData) => Promise<ActionState>;

/** Each action's body past the session check, so runActionAs can give it a scope. */
const scopedBodies = new WeakMap<Action, ScopedAction>();

/**
 * Every form action goes through here: the session is checked on the server
 * (the proxy is no boundary), the input is validated with zod before anything
 * is written, and known refusals become messages instead of crashes. A record
 * the clinic does not have (NotFoundError) is also recorded as `denied`. A
 * database outage is a refusal too: the form keeps what was typed.
 */
export function validatedAction<S extends z.ZodType>(
  schema: S,
  handler: Handler<z.output<S>>,
  options: { admin?: boolean; parse?: (formData: FormData) => unknown } = {},
) {
  const run: ScopedAction = async (scope, formData) => {
    if (options.admin && !isAdmin(scope)) notFound();
    const values = readFormValues(formData);
    const parsed = schema.safeParse(options.parse ? options.parse(formData) : formToObject(formData));
    if (!parsed.success) {
      return { ok: false, message: "Some fields need attention.", errors: toFieldErrors(parsed.error), values };
    }
    const unstorable = findUnstorableFields(formData);
    if (unstorable) return { ok: false, message: "Some fields need attention.", errors: unstorable, values };
    try {
      return (await handler(parsed.data, scope, formData)) ?? { ok: true };
    } catch (err) {
      unstable_rethrow(err); // redirects and notFound() pass through
      if (err instanceof NotFoundError) {
        // Another clinic's id or none at all: refused like a typo, and on the trail as `denied`.
        await recordDeniedAction(await getDb(scope), scope, parsed.data, err);
        return { ok: false, message: err.message, values };
      }
      if (err instanceof ConflictError) return { ok: false, message: err.message, values };
      if (err instanceof RuleError) {
        return { ok: false, message: err.message, errors: err.field ? { [err.field]: [err.message] } : undefined, values };
      }
      throw err;
    }
  };
  const action: Action = async (_prev, formData) => {
    try {
      return await run(await requireScope(), formData);
    } catch (err) {
      unstable_rethrow(err);
      // The session check, the handler or the denied record could not reach the database.
      if (isDatabaseUnavailable(err)) return { ok: false, message: DATABASE_DOWN_MESSAGE, values: readFormValues(formData) };
      throw err;
    }
  };
  scopedBodies.set(action, run);
  return action;
}

/**
 * Runs a validated action for a given scope, exactly as a request whose
 * session gave that scope: for the database tests, which have no request.
 */
export function runActionAs(action: Action, scope: Scope, formData: FormData): Promise<ActionState> {
  const run = scopedBodies.get(action);
  if (!run) throw new Error("not a validatedAction");
  return run(scope, formData);
}

/** Whether a function is an action built by validatedAction. */
export function isValidatedAction(fn: unknown): boolean {
  return typeof fn === "function" && scopedBodies.has(fn as Action);
}
