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
    // 13 / 3 kept exact (4.333...): rounding is for display only
    expect(result).toMatchObject({ ok: true, score: 13 / 3, direction: "higher-is-better", answered: 3, scaleMin: 0, scaleMax: 10 });
    if (result.ok) expect(result.items.map((i) => i.label)).toEqual(["Tie shoelaces", "Lift a child", "Drive 30 minutes"]);
  });

  it("stores PSFS 2.0 ratings as entered and reports higher is worse", () => {
    const result = scorePsfs({ instrument: "psfs", version: "2.0", activities });
    expect(result).toMatchObject({ ok: true, score: 13 / 3, direction: "higher-is-worse", version: "2.0" });
  });

  it("accepts 1 or 2 activities (up to 3 on the original form, Stratford 1995)", () => {
    expect(scorePsfs({ instrument: "psfs", version: "1", activities: activities.slice(0, 1) })).toMatchObject({ ok: true, score: 4, answered: 1 });
    expect(scorePsfs({ instrument: "psfs", version: "1", activities: activities.slice(0, 2) })).toMatchObject({ ok: true, score: 3.5 });
    expect(scorePsfs({ instrument: "psfs", version: "1", activities: [] })).toEqual({ ok: false, instrument: "psfs", version: "1", reason: "PSFS takes 1 to 5 activities" });
  });

  it("scores a partial form on its rated activities and keeps the unrated ones as missing", () => {
    const partial = [...activities.slice(0, 2), { id: "a3", name: "Drive 30 minutes", score: null }];
    const result = scorePsfs({ instrument: "psfs", version: "1", activities: partial });
    expect(result).toMatchObject({ ok: true, score: 3.5, answered: 2, missing: 1 });
    if (result.ok) expect(result.items[2]).toEqual({ id: "a3", label: "Drive 30 minutes", value: null });
  });

  it("needs at least one rated activity for a score", () => {
    const unrated = activities.map((a) => ({ ...a, score: null }));
    expect(scorePsfs({ instrument: "psfs", version: "1", activities: unrated })).toMatchObject({ ok: false, reason: "PSFS not scored: rate at least one activity (0 to 10)" });
  });

  it("keeps the exact mean: 2.75 is not stored as 2.8", () => {
    const four = [2, 3, 3, 3].map((score, i) => ({ id: `a${i}`, name: `Activity ${i}`, score }));
    expect(scorePsfs({ instrument: "psfs", version: "1", activities: four })).toMatchObject({ ok: true, score: 2.75 });
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
