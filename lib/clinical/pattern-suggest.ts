import { computeEnduranceRatios } from "./endurance-ratios";
import { formatMeasurementValue, getMeasure } from "./measures";
import { PATTERN_IDS, PATTERNS, type PatternId } from "./patterns";
import * as t from "./thresholds";

/**
 * Suggests imbalance patterns (clinical-reference.md §3) from recorded
 * findings. A suggestion is a tag for the practitioner to confirm or dismiss,
 * listing the findings behind it; it is never a diagnosis.
 */

export type FindingSide = "left" | "right" | "bilateral" | "na";
export type FindingSex = "male" | "female" | "other";

export type Finding = {
  code: string;
  side: FindingSide;
  value: number;
  sex?: FindingSex;
  /** Set by the practitioner where the app has no sourced norm (e.g. craniovertebral angle). */
  abnormal?: boolean;
};

export type PatternTrigger = { code: string; side: FindingSide; value: number; reason: string };

export type PatternSuggestion = {
  pattern: PatternId;
  label: string;
  triggers: PatternTrigger[];
  summary: string;
};

type Check = (finding: Finding) => string | null;

const WEAK_MMT: Check = (f) =>
  f.value <= t.MMT_WEAK_MAX_GRADE ? `graded ${formatMeasurementValue(f.code, f.value)}: ${t.MMT_WEAK_MAX_GRADE} or below counts as weak` : null;

function describe(f: Finding): string {
  const side = f.side === "left" || f.side === "right" ? ` (${f.side})` : "";
  return `${getMeasure(f.code)?.label ?? f.code}${side}`;
}

/** Runs one check over every finding with one of the codes, keeping the ones that fire. */
function collectTriggers(findings: readonly Finding[], codes: readonly string[], check: Check): PatternTrigger[] {
  return findings.flatMap((f) => {
    const why = codes.includes(f.code) ? check(f) : null;
    return why === null ? [] : [{ code: f.code, side: f.side, value: f.value, reason: `${describe(f)} ${why}` }];
  });
}

/** Hold times come from the last finding per code and side (one assessment is expected). */
function findLast(findings: readonly Finding[], code: string, side?: FindingSide): Finding | undefined {
  return findings.findLast((f) => f.code === code && (side === undefined || f.side === side));
}

function suggestCoreExtensor(findings: readonly Finding[]): PatternTrigger[] {
  const extensor = findLast(findings, "biering-sorensen");
  const flexor = findLast(findings, "trunk-flexor-endurance");
  const left = findLast(findings, "side-bridge", "left");
  const right = findLast(findings, "side-bridge", "right");
  const ratios = computeEnduranceRatios({
    flexor: flexor?.value,
    extensor: extensor?.value,
    sideLeft: left?.value,
    sideRight: right?.value,
  });
  const pairs = [
    { hold: flexor, ratio: ratios.flexionExtension, name: "flexor/extensor" },
    { hold: left, ratio: ratios.sideLeftExtension, name: "left side bridge/extensor" },
    { hold: right, ratio: ratios.sideRightExtension, name: "right side bridge/extensor" },
  ];
  return pairs.flatMap(({ hold, ratio, name }) =>
    hold && extensor && ratio.flagged
      ? [{
          code: hold.code,
          side: hold.side,
          value: hold.value,
          reason: `${describe(hold)} ${hold.value} s against extensor ${extensor.value} s: ${name} ratio ${ratio.value} is not ${ratio.target} (${ratio.source}), so trunk endurance is out of balance`,
        }]
      : [],
  );
}

