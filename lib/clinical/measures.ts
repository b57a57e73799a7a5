import type { MeasureDefinition, MeasureMethod } from "./measure-types";
import { formatMmtGrade, isValidMmtValue } from "./mmt-grade";
import * as t from "./thresholds";

export * from "./measure-types";
export { formatMmtGrade, isValidMmtValue, parseMmtGrade } from "./mmt-grade";
export { computeEnduranceRatios, type EnduranceRatio, type EnduranceRatios } from "./endurance-ratios";

// Input ranges below are plausibility limits chosen for data entry, not norms [U]

const GONIOMETER: MeasureMethod = { id: "goniometer", label: "Goniometer" };
const INCLINOMETER: MeasureMethod = { id: "inclinometer", label: "Inclinometer" };
const OXFORD: MeasureMethod = { id: "oxford-mrc", label: "Oxford / MRC manual muscle test" };
const STOPWATCH: MeasureMethod = { id: "stopwatch", label: "Timed hold (stopwatch)" };
const SPINE_CURVE_METHODS: MeasureMethod[] = [
  { id: "radiograph-cobb", label: "Radiograph (Cobb angle)" },
  INCLINOMETER,
  { id: "flexicurve", label: "Flexicurve" },
];

// Oxford / MRC grade meanings [V]
const MMT_REFERENCE = [
  {
    text: "0 none, 1 flicker, 2 movement with gravity eliminated, 3 against gravity, 4 against some resistance, 5 normal; 4 or below counts as weak for pattern suggestions",
    high: t.MMT_WEAK_MAX_GRADE,
    source: "Oxford / MRC scale [V]; pattern cut-off clinical-reference.md §3",
  },
];

function defineMmt(muscle: string, label: string, sided: boolean): MeasureDefinition {
  return {
    code: `mmt-${muscle}`,
    label: `Manual muscle test: ${label}`,
    group: "strength",
    unit: "grade",
    sided,
    methods: [OXFORD],
    min: 0,
    max: 5,
    step: 0.25,
    worse: "lower",
    reference: MMT_REFERENCE,
    note: "Stored as a number: + adds and - subtracts a quarter grade (4+ = 4.25, 4- = 3.75).",
  };
}

function defineLumbarRom(direction: string, label: string, typical: number, max: number, sided: boolean): MeasureDefinition {
  return {
    code: `lumbar-${direction}`,
    label: `Lumbar range of motion: ${label}`,
    group: "mobility",
    unit: "deg",
    sided,
    methods: [INCLINOMETER, GONIOMETER],
    min: 0,
    max,
    step: 1,
    worse: "lower",
    // Typical adult lumbar ROM [S]
    reference: [{ text: `Typical adult about ${typical} deg; varies with age and sex`, source: "clinical-reference.md §2 [S]" }],
  };
}

function defineEndurance(code: string, label: string, sided: boolean, max: number): MeasureDefinition {
  return {
    code,
    label,
    group: "endurance",
    unit: "s",
    sided,
    methods: [STOPWATCH],
    min: 0,
    max,
    step: 1,
    worse: "lower",
    // McGill 1999 [V]
    reference: [{ text: "Read as ratios: flexion/extension below 1.0, side bridge/extension below 0.75, left/right about 1.0", source: "McGill 1999 [V]" }],
  };
}

