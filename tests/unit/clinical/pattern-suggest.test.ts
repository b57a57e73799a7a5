import { describe, expect, it } from "vitest";
import { listEnduranceFindings, suggestPatterns, type Finding } from "@/lib/clinical/pattern-suggest";

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

  // McGill, Childs & Liebenson 1999 [V]; clinical-reference.md §3 (ratios read the right way round)
  const endurance = (flexor: number, extensor: number, left: number, right: number): Finding[] => [
    { code: "trunk-flexor-endurance", side: "na", value: flexor },
    { code: "biering-sorensen", side: "na", value: extensor },
    { code: "side-bridge", side: "left", value: left },
    { code: "side-bridge", side: "right", value: right },
  ];

  it("suggests weak core for a genuinely weak core (flexor 30 s, side bridges 25 s, extensor 150 s)", () => {
    for (const sex of ["male", "female", undefined] as const) {
      const [suggestion] = suggestPatterns(endurance(30, 150, 25, 25), sex);
      expect(suggestion?.pattern).toBe("core-extensor");
      expect(suggestion?.triggers.map((t) => t.code)).toEqual(["trunk-flexor-endurance", "side-bridge", "side-bridge"]);
    }
    const [men] = suggestPatterns(endurance(30, 150, 25, 25), "male");
    // The ratio, the healthy figure for the sex, its source and the clinic fraction are all in the trigger
    expect(men?.triggers[1]?.reason).toMatch(/side bridge\/extension 0\.17 is well below the 0\.65 of healthy men \(McGill, Childs & Liebenson 1999 \[V\]\); "well below" = under 0\.5 x that = 0\.33/);
    expect(men?.triggers[0]?.reason).toMatch(/flexion\/extension 0\.2 is well below the 0\.66 of healthy men \(derived/);
  });

  it("does not suggest weak core for weak extensors (flexor 120 s, extensor 60 s): that is an extensor deficit", () => {
    const findings = endurance(120, 60, 50, 50);
    expect(patternsOf(findings, "male")).toEqual([]);
    const [deficit] = listEnduranceFindings(findings, "male");
    expect(deficit?.id).toBe("extensor-endurance-deficit");
    expect(deficit?.triggers[0]?.reason).toMatch(/flexion\/extension 2 is not below 1\.0 \(McGill, Childs & Liebenson 1999 \[V\]\): the extensors tire early/);
    // side bridge/extension 50/60 = 0.83 >= 0.75, and 60 s < 176 s in a man (SRALab)
    expect(deficit?.triggers.map((t) => t.code)).toEqual(["trunk-flexor-endurance", "side-bridge", "side-bridge", "biering-sorensen"]);
    expect(listEnduranceFindings(findings, "female")[0]?.triggers.map((t) => t.code)).not.toContain("biering-sorensen");
  });

  it("judges 'well below' against the patient's sex and the clinic's fraction", () => {
    // side bridge/extension 0.3: below half of men's 0.65 (0.325), not below half of women's 0.39 (0.195)
    const findings = endurance(100, 100, 30, 30);
    expect(patternsOf(findings, "male")).toEqual(["core-extensor"]);
    expect(patternsOf(findings, "female")).toEqual([]);
    expect(suggestPatterns(findings, "female", { coreRatioFraction: 0.8 })[0]?.pattern).toBe("core-extensor");
    expect(suggestPatterns(findings, "male", { coreRatioFraction: 0.4 })).toEqual([]);
  });

  it("suggests nothing and reports nothing for a balanced trunk", () => {
    expect(patternsOf(endurance(120, 160, 90, 88), "male")).toEqual([]);
    expect(listEnduranceFindings(endurance(120, 160, 90, 88), "male")).toEqual([]);
  });

  it("reports a side-bridge asymmetry the same whichever side is longer", () => {
    expect(listEnduranceFindings(endurance(80, 160, 100, 95))).toEqual([]);
    expect(listEnduranceFindings(endurance(80, 160, 95, 100))).toEqual([]);
    const left = listEnduranceFindings(endurance(80, 160, 100, 94));
    const right = listEnduranceFindings(endurance(80, 160, 94, 100));
    expect(left.map((f) => f.id)).toEqual(["side-bridge-asymmetry"]);
    expect(right.map((f) => f.id)).toEqual(["side-bridge-asymmetry"]);
    expect(left[0]?.triggers[0]?.side).toBe("right");
    expect(right[0]?.triggers[0]?.side).toBe("left");
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
