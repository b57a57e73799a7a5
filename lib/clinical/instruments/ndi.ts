import { z } from "zod";
import { findBand, type BandEdge } from "./bands";
import { refuseInvalidInput } from "./failure";
import type { InstrumentDescriptor, ScoreResult } from "./types";

// Section topics as published by Vernon & Mior 1991; clinical-reference.md lists none [U]
export const NDI_SECTIONS = [
  { id: "painIntensity", label: "Pain intensity" },
  { id: "personalCare", label: "Personal care" },
  { id: "lifting", label: "Lifting" },
  { id: "reading", label: "Reading" },
  { id: "headaches", label: "Headaches" },
  { id: "concentration", label: "Concentration" },
  { id: "work", label: "Work" },
  { id: "driving", label: "Driving" },
  { id: "sleeping", label: "Sleeping" },
  { id: "recreation", label: "Recreation" },
] as const;

export type NdiSectionId = (typeof NDI_SECTIONS)[number]["id"];

const NDI_VERSION = "1991";

// Vernon's rule fills missing items; more than 2 missing is refused: chosen default, no source [U]
export const NDI_MAX_MISSING = 2;

const ndiItem = z
  .number({ error: "Each NDI item is scored 0 to 5" })
  .int({ error: "Each NDI item is scored 0 to 5" })
  .min(0, { error: "Each NDI item is scored 0 to 5" })
  .max(5, { error: "Each NDI item is scored 0 to 5" })
  .nullish();

export const ndiInputSchema = z.object({
  instrument: z.literal("ndi"),
  version: z.literal(NDI_VERSION).default(NDI_VERSION),
  items: z.object(
    Object.fromEntries(NDI_SECTIONS.map((s) => [s.id, ndiItem])) as Record<NdiSectionId, typeof ndiItem>,
  ),
});

export type NdiInput = z.input<typeof ndiInputSchema>;

// Vernon [V] raw bands; a fractional raw score between edges (4.4) takes the higher band, see bands.ts
const NDI_BANDS: readonly BandEdge[] = [
  { id: "none", label: "No disability", max: 4 },
  { id: "mild", label: "Mild disability", max: 14 },
  { id: "moderate", label: "Moderate disability", max: 24 },
  { id: "severe", label: "Severe disability", max: 34 },
  { id: "complete", label: "Complete disability", max: 50 },
];

export const NDI_DESCRIPTOR: InstrumentDescriptor = {
  id: "ndi",
  label: "Neck Disability Index",
  region: "cervical",
  loinc: "82237-9", // LOINC 82237-9, seen in HL7 guides [S]
  unit: "points",
  itemMin: 0,
  itemMax: 5,
  defaultVersion: NDI_VERSION,
  versions: [
    {
      id: NDI_VERSION,
      label: "NDI (Vernon & Mior)",
      direction: "higher-is-worse",
      scaleMin: 0,
      scaleMax: 50,
      items: NDI_SECTIONS.map((s) => ({ ...s, min: 0, max: 5, kind: "integer" as const })),
    },
  ],
  source: "Vernon [V]",
};

const NDI_RULE =
  "NDI raw = sum of items (0-50) plus, for each missing item, the mean of the answered items (Vernon's rule), " +
  "kept exact (shown to 1 decimal); percent = raw x 2. Refused when more than 2 items are missing (chosen default [U]). " +
  "Raw bands per Vernon; a fractional raw score between band edges takes the higher band.";

/** Scores the Neck Disability Index in raw points, with the percent as an alternate. */
export function scoreNdi(input: NdiInput): ScoreResult {
  const parsed = ndiInputSchema.safeParse(input);
  if (!parsed.success) return refuseInvalidInput("ndi", NDI_VERSION, parsed.error);
  const items = NDI_SECTIONS.map((s) => ({ id: s.id, label: s.label, value: parsed.data.items[s.id] ?? null }));
  const answeredValues = items.flatMap((i) => (i.value === null ? [] : [i.value]));
  const missing = items.length - answeredValues.length;
  if (missing > NDI_MAX_MISSING) {
    return {
      ok: false,
      instrument: "ndi",
      version: NDI_VERSION,
      reason: `NDI not scored: ${missing} items missing, at most ${NDI_MAX_MISSING} allowed (chosen default [U])`,
    };
  }
  const sum = answeredValues.reduce((total, v) => total + v, 0);
  const raw = sum + missing * (sum / answeredValues.length);
  // Exact: verdicts use it as is; displays round it
  const score = raw;
  return {
    ok: true,
    instrument: "ndi",
    version: NDI_VERSION,
    score,
    scaleMin: 0,
    scaleMax: 50,
    unit: "points",
    direction: "higher-is-worse",
    band: findBand(score, NDI_BANDS),
    alternate: { score: raw * 2, unit: "percent", scaleMin: 0, scaleMax: 100 },
    rule: NDI_RULE,
    answered: answeredValues.length,
    missing,
    items,
  };
}