export const MEASURES: readonly MeasureDefinition[] = [
  {
    code: "thomas-hip-angle",
    label: "Modified Thomas test: hip angle",
    group: "muscle-length",
    unit: "deg",
    sided: true,
    methods: [GONIOMETER, INCLINOMETER],
    min: -30,
    max: 90,
    step: 1,
    worse: "higher",
    reference: [{ text: "Thigh above horizontal (above 0 deg) suggests short one-joint hip flexors", high: t.THOMAS_HIP_ANGLE_MAX_DEG, source: "BMC Sports Sci Med Rehabil 2021 [V]" }],
    note: "Angle relative to horizontal, + = thigh above. Valid only with the pelvic tilt controlled.",
  },
  {
    code: "thomas-knee-angle",
    label: "Modified Thomas test: knee angle",
    group: "muscle-length",
    unit: "deg",
    sided: true,
    methods: [GONIOMETER, INCLINOMETER],
    min: 0,
    max: 160,
    step: 1,
    worse: "lower",
    reference: [{ text: "Knee flexion below 67 deg suggests a short rectus femoris", low: t.THOMAS_KNEE_FLEXION_MIN_DEG, source: "BMC Sports Sci Med Rehabil 2021 [V]" }],
    note: "Knee flexion angle. Valid only with the pelvic tilt controlled.",
  },
  {
    code: "ake-deficit",
    label: "90/90 active knee extension: deficit",
    group: "muscle-length",
    unit: "deg",
    sided: true,
    methods: [GONIOMETER, INCLINOMETER],
    min: 0,
    max: 90,
    step: 1,
    worse: "higher",
    reference: [
      { text: "Positive (short hamstrings) above 20 deg deficit", high: t.AKE_DEFICIT_CUTOFF_DEG, source: "clinical-reference.md §2 [V]" },
      { sex: "male", text: "Cut-off for men: above 33 deg", high: t.AKE_DEFICIT_CUTOFF_MALE_DEG, source: "clinical-reference.md §2 [V]" },
      { sex: "female", text: "Cut-off for women: above 23.4 deg", high: t.AKE_DEFICIT_CUTOFF_FEMALE_DEG, source: "clinical-reference.md §2 [V]" },
    ],
  },
  {
    code: "slr-passive",
    label: "Passive straight leg raise",
    group: "muscle-length",
    unit: "deg",
    sided: true,
    methods: [GONIOMETER, INCLINOMETER],
    min: 0,
    max: 120,
    step: 1,
    worse: "lower",
    reference: [
      { sex: "male", text: "Healthy men about 61 +- 7 deg (the common 70-80 deg norm is weakly supported)", low: t.SLR_MALE_MEAN_DEG - t.SLR_MALE_SD_DEG, high: t.SLR_MALE_MEAN_DEG + t.SLR_MALE_SD_DEG, source: "PubMed 8268964 [V]" },
    ],
    note: "Hip flexion angle.",
  },
  defineMmt("gluteus-maximus", "gluteus maximus", true),
  defineMmt("gluteus-medius", "gluteus medius", true),
  defineMmt("quadriceps", "quadriceps", true),
  defineMmt("abdominals", "abdominals", false),
  defineMmt("middle-trapezius", "middle trapezius", true),
  defineMmt("lower-trapezius", "lower trapezius", true),
  defineMmt("serratus-anterior", "serratus anterior", true),
  defineMmt("deep-neck-flexors", "deep neck flexors", false),
  {
    code: "pelvic-tilt",
    label: "Pelvic tilt (ASIS-PSIS)",
    group: "posture",
    unit: "deg",
    sided: false,
    methods: [INCLINOMETER],
    min: -30,
    max: 45,
    step: 1,
    worse: "none",
    reference: [{ text: "Anterior tilt is normal in most adults (85 % of men, 75 % of women); no verified numeric norm: track change", source: "PubMed 21658988 [V]" }],
    note: "+ = anterior tilt.",
  },
  {
    code: "lumbar-lordosis",
    label: "Lumbar lordosis",
    group: "posture",
    unit: "deg",
    sided: false,
    methods: SPINE_CURVE_METHODS,
    min: -30,
    max: 120,
    step: 1,
    worse: "none",
    // Adult Cobb L1-S1 54-62 deg (clinical-reference.md §2 [V])
    reference: [{ method: "radiograph-cobb", text: "Adults, Cobb L1-S1: 54-62 deg", low: 54, high: 62, source: "clinical-reference.md §2 [V]" }],
  },
  {
    code: "thoracic-kyphosis",
    label: "Thoracic kyphosis",
    group: "posture",
    unit: "deg",
    sided: false,
    methods: SPINE_CURVE_METHODS,
    min: -30,
    max: 120,
    step: 1,
    worse: "none",
    // Adult Cobb thoracic 34-40 deg, rising with age (clinical-reference.md §2 [V])
    reference: [{ method: "radiograph-cobb", text: "Adults, Cobb: 34-40 deg; kyphosis rises with age", low: 34, high: 40, source: "clinical-reference.md §2 [V]" }],
  },
  {
    code: "craniovertebral-angle",
    label: "Forward head posture: craniovertebral angle",
    group: "posture",
    unit: "deg",
    sided: false,
    methods: [{ id: "photograph", label: "Side-view photograph" }, GONIOMETER],
    min: 0,
    max: 90,
    step: 1,
    worse: "none",
    note: "No sourced norm in the clinical reference: recorded and tracked without a range. Mark it abnormal only by clinical judgement.",
  },
  {
    code: "modified-schober",
    label: "Modified Schober test",
    group: "mobility",
    unit: "cm",
    sided: false,
    methods: [{ id: "tape", label: "Tape measure" }],
    min: 0,
    max: 15,
    step: 0.1,
    worse: "lower",
    reference: [{ text: "Normal increase 5 cm or more", low: t.SCHOBER_NORMAL_MIN_CM, source: "clinical-reference.md §2 [S]" }],
    note: "Increase over the 15 cm starting distance.",
  },
  defineLumbarRom("flexion", "flexion", 50, 120, false),
  defineLumbarRom("extension", "extension", 15, 60, false),
  defineLumbarRom("lateral-flexion", "lateral flexion", 20, 60, true),
  defineLumbarRom("rotation", "rotation", 5, 45, true),
  {
    code: "biering-sorensen",
    label: "Trunk extensor endurance (Biering-Sorensen)",
    group: "endurance",
    unit: "s",
    sided: false,
    methods: [STOPWATCH],
    min: 0,
    max: t.BIERING_SORENSEN_CAP_S,
    step: 1,
    worse: "lower",
    reference: [
      { sex: "male", text: "Below 176 s predicts back pain in men", low: t.BIERING_SORENSEN_MALE_RISK_S, source: "SRALab [V]" },
      { sex: "female", text: "Not predictive of back pain in women", source: "SRALab [V]" },
    ],
    note: "Test capped at 240 s.",
  },
  // Side bridge and flexor holds have no cap in the reference: 600 s is a plausibility limit [U]
  defineEndurance("side-bridge", "Side bridge endurance (McGill)", true, 600),
  defineEndurance("trunk-flexor-endurance", "Trunk flexor endurance (McGill)", false, 600),
];

