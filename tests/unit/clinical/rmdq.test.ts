import { describe, expect, it } from "vitest";
import { RMDQ_DESCRIPTOR, scoreRmdq } from "@/lib/clinical/instruments";

function answers(count: number, yes: number): boolean[] {
  return Array.from({ length: count }, (_, i) => i < yes);
}

describe("scoreRmdq", () => {
  it.each([
    ["24", 24],
    ["23", 23],
    ["18", 18],
    ["11", 11],
  ] as const)("scores the %s-item version as a count of yes on 0..%d", (version, count) => {
    const result = scoreRmdq({ instrument: "rmdq", version, answers: answers(count, 7) });
    expect(result).toMatchObject({ ok: true, score: 7, scaleMin: 0, scaleMax: count, version, answered: count, missing: 0 });
  });

  it("refuses a wrong number of answers for the version", () => {
    const result = scoreRmdq({ instrument: "rmdq", version: "18", answers: answers(24, 3) });
    expect(result).toMatchObject({ ok: false, reason: "The 18-item RMDQ needs exactly 18 answers (got 24)" });
  });

  it("refuses when any item is unanswered (chosen default)", () => {
    const withBlank: (boolean | null)[] = [...answers(23, 5), null];
    const result = scoreRmdq({ instrument: "rmdq", version: "24", answers: withBlank });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain("1 item(s) unanswered");
  });

  it("describes items by number only", () => {
    const v11 = RMDQ_DESCRIPTOR.versions.find((v) => v.id === "11");
    expect(v11?.items.map((i) => i.label)).toEqual(Array.from({ length: 11 }, (_, i) => `Item ${i + 1}`));
  });
});
