import type { InstrumentId, ScoreUnit } from "@/lib/clinical/instruments";
import { formatScoreNumber as trim } from "@/lib/clinical/instruments/rounding";

/** A score with its scale: "48 %", "7 / 10", "12 / 50 (24 %)" (NDI raw with its percent). */
export function formatScore(s: { instrument: InstrumentId; score: number; unit: ScoreUnit; scaleMax: number }): string {
  if (s.unit === "percent") return `${trim(s.score)} %`;
  // NDI percent = raw x 2 (Vernon [V])
  if (s.instrument === "ndi") return `${trim(s.score)} / ${s.scaleMax} (${trim(s.score * 2)} %)`;
  return `${trim(s.score)} / ${s.scaleMax}`;
}

/** A change in the instrument's own units, signed: "-30 points", "+2.5 points". */
export function formatDelta(delta: number, unit: ScoreUnit): string {
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  const size = trim(Math.abs(delta));
  return `${sign}${size} ${unit === "percent" ? "percentage points" : Math.abs(delta) === 1 ? "point" : "points"}`;
}
