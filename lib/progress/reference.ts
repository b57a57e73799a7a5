import type { MeasureDefinition, MeasureReference } from "@/lib/clinical/measures";
import type { Sex } from "@/db/schema";

export type ChartReference = { low: number | null; high: number | null; text: string; source: string };

/**
 * The reference to draw for a measure: one that applies to the method used
 * and the patient's sex, preferring the most specific (method, then sex).
 * Only references with a number are drawable; the rest stay as text.
 */
export function selectReference(measure: MeasureDefinition, method: string | null, sex: Sex): ChartReference | null {
  const applicable = (measure.reference ?? []).filter(
    (r) => (r.method === undefined || r.method === method) && (r.sex === undefined || r.sex === sex),
  );
  const specificity = (r: MeasureReference) => (r.method ? 2 : 0) + (r.sex ? 1 : 0);
  const drawable = applicable.filter((r) => r.low !== undefined || r.high !== undefined).sort((a, b) => specificity(b) - specificity(a));
  const best = drawable[0];
  if (!best) return null;
  return { low: best.low ?? null, high: best.high ?? null, text: best.text, source: best.source };
}
