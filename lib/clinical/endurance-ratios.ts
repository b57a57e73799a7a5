import {
  MCGILL_FLEXION_EXTENSION_TARGET,
  MCGILL_LEFT_RIGHT_TOLERANCE,
  MCGILL_SIDE_EXTENSION_TARGET,
} from "./thresholds";

/**
 * McGill's endurance ratios (McGill 1999 [V]). The published figures are
 * targets for a balanced trunk: flexion/extension below 1.0 and side
 * bridge/extension below 0.75, so a ratio AT OR ABOVE them is flagged
 * (extensor endurance short relative to the others). Left/right should be
 * about 1.0; outside 0.95-1.05 is flagged (tolerance not in the reference [U]).
 */

export type EnduranceRatio = {
  /** Ratio rounded to 2 decimals; null when a hold is missing or the denominator is 0. */
  value: number | null;
  flagged: boolean;
  target: string;
  source: string;
};

export type EnduranceRatios = {
  flexionExtension: EnduranceRatio;
  sideLeftExtension: EnduranceRatio;
  sideRightExtension: EnduranceRatio;
  leftRight: EnduranceRatio;
};

type Seconds = number | null | undefined;

const SOURCE = "McGill 1999 [V]";

function divide(numerator: Seconds, denominator: Seconds): number | null {
  if (numerator == null || denominator == null || denominator <= 0) return null;
  return numerator / denominator;
}

function buildRatio(raw: number | null, isFlagged: (ratio: number) => boolean, target: string, source = SOURCE): EnduranceRatio {
  return {
    value: raw === null ? null : Math.round(raw * 100) / 100,
    flagged: raw !== null && isFlagged(raw),
    target,
    source,
  };
}

/** Computes McGill's trunk endurance ratios from hold times in seconds. */
export function computeEnduranceRatios(holds: {
  flexor?: Seconds;
  extensor?: Seconds;
  sideLeft?: Seconds;
  sideRight?: Seconds;
}): EnduranceRatios {
  const sideTarget = `below ${MCGILL_SIDE_EXTENSION_TARGET}`;
  const isSideFlagged = (r: number) => r >= MCGILL_SIDE_EXTENSION_TARGET;
  return {
    flexionExtension: buildRatio(
      divide(holds.flexor, holds.extensor),
      (r) => r >= MCGILL_FLEXION_EXTENSION_TARGET,
      `below ${MCGILL_FLEXION_EXTENSION_TARGET.toFixed(1)}`,
    ),
    sideLeftExtension: buildRatio(divide(holds.sideLeft, holds.extensor), isSideFlagged, sideTarget),
    sideRightExtension: buildRatio(divide(holds.sideRight, holds.extensor), isSideFlagged, sideTarget),
    leftRight: buildRatio(
      divide(holds.sideLeft, holds.sideRight),
      (r) => Math.abs(r - 1) > MCGILL_LEFT_RIGHT_TOLERANCE + 1e-9,
      `between ${1 - MCGILL_LEFT_RIGHT_TOLERANCE} and ${1 + MCGILL_LEFT_RIGHT_TOLERANCE}`,
      `${SOURCE}; tolerance chosen by Plumbline [U]`,
    ),
  };
}
