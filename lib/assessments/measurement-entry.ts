import { getMeasure, validateMeasurementValue } from "@/lib/clinical/measures";
import { fieldName } from "./form-fields";
import type { RawMeasurement } from "./parse-form";
import type { MeasurementEntry } from "./validate-form";

export type MeasurementCheck = { ok: true; entry: MeasurementEntry } | { ok: false; key: string; message: string } | null;

const GRADE_MESSAGE = "Muscle grade must be a whole grade 0-5 with an optional + or - (e.g. 4, 4+, 4-)";

/**
 * One typed measurement checked against the catalogue: the stored entry, or
 * the message for its input. Pure and free of server code, so the form runs
 * the same check in the browser for its live pattern suggestions. `null`: a
 * code the catalogue does not know (ignored).
 */
export function checkMeasurement(m: RawMeasurement): MeasurementCheck {
  const measure = getMeasure(m.code);
  if (!measure) return null;
  const key = fieldName.measure(m.code, m.side);
  const message = measure.unit === "grade" && Number.isNaN(m.value) ? GRADE_MESSAGE : validateMeasurementValue(m.code, m.value);
  if (message) return { ok: false, key, message };
  const method = m.method || measure.methods[0]?.id || "";
  if (!measure.methods.some((x) => x.id === method)) return { ok: false, key: fieldName.measureMethod(m.code), message: "Choose one of the listed methods" };
  // Only measures without a sourced norm take the practitioner's abnormal mark
  const abnormal = measure.reference?.length ? null : m.abnormal;
  return { ok: true, entry: { code: m.code, side: m.side, value: m.value, unit: measure.unit, method, abnormal } };
}
