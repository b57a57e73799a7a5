import { z } from "zod";
import type { ImportMapping, StagedPatient } from "@/db/schema/patient-imports";
import { optionalText } from "@/lib/forms/fields";
import { patientFormSchema } from "@/lib/patients/schemas";
import type { DateFormat } from "./columns";
import { toIsoDate, toSex } from "./values";

const externalIdSchema = optionalText(100, "The id in the other system", "single");

export type RowVerdict = { ok: true; patient: StagedPatient } | { ok: false; reasons: string[] };

const cell = (raw: readonly string[], index: number | undefined) => (index === undefined ? "" : (raw[index] ?? ""));

/**
 * One file row checked by the patient registry's own rules (patientFormSchema):
 * the import converts only the shapes of dates and sex values, and every
 * refusal is the message the patient form would show.
 */
export function validateImportRow(raw: readonly string[], mapping: ImportMapping, dateFormat: DateFormat): RowVerdict {
  const reasons: string[] = [];
  const externalId = externalIdSchema.safeParse(cell(raw, mapping.externalId));
  if (!externalId.success) reasons.push(...externalId.error.issues.map((i) => i.message));
  const parsed = patientFormSchema.safeParse({
    firstName: cell(raw, mapping.firstName),
    lastName: cell(raw, mapping.lastName),
    dateOfBirth: toIsoDate(cell(raw, mapping.dateOfBirth), dateFormat),
    sex: toSex(cell(raw, mapping.sex)),
    phone: cell(raw, mapping.phone),
    email: cell(raw, mapping.email),
    notes: cell(raw, mapping.notes),
    // Body weight is dated and no export carries it with its date: an import brings none.
    weight: "",
    weightUnit: "kg",
    weightDate: "",
  });
  if (!parsed.success) reasons.push(...parsed.error.issues.map((i) => i.message));
  if (reasons.length > 0 || !parsed.success || !externalId.success) return { ok: false, reasons: [...new Set(reasons)] };
  const { firstName, lastName, dateOfBirth, sex, phone, email, notes } = parsed.data;
  return { ok: true, patient: { externalId: externalId.data, firstName, lastName, dateOfBirth, sex, phone, email, notes } };
}

export const importRowsSchema = z.array(z.array(z.string().max(10_000)).max(200)).max(1000);
