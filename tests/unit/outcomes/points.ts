import { INSTRUMENTS, type InstrumentId } from "@/lib/clinical/instruments";
import type { InstrumentHistoryPoint } from "@/lib/outcomes/history";

const DAY = 86_400_000;

/** A signed score as the history reader returns it, scale and direction from the instrument's catalogue. */
export function point(instrument: InstrumentId, version: string, score: number, at: number, assessmentId = `a-${at}`): InstrumentHistoryPoint {
  const descriptor = INSTRUMENTS[instrument];
  const v = descriptor.versions.find((x) => x.id === version) ?? descriptor.versions[0]!;
  return {
    assessmentId,
    instrument,
    version,
    score,
    unit: descriptor.unit,
    scaleMin: v.scaleMin,
    scaleMax: v.scaleMax,
    direction: v.direction,
    band: null,
    takenAt: at,
    worst: null,
  };
}

/** Scores of one version, a week apart, the first `startDaysAgo` before `now`. */
export function series(instrument: InstrumentId, version: string, scores: number[], now: number, startDaysAgo: number): InstrumentHistoryPoint[] {
  return scores.map((s, i) => point(instrument, version, s, now - (startDaysAgo - i * 7) * DAY));
}
