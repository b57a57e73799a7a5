/**
 * Down-samples a time series for charting with largest-triangle-three-buckets
 * (Steinarsson 2013), so a long trend keeps its visual shape in few points.
 */

export type SeriesPoint = { t: number; v: number };

export type ReducedSeries<P extends SeriesPoint> = { points: P[]; reduced: boolean; originalCount: number };

/**
 * Points must be sorted by `t` with finite values. Keeps the first, last,
 * global minimum and global maximum points whenever `cap` allows it (cap >= 4),
 * and never returns more than `cap` points. Below that, the cap wins and points
 * are kept in the order first, last, maximum, minimum. Returns the input array
 * itself when it already fits.
 */
export function reduceSeries<P extends SeriesPoint>(points: readonly P[], cap = 300): ReducedSeries<P> {
  if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`cap must be a whole number of at least 1, got ${cap}`);
  const n = points.length;
  if (n <= cap) return { points: points as P[], reduced: false, originalCount: n };

  const extremes = [...new Set([0, n - 1, findExtremeIndex(points, 1), findExtremeIndex(points, -1)])];
  let kept: Set<number>;
  if (cap < extremes.length) {
    kept = new Set(extremes.slice(0, cap));
  } else {
    // Leave room for the extremes that are not already the first or last point.
    const interiorExtremes = extremes.filter((i) => i !== 0 && i !== n - 1);
    kept = new Set([...selectLttbIndices(points, cap - interiorExtremes.length), ...interiorExtremes]);
  }
  const indices = [...kept].sort((a, b) => a - b);
  return { points: indices.map((i) => points[i]!), reduced: true, originalCount: n };
}

/** Index of the first maximum (sign 1) or first minimum (sign -1). */
function findExtremeIndex(points: readonly SeriesPoint[], sign: 1 | -1): number {
  let best = 0;
  for (let i = 1; i < points.length; i++) {
    if (sign * points[i]!.v > sign * points[best]!.v) best = i;
  }
  return best;
}

/** Classic LTTB: `threshold` indices including the first and last (threshold >= 2, < length). */
function selectLttbIndices(points: readonly SeriesPoint[], threshold: number): number[] {
  const n = points.length;
  if (threshold <= 2) return [0, n - 1];

  const selected = [0];
  const bucketSize = (n - 2) / (threshold - 2);
  let anchor = 0;
  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    // Average of the next bucket (the last point, for the final bucket).
    const nextStart = Math.floor((bucket + 1) * bucketSize) + 1;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, n);
    let avgT = 0;
    let avgV = 0;
    for (let i = nextStart; i < nextEnd; i++) {
      avgT += points[i]!.t;
      avgV += points[i]!.v;
    }
    const count = nextEnd - nextStart;
    avgT /= count;
    avgV /= count;

    // The point of this bucket forming the largest triangle with the anchor and that average.
    const a = points[anchor]!;
    let bestIndex = Math.floor(bucket * bucketSize) + 1;
    let bestArea = -1;
    const end = Math.floor((bucket + 1) * bucketSize) + 1;
    for (let i = bestIndex; i < end; i++) {
      const p = points[i]!;
      const area = Math.abs((a.t - avgT) * (p.v - a.v) - (a.t - p.t) * (avgV - a.v));
      if (area > bestArea) {
        bestArea = area;
        bestIndex = i;
      }
    }
    selected.push(bestIndex);
    anchor = bestIndex;
  }
  selected.push(n - 1);
  return selected;
}
