/** Rounds half away from zero to one decimal, avoiding 35.55 -> 35.5 float surprises. */
export function roundToOneDecimal(value: number): number {
  const scaled = Math.round((Math.abs(value) + Number.EPSILON) * 10) / 10;
  return value < 0 ? -scaled : scaled;
}

/** A score for display: one decimal at most ("35.6", "7"). Verdicts always use the exact value. */
export function formatScoreNumber(value: number): string {
  return String(roundToOneDecimal(value));
}
