import { describe, expect, it } from "vitest";
import { suggestPatterns, type Finding } from "@/lib/clinical/pattern-suggest";

const normal: Finding[] = [
  { code: "thomas-hip-angle", side: "left", value: -10 },
  { code: "thomas-knee-angle", side: "left", value: 80 },
  { code: "mmt-gluteus-maximus", side: "left", value: 5 },
  { code: "mmt-gluteus-medius", side: "right", value: 4.25 },
  { code: "ake-deficit", side: "left", value: 15 },
  { code: "slr-passive", side: "left", value: 65 },
  { code: "mmt-quadriceps", side: "left", value: 5 },
  { code: "mmt-middle-trapezius", side: "left", value: 5 },
  { code: "mmt-lower-trapezius", side: "right", value: 4.75 },
  { code: "mmt-serratus-anterior", side: "left", value: 5 },
  { code: "craniovertebral-angle", side: "na", value: 48 },
  { code: "trunk-flexor-endurance", side: "na", value: 120 },
  { code: "biering-sorensen", side: "na", value: 160 },
  { code: "side-bridge", side: "left", value: 90 },
  { code: "side-bridge", side: "right", value: 88 },
];

function patternsOf(findings: Finding[], sex?: "male" | "female" | "other") {
  return suggestPatterns(findings, sex).map((s) => s.pattern);
}

describe("suggestPatterns", () => {
  it("suggests nothing for normal findings", () => {
    expect(suggestPatterns(normal)).toEqual([]);
  });

  it("suggests core-extensor from an endurance ratio outside McGill's target", () => {
    const findings = normal.map((f) => (f.code === "trunk-flexor-endurance" ? { ...f, value: 180 } : f));
    const [suggestion] = suggestPatterns(findings);
    expect(suggestion?.pattern).toBe("core-extensor");
    expect(suggestion?.triggers).toHaveLength(1);
    expect(suggestion?.triggers[0]?.reason).toMatch(/flexor\/extensor ratio 1\.13 is not below 1\.0/);
    expect(suggestion?.summary).toMatch(/^Suggested: .*not a diagnosis/);
  });

  it("suggests hip-flexor-glute when a positive Thomas test meets a weak glute", () => {
    const findings = [
      ...normal,
      { code: "thomas-hip-angle", side: "right", value: 8 },
      { code: "mmt-gluteus-medius", side: "right", value: 3.75 },
    ] satisfies Finding[];
    const suggestion = suggestPatterns(findings).find((s) => s.pattern === "hip-flexor-glute");
    expect(suggestion?.triggers.map((t) => t.code)).toEqual(["thomas-hip-angle", "mmt-gluteus-medius"]);
    expect(suggestion?.triggers[1]?.reason).toContain("graded 4-");
  });

  it("also counts a short rectus femoris (knee angle below 67)", () => {
    const findings: Finding[] = [
      { code: "thomas-knee-angle", side: "left", value: 60 },
      { code: "mmt-gluteus-maximus", side: "left", value: 4 },
    ];
    expect(patternsOf(findings)).toEqual(["hip-flexor-glute"]);
  });

  it("does not suggest hip-flexor-glute from a positive Thomas test alone", () => {
    expect(patternsOf([{ code: "thomas-hip-angle", side: "left", value: 10 }])).toEqual([]);
  });

  it("suggests scapular-chest from a weak lower trapezius alone", () => {
    expect(patternsOf([...normal, { code: "mmt-lower-trapezius", side: "left", value: 4 }])).toEqual(["scapular-chest"]);
  });

  it("suggests scapular-chest from a forward head marked abnormal, but not from the angle alone", () => {
    expect(patternsOf([{ code: "craniovertebral-angle", side: "na", value: 40 }])).toEqual([]);
    expect(patternsOf([{ code: "craniovertebral-angle", side: "na", value: 40, abnormal: true }])).toEqual(["scapular-chest"]);
  });

  it("suggests hamstring-quadriceps with a sex-specific AKE cut-off and a weak quadriceps", () => {
    const findings: Finding[] = [
      { code: "ake-deficit", side: "left", value: 28 },
      { code: "mmt-quadriceps", side: "left", value: 4 },
    ];
    expect(patternsOf(findings, "male")).toEqual([]); // 28 is not above 33
    expect(patternsOf(findings, "female")).toEqual(["hamstring-quadriceps"]); // above 23.4
    expect(patternsOf(findings)).toEqual(["hamstring-quadriceps"]); // above the general 20
    const [suggestion] = suggestPatterns(findings, "female");
    expect(suggestion?.triggers[0]?.reason).toContain("cut-off for women of 23.4 deg");
  });

  it("lets a finding's own sex override the patient's", () => {
    const findings: Finding[] = [
      { code: "ake-deficit", side: "left", value: 28, sex: "male" },
      { code: "mmt-quadriceps", side: "left", value: 4 },
    ];
    expect(patternsOf(findings, "female")).toEqual([]);
  });

  it("suggests hamstring-quadriceps from a low SLR (below 54 deg)", () => {
    const findings: Finding[] = [
      { code: "slr-passive", side: "right", value: 50 },
      { code: "mmt-quadriceps", side: "right", value: 3 },
    ];
    expect(patternsOf(findings)).toEqual(["hamstring-quadriceps"]);
    expect(patternsOf([{ ...findings[0]!, value: 54 }, findings[1]!])).toEqual([]);
  });

  it("returns several patterns in the catalogue order", () => {
    const findings: Finding[] = [
      { code: "slr-passive", side: "right", value: 50 },
      { code: "mmt-quadriceps", side: "right", value: 3 },
      { code: "mmt-serratus-anterior", side: "left", value: 3 },
      { code: "thomas-hip-angle", side: "left", value: 5 },
      { code: "mmt-gluteus-maximus", side: "left", value: 3 },
    ];
    expect(patternsOf(findings)).toEqual(["hip-flexor-glute", "scapular-chest", "hamstring-quadriceps"]);
  });
});
