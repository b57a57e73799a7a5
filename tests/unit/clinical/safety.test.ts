import { describe, expect, it } from "vitest";
import { SAFETY_FLAGS, canOverride, summariseSafetyMarker, getSafetyFlag, screenForDecompression, type PatientFlag } from "@/lib/clinical/safety";

const active = (...codes: string[]): PatientFlag[] => codes.map((code) => ({ code, status: "active" }));

describe("SAFETY_FLAGS", () => {
  it("has unique codes, each with a label, note and source", () => {
    const codes = SAFETY_FLAGS.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const flag of SAFETY_FLAGS) {
      expect(flag.label && flag.note && flag.source, flag.code).toBeTruthy();
      expect(flag.source).toContain("clinical-reference.md section 4");
      expect(flag.regions.length).toBeGreaterThan(0);
    }
  });

  it("lists the reference's contraindications, red flags and precautions", () => {
    const byKind = (kind: string) => SAFETY_FLAGS.filter((f) => f.kind === kind).map((f) => f.code).sort();
    expect(byKind("contraindication")).toEqual([
      "abdominal-aortic-aneurysm", "advanced-osteoporosis", "inflammatory-arthritis-flare", "myelopathy", "pregnancy",
      "spinal-cord-compression", "spinal-fracture", "spinal-hardware", "spinal-infection", "spinal-tumour",
    ]);
    expect(byKind("red-flag")).toEqual(["ces-bilateral-leg-weakness", "ces-bladder-bowel", "ces-saddle-numbness"]);
    expect(byKind("precaution")).toEqual([
      "cardiac-insufficiency", "claustrophobia", "hypermobility", "respiratory-insufficiency", "uncontrolled-blood-pressure",
    ]);
  });

  it("marks exactly the red flags for urgent referral", () => {
    for (const flag of SAFETY_FLAGS) expect(flag.urgentReferral, flag.code).toBe(flag.kind === "red-flag");
  });

  it("applies myelopathy to cervical decompression only", () => {
    expect(getSafetyFlag("myelopathy")?.regions).toEqual(["cervical"]);
    expect(getSafetyFlag("nothing")).toBeUndefined();
  });
});

