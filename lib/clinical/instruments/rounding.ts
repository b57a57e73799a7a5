/** Rounds half away from zero to one decimal, avoiding 35.55 -> 35.5 float surprises. */
export function roundToOneDecimal(value: number): number {
  const scaled = Math.round((Math.abs(value) + Number.EPSILON) * 10) / 10;
  return value < 0 ? -scaled : scaled;
}
