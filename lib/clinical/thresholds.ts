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

// McGill 1999 [V]: targets are flexion/extension below 1.0 and side bridge/extension below 0.75
export const MCGILL_FLEXION_EXTENSION_TARGET = 1.0;
export const MCGILL_SIDE_EXTENSION_TARGET = 0.75;
// McGill 1999 [V]: left/right side bridge about 1.0; the +-0.05 tolerance is not in the reference [U]
export const MCGILL_LEFT_RIGHT_TOLERANCE = 0.05;
