import { describe, expect, it } from "vitest";
import { buildInstrumentOutcomes, pickMainQuestionnaire, summarisePatientOutcome } from "@/lib/outcomes/model";
import { point, series } from "./points";

const NOW = Date.parse("2026-03-11T12:00:00Z");
const DAY = 86_400_000;

describe("the outcome model's version rule", () => {
  // RMDQ-24 14 -> 12, then RMDQ-18 12 -> 8: compared only within each version
  const history = [...series("rmdq", "24", [14, 12], NOW, 70), ...series("rmdq", "18", [12, 8], NOW, 42)];

  it("keeps one series per version, each from its own baseline", () => {
    const [rmdq] = buildInstrumentOutcomes(history, []);
    expect(rmdq?.series.map((s) => [s.version, s.baseline.score, s.latest.score])).toEqual([["24", 14, 12], ["18", 12, 8]]);
    expect(rmdq?.current.version).toBe("18");
    expect(rmdq?.versionNote).toMatch(/Versions used: 24-item RMDQ, 18-item RMDQ\. Scores are compared only within one version/);
  });

  it("judges each version by its own rule and never across versions", () => {
    const [rmdq] = buildInstrumentOutcomes(history, []);
    const [v24, v18] = rmdq!.series;
    // 24 items: 2 points (14 %) < 5 points or 30 %
    expect(v24?.change).toMatchObject({ kind: "no-meaningful-change", delta: -2, rule: { key: "rmdq" } });
    // 18 items: 4 points >= 3.75 (5 scaled to 18 items)
    expect(v18?.change).toMatchObject({ kind: "improvement", delta: -4, rule: { key: "rmdq-18" } });
    // The verdict is the current version's; a cross-version 14 -> 8 is nowhere
    expect(rmdq?.current.change?.kind).toBe("improvement");
    expect(rmdq?.series.flatMap((s) => s.steps.map((x) => x.change?.delta ?? null))).toEqual([null, -2, null, -4]);
  });

  it("says a single score of the new version is not yet comparable", () => {
    const justSwitched = [...series("rmdq", "24", [14, 12], NOW, 70), point("rmdq", "18", 10, NOW - DAY)];
    const [rmdq] = buildInstrumentOutcomes(justSwitched, []);
    expect(rmdq?.current).toMatchObject({ version: "18", change: null });
    expect(summarisePatientOutcome(justSwitched, []).improved).toBe(false);
  });
});

describe("the patient's outcome", () => {
  it("counts an improvement on pain or the main questionnaire", () => {
    const pain = series("nprs", "0-10", [4, 3], NOW, 30); // Thieme default: 1 point from a baseline of 1-4
    expect(summarisePatientOutcome(pain, []).improved).toBe(true);
    const flatRule = [{ key: "nprs" as const, mode: "flat" as const, source: "Clinic uses the flat rule" }];
    expect(summarisePatientOutcome(pain, flatRule).improved).toBe(false);
  });

  it("picks the main questionnaire by count, then first used, then ODI / NDI / RMDQ / PSFS", () => {
    const outcomes = (h: ReturnType<typeof series>) => buildInstrumentOutcomes(h, []);
    expect(pickMainQuestionnaire(outcomes([...series("odi", "2.1a", [40, 40, 40], NOW, 60), ...series("rmdq", "24", [10, 10], NOW, 60)]))?.instrument).toBe("odi");
    expect(pickMainQuestionnaire(outcomes([...series("psfs", "1", [3, 3], NOW, 20), ...series("odi", "2.1a", [40, 40], NOW, 60)]))?.instrument).toBe("odi");
    expect(pickMainQuestionnaire(outcomes([...series("psfs", "1", [4, 4], NOW, 60), ...series("rmdq", "24", [12, 11], NOW, 60), ...series("odi", "2.1a", [38, 34], NOW, 60)]))?.instrument).toBe("odi");
    expect(pickMainQuestionnaire(outcomes(series("nprs", "0-10", [7, 7], NOW, 60)))).toBeNull();
  });

  it("respects PSFS 2.0's reversed direction within its own series", () => {
    const reversed = series("psfs", "2.0", [6, 3], NOW, 30);
    expect(buildInstrumentOutcomes(reversed, [])[0]?.current.change?.kind).toBe("improvement");
  });
});
