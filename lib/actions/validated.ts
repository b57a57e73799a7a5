import "server-only";
import { notFound, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/runtime";
import { requireScope, type Scope } from "@/lib/auth/scope";
import { isAdmin } from "@/lib/auth/scope-types";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { recordDeniedAction } from "@/lib/security/denied";
import { formToObject, readFormValues, toFieldErrors } from "./form-data";
import type { ActionState } from "./state";

export { formToObject, readFormValues, toFieldErrors };

type Handler<T> = (input: T, scope: Scope, formData: FormData) => Promise<ActionState | void>;

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
type ScopedAction = (scope: Scope, formData: FormData) => Promise<ActionState>;

/** Each action's body past the session check, so runActionAs can give it a scope. */
const scopedBodies = new WeakMap<Action, ScopedAction>();

/**
 * Every form action goes through here: the session is checked on the server
 * (the proxy is no boundary), the input is validated with zod before anything
 * is written, and known refusals become messages instead of crashes. A record
 * the clinic does not have (NotFoundError) is also recorded as `denied`.
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
  const action: Action = async (_prev, formData) => run(await requireScope(), formData);
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
