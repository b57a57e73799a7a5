/**
 * Shared shapes for patient-reported outcome instruments. A result always
 * carries the version, scale, direction and the rule that produced it, so a
 * stored score can be re-read years later without guessing (reference §1).
 */

/**
 * The one list of instruments, in display order (pain first, then the
 * disability indexes, then RMDQ and PSFS): the database enum, forms, charts
 * and the main-questionnaire tie-break all read it.
 */
export const INSTRUMENT_IDS = ["nprs", "odi", "ndi", "rmdq", "psfs"] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

export const SCORE_UNITS = ["points", "percent"] as const;
export type ScoreUnit = (typeof SCORE_UNITS)[number];
export const SCORE_DIRECTIONS = ["higher-is-worse", "higher-is-better"] as const;
export type ScoreDirection = (typeof SCORE_DIRECTIONS)[number];
export type InstrumentRegion = "lumbar" | "cervical" | "any";

/** One answer as given by the patient; null means the item was left blank. */
export type ScoredItem = { id: string; label: string; value: number | boolean | null };

export type ScoreBand = { id: string; label: string };

export type ScoreSuccess = {
  ok: true;
  instrument: InstrumentId;
  version: string;
  score: number;
  scaleMin: number;
  scaleMax: number;
  unit: ScoreUnit;
  direction: ScoreDirection;
  band?: ScoreBand;
  /** Same score on another scale, e.g. the NDI percent beside the raw points. */
  alternate?: { score: number; unit: ScoreUnit; scaleMin: number; scaleMax: number };
  /** Human-readable rule applied, including the missing-item rule and its source. */
  rule: string;
  answered: number;
  missing: number;
  /** The raw answers, kept so a total is never stored alone. */
  items: ScoredItem[];
};

export type ScoreFailure = {
  ok: false;
  instrument: InstrumentId;
  version: string;
  reason: string;
};

export type ScoreResult = ScoreSuccess | ScoreFailure;

export type ItemDefinition = {
  id: string;
  label: string;
  min: number;
  max: number;
  kind: "integer" | "boolean";
};

export type VersionDescriptor = {
  id: string;
  label: string;
  direction: ScoreDirection;
  scaleMin: number;
  scaleMax: number;
  /** Fixed items; empty when the patient names the items (PSFS). */
  items: readonly ItemDefinition[];
};

export type InstrumentDescriptor = {
  id: InstrumentId;
  label: string;
  region: InstrumentRegion;
  /** Null when the reference found no LOINC code: a local code is used instead. */
  loinc: string | null;
  unit: ScoreUnit;
  itemMin: number;
  itemMax: number;
  defaultVersion: string;
  versions: readonly VersionDescriptor[];
  /** Only for patient-named items (PSFS): how many the patient may name. */
  patientItems?: { min: number; max: number };
  source: string;
};
