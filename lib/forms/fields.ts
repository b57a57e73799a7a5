import { isValid, parseISO } from "date-fns";
import { z } from "zod";

/**
 * Zod pieces for form fields shared by every feature's forms (programmes,
 * adherence, decompression, exercises, settings). Values arrive as strings; a
 * blank optional field is null.
 */

export const blankToNull = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "") ? null : value;

export function isoDate(label: string) {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${label} as a date`)
    .refine((v) => isValid(parseISO(v)), `Enter ${label} as a real date`);
}

export function optionalIsoDate(label: string) {
  return z.preprocess(blankToNull, isoDate(label).nullable());
}

export function optionalText(max: number, label: string) {
  return z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : null));
}

/** A whole number within bounds, with one message for the whole range. */
export function wholeNumber(label: string, min: number, max: number, rangeMessage = `${label} must be between ${min} and ${max}`) {
  return z.coerce.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).min(min, rangeMessage).max(max, rangeMessage);
}

export function optionalWholeNumber(label: string, min: number, max: number, rangeMessage?: string) {
  return z.preprocess(blankToNull, wholeNumber(label, min, max, rangeMessage).nullable());
}

export function optionalNumber(label: string, min: number, max: number, messages: { min: string; max: string }) {
  return z.preprocess(
    blankToNull,
    z.coerce.number({ error: `${label} must be a number` }).min(min, messages.min).max(max, messages.max).nullable(),
  );
}

/** A checkbox or a hidden confirm field: present and "true"/"on" means yes. */
export const checked = z
  .string()
  .optional()
  .transform((v) => v === "true" || v === "on");

/** Checkbox groups post one value per ticked box: a string, a list, or nothing. */
export function stringList<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values, { error: message })),
  );
}
