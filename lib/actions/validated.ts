import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { requireAdminScope, requireScope, type Scope } from "@/lib/auth/scope";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { formToObject, readFormValues, toFieldErrors } from "./form-data";
import type { ActionState } from "./state";

export { formToObject, readFormValues, toFieldErrors };

type Handler<T> = (input: T, scope: Scope, formData: FormData) => Promise<ActionState | void>;

/**
 * Every form action goes through here: the session is checked on the server
 * (the proxy is no boundary), the input is validated with zod before anything
 * is written, and known refusals become messages instead of crashes.
 */
export function validatedAction<S extends z.ZodType>(
  schema: S,
  handler: Handler<z.output<S>>,
  options: { admin?: boolean; parse?: (formData: FormData) => unknown } = {},
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const scope = options.admin ? await requireAdminScope() : await requireScope();
    const values = readFormValues(formData);
    const parsed = schema.safeParse(options.parse ? options.parse(formData) : formToObject(formData));
    if (!parsed.success) {
      return { ok: false, message: "Some fields need attention.", errors: toFieldErrors(parsed.error), values };
    }
    try {
      return (await handler(parsed.data, scope, formData)) ?? { ok: true };
    } catch (err) {
      unstable_rethrow(err); // redirects and notFound() pass through
      if (err instanceof NotFoundError) return { ok: false, message: err.message, values };
      if (err instanceof ConflictError) return { ok: false, message: err.message, values };
      if (err instanceof RuleError) {
        return { ok: false, message: err.message, errors: err.field ? { [err.field]: [err.message] } : undefined, values };
      }
      throw err;
    }
  };
}
