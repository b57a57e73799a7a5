import type { InstrumentId } from "./instruments/types";

/**
 * The "measured" (process) indicators of the Dutch outcome-based quality
 * indicator set for physiotherapy in non-specific low back pain: of the
 * completed treatment episodes, the share in which a measure was recorded at
 * both the start and the end of treatment. Verburg, van Dulmen, Kiers,
 * Nijhuis-van der Sanden, van der Wees, Phys Ther 2021;101(8):pzab118,
 * doi 10.1093/ptj/pzab118, PMC8336590 [V]: the core set's two process
 * indicators are the routine measurement of the NPRS and of the PSFS.
 */
export const DUTCH_LBP_INDICATOR_SOURCE =
  "Verburg et al., Patient-reported outcome-based quality indicators in Dutch primary care physical therapy for patients with nonspecific low back pain, Phys Ther 2021;101(8):pzab118, doi 10.1093/ptj/pzab118 [V]";

export type MeasuredIndicator = { key: string; label: string; instruments: readonly InstrumentId[]; source: string };

export const MEASURED_INDICATORS: readonly MeasuredIndicator[] = [
  { key: "pain-nprs", label: "Pain (NPRS) measured at intake and at discharge", instruments: ["nprs"], source: `${DUTCH_LBP_INDICATOR_SOURCE}: process indicator for the NPRS` },
  { key: "function-psfs", label: "Function (PSFS) measured at intake and at discharge", instruments: ["psfs"], source: `${DUTCH_LBP_INDICATOR_SOURCE}: process indicator for the PSFS` },
  {
    key: "function-any",
    label: "Function (any questionnaire: ODI, NDI, RMDQ or PSFS) measured at intake and at discharge",
    instruments: ["odi", "ndi", "rmdq", "psfs"],
    source: "Local variant of the PSFS indicator for clinics that score function with another questionnaire [U]",
  },
];

// How far from intake and from discharge a score still counts as taken there. [U] the indicator set does not say
// how its registry dates the start and end measurements; 14 days is a house choice.
export const INDICATOR_WINDOW_DAYS = 14;
const WINDOW_MS = INDICATOR_WINDOW_DAYS * 24 * 60 * 60 * 1000;

export type ScoredPoint = { instrument: InstrumentId; takenAt: number; assessmentId: string };

/**
 * Whether one of the instruments was scored at intake (from the first signed
 * assessment to 14 days after it) and again at discharge (14 days either side
 * of it), in two different assessments. Intake and discharge are epoch ms.
 * [U] intake = the patient's first signed assessment; discharge = the latest
 * completion of a course or home programme in the period (see the caller).
 */
export function isMeasuredAtIntakeAndDischarge(points: readonly ScoredPoint[], instruments: readonly InstrumentId[], intakeAt: number, dischargeAt: number): boolean {
  const relevant = points.filter((p) => instruments.includes(p.instrument));
  const atIntake = relevant.filter((p) => p.takenAt >= intakeAt && p.takenAt <= intakeAt + WINDOW_MS);
  const atDischarge = relevant.filter((p) => p.takenAt >= dischargeAt - WINDOW_MS && p.takenAt <= dischargeAt + WINDOW_MS);
  return atIntake.some((i) => atDischarge.some((d) => d.assessmentId !== i.assessmentId));
}
