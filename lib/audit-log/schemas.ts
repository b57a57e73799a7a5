import { isValid, parseISO } from "date-fns";
import { z } from "zod";
import { searchText } from "@/lib/forms/text";
import { AUDIT_ACTIONS, type AuditAction } from "@/db/schema";

export { AUDIT_ACTIONS };

export const AUDIT_PAGE_SIZE = 50;

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  view: "Viewed",
  create: "Created",
  update: "Updated",
  archive: "Archived",
  restore: "Restored",
  delete: "Deleted",
  export: "Exported",
  sign: "Signed",
  amend: "Amended",
  override: "Overrode",
  login: "Signed in",
  login_failed: "Sign-in failed",
  logout: "Signed out",
  denied: "Refused (not this clinic's record)",
};

// Filters come from the URL: anything malformed is dropped, never an error page.
const optionalUuid = z.uuid().optional().catch(undefined);
const optionalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => isValid(parseISO(v)))
  .optional()
  .catch(undefined);

export const auditListParamsSchema = z.object({
  actor: optionalUuid,
  /** An exact patient, from a link. */
  patientId: optionalUuid,
  /** The start of a patient's name, or their date of birth. */
  patient: searchText.catch(""),
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  /** Calendar dates in the clinic's time zone, both inclusive. */
  from: optionalDate,
  to: optionalDate,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditListParams = z.output<typeof auditListParamsSchema>;
