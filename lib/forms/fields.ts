import { addYears, format, isValid, parseISO } from "date-fns";
import { z } from "zod";
import { isLocalDateTime } from "@/lib/time-zone";

export { optionalText, plainText, searchText } from "./text";

/**
 * Zod pieces for form fields shared by every feature's forms (programmes,
 * adherence, decompression, exercises, settings). Values arrive as strings; a
 * blank optional field is null.
 */

export const blankToNull = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "") ? null : value;

/** No record in this app predates 1900 (the patient form's oldest date of birth). */
export const EARLIEST_DATE = "1900-01-01";
/** Plans (scheduled sessions, course starts, programme reviews) reach at most this far ahead [U: house rule]. */
export const MAX_YEARS_AHEAD = 2;

export const latestPlannedDate = (now = new Date()) => format(addYears(now, MAX_YEARS_AHEAD), "yyyy-MM-dd");

/** A calendar date from 1900 on; `planned` dates may reach at most two years ahead. */
export function isoDate(label: string, options: { planned?: boolean } = {}) {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `Enter ${label} as a date`, abort: true })
    .refine((v) => isValid(parseISO(v)), { message: `Enter ${label} as a real date`, abort: true })
    .refine((v) => v >= EARLIEST_DATE, `Enter ${label} from 1900 on`)
    .refine((v) => !options.planned || v <= latestPlannedDate(), `Enter ${label} within the next ${MAX_YEARS_AHEAD} years`);
}

export function optionalIsoDate(label: string, options: { planned?: boolean } = {}) {
  return z.preprocess(blankToNull, isoDate(label, options).nullable());
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

// The date part bounds the time: from 1900, and at most two years ahead (a plan, not a typo for 2062).
export const localDateTime = z
  .string({ error: "Enter the date and time" })
  .trim()
  .refine(isLocalDateTime, { message: "Enter the date and time", abort: true })
  .refine((v) => v.slice(0, 10) >= EARLIEST_DATE, "Enter a date from 1900 on")
  .refine((v) => v.slice(0, 10) <= latestPlannedDate(), `Enter a date within the next ${MAX_YEARS_AHEAD} years`);


/** A wall-clock time of day, "HH:mm". */
export const localTimeOfDay = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, `Enter ${label} as a time such as 10:00`);
