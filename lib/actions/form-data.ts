import type { z } from "zod";

/** The text fields of a form as an object; a repeated name becomes a list. */
export function formToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/** What was typed, to show a refused form again as it was (never passwords). */
export function readFormValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(formToObject(formData))) {
    if (/password/i.test(key)) continue;
    values[key] = Array.isArray(value) ? value.join(",") : value;
  }
  return values;
}

/** Turns a zod failure into messages per field (nested paths joined with dots). */
export function toFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
