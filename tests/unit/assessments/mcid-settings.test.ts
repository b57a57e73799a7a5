import { describe, expect, it } from "vitest";
import { mcidSettingsSchema, parseMcidForm } from "@/lib/clinic-settings/schemas";
import { DEFAULT_MCID_RULES, describeMcidRule } from "@/lib/clinical/mcid";

const parse = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return mcidSettingsSchema.safeParse(parseMcidForm(data));
};

describe("clinic meaningful-change settings", () => {
  it("describes the published defaults in words", () => {
    expect(describeMcidRule({ ...DEFAULT_MCID_RULES.nprs, mode: "flat" })).toBe("2 points or 30 % of the baseline score");
    expect(describeMcidRule(DEFAULT_MCID_RULES.odi)).toBe("10 percentage points or 30 % of the baseline score");
    expect(describeMcidRule(DEFAULT_MCID_RULES["odi-modified"])).toBe("6 percentage points");
    expect(describeMcidRule(DEFAULT_MCID_RULES["rmdq-18"])).toBe("3.75 points or 30 % of the baseline score");
    expect(describeMcidRule(DEFAULT_MCID_RULES.ndi)).toBe("5 points");
    expect(describeMcidRule(DEFAULT_MCID_RULES.nprs)).toBe(
      "Depends on the baseline: baseline 1-4: 1 point; baseline 5-7: 2 points; baseline 8-10: 3 points; otherwise 2 points or 30 % of the baseline score",
    );
  });

  it("reads blank thresholds as none, and ignores bands unless the mode asks for them", () => {
    const parsed = parse({ key: "psfs", previous: "null", absolute: "2.5", percent: "", mode: "flat", "bands.0.min": "1", source: "Abbott 2014" });
    expect(parsed.success && parsed.data.override).toEqual({ key: "psfs", absolute: 2.5, percent: null, combine: "either", mode: "flat", source: "Abbott 2014" });
  });

  it("asks for every part of a band in baseline-dependent mode", () => {
    const parsed = parse({ key: "nprs", previous: "null", absolute: "2", mode: "baseline-dependent", "bands.0.min": "1", "bands.0.max": "", "bands.0.absolute": "1", source: "x" });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."))).toContain("bands.0.max");
  });

  it("refuses a percent above 100 and an unknown instrument", () => {
    expect(parse({ key: "odi", previous: "null", percent: "150", source: "x" }).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["percent", "Percent threshold must be at most 100"],
    ]);
    expect(parse({ key: "vas", previous: "null", source: "x" }).error?.issues.map((i) => i.path.join("."))).toEqual(["_form"]);
  });
});
