import type { ScoreBand } from "./types";

export type BandEdge = ScoreBand & { max: number };

/**
 * Picks the first band whose upper bound (inclusive) is not exceeded.
 * Published bands have integer edges (ODI 0-20 / 21-40, NDI 0-4 / 5-14); a
 * fractional score between two edges (ODI 20.5, NDI 4.4) therefore falls into
 * the higher, worse band. Chosen convention [U]: conservative, never hides a
 * borderline score in the milder band.
 */
export function findBand(score: number, bands: readonly BandEdge[]): ScoreBand | undefined {
  const band = bands.find((b) => score <= b.max);
  return band ? { id: band.id, label: band.label } : undefined;
}
