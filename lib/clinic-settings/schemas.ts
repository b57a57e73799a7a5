import { z } from "zod";
import { MCID_RULE_KEYS, mcidRuleOverrideSchema, type McidRuleKey, type McidRuleOverride } from "@/lib/clinical/mcid";
import { readNumber } from "@/lib/forms/read-number";
import { findTextProblem } from "@/lib/forms/text";
import { MCID_BAND_ROWS } from "./mcid-form-rows";

export { MCID_BAND_ROWS };

export type ParsedMcidForm = {
  intent: string;
  key: string;
  previous: string;
  absolute: number | null;
  percent: number | null;
  combine: string;
  mode: string;
  bands: { min: number | null; max: number | null; absolute: number | null }[];
  source: string;
};

/** Reads one instrument's rule form: blanks are "no threshold" (null), never 0. */
export function parseMcidForm(formData: FormData): ParsedMcidForm {
  const read = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  const bands = Array.from({ length: MCID_BAND_ROWS }, (_, i) => ({
    min: readNumber(read(`bands.${i}.min`)),
    max: readNumber(read(`bands.${i}.max`)),
    absolute: readNumber(read(`bands.${i}.absolute`)),
  })).filter((b) => b.min !== null || b.max !== null || b.absolute !== null);
  return {
    intent: read("intent") || "save",
    key: read("key"),
    previous: read("previous"),
    absolute: readNumber(read("absolute")),
    percent: readNumber(read("percent")),
    combine: read("combine") || "either",
    mode: read("mode") || "flat",
    bands,
    source: read("source"),
  };
}

export type McidSettingsInput = {
  key: McidRuleKey;
  previous: string;
  /** Null resets the instrument to the published default. */
  override: McidRuleOverride | null;
};

const keySchema = z.enum(MCID_RULE_KEYS, { error: "Unknown instrument" });

function toFieldKey(path: PropertyKey[]): string {
  const [head, ...rest] = path;
  if (head === "baselineBands") return ["bands", ...rest].join(".");
  return path.join(".") || "_form";
}

/** Validates with the clinical override schema; errors are keyed by the form's input names. */
export const mcidSettingsSchema = z.custom<ParsedMcidForm>().transform((form, ctx): McidSettingsInput => {
  const key = keySchema.safeParse(form.key);
  if (!key.success) {
    ctx.addIssue({ code: "custom", path: ["_form"], message: "Unknown instrument" });
    return z.NEVER;
  }
  // The fingerprint of the rule the form was opened on (JSON, so one line of printable text): anything else is a damaged form.
  if (findTextProblem(form.previous, "The form", "single")) {
    ctx.addIssue({ code: "custom", path: ["_form"], message: "This form arrived damaged. Reload the page and try again." });
    return z.NEVER;
  }
  if (form.intent === "reset") return { key: key.data, previous: form.previous, override: null };
  let numbersOk = true;
  const checkNumber = (value: number | null, key: string) => {
    if (value !== null && Number.isNaN(value)) {
      ctx.addIssue({ code: "custom", path: [key], message: "Enter a number" });
      numbersOk = false;
    }
  };
  checkNumber(form.absolute, "absolute");
  checkNumber(form.percent, "percent");
  form.bands.forEach((b, i) => (["min", "max", "absolute"] as const).forEach((k) => checkNumber(b[k], `bands.${i}.${k}`)));
  if (!numbersOk) return z.NEVER;
  const sourceProblem = findTextProblem(form.source, "Source", "multi");
  if (sourceProblem) {
    ctx.addIssue({ code: "custom", path: ["source"], message: sourceProblem });
    return z.NEVER;
  }
  const baselineDependent = form.mode === "baseline-dependent";
  const candidate = {
    key: key.data,
    absolute: form.absolute,
    percent: form.percent,
    combine: form.combine,
    mode: form.mode,
    baselineBands: baselineDependent ? form.bands : undefined,
    source: form.source,
  };
  if (baselineDependent) {
    form.bands.forEach((b, i) =>
      (["min", "max", "absolute"] as const).forEach((k) => {
        if (b[k] === null) ctx.addIssue({ code: "custom", path: [`bands.${i}.${k}`], message: "Fill in every part of the band" });
      }),
    );
  }
  const parsed = mcidRuleOverrideSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: [toFieldKey(issue.path)], message: issue.message });
    return z.NEVER;
  }
  return { key: key.data, previous: form.previous, override: parsed.data };
});
