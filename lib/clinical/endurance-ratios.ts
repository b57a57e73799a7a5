import {
  MCGILL_FLEXION_EXTENSION_TARGET,
  MCGILL_LEFT_RIGHT_TOLERANCE,
  MCGILL_SIDE_EXTENSION_TARGET,
  MCGILL_SOURCE,
} from "./thresholds";

/**
 * McGill's endurance ratios (McGill, Childs & Liebenson 1999 [V]). The
 * clinical targets are flexion/extension below 1.0 and side bridge/extension
 * below 0.75: a ratio AT OR ABOVE them is flagged, and means the extensors
 * tire early relative to the flexors or lateral stabilisers (an extensor
 * endurance deficit, clinical-reference.md §3). Left and right side bridge
 * are compared symmetrically: abs(L - R) / max(L, R) above 0.05 is flagged,
 * whichever side is longer.
 */

export type EnduranceRatio = {
  /** Ratio rounded to 2 decimals for display; null when a hold is missing or the denominator is 0. */
  value: number | null;
  /** The unrounded ratio the flag was decided on. */
  exact: number | null;
  flagged: boolean;
  target: string;
  source: string;
};

export type EnduranceRatios = {
  flexionExtension: EnduranceRatio;
  sideLeftExtension: EnduranceRatio;
  sideRightExtension: EnduranceRatio;
  /** abs(L - R) / max(L, R): 0 is perfectly even. */
  leftRightAsymmetry: EnduranceRatio;
};

export type EnduranceHolds = { flexor?: Seconds; extensor?: Seconds; sideLeft?: Seconds; sideRight?: Seconds };

type Seconds = number | null | undefined;

// Absorbs float noise at the edge (95/100 = 0.95 exactly must not flag)
const EPSILON = 1e-9;

export function divideHolds(numerator: Seconds, denominator: Seconds): number | null {
  if (numerator == null || denominator == null || denominator <= 0) return null;
  return numerator / denominator;
}

function buildRatio(raw: number | null, isFlagged: (ratio: number) => boolean, target: string): EnduranceRatio {
  return {
    value: raw === null ? null : Math.round(raw * 100) / 100,
    exact: raw,
    flagged: raw !== null && isFlagged(raw),
    target,
    source: MCGILL_SOURCE,
  };
}

/** Symmetric left/right difference: the same for L100/R95 and L95/R100. */
export function computeSideAsymmetry(left: Seconds, right: Seconds): number | null {
  if (left == null || right == null) return null;
  const longer = Math.max(left, right);
  return longer <= 0 ? null : Math.abs(left - right) / longer;
}

/** Computes McGill's trunk endurance ratios from hold times in seconds. */
export function computeEnduranceRatios(holds: EnduranceHolds): EnduranceRatios {
  const sideTarget = `below ${MCGILL_SIDE_EXTENSION_TARGET}`;
  const isSideFlagged = (r: number) => r + EPSILON >= MCGILL_SIDE_EXTENSION_TARGET;
  return {
    flexionExtension: buildRatio(
      divideHolds(holds.flexor, holds.extensor),
      (r) => r + EPSILON >= MCGILL_FLEXION_EXTENSION_TARGET,
      `below ${MCGILL_FLEXION_EXTENSION_TARGET.toFixed(1)}`,
    ),
    sideLeftExtension: buildRatio(divideHolds(holds.sideLeft, holds.extensor), isSideFlagged, sideTarget),
    sideRightExtension: buildRatio(divideHolds(holds.sideRight, holds.extensor), isSideFlagged, sideTarget),
    leftRightAsymmetry: buildRatio(
      computeSideAsymmetry(holds.sideLeft, holds.sideRight),
      (r) => r > MCGILL_LEFT_RIGHT_TOLERANCE + EPSILON,
      `abs(L - R) / max(L, R) at most ${MCGILL_LEFT_RIGHT_TOLERANCE}`,
    ),
  };
}
