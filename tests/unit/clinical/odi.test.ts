import { describe, expect, it } from "vitest";
import { odiInputSchema, scoreOdi, type OdiInput } from "@/lib/clinical/instruments";

type Sections = OdiInput["sections"];

function fullSections(values: number[]): Sections {
  const ids = ["painIntensity", "personalCare", "lifting", "walking", "sitting", "standing", "sleeping", "sexLife", "socialLife", "travelling"] as const;
  return Object.fromEntries(ids.map((id, i) => [id, values[i] ?? null])) as Sections;
}

describe("scoreOdi", () => {
  it("scores 16 out of 50 as 32 %", () => {
    const result = scoreOdi({ instrument: "odi", version: "2.1a", sections: fullSections([2, 2, 2, 2, 2, 2, 1, 1, 1, 1]) });
    expect(result).toMatchObject({ ok: true, score: 32, unit: "percent", direction: "higher-is-worse", answered: 10, missing: 0, version: "2.1a" });
    if (result.ok) expect(result.items).toHaveLength(10);
  });

  it("shrinks the denominator for a missing section: 16 over 9 sections is 35.56 % (shown as 35.6 %)", () => {
    const sections = { ...fullSections([2, 2, 2, 2, 2, 2, 2, 0, 1, 1]), sexLife: null };
    const result = scoreOdi({ instrument: "odi", version: "1.0", sections });
    expect(result).toMatchObject({ ok: true, answered: 9, missing: 1 });
    // Kept exact for verdicts (16/45 x 100); rounding is for display only
    expect(result.ok && result.score).toBe((16 / 45) * 100);
  });

  it("treats an omitted section as missing", () => {
    const { sexLife, ...rest } = fullSections([5, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
    expect(sexLife).toBe(5);
    expect(scoreOdi({ instrument: "odi", version: "1.0", sections: rest })).toMatchObject({ ok: true, score: 100, missing: 1 });
  });

  it("refuses to score when 3 sections are missing and says the limit is unverified", () => {
    const sections = { ...fullSections([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), sexLife: null, lifting: null, travelling: null };
    const result = scoreOdi({ instrument: "odi", version: "2.1a", sections });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/3 sections missing.*\[U\]/);
  });

  it("still scores with 2 sections missing", () => {
    const sections = { ...fullSections([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), sexLife: null, lifting: null };
    expect(scoreOdi({ instrument: "odi", version: "2.1a", sections })).toMatchObject({ ok: true, score: 20, missing: 2 });
  });

  it.each([
    [0, "minimal"],
    [20, "minimal"],
    [22, "moderate"],
    [40, "moderate"],
    [42, "severe"],
    [60, "severe"],
    [62, "crippled"],
    [80, "crippled"],
    [82, "bed-bound"],
    [100, "bed-bound"],
  ])("bands %d %% as %s", (percent, band) => {
    const sum = percent / 2;
    const values = Array.from({ length: 10 }, (_, i) => Math.min(5, Math.max(0, sum - i * 5)));
    const result = scoreOdi({ instrument: "odi", version: "2.1a", sections: fullSections(values) });
    expect(result).toMatchObject({ ok: true, score: percent, band: { id: band } });
  });

  it("refuses a section outside 0-5 with a clear message", () => {
    const result = scoreOdi({ instrument: "odi", version: "2.1a", sections: fullSections([6, 1, 1, 1, 1, 1, 1, 1, 1, 1]) });
    expect(result).toEqual({ ok: false, instrument: "odi", version: "2.1a", reason: "Each ODI section is scored 0 to 5" });
  });

  it("exposes a schema that rejects an unknown version", () => {
    const parsed = odiInputSchema.safeParse({ instrument: "odi", version: "3", sections: {} });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("ODI version must be 1.0, 2.1a or modified");
  });
});
