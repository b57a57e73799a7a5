import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { requireAdminScope, requireScope, type Scope } from "@/lib/auth/scope";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { findTextProblem } from "@/lib/forms/text";
import { DATABASE_DOWN_MESSAGE } from "@/lib/outage/messages";
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

/**
 * Every form action goes through here: the session is checked on the server
 * (the proxy is no boundary), the input is validated with zod before anything
 * is written, and known refusals become messages instead of crashes. A
 * database outage is a refusal too: the form keeps what was typed.
 */
export function validatedAction<S extends z.ZodType>(
  schema: S,
  handler: Handler<z.output<S>>,
  options: { admin?: boolean; parse?: (formData: FormData) => unknown } = {},
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const values = readFormValues(formData);
    try {
      const scope = options.admin ? await requireAdminScope() : await requireScope();
      const parsed = schema.safeParse(options.parse ? options.parse(formData) : formToObject(formData));
      if (!parsed.success) {
        return { ok: false, message: "Some fields need attention.", errors: toFieldErrors(parsed.error), values };
      }
      const unstorable = findUnstorableFields(formData);
      if (unstorable) return { ok: false, message: "Some fields need attention.", errors: unstorable, values };
      return (await handler(parsed.data, scope, formData)) ?? { ok: true };
    } catch (err) {
      unstable_rethrow(err); // redirects and notFound() pass through
      if (err instanceof NotFoundError) return { ok: false, message: err.message, values };
      if (err instanceof ConflictError) return { ok: false, message: err.message, values };
      if (err instanceof RuleError) {
        return { ok: false, message: err.message, errors: err.field ? { [err.field]: [err.message] } : undefined, values };
      }
      if (isDatabaseUnavailable(err)) return { ok: false, message: DATABASE_DOWN_MESSAGE, values };
      throw err;
    }
  };
}
