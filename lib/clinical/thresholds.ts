/**
 * Sourced cut-offs shared by the measure catalogue, the endurance ratios and
 * the pattern suggestions (clinical-reference.md §2-3). Each is a default
 * shown with its source, never a diagnosis.
 */

// Modified Thomas: thigh above horizontal = short one-joint hip flexors (BMC Sports Sci Med Rehabil 2021 [V])
export const THOMAS_HIP_ANGLE_MAX_DEG = 0;
// Modified Thomas: knee flexion below 67 deg = short rectus femoris (BMC Sports Sci Med Rehabil 2021 [V])
export const THOMAS_KNEE_FLEXION_MIN_DEG = 67;

// 90/90 AKE positive above 20 deg deficit (clinical-reference.md §2 [V], author not named)
export const AKE_DEFICIT_CUTOFF_DEG = 20;
// 90/90 AKE sex-specific cut-offs (clinical-reference.md §2 [V], author not named)
export const AKE_DEFICIT_CUTOFF_MALE_DEG = 33;
export const AKE_DEFICIT_CUTOFF_FEMALE_DEG = 23.4;

// Passive SLR, healthy men about 61 +- 7 deg (PubMed 8268964 [V])
export const SLR_MALE_MEAN_DEG = 61;
export const SLR_MALE_SD_DEG = 7;
// "Low SLR" = below one SD under the men's mean: derived here from PubMed 8268964, not a published cut-off [U]
export const SLR_LOW_CUTOFF_DEG = SLR_MALE_MEAN_DEG - SLR_MALE_SD_DEG;

// Pattern table: MMT <= 4 counts as weak (clinical-reference.md §3)
export const MMT_WEAK_MAX_GRADE = 4;

// Modified Schober: normal increase >= 5 cm [S]
export const SCHOBER_NORMAL_MIN_CM = 5;

// Biering-Sorensen: capped at 240 s; < 176 s predicts back pain in men, not in women (SRALab [V])
export const BIERING_SORENSEN_CAP_S = 240;
export const BIERING_SORENSEN_MALE_RISK_S = 176;

// McGill, Childs & Liebenson, Arch Phys Med Rehabil 1999;80:941-4 [V]: clinical targets flexion/extension
// below 1.0 and side bridge/extension below 0.75. A ratio AT OR ABOVE a target means the extensors tire early
// (an extensor endurance deficit), never "weak core" (clinical-reference.md §3).
export const MCGILL_SOURCE = "McGill, Childs & Liebenson 1999 [V]";
export const MCGILL_FLEXION_EXTENSION_TARGET = 1.0;
export const MCGILL_SIDE_EXTENSION_TARGET = 0.75;
// McGill 1999 [V]: left and right side bridge within 0.05 of each other, read symmetrically: abs(L - R) / max(L, R) <= 0.05
export const MCGILL_LEFT_RIGHT_TOLERANCE = 0.05;

export type HealthyEnduranceProfile = { sideExtension: number; flexionExtension: number; basis: string };

// Healthy young adults, McGill 1999 abstract [V]: men hold the side bridge for 65 % of their extensor time and
// 99 % of their flexor time, women 39 % and 79 %. Flexion/extension is derived from the same figures
// (men 0.65 / 0.99, women 0.39 / 0.79); McGill's later textbook table (0.84 / 0.72) is not verified [S].
export const MCGILL_HEALTHY_PROFILE: Record<"male" | "female", HealthyEnduranceProfile> = {
  male: { sideExtension: 0.65, flexionExtension: 0.65 / 0.99, basis: "healthy men" },
  female: { sideExtension: 0.39, flexionExtension: 0.39 / 0.79, basis: "healthy women" },
};

// "Well below" the healthy profile: a clinic setting; default half the healthy ratio for the patient's sex [U]
export const DEFAULT_CORE_RATIO_FRACTION = 0.5;
