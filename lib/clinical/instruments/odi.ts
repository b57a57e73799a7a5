import { z } from "zod";
import { findBand, type BandEdge } from "./bands";
import { refuseInvalidInput } from "./failure";
import type { InstrumentDescriptor, ScoreResult } from "./types";

// Section names only: the statement texts are licensed by their owner (reference §1)
export const ODI_SECTIONS = [
  { id: "painIntensity", label: "Pain intensity" },
  { id: "personalCare", label: "Personal care" },
  { id: "lifting", label: "Lifting" },
  { id: "walking", label: "Walking" },
  { id: "sitting", label: "Sitting" },
  { id: "standing", label: "Standing" },
  { id: "sleeping", label: "Sleeping" },
  { id: "sexLife", label: "Sex life" },
  { id: "socialLife", label: "Social life" },
  { id: "travelling", label: "Travelling" },
] as const;

export type OdiSectionId = (typeof ODI_SECTIONS)[number]["id"];

export const ODI_VERSIONS = ["1.0", "2.1a", "modified"] as const;

// More than 2 missing sections: refuse; a safe default, no verified source [U]
export const ODI_MAX_MISSING = 2;

const odiSection = z
  .number({ error: "Each ODI section is scored 0 to 5" })
  .int({ error: "Each ODI section is scored 0 to 5" })
  .min(0, { error: "Each ODI section is scored 0 to 5" })
  .max(5, { error: "Each ODI section is scored 0 to 5" })
  .nullish();

export const odiInputSchema = z.object({
  instrument: z.literal("odi"),
  version: z.enum(ODI_VERSIONS, { error: "ODI version must be 1.0, 2.1a or modified" }),
  sections: z.object(
    Object.fromEntries(ODI_SECTIONS.map((s) => [s.id, odiSection])) as Record<OdiSectionId, typeof odiSection>,
  ),
});

export type OdiInput = z.input<typeof odiInputSchema>;

// Fairbank & Pynsent, Spine 2000 [V]; a score between integer edges takes the worse band (bands.ts).
// With at most 2 sections missing no ODI score can fall between 20 and 21 (etc.): the edge rule is a safeguard.
const ODI_BANDS: readonly BandEdge[] = [
  { id: "minimal", label: "Minimal disability", max: 20 },
  { id: "moderate", label: "Moderate disability", max: 40 },
  { id: "severe", label: "Severe disability", max: 60 },
  { id: "crippled", label: "Crippled", max: 80 },
  { id: "bed-bound", label: "Bed-bound or exaggerating", max: 100 },
];

const ODI_ITEMS = ODI_SECTIONS.map((s) => ({ ...s, min: 0, max: 5, kind: "integer" as const }));

export const ODI_DESCRIPTOR: InstrumentDescriptor = {
  id: "odi",
  label: "Oswestry Disability Index",
  region: "lumbar",
  loinc: "97909-6", // LOINC 97909-6 score (panel 97908-8); its interpretation text holds NDI bands: not used
  unit: "percent",
  itemMin: 0,
  itemMax: 5,
  defaultVersion: "2.1a",
  // The modified ODI is often said to swap a section; the reference names one set of sections, used for all [U]
  versions: ODI_VERSIONS.map((id) => ({
    id,
    label: id === "modified" ? "Modified ODI" : `ODI ${id}`,
    direction: "higher-is-worse" as const,
    scaleMin: 0,
    scaleMax: 100,
    items: ODI_ITEMS,
  })),
  source: "Fairbank & Pynsent, Spine 2000 [V]",
};

const ODI_RULE =
  "ODI % = sum of answered sections / (5 x sections answered) x 100, kept exact (shown to 1 decimal); " +
  "each unanswered section removes 5 from the denominator; refused when more than 2 sections are missing " +
  "(safe default, unverified [U]). Bands per Fairbank & Pynsent 2000; a score between two band edges takes the higher band.";

/** Scores the Oswestry Disability Index as a percentage of the answered sections. */
export function scoreOdi(input: OdiInput): ScoreResult {
  const version = typeof input.version === "string" ? input.version : "unknown";
  const parsed = odiInputSchema.safeParse(input);
  if (!parsed.success) return refuseInvalidInput("odi", version, parsed.error);
  const items = ODI_SECTIONS.map((s) => ({ id: s.id, label: s.label, value: parsed.data.sections[s.id] ?? null }));
  const answeredValues = items.flatMap((i) => (i.value === null ? [] : [i.value]));
  const missing = items.length - answeredValues.length;
  if (missing > ODI_MAX_MISSING) {
    return {
      ok: false,
      instrument: "odi",
      version,
      reason: `ODI not scored: ${missing} sections missing, at most ${ODI_MAX_MISSING} allowed (safe default, unverified [U])`,
    };
  }
  const sum = answeredValues.reduce((total, v) => total + v, 0);
  // Exact: verdicts use it as is; displays round it (16/45 -> 35.555... shown as 35.6)
  const score = (sum * 100) / (5 * answeredValues.length);
  return {
    ok: true,
    instrument: "odi",
    version,
    score,
    scaleMin: 0,
    scaleMax: 100,
    unit: "percent",
    direction: "higher-is-worse",
    band: findBand(score, ODI_BANDS),
    rule: ODI_RULE,
    answered: answeredValues.length,
    missing,
    items,
  };
}
