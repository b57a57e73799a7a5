import { z } from "zod";

/**
 * The one rule for free text: what a person can type is stored; what they
 * cannot (control characters, half of a surrogate pair) is refused with a
 * message beside the field. PostgreSQL refuses NUL in text outright (22021),
 * so without this a stray NUL was a 500.
 */

// C0 controls except tab (09), line feed (0A) and carriage return (0D), and DEL.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const TAB_OR_LINE_BREAK = /[\t\n\r]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Single-line fields (names, codes, searches) refuse tabs and line breaks too. */
export type Lines = "single" | "multi";

export function findTextProblem(value: string, label: string, lines: Lines = "single"): string | undefined {
  if (CONTROL.test(value)) return `${label} contains a control character (such as NUL) that cannot be saved. Remove it and try again.`;
  if (LONE_SURROGATE.test(value)) return `${label} contains a broken character (half of an emoji or symbol). Retype it.`;
  if (lines === "single" && TAB_OR_LINE_BREAK.test(value)) return `${label} must fit on one line, without tabs or line breaks.`;
  return undefined;
}

/** The check as a zod refinement, for string schemas built elsewhere. */
export function refuseUnstorable(label: string, lines: Lines = "single") {
  return (value: string, ctx: z.RefinementCtx) => {
    const problem = findTextProblem(value, label, lines);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  };
}

/** A trimmed string that passes findTextProblem; chain .min() / .max() for its bounds. */
export function plainText(label: string, lines: Lines = "single") {
  return z
    .string({ error: `Enter ${label.toLowerCase()}` })
    .trim()
    .superRefine(refuseUnstorable(label, lines));
}

/** An optional free-text field: blank is null. Notes and reasons are multi-line by default. */
export function optionalText(max: number, label: string, lines: Lines = "multi") {
  return plainText(label, lines)
    .max(max, `${label} must be at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : null));
}

/** A search box: one line, at most 100 characters. */
export const searchText = plainText("Search").max(100, "Search is at most 100 characters");
