export type MeasureGroup = "muscle-length" | "strength" | "posture" | "mobility" | "endurance";
export type MeasureUnit = "deg" | "cm" | "s" | "grade";
export type MeasureSide = "left" | "right" | "bilateral" | "na";
export type MeasureSex = "male" | "female";

export type MeasureMethod = { id: string; label: string };

/** A reference value shown beside a measurement with its source; never a verdict on its own. */
export type MeasureReference = {
  method?: string;
  sex?: MeasureSex;
  text: string;
  /** Lower edge of the reference range or cut-off, in the measure's unit. */
  low?: number;
  /** Upper edge of the reference range or cut-off, in the measure's unit. */
  high?: number;
  source: string;
};

export type MeasureDefinition = {
  /** Stable kebab-case code stored with each measurement. */
  code: string;
  label: string;
  group: MeasureGroup;
  unit: MeasureUnit;
  /** true: recorded per side (left / right); false: bilateral or not applicable. */
  sided: boolean;
  methods: readonly MeasureMethod[];
  /** Accepted input range (plausibility limits, not norms). */
  min: number;
  max: number;
  step: number;
  /** Which way is further from normal; "none" when the app must not judge. */
  worse: "higher" | "lower" | "none";
  reference?: readonly MeasureReference[];
  /** Anything a clinician must know when reading the value. */
  note?: string;
};
