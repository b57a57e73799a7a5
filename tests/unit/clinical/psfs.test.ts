import { describe, expect, it } from "vitest";
import { psfsInputSchema, scorePsfs } from "@/lib/clinical/instruments";

const activities = [
  { id: "a1", name: "Tie shoelaces", score: 4 },
  { id: "a2", name: "Lift a child", score: 3 },
  { id: "a3", name: "Drive 30 minutes", score: 6 },
];

describe("scorePsfs", () => {
  it("scores version 1 as the mean, higher is better", () => {
    const result = scorePsfs({ instrument: "psfs", version: "1", activities });
    expect(result).toMatchObject({ ok: true, score: 4.3, direction: "higher-is-better", answered: 3, scaleMin: 0, scaleMax: 10 });
    if (result.ok) expect(result.items.map((i) => i.label)).toEqual(["Tie shoelaces", "Lift a child", "Drive 30 minutes"]);
  });

  it("stores PSFS 2.0 ratings as entered and reports higher is worse", () => {
    const result = scorePsfs({ instrument: "psfs", version: "2.0", activities });
    expect(result).toMatchObject({ ok: true, score: 4.3, direction: "higher-is-worse", version: "2.0" });
  });

  it("refuses 2 activities", () => {
    const result = scorePsfs({ instrument: "psfs", version: "1", activities: activities.slice(0, 2) });
    expect(result).toEqual({ ok: false, instrument: "psfs", version: "1", reason: "PSFS needs 3 to 5 activities" });
  });

  it("refuses 6 activities", () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ id: `a${i}`, name: `Activity ${i}`, score: 5 }));
    expect(scorePsfs({ instrument: "psfs", version: "1", activities: six }).ok).toBe(false);
  });

  it("refuses an activity with a blank name", () => {
    const result = scorePsfs({ instrument: "psfs", version: "1", activities: [...activities.slice(0, 2), { id: "a3", name: "  ", score: 5 }] });
    expect(result).toMatchObject({ ok: false, reason: "Each PSFS activity needs a name" });
  });

  it("refuses duplicate activity ids", () => {
    const parsed = psfsInputSchema.safeParse({ instrument: "psfs", version: "1", activities: activities.map((a) => ({ ...a, id: "same" })) });
    expect(parsed.success).toBe(false);
  });
});
