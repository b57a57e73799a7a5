import { describe, expect, it } from "vitest";
import { reduceSeries, type SeriesPoint } from "@/lib/clinical/series-reduce";

function makeRandom(seed: number) {
  // mulberry32: a small deterministic generator so failures reproduce.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeSeries(length: number, value: (i: number) => number): SeriesPoint[] {
  return Array.from({ length }, (_, i) => ({ t: i * 1000, v: value(i) }));
}

function expectGuarantees(input: SeriesPoint[], cap: number) {
  const { points, reduced, originalCount } = reduceSeries(input, cap);
  expect(originalCount).toBe(input.length);
  expect(points.length).toBeLessThanOrEqual(Math.max(cap, 0));
  if (input.length <= cap) {
    expect(reduced).toBe(false);
    expect(points).toEqual(input);
    return;
  }
  expect(reduced).toBe(true);
  // Every output point is an input point, in time order, without repeats.
  const inputPoints = new Set(input);
  expect(points.every((p) => inputPoints.has(p))).toBe(true);
  expect(points.every((p, i) => i === 0 || p.t > points[i - 1]!.t)).toBe(true);
  if (cap >= 4) {
    const values = input.map((p) => p.v);
    expect(points[0]).toBe(input[0]);
    expect(points.at(-1)).toBe(input.at(-1));
    expect(points.some((p) => p.v === Math.min(...values))).toBe(true);
    expect(points.some((p) => p.v === Math.max(...values))).toBe(true);
  }
}

describe("reduceSeries", () => {
  it("returns a short series unchanged", () => {
    const input = makeSeries(50, (i) => i % 7);
    const result = reduceSeries(input);
    expect(result).toEqual({ points: input, reduced: false, originalCount: 50 });
    expect(reduceSeries([], 10)).toEqual({ points: [], reduced: false, originalCount: 0 });
    expect(reduceSeries(input, 50).reduced).toBe(false);
  });

  it("reduces to at most 300 points by default, keeping the ends and a sharp spike and dip", () => {
    const input = makeSeries(5000, (i) => Math.sin(i / 50));
    input[1234] = { t: input[1234]!.t, v: 99 };
    input[3210] = { t: input[3210]!.t, v: -99 };
    const { points, reduced, originalCount } = reduceSeries(input);
    expect(reduced).toBe(true);
    expect(originalCount).toBe(5000);
    expect(points.length).toBeLessThanOrEqual(300);
    expect(points.length).toBeGreaterThan(290);
    expect(points[0]).toBe(input[0]);
    expect(points.at(-1)).toBe(input[4999]);
    expect(points).toContain(input[1234]);
    expect(points).toContain(input[3210]);
  });

  it("keeps both extremes even when they share one LTTB bucket", () => {
    // LTTB takes one point per bucket; with cap 10 the spike and dip both fall in 500-665.
    const input = makeSeries(1000, () => 0);
    input[500] = { t: input[500]!.t, v: -1 };
    input[510] = { t: input[510]!.t, v: 100 };
    const { points } = reduceSeries(input, 10);
    expect(points.length).toBeLessThanOrEqual(10);
    expect(points).toContain(input[500]);
    expect(points).toContain(input[510]);
  });

  it("keeps the first and last points when they are also the extremes", () => {
    const input = makeSeries(100, (i) => i);
    const { points } = reduceSeries(input, 5);
    expect(points).toHaveLength(5);
    expect(points[0]).toBe(input[0]);
    expect(points[4]).toBe(input[99]);
  });

  it("handles caps below 4 by keeping first, last, maximum, minimum in that order of priority", () => {
    const input = makeSeries(20, (i) => (i === 5 ? 100 : i === 12 ? -100 : 0));
    expect(reduceSeries(input, 1).points).toEqual([input[0]]);
    expect(reduceSeries(input, 2).points).toEqual([input[0], input[19]]);
    expect(reduceSeries(input, 3).points).toEqual([input[0], input[5], input[19]]);
    expect(reduceSeries(input, 4).points).toEqual([input[0], input[5], input[12], input[19]]);
  });

  it("refuses a cap below 1 or fractional", () => {
    expect(() => reduceSeries(makeSeries(5, () => 0), 0)).toThrow(RangeError);
    expect(() => reduceSeries(makeSeries(5, () => 0), 2.5)).toThrow(RangeError);
  });

  it("holds its guarantees over random series (property test)", () => {
    const random = makeRandom(20240611);
    for (let run = 0; run < 300; run++) {
      const length = Math.floor(random() * 600);
      const cap = 1 + Math.floor(random() * 120);
      const shape = Math.floor(random() * 3);
      const input = makeSeries(length, (i) =>
        shape === 0 ? random() * 10 : shape === 1 ? Math.round(random() * 3) : i * 0.1 + (random() < 0.01 ? 50 : 0),
      );
      expectGuarantees(input, cap);
    }
  });

  it("keeps the caller's extra fields on returned points", () => {
    const input = Array.from({ length: 10 }, (_, i) => ({ t: i, v: i % 3, id: `m${i}` }));
    const { points } = reduceSeries(input, 4);
    expect(points.every((p) => p.id.startsWith("m"))).toBe(true);
  });
});
