import { z } from "zod";
import { findBand, type BandEdge } from "./bands";
import { refuseInvalidInput } from "./failure";
import type { ScoreResult } from "./types";
import { NDI_SECTIONS, NDI_VERSION, NDI_MAX_MISSING, type NdiSectionId } from "./ndi-descriptor";
export { NDI_SECTIONS, NDI_MAX_MISSING, NDI_DESCRIPTOR, type NdiSectionId } from "./ndi-descriptor";

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
