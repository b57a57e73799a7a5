import { computeEnduranceRatios, divideHolds } from "./endurance-ratios";
import { formatMeasurementValue, getMeasure } from "./measures";
import { PATTERN_IDS, PATTERNS, type PatternId } from "./patterns";
import * as t from "./thresholds";
import type { HealthyEnduranceProfile } from "./thresholds";

/**
 * Suggests imbalance patterns (clinical-reference.md §3) from recorded
 * findings. A suggestion is a tag for the practitioner to confirm or dismiss,
 * listing the findings behind it; it is never a diagnosis. Pure (no I/O, no
 * server imports): the assessment form runs it in the browser as findings
 * are typed, and the server runs the same rules when saving.
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

/** Clinic settings the rules read; all optional, defaults from thresholds.ts. */
export type SuggestOptions = { coreRatioFraction?: number };

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

type EnduranceHoldFindings = { extensor?: Finding; flexor?: Finding; left?: Finding; right?: Finding };

function findEnduranceHolds(findings: readonly Finding[]): EnduranceHoldFindings {
  return {
    extensor: findLast(findings, "biering-sorensen"),
    flexor: findLast(findings, "trunk-flexor-endurance"),
    left: findLast(findings, "side-bridge", "left"),
    right: findLast(findings, "side-bridge", "right"),
  };
}

/** Healthy ratios for the patient's sex; without a sex, the lower (women's) profile, so "well below" is never overstated [U]. */
export function selectHealthyProfile(sex: FindingSex | undefined): HealthyEnduranceProfile {
  return sex === "male" ? t.MCGILL_HEALTHY_PROFILE.male : t.MCGILL_HEALTHY_PROFILE.female;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Weak core, overactive lumbar extensors (clinical-reference.md §3): trunk
 * flexor or side-bridge endurance well below the healthy profile relative to
 * the extensors, i.e. a ratio under the clinic's fraction of McGill's healthy
 * ratio for the patient's sex. The OPPOSITE of a ratio above McGill's target.
 */
function suggestCoreExtensor(findings: readonly Finding[], sex: FindingSex | undefined, fraction: number): PatternTrigger[] {
  const holds = findEnduranceHolds(findings);
  const extensor = holds.extensor;
  if (!extensor) return [];
  const profile = selectHealthyProfile(extensor.sex ?? sex);
  const pairs = [
    { hold: holds.flexor, healthy: profile.flexionExtension, name: "flexion/extension", derived: " (derived from the side-bridge figures)" },
    { hold: holds.left, healthy: profile.sideExtension, name: "side bridge/extension", derived: "" },
    { hold: holds.right, healthy: profile.sideExtension, name: "side bridge/extension", derived: "" },
  ];
  return pairs.flatMap(({ hold, healthy, name, derived }) => {
    const ratio = hold ? divideHolds(hold.value, extensor.value) : null;
    if (!hold || ratio === null) return [];
    const limit = healthy * fraction;
    if (ratio >= limit) return [];
    return [{
      code: hold.code,
      side: hold.side,
      value: hold.value,
      reason:
        `${describe(hold)} ${hold.value} s against extensor ${extensor.value} s: ${name} ${round2(ratio)} is well below ` +
        `the ${round2(healthy)} of ${profile.basis}${derived} (${t.MCGILL_SOURCE}); "well below" = under ${fraction} x that = ${round2(limit)} (clinic setting)`,
    }];
  });
}

export type EnduranceFindingId = "extensor-endurance-deficit" | "side-bridge-asymmetry";

/** A finding reported on its own (not a pattern tag): shown with its triggers, nothing to confirm. */
export type EnduranceFinding = { id: EnduranceFindingId; label: string; triggers: PatternTrigger[] };

/**
 * McGill's ratios read the right way round (clinical-reference.md §3): a
 * ratio AT OR ABOVE its target means the extensors tire early, an extensor
 * endurance deficit; a left/right side-bridge difference over 0.05 is an
 * asymmetry, whichever side is longer.
 */
export function listEnduranceFindings(findings: readonly Finding[], patientSex?: FindingSex): EnduranceFinding[] {
  const holds = findEnduranceHolds(findings);
  const ratios = computeEnduranceRatios({
    flexor: holds.flexor?.value,
    extensor: holds.extensor?.value,
    sideLeft: holds.left?.value,
    sideRight: holds.right?.value,
  });
  const extensor = holds.extensor;
  const pairs = [
    { hold: holds.flexor, ratio: ratios.flexionExtension, name: "flexion/extension" },
    { hold: holds.left, ratio: ratios.sideLeftExtension, name: "side bridge/extension" },
    { hold: holds.right, ratio: ratios.sideRightExtension, name: "side bridge/extension" },
  ];
  const deficit: PatternTrigger[] = pairs.flatMap(({ hold, ratio, name }) =>
    hold && extensor && ratio.flagged
      ? [{
          code: hold.code,
          side: hold.side,
          value: hold.value,
          reason: `${describe(hold)} ${hold.value} s against extensor ${extensor.value} s: ${name} ${ratio.value} is not ${ratio.target} (${ratio.source}): the extensors tire early`,
        }]
      : [],
  );
  const sex = extensor?.sex ?? patientSex;
  if (deficit.length > 0 && extensor && sex === "male" && extensor.value < t.BIERING_SORENSEN_MALE_RISK_S) {
    deficit.push({
      code: extensor.code,
      side: extensor.side,
      value: extensor.value,
      reason: `${describe(extensor)} ${extensor.value} s: below ${t.BIERING_SORENSEN_MALE_RISK_S} s, which predicts back pain in men (SRALab [V])`,
    });
  }
  const asymmetry: PatternTrigger[] =
    holds.left && holds.right && ratios.leftRightAsymmetry.flagged
      ? [{
          code: "side-bridge",
          side: holds.left.value < holds.right.value ? "left" : "right",
          value: Math.min(holds.left.value, holds.right.value),
          reason: `Side bridge left ${holds.left.value} s, right ${holds.right.value} s: difference ${ratios.leftRightAsymmetry.value} of the longer hold, over ${t.MCGILL_LEFT_RIGHT_TOLERANCE} (${t.MCGILL_SOURCE})`,
        }]
      : [];
  return [
    ...(deficit.length > 0 ? [{ id: "extensor-endurance-deficit" as const, label: "Extensor endurance deficit", triggers: deficit }] : []),
    ...(asymmetry.length > 0 ? [{ id: "side-bridge-asymmetry" as const, label: "Side-bridge asymmetry", triggers: asymmetry }] : []),
  ];
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
export function suggestPatterns(findings: readonly Finding[], patientSex?: FindingSex, options: SuggestOptions = {}): PatternSuggestion[] {
  const fraction = options.coreRatioFraction ?? t.DEFAULT_CORE_RATIO_FRACTION;
  const triggersByPattern: Record<PatternId, PatternTrigger[]> = {
    "core-extensor": suggestCoreExtensor(findings, patientSex, fraction),
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
