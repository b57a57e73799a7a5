import { describe, expect, it } from "vitest";
import { INSTRUMENTS, instrumentInputSchema, scoreInstrument } from "@/lib/clinical/instruments";

describe("scoreInstrument", () => {
  it("dispatches on the instrument id", () => {
    expect(scoreInstrument({ instrument: "nprs", current: 4 })).toMatchObject({ ok: true, instrument: "nprs", score: 4 });
    expect(scoreInstrument({ instrument: "rmdq", version: "11", answers: Array(11).fill(true) })).toMatchObject({ instrument: "rmdq", score: 11 });
    expect(
      scoreInstrument({ instrument: "psfs", version: "1", activities: [1, 2, 3].map((n) => ({ id: `a${n}`, name: `Activity ${n}`, score: n })) }),
    ).toMatchObject({ instrument: "psfs", score: 2 });
  });

  it("validates a form payload through the union schema", () => {
    const parsed = instrumentInputSchema.safeParse({ instrument: "odi", version: "1.0", sections: { lifting: 9 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("Each ODI section is scored 0 to 5");
  });

  it("describes every instrument with region, unit and LOINC where known", () => {
    expect(INSTRUMENTS.odi).toMatchObject({ region: "lumbar", unit: "percent", loinc: "97909-6" });
    expect(INSTRUMENTS.ndi).toMatchObject({ region: "cervical", unit: "points", loinc: "82237-9" });
    expect(INSTRUMENTS.rmdq.loinc).toBeNull();
    expect(INSTRUMENTS.psfs.loinc).toBeNull();
    expect(INSTRUMENTS.psfs.patientItems).toEqual({ min: 1, max: 5 });
  });
});
