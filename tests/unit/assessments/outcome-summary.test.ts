import { describe, expect, it } from "vitest";
import { summariseOutcomes, type InstrumentHistoryPoint } from "@/lib/assessments/outcome-summary";

const point = (over: Partial<InstrumentHistoryPoint>): InstrumentHistoryPoint => ({
  assessmentId: "a",
  instrument: "nprs",
  version: "0-10",
  score: 5,
  unit: "points",
  scaleMin: 0,
  scaleMax: 10,
  direction: "higher-is-worse",
  band: null,
  takenAt: new Date("2026-01-01"),
  ...over,
});

describe("outcome summary", () => {
  it("compares the first and latest score by the rule, per instrument in display order", () => {
    const lines = summariseOutcomes(
      [
        point({ instrument: "odi", version: "2.1a", unit: "percent", scaleMax: 100, score: 44, takenAt: new Date("2026-01-01") }),
        point({ score: 7, takenAt: new Date("2026-01-01") }),
        point({ score: 6, takenAt: new Date("2026-02-01") }),
        point({ instrument: "odi", version: "2.1a", unit: "percent", scaleMax: 100, score: 36, takenAt: new Date("2026-03-01") }),
      ],
      [],
    );
    expect(lines.map((l) => [l.instrument, l.baseline.score, l.latest.score, l.change?.kind])).toEqual([
      ["nprs", 7, 6, "no-meaningful-change"],
      ["odi", 44, 36, "no-meaningful-change"],
    ]);
  });

  it("applies the clinic's override", () => {
    const history = [point({ score: 7 }), point({ score: 6, takenAt: new Date("2026-02-01") })];
    const [line] = summariseOutcomes(history, [{ instrument: "nprs", absolute: 1, percent: null, source: "Clinic" }]);
    expect(line?.change?.kind).toBe("improvement");
  });

  it("compares only scores of the latest version, and needs two", () => {
    const lines = summariseOutcomes(
      [
        point({ instrument: "rmdq", version: "24", scaleMax: 24, score: 14, takenAt: new Date("2026-01-01") }),
        point({ instrument: "rmdq", version: "18", scaleMax: 18, score: 9, takenAt: new Date("2026-02-01") }),
      ],
      [],
    );
    expect(lines[0]).toMatchObject({ count: 1, change: null, baseline: { version: "18" } });
  });

  it("reads a higher-is-better PSFS rise as improvement", () => {
    const [line] = summariseOutcomes(
      [point({ instrument: "psfs", version: "1", direction: "higher-is-better", score: 3 }), point({ instrument: "psfs", version: "1", direction: "higher-is-better", score: 6, takenAt: new Date("2026-02-01") })],
      [],
    );
    expect(line?.change?.kind).toBe("improvement");
  });
});