function suggestHipFlexorGlute(findings: readonly Finding[]): PatternTrigger[] {
  const tight = [
    ...collectTriggers(findings, ["thomas-hip-angle"], (f) =>
      f.value > t.THOMAS_HIP_ANGLE_MAX_DEG ? `${f.value} deg: thigh above horizontal, a sign of short one-joint hip flexors (BMC Sports Sci Med Rehabil 2021)` : null),
    ...collectTriggers(findings, ["thomas-knee-angle"], (f) =>
      f.value < t.THOMAS_KNEE_FLEXION_MIN_DEG ? `${f.value} deg: knee flexion below ${t.THOMAS_KNEE_FLEXION_MIN_DEG} deg, a sign of a short rectus femoris (BMC Sports Sci Med Rehabil 2021)` : null),
  ];
  const weak = collectTriggers(findings, ["mmt-gluteus-maximus", "mmt-gluteus-medius"], WEAK_MMT);
  // The pattern pairs tight hip flexors with weak glutes: one without the other is common, so both are required
  return tight.length > 0 && weak.length > 0 ? [...tight, ...weak] : [];
}

function suggestScapularChest(findings: readonly Finding[]): PatternTrigger[] {
  // The craniovertebral angle has no sourced norm: only the practitioner's "abnormal" mark counts
  const forwardHead = collectTriggers(findings, ["craniovertebral-angle"], (f) =>
    f.abnormal ? `${f.value} deg, marked abnormal by the practitioner (forward head; no sourced norm)` : null);
  const weak = collectTriggers(findings, ["mmt-middle-trapezius", "mmt-lower-trapezius", "mmt-serratus-anterior"], WEAK_MMT);
  // Either is enough: the chest side has no measure in the catalogue to pair with
  return [...forwardHead, ...weak];
}

function selectAkeCutoff(sex: FindingSex | undefined): { cutoff: number; basis: string } {
  if (sex === "male") return { cutoff: t.AKE_DEFICIT_CUTOFF_MALE_DEG, basis: "the cut-off for men" };
  if (sex === "female") return { cutoff: t.AKE_DEFICIT_CUTOFF_FEMALE_DEG, basis: "the cut-off for women" };
  return { cutoff: t.AKE_DEFICIT_CUTOFF_DEG, basis: "the general cut-off" };
}

function suggestHamstringQuadriceps(findings: readonly Finding[], patientSex?: FindingSex): PatternTrigger[] {
  const tight = [
    ...collectTriggers(findings, ["ake-deficit"], (f) => {
      const { cutoff, basis } = selectAkeCutoff(f.sex ?? patientSex);
      return f.value > cutoff ? `${f.value} deg: above ${basis} of ${cutoff} deg, a sign of short hamstrings` : null;
    }),
    ...collectTriggers(findings, ["slr-passive"], (f) =>
      f.value < t.SLR_LOW_CUTOFF_DEG
        ? `${f.value} deg: below ${t.SLR_LOW_CUTOFF_DEG} deg, one SD under the ${t.SLR_MALE_MEAN_DEG} +- ${t.SLR_MALE_SD_DEG} deg seen in healthy men (PubMed 8268964)`
        : null),
  ];
  const weak = collectTriggers(findings, ["mmt-quadriceps"], WEAK_MMT);
  // The pattern pairs tight hamstrings with weak quadriceps: both are required
  return tight.length > 0 && weak.length > 0 ? [...tight, ...weak] : [];
}

/** Suggests patterns from findings, each with the findings that triggered it, in PATTERN_IDS order. */
export function suggestPatterns(findings: readonly Finding[], patientSex?: FindingSex): PatternSuggestion[] {
  const triggersByPattern: Record<PatternId, PatternTrigger[]> = {
    "core-extensor": suggestCoreExtensor(findings),
    "hip-flexor-glute": suggestHipFlexorGlute(findings),
    "scapular-chest": suggestScapularChest(findings),
    "hamstring-quadriceps": suggestHamstringQuadriceps(findings, patientSex),
  };
  return PATTERN_IDS.flatMap((pattern) => {
    const triggers = triggersByPattern[pattern];
    if (triggers.length === 0) return [];
    const label = PATTERNS[pattern].label;
    const summary = `Suggested: ${label}, from ${triggers.length} finding(s). Confirm or dismiss; this is not a diagnosis.`;
    return [{ pattern, label, triggers, summary }];
  });
}
