/**
 * Oxford / MRC manual muscle test grades 0-5 with an optional + or - [V].
 * Stored as one number so every measurement has a numeric value: the
 * modifier is a quarter grade ("4+" = 4.25, "4-" = 3.75). Quarters are exact
 * in binary floating point, keep the order 3+ < 4- < 4 < 4+, and never
 * collide with a neighbouring grade. Grade 0 takes no modifier, 5 takes only
 * "-": the scale stays within 0 to 5.
 */

const MODIFIER_STEP = 0.25;
const MMT_PATTERN = /^\s*([0-5])\s*([+\-\u2212]?)\s*$/;

/** Checks that a number is an encoded Oxford grade (0, 0.75, 1, 1.25 ... 4.75, 5). */
export function isValidMmtValue(value: number): boolean {
  if (!Number.isFinite(value) || value < 0 || value > 5) return false;
  const quarters = value / MODIFIER_STEP;
  if (!Number.isInteger(quarters)) return false;
  const remainder = quarters % 4;
  // remainder 2 would be a half grade; 0.25 would be "0+"
  return remainder !== 2 && value !== MODIFIER_STEP;
}

/** Parses "4", "4+" or "4-" into the stored number; null when it is not a valid grade. */
export function parseMmtGrade(text: string): number | null {
  const match = MMT_PATTERN.exec(text);
  if (!match) return null;
  const grade = Number(match[1]);
  const modifier = match[2] === "+" ? MODIFIER_STEP : match[2] ? -MODIFIER_STEP : 0;
  const value = grade + modifier;
  return isValidMmtValue(value) ? value : null;
}

/** Formats a stored grade back to "4", "4+" or "4-"; null when the number is not a valid grade. */
export function formatMmtGrade(value: number): string | null {
  if (!isValidMmtValue(value)) return null;
  const grade = Math.round(value);
  const offset = value - grade;
  return `${grade}${offset > 0 ? "+" : offset < 0 ? "-" : ""}`;
}
