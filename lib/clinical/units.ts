/**
 * Weight and force units: the one place that converts kg and lb and writes
 * them out. Values are stored in kg; the clinic's preferred unit is shown
 * first and the other beside it (clinical-reference.md section 4: keep units
 * explicit).
 */

export const WEIGHT_UNITS = ["kg", "lb"] as const;
export type WeightUnit = (typeof WEIGHT_UNITS)[number];

// 1 lb = 0.45359237 kg exactly (international yard and pound agreement, 1959).
export const KG_PER_LB = 0.45359237;
// About 2.20462, derived from the exact definition above.
export const LB_PER_KG = 1 / KG_PER_LB;

export function convertWeight(value: number, from: WeightUnit, to: WeightUnit): number {
  if (from === to) return value;
  return from === "kg" ? value * LB_PER_KG : value * KG_PER_LB;
}

export function toKg(value: number, unit: WeightUnit): number {
  return convertWeight(value, unit, "kg");
}

/** Kilograms as stored: one decimal, which is finer than any clinic scale or traction unit reads. */
export function roundKg(kg: number): number {
  return Math.round(kg * 10) / 10;
}

/** "34.0 kg (75.0 lb)", the preferred unit first: both are always shown. */
export function formatWeightBoth(kg: number, preferred: WeightUnit = "kg"): string {
  const lb = convertWeight(kg, "kg", "lb");
  return preferred === "kg" ? `${kg.toFixed(1)} kg (${lb.toFixed(1)} lb)` : `${lb.toFixed(1)} lb (${kg.toFixed(1)} kg)`;
}

/** A stored kg value in the unit a form shows, to one decimal (what the practitioner would type). */
export function fromKg(kg: number, unit: WeightUnit): number {
  return Math.round(convertWeight(kg, "kg", unit) * 10) / 10;
}
