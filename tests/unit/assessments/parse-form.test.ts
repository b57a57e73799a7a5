import { describe, expect, it } from "vitest";
import { parseAssessmentForm, slugifyActivity } from "@/lib/assessments/parse-form";
import { readNumber } from "@/lib/forms/read-number";

const fd = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

describe("assessment form parsing", () => {
  it("reads blank as null, never 0, and text that is not a number as NaN", () => {
    expect(readNumber("")).toBeNull();
    expect(readNumber("  ")).toBeNull();
    expect(readNumber("0")).toBe(0);
    expect(readNumber("-5")).toBe(-5);
    expect(readNumber("4.5")).toBe(4.5);
    expect(readNumber("7 kg")).toBeNaN();
    expect(readNumber("1e3")).toBeNaN();
  });

  it("leaves out instruments the practitioner left blank", () => {
    const parsed = parseAssessmentForm(fd({ patientId: "p", region: "lumbar", "odi.version": "2.1a", "rmdq.version": "24", "psfs.version": "1" }));
    expect(parsed).toMatchObject({ nprs: null, odi: null, ndi: null, rmdq: null, psfs: null, measurements: [], intent: "draft" });
  });

  it("keeps blank NPRS items as null beside the entered ones", () => {
    const parsed = parseAssessmentForm(fd({ "nprs.current": "6", "nprs.worst24h": "" }));
    expect(parsed.nprs).toEqual({ instrument: "nprs", current: 6, best: null, worst24h: null });
  });

  it("reads ODI sections with blanks as null and the chosen version", () => {
    const parsed = parseAssessmentForm(fd({ "odi.version": "1.0", "odi.sections.lifting": "3", "odi.sections.walking": "" }));
    expect(parsed.odi?.version).toBe("1.0");
    expect(parsed.odi?.sections.lifting).toBe(3);
    expect(parsed.odi?.sections.walking).toBeNull();
    expect(Object.keys(parsed.odi?.sections ?? {})).toHaveLength(10);
  });

  it("reads RMDQ ticks as yes and the rest as no, for the version's item count", () => {
    const parsed = parseAssessmentForm(fd({ "rmdq.version": "18", "rmdq.completed": "on", "rmdq.answers.0": "yes", "rmdq.answers.17": "yes" }));
    expect(parsed.rmdq?.answers).toHaveLength(18);
    expect(parsed.rmdq?.answers.filter(Boolean)).toHaveLength(2);
    expect(parsed.rmdq?.completed).toBe(true);
  });

  it("keeps PSFS rows with their form row and a stable id", () => {
    const parsed = parseAssessmentForm(fd({ "psfs.activities.0.name": "Walking 2 km", "psfs.activities.0.score": "4", "psfs.activities.2.name": "Gardening", "psfs.activities.2.score": "", "psfs.activities.2.id": "activity-garden" }));
    expect(parsed.psfs?.rows).toEqual([
      { row: 0, id: "activity-walking-2-km", name: "Walking 2 km", score: 4 },
      { row: 2, id: "activity-garden", name: "Gardening", score: null },
    ]);
    expect(slugifyActivity("  ", 3)).toBe("activity-4");
  });

  it("reads MMT grades with + and -, and sided measures per side", () => {
    const parsed = parseAssessmentForm(
      fd({ "m.mmt-gluteus-medius.left": "4+", "m.mmt-gluteus-medius.right": "4-", "m.mmt-quadriceps.left": "6", "m.mmt-abdominals.na": "weak", "m.thomas-hip-angle.left": "12", "m.thomas-hip-angle.method": "inclinometer", "m.craniovertebral-angle.na": "44", "m.craniovertebral-angle.abnormal": "on" }),
    );
    const byKey = Object.fromEntries(parsed.measurements.map((m) => [`${m.code}.${m.side}`, m]));
    expect(byKey["mmt-gluteus-medius.left"]?.value).toBe(4.25);
    expect(byKey["mmt-gluteus-medius.right"]?.value).toBe(3.75);
    expect(byKey["mmt-quadriceps.left"]?.value).toBe(6);
    expect(byKey["mmt-abdominals.na"]?.value).toBeNaN();
    expect(byKey["thomas-hip-angle.left"]).toMatchObject({ value: 12, method: "inclinometer" });
    expect(byKey["craniovertebral-angle.na"]?.abnormal).toBe(true);
  });
});
