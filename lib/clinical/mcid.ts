import { z } from "zod";
import { INSTRUMENT_IDS, type InstrumentId } from "./instruments/types";

export { classifyChange, type ChangeClassification, type ChangeKind, type ChangeThreshold } from "./classify-change";

/**
 * Minimal clinically important difference (MCID) rules. Defaults follow
 * clinical-reference.md §1; a clinic may override them, and the rule used is
 * returned with every classification so it can be stored with the result.
 */

export type McidBaselineBand = { min: number; max: number; absolute: number };

export type McidRule = {
  instrument: InstrumentId;
  /** Points on the instrument's primary scale (ODI: percentage points; NDI: raw points). */
  absolute: number | null;
  /** Percent of the baseline score. */
  percent: number | null;
  combine: "either" | "both";
  /** "baseline-dependent" takes the points threshold from baselineBands instead of absolute/percent. */
  mode: "flat" | "baseline-dependent";
  baselineBands?: McidBaselineBand[];
  source: string;
};

export const DEFAULT_MCID_RULES: Record<InstrumentId, McidRule> = {
  nprs: {
    instrument: "nprs",
    absolute: 2, // Ostelo 2008 [S]; Childs 2005 MDC 2, PubMed 15928561 [V]
    percent: 30, // Ostelo 2008 [S]
    combine: "either",
    mode: "flat",
    // Thieme, doi 10.1055/a-1304-3677 [V]; the reference gives "3-4" for baseline 8-10: 3 chosen (the lower, more sensitive value)
    baselineBands: [
      { min: 1, max: 4, absolute: 1 },
      { min: 5, max: 7, absolute: 2 },
      { min: 8, max: 10, absolute: 3 },
    ],
    source: "Ostelo 2008 [S]; Childs 2005 [V]; baseline bands: Thieme, doi 10.1055/a-1304-3677 [V]",
  },
  // Ostelo 2008 [S]; 12 (Abbott 2014) and 6 (modified ODI) are also published
  odi: { instrument: "odi", absolute: 10, percent: 30, combine: "either", mode: "flat", source: "Ostelo 2008 [S]" },
  // Roland & Morris 1983; Stratford 1996 [V]
  rmdq: { instrument: "rmdq", absolute: 5, percent: 30, combine: "either", mode: "flat", source: "Roland & Morris 1983; Stratford 1996 [V]" },
  // Abbott 2014 [S]: about 2 points on the mean
  psfs: { instrument: "psfs", absolute: 2, percent: null, combine: "either", mode: "flat", source: "Abbott 2014 [S]" },
  // Vernon [V]: 5 raw points (7.5-10 in later work)
  ndi: { instrument: "ndi", absolute: 5, percent: null, combine: "either", mode: "flat", source: "Vernon [V]" },
};

const bandSchema = z
  .object({
    min: z.number({ error: "Band bounds must be numbers" }),
    max: z.number({ error: "Band bounds must be numbers" }),
    absolute: z.number({ error: "Band threshold must be a number" }).positive({ error: "Band threshold must be above 0" }),
  })
  .refine((b) => b.min <= b.max, { error: "A band's minimum must not exceed its maximum" });

export const mcidRuleOverrideSchema = z
  .object({
    instrument: z.enum(INSTRUMENT_IDS, { error: "Unknown instrument" }),
    absolute: z.number().positive({ error: "Points threshold must be above 0" }).nullable().optional(),
    percent: z.number().positive({ error: "Percent threshold must be above 0" }).max(100, { error: "Percent threshold must be at most 100" }).nullable().optional(),
    combine: z.enum(["either", "both"]).optional(),
    mode: z.enum(["flat", "baseline-dependent"]).optional(),
    baselineBands: z.array(bandSchema).min(1, { error: "Give at least one baseline band" }).optional(),
    source: z.string().trim().min(1, { error: "Say where the threshold comes from" }),
  })
  .superRefine((override, ctx) => {
    const merged = mergeMcidRule(DEFAULT_MCID_RULES[override.instrument], override);
    if (merged.absolute === null && merged.percent === null) {
      ctx.addIssue({ code: "custom", path: ["absolute"], message: "A rule needs a points or a percent threshold" });
    }
    if (merged.mode === "baseline-dependent" && !merged.baselineBands?.length) {
      ctx.addIssue({ code: "custom", path: ["baselineBands"], message: "Baseline-dependent mode needs baseline bands" });
    }
    const sorted = [...(override.baselineBands ?? [])].sort((a, b) => a.min - b.min);
    if (sorted.some((band, i) => i > 0 && band.min <= (sorted[i - 1]?.max ?? -Infinity))) {
      ctx.addIssue({ code: "custom", path: ["baselineBands"], message: "Baseline bands must not overlap" });
    }
  });

export type McidRuleOverride = z.infer<typeof mcidRuleOverrideSchema>;

function mergeMcidRule(base: McidRule, override: McidRuleOverride): McidRule {
  return {
    instrument: base.instrument,
    absolute: override.absolute === undefined ? base.absolute : override.absolute,
    percent: override.percent === undefined ? base.percent : override.percent,
    combine: override.combine ?? base.combine,
    mode: override.mode ?? base.mode,
    baselineBands: override.baselineBands ?? base.baselineBands,
    source: `Clinic override: ${override.source} (default: ${base.source})`,
  };
}

/** Returns the clinic's rule for an instrument: the last valid override, else the default. */
export function resolveMcidRule(instrument: InstrumentId, overrides: readonly McidRuleOverride[] = []): McidRule {
  const base = DEFAULT_MCID_RULES[instrument];
  const override = overrides.findLast((o) => o.instrument === instrument);
  if (!override || !mcidRuleOverrideSchema.safeParse(override).success) return base;
  return mergeMcidRule(base, override);
}

/**
 * Reads stored clinic overrides (clinic.mcid_overrides: an object keyed by
 * instrument, or a list), keeping only the entries that still validate.
 */
export function parseMcidOverrides(stored: unknown): McidRuleOverride[] {
  const entries: unknown[] = Array.isArray(stored)
    ? stored
    : stored !== null && typeof stored === "object"
      ? Object.entries(stored).map(([instrument, rule]) => ({ ...(rule as object), instrument }))
      : [];
  return entries.flatMap((entry) => {
    const parsed = mcidRuleOverrideSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