describe("screenForDecompression", () => {
  it("is clear with no active flags", () => {
    const result = screenForDecompression({ region: "lumbar", flags: [] });
    expect(result).toMatchObject({ outcome: "clear", blocking: [], warnings: [], urgentReferral: false });
    expect(result.message).toMatch(/No active/);
  });

  it("blocks on a contraindication, and an admin may override it", () => {
    const result = screenForDecompression({ region: "lumbar", flags: active("pregnancy") });
    expect(result.outcome).toBe("blocked");
    expect(result.blocking.map((f) => f.code)).toEqual(["pregnancy"]);
    expect(result.urgentReferral).toBe(false);
    expect(result.message).toContain("Pregnancy");
    expect(canOverride(result, "admin")).toBe(true);
    expect(canOverride(result, "practitioner")).toBe(false);
  });

  it.each(["ces-bladder-bowel", "ces-saddle-numbness", "ces-bilateral-leg-weakness"])(
    "blocks on red flag %s with an urgent referral that nobody can override",
    (code) => {
      for (const region of ["lumbar", "cervical"] as const) {
        const result = screenForDecompression({ region, flags: active(code) });
        expect(result.outcome).toBe("blocked");
        expect(result.urgentReferral).toBe(true);
        expect(result.message).toMatch(/urgent/i);
        expect(canOverride(result, "admin")).toBe(false);
        expect(canOverride(result, "practitioner")).toBe(false);
      }
    },
  );

  it("keeps a red flag un-overridable when a contraindication is also present", () => {
    const result = screenForDecompression({ region: "lumbar", flags: active("pregnancy", "ces-saddle-numbness") });
    expect(result.blocking.map((f) => f.kind).sort()).toEqual(["contraindication", "red-flag"]);
    expect(canOverride(result, "admin")).toBe(false);
  });

  it("warns on a precaution, which needs a confirm rather than an override", () => {
    const result = screenForDecompression({ region: "cervical", flags: active("claustrophobia", "hypermobility") });
    expect(result.outcome).toBe("warn");
    expect(result.warnings.map((f) => f.code)).toEqual(["claustrophobia", "hypermobility"]);
    expect(result.blocking).toEqual([]);
    expect(result.message).toMatch(/Confirm/);
    expect(canOverride(result, "admin")).toBe(false);
  });

  it("ignores resolved flags", () => {
    const result = screenForDecompression({
      region: "lumbar",
      flags: [
        { code: "spinal-fracture", status: "resolved" },
        { code: "ces-saddle-numbness", status: "resolved" },
      ],
    });
    expect(result.outcome).toBe("clear");
    expect(result.urgentReferral).toBe(false);
  });

  it("counts a code once even if recorded both resolved and active", () => {
    const result = screenForDecompression({
      region: "lumbar",
      flags: [
        { code: "spinal-fracture", status: "resolved" },
        { code: "spinal-fracture", status: "active" },
        { code: "spinal-fracture", status: "active" },
      ],
    });
    expect(result.blocking.map((f) => f.code)).toEqual(["spinal-fracture"]);
  });

  it("ignores cervical-only myelopathy for a lumbar course but blocks a cervical one", () => {
    expect(screenForDecompression({ region: "lumbar", flags: active("myelopathy") }).outcome).toBe("clear");
    expect(screenForDecompression({ region: "cervical", flags: active("myelopathy") }).outcome).toBe("blocked");
  });

  it("blocks over warns when both are present", () => {
    const result = screenForDecompression({ region: "lumbar", flags: active("claustrophobia", "spinal-infection") });
    expect(result.outcome).toBe("blocked");
    expect(result.warnings.map((f) => f.code)).toEqual(["claustrophobia"]);
  });

  it("never screens an unknown active code clear: it blocks until a practitioner classifies it (reference §3)", () => {
    const result = screenForDecompression({ region: "lumbar", flags: active("clinic-custom-flag") });
    expect(result.outcome).toBe("blocked");
    expect(result.unrecognised).toEqual(["clinic-custom-flag"]);
    expect(result.blocking.map((f) => [f.code, f.kind])).toEqual([["clinic-custom-flag", "unclassified"]]);
    expect(result.message).toMatch(/blocked until a practitioner classifies "clinic-custom-flag"/);
    expect(result.urgentReferral).toBe(false);
  });

  it("lets no one override an unclassified code, even beside a contraindication", () => {
    expect(canOverride(screenForDecompression({ region: "lumbar", flags: active("clinic-custom-flag") }), "admin")).toBe(false);
    expect(canOverride(screenForDecompression({ region: "lumbar", flags: active("pregnancy", "clinic-custom-flag") }), "admin")).toBe(false);
    expect(canOverride(screenForDecompression({ region: "lumbar", flags: active("pregnancy") }), "admin")).toBe(true);
  });

  it("ignores an unknown code once it is resolved", () => {
    expect(screenForDecompression({ region: "lumbar", flags: [{ code: "clinic-custom-flag", status: "resolved" }] }).outcome).toBe("clear");
  });
});

describe("canOverride", () => {
  it("never applies to a clear screening", () => {
    expect(canOverride(screenForDecompression({ region: "lumbar", flags: [] }), "admin")).toBe(false);
  });
});

describe("summariseSafetyMarker", () => {
  it("marks a red flag first, with every flag behind it in words", () => {
    expect(summariseSafetyMarker(["pregnancy", "ces-saddle-numbness", "claustrophobia"])).toEqual({
      level: "red-flag",
      labels: ["Saddle numbness", "Pregnancy"],
      text: "Red flag",
    });
  });

  it("marks a contraindication and an unknown code, never a precaution alone", () => {
    expect(summariseSafetyMarker(["spinal-hardware"])).toMatchObject({ level: "contraindication", text: "Contraindication" });
    expect(summariseSafetyMarker(["clinic-custom-flag", "pregnancy"])).toMatchObject({ level: "unclassified", labels: ['Unclassified flag "clinic-custom-flag"', "Pregnancy"] });
    expect(summariseSafetyMarker(["claustrophobia"])).toBeNull();
    expect(summariseSafetyMarker([])).toBeNull();
  });
});
