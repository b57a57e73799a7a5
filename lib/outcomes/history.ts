import type { InstrumentId, ScoreDirection, ScoreUnit } from "@/lib/clinical/instruments/types";

/**
 * One signed, current instrument score of a patient: the one type every
 * reader of outcome history uses (patient page, charts, CSV, dashboard).
 * Times are epoch milliseconds, so a history crosses jsonb and the wire alike.
 */
export type InstrumentHistoryPoint = {
  assessmentId: string;
  instrument: InstrumentId;
  version: string;
  /** Exact, as scored (an ODI of 35.555... stays so): round only to display. */
  score: number;
  unit: ScoreUnit;
  scaleMin: number;
  scaleMax: number;
  direction: ScoreDirection;
  band: string | null;
  takenAt: number;
  /** NPRS only: worst pain in the last 24 hours, when recorded. */
  worst: number | null;
};

/** Oldest first; ties by instrument then assessment, so every consumer sees one order. */
export function sortHistory(history: readonly InstrumentHistoryPoint[]): InstrumentHistoryPoint[] {
  return [...history].sort(
    (a, b) => a.takenAt - b.takenAt || a.instrument.localeCompare(b.instrument) || a.assessmentId.localeCompare(b.assessmentId),
  );
}
