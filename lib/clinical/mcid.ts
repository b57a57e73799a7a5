import { z } from "zod";
import type { InstrumentId } from "./instruments/types";

export {
  classifyChange,
  selectThreshold,
  type AppliedRule,
  type ChangeClassification,
  type ChangeKind,
  type ChangeThreshold,
} from "./classify-change";
export { describeMcidRule, describeThreshold } from "./mcid-describe";

/**
 * Minimal clinically important difference (MCID) rules, keyed by instrument
 * AND version: a modified ODI and an 18-item RMDQ have rules of their own
 * (clinical-reference.md §1). A clinic may override any of them; the rule
 * applied is returned with every classification so it can be stored with it.
 */

export const MCID_RULE_KEYS = ["nprs", "odi", "odi-modified", "rmdq", "rmdq-23", "rmdq-18", "rmdq-11", "psfs", "ndi"] as const;
export type McidRuleKey = (typeof MCID_RULE_KEYS)[number];

export type McidBaselineBand = { min: number; max: number; absolute: number };

export type McidRule = {
  key: McidRuleKey;
  instrument: InstrumentId;
  /** The versions judged by this rule. */
  versions: readonly string[];
  /** Which instrument and versions, in words: "RMDQ, 18 items". */
  label: string;
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

// RMDQ: 5 points for the 24-item version (Roland & Morris 1983; Stratford 1996 [V]); shorter versions scale it
// to their item count (18 items: 3.75) as the reference says, since no version-specific value is published [U].
const RMDQ_POINTS_24 = 5;
function defineShortRmdq(items: 23 | 18 | 11): McidRule {
  const absolute = (RMDQ_POINTS_24 * items) / 24;
  return {
    key: `rmdq-${items}`,
    instrument: "rmdq",
    versions: [String(items)],
    label: `RMDQ, ${items} items`,
    absolute,
    percent: 30,
    combine: "either",
    mode: "flat",
    source: `Roland & Morris 1983; Stratford 1996 [V]: 5 points on 24 items, scaled to ${items} items = ${Math.round(absolute * 100) / 100} points [U]; 30 % Ostelo 2008 [S]`,
  };
}

export const DEFAULT_MCID_RULES: Record<McidRuleKey, McidRule> = {
  nprs: {
    key: "nprs",
    instrument: "nprs",
    versions: ["0-10"],
    label: "NPRS",
    // Flat rule, selectable per clinic: Ostelo 2008 [S]; Childs 2005 MDC 2, PubMed 15928561 [V]
    absolute: 2,
    percent: 30,
    combine: "either",
    // The default: Thieme, doi 10.1055/a-1304-3677 [V]; baseline 8-10 is published as 3-4, 3 is our choice [U]
    mode: "baseline-dependent",
    baselineBands: [
      { min: 1, max: 4, absolute: 1 },
      { min: 5, max: 7, absolute: 2 },
      { min: 8, max: 10, absolute: 3 },
    ],
    source: "Thieme, doi 10.1055/a-1304-3677 [V] (baseline 8-10: 3 of the published 3-4 [U]); flat rule and baseline 0: Ostelo 2008 [S], Childs 2005 [V]",
  },
  // Ostelo 2008 [S]; 12 (Abbott 2014) also published
  odi: { key: "odi", instrument: "odi", versions: ["1.0", "2.1a"], label: "ODI 1.0 and 2.1a", absolute: 10, percent: 30, combine: "either", mode: "flat", source: "Ostelo 2008 [S]" },
  // Fritz & Irrgang, Phys Ther 2001 [V]: the modified ODI's own MCID, 6 points
  "odi-modified": {
    key: "odi-modified",
    instrument: "odi",
    versions: ["modified"],
    label: "Modified ODI",
    absolute: 6,
    percent: null,
    combine: "either",
    mode: "flat",
    source: "Fritz & Irrgang, Phys Ther 2001 [V]",
  },
  rmdq: {
    key: "rmdq",
    instrument: "rmdq",
    versions: ["24"],
    label: "RMDQ, 24 items",
    absolute: RMDQ_POINTS_24,
    percent: 30,
    combine: "either",
    mode: "flat",
    source: "Roland & Morris 1983; Stratford 1996 [V]; 30 % Ostelo 2008 [S]",
  },
  "rmdq-23": defineShortRmdq(23),
  "rmdq-18": defineShortRmdq(18),
  "rmdq-11": defineShortRmdq(11),
  // Abbott 2014 [S]: about 2 points on the mean (both PSFS versions; 2.0 reverses the direction only)
  psfs: { key: "psfs", instrument: "psfs", versions: ["1", "2.0"], label: "PSFS", absolute: 2, percent: null, combine: "either", mode: "flat", source: "Abbott 2014 [S]" },
  // Vernon [V]: 5 raw points (7.5-10 in later work)
  ndi: { key: "ndi", instrument: "ndi", versions: ["1991"], label: "NDI", absolute: 5, percent: null, combine: "either", mode: "flat", source: "Vernon [V]" },
};

/** The rule key for a version: an unknown version takes the instrument's main rule (its first key). */
export function getMcidRuleKey(instrument: InstrumentId, version: string): McidRuleKey {
  const match = MCID_RULE_KEYS.find((key) => {
    const rule = DEFAULT_MCID_RULES[key];
    return rule.instrument === instrument && rule.versions.includes(version);
  });
  return match ?? (instrument as McidRuleKey);
}

const bandSchema = z
  .object({
    min: z.number({ error: "Band bounds must be numbers" }),
    max: z.number({ error: "Band bounds must be numbers" }),
    absolute: z.number({ error: "Band threshold must be a number" }).positive({ error: "Band threshold must be above 0" }),
  })
  .refine((b) => b.min <= b.max, { error: "A band's minimum must not exceed its maximum" });

export const mcidRuleOverrideSchema = z
  .object({
    key: z.enum(MCID_RULE_KEYS, { error: "Unknown instrument" }),
    absolute: z.number().positive({ error: "Points threshold must be above 0" }).nullable().optional(),
    percent: z.number().positive({ error: "Percent threshold must be above 0" }).max(100, { error: "Percent threshold must be at most 100" }).nullable().optional(),
    combine: z.enum(["either", "both"]).optional(),
    mode: z.enum(["flat", "baseline-dependent"]).optional(),
    baselineBands: z.array(bandSchema).min(1, { error: "Give at least one baseline band" }).optional(),
    source: z.string().trim().min(1, { error: "Say where the threshold comes from" }),
  })
  .superRefine((override, ctx) => {
    const merged = mergeMcidRule(DEFAULT_MCID_RULES[override.key], override);
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
    ...base,
    absolute: override.absolute === undefined ? base.absolute : override.absolute,
    percent: override.percent === undefined ? base.percent : override.percent,
    combine: override.combine ?? base.combine,
    mode: override.mode ?? base.mode,
    baselineBands: override.baselineBands ?? base.baselineBands,
    source: `Clinic override: ${override.source} (default: ${base.source})`,
  };
}

/** The clinic's rule under one key: the last valid override, else the default. */
export function resolveMcidRuleByKey(key: McidRuleKey, overrides: readonly McidRuleOverride[] = []): McidRule {
  const base = DEFAULT_MCID_RULES[key];
  const override = overrides.findLast((o) => o.key === key);
  if (!override || !mcidRuleOverrideSchema.safeParse(override).success) return base;
  return mergeMcidRule(base, override);
}

/** The clinic's rule for a version of an instrument (versions are never judged by another version's rule). */
export function resolveMcidRule(instrument: InstrumentId, version: string, overrides: readonly McidRuleOverride[] = []): McidRule {
  return resolveMcidRuleByKey(getMcidRuleKey(instrument, version), overrides);
}

/**
 * Reads stored clinic overrides (clinic.mcid_overrides: an object keyed by
 * rule key, or a list), keeping only the entries that still validate. Keys
 * stored before rules had versions ("odi", "rmdq") are the main versions' keys.
 */
export function parseMcidOverrides(stored: unknown): McidRuleOverride[] {
  const entries: unknown[] = Array.isArray(stored)
    ? stored.map((entry) => (entry && typeof entry === "object" && "instrument" in entry && !("key" in entry) ? { ...entry, key: entry.instrument } : entry))
    : stored !== null && typeof stored === "object"
      ? Object.entries(stored).map(([key, rule]) => ({ ...(rule as object), key }))
      : [];
  return entries.flatMap((entry) => {
    const parsed = mcidRuleOverrideSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
