import type { MeasurementEntry } from "@/lib/assessments/validate-form";
import { getMeasure, isValidMmtValue, type MeasureSide } from "@/lib/clinical/measures";
import type { PatternId } from "@/lib/clinical/patterns";
import type { Rng } from "./random";

/**
 * Examination findings for a demo visit: the measures behind the patient's
 * pattern move from abnormal (severity 1) to normal (0) as they improve, so
 * the app's own suggestion rules find the pattern at baseline and drop it
 * once the findings normalise. Values are plausible demo numbers, not norms.
 */

const MMT_VALUES = Array.from({ length: 21 }, (_, i) => i / 4).filter(isValidMmtValue);

function toMmt(value: number): number {
  return MMT_VALUES.reduce((best, v) => (Math.abs(v - value) < Math.abs(best - value) ? v : best), 5);
}

const lerp = (normal: number, abnormal: number, severity: number) => normal + (abnormal - normal) * severity;

type Add = (code: string, side: MeasureSide, value: number, extra?: { method?: string; abnormal?: boolean }) => void;

function collector(out: MeasurementEntry[]): Add {
  return (code, side, value, extra = {}) => {
    const measure = getMeasure(code);
    if (!measure) throw new Error(`unknown measure ${code}`);
    const rounded = measure.unit === "grade" ? toMmt(value) : Math.round(value / measure.step) * measure.step;
    const clamped = Math.min(measure.max, Math.max(measure.min, Math.round(rounded * 100) / 100));
    out.push({ code, side, value: clamped, unit: measure.unit, method: extra.method ?? measure.methods[0]?.id ?? "", abnormal: extra.abnormal ?? null });
  };
}

const BOTH: MeasureSide[] = ["left", "right"];

const PATTERN_FINDINGS: Record<PatternId, (add: Add, s: number, jitter: () => number) => void> = {
  "hip-flexor-glute": (add, s, j) => {
    add("thomas-hip-angle", "left", lerp(-8, 12, s) + j());
    add("thomas-hip-angle", "right", lerp(-6, 9, s) + j());
    for (const side of BOTH) add("thomas-knee-angle", side, lerp(75, 58, s) + j());
    for (const side of BOTH) add("mmt-gluteus-maximus", side, lerp(5, 3.75, s));
    for (const side of BOTH) add("mmt-gluteus-medius", side, lerp(5, 3.75, s));
    add("pelvic-tilt", "na", lerp(9, 16, s) + j());
  },
  "core-extensor": (add, s, j) => {
    add("biering-sorensen", "na", lerp(150, 55, s) + 2 * j());
    add("trunk-flexor-endurance", "na", lerp(95, 85, s) + j());
    for (const side of BOTH) add("side-bridge", side, lerp(70, 60, s) + j());
    add("mmt-abdominals", "na", lerp(5, 4, s));
  },
  "scapular-chest": (add, s, j) => {
    for (const side of BOTH) add("mmt-middle-trapezius", side, lerp(5, 3.75, s));
    for (const side of BOTH) add("mmt-lower-trapezius", side, lerp(5, 3.75, s));
    for (const side of BOTH) add("mmt-serratus-anterior", side, lerp(5, 4, s));
    add("craniovertebral-angle", "na", lerp(53, 43, s) + j(), { method: "photograph", abnormal: s >= 0.5 });
    add("thoracic-kyphosis", "na", lerp(38, 50, s) + j(), { method: "flexicurve" });
  },
  "hamstring-quadriceps": (add, s, j) => {
    for (const side of BOTH) add("ake-deficit", side, lerp(12, 38, s) + j());
    for (const side of BOTH) add("slr-passive", side, lerp(72, 45, s) + j());
    for (const side of BOTH) add("mmt-quadriceps", side, lerp(5, 3.75, s));
  },
};

/** The measurements of one demo visit. `severity` is 1 at a bad baseline and 0 once normal. */
export function planFindings(args: { pattern: PatternId | null; severity: number; region: "lumbar" | "cervical"; pain: number; rng: Rng }): MeasurementEntry[] {
  const out: MeasurementEntry[] = [];
  const add = collector(out);
  const jitter = () => args.rng.int(-2, 2);
  if (args.pattern) PATTERN_FINDINGS[args.pattern](add, args.severity, jitter);
  else {
    // No imbalance pattern: neural tension with normal quadriceps, which suggests nothing
    for (const side of BOTH) add("slr-passive", side, 40 + jitter());
    for (const side of BOTH) add("mmt-quadriceps", side, 5);
  }
  if (args.region === "lumbar") {
    // Lumbar mobility follows the pain rather than the pattern
    const stiffness = Math.min(1, args.pain / 8);
    add("lumbar-flexion", "na", lerp(50, 28, stiffness) + jitter());
    add("modified-schober", "na", lerp(5.6, 3.4, stiffness) + jitter() / 10);
  }
  return out;
}