const MEASURES_BY_CODE = new Map(MEASURES.map((m) => [m.code, m]));

/** Finds a measure by its stable code. */
export function getMeasure(code: string): MeasureDefinition | undefined {
  return MEASURES_BY_CODE.get(code);
}

const RANGE_MESSAGES: Record<MeasureDefinition["unit"], (m: MeasureDefinition) => string> = {
  deg: (m) => `Angle must be between ${m.min} and ${m.max} degrees`,
  cm: (m) => `Distance must be between ${m.min} and ${m.max} cm`,
  s: (m) => `Time must be between ${m.min} and ${m.max} seconds`,
  grade: (m) => `Muscle grade must be between ${m.min} and ${m.max}`,
};

/** Returns an error message for a value outside the measure's accepted input, or null when it is valid. */
export function validateMeasurementValue(code: string, value: number): string | null {
  const measure = getMeasure(code);
  if (!measure) return `Unknown measure: ${code}`;
  if (!Number.isFinite(value)) return "Enter a number";
  if (value < measure.min || value > measure.max) return RANGE_MESSAGES[measure.unit](measure);
  if (measure.unit === "grade" && !isValidMmtValue(value)) {
    return "Muscle grade must be a whole grade 0-5 with an optional + or - (e.g. 4, 4+, 4-)";
  }
  return null;
}

/** Formats a value with its unit for display, e.g. "12 deg", "4+", "176 s". */
export function formatMeasurementValue(code: string, value: number): string {
  const unit = getMeasure(code)?.unit;
  if (unit === "grade") return formatMmtGrade(value) ?? String(value);
  return unit ? `${value} ${unit}` : String(value);
}
