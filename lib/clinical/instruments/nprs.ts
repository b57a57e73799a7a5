import { z } from "zod";
import { findBand, type BandEdge } from "./bands";
import { refuseInvalidInput } from "./failure";
import type { ScoreResult } from "./types";
import { NPRS_VERSION, NPRS_ITEMS } from "./nprs-descriptor";
export { NPRS_DESCRIPTOR } from "./nprs-descriptor";

const nprsRating = z
  .number({ error: "NPRS is a whole number from 0 to 10" })
  .int({ error: "NPRS is a whole number from 0 to 10" })
  .min(0, { error: "NPRS is a whole number from 0 to 10" })
  .max(10, { error: "NPRS is a whole number from 0 to 10" });

export const nprsInputSchema = z.object({
  instrument: z.literal("nprs"),
  version: z.literal(NPRS_VERSION).default(NPRS_VERSION),
  current: nprsRating,
  best: nprsRating.nullish(),
  worst24h: nprsRating.nullish(),
});

export type NprsInput = z.input<typeof nprsInputSchema>;

// Common NPRS bands, clinical-reference.md §1 (no primary source named)
const NPRS_BANDS: readonly BandEdge[] = [
  { id: "none", label: "No pain", max: 0 },
  { id: "mild", label: "Mild", max: 3 },
  { id: "moderate", label: "Moderate", max: 6 },
  { id: "severe", label: "Severe", max: 10 },
];

/** Scores the NPRS: the score is the current pain; best and worst are kept as items. */
export function scoreNprs(input: NprsInput): ScoreResult {
  const parsed = nprsInputSchema.safeParse(input);
  if (!parsed.success) return refuseInvalidInput("nprs", NPRS_VERSION, parsed.error);
  const { current, best, worst24h } = parsed.data;
  const items = [
    { id: "current", label: NPRS_ITEMS[0].label, value: current },
    { id: "best", label: NPRS_ITEMS[1].label, value: best ?? null },
    { id: "worst24h", label: NPRS_ITEMS[2].label, value: worst24h ?? null },
  ];
  const answered = items.filter((i) => i.value !== null).length;
  return {
    ok: true,
    instrument: "nprs",
    version: NPRS_VERSION,
    score: current,
    scaleMin: 0,
    scaleMax: 10,
    unit: "points",
    direction: "higher-is-worse",
    band: findBand(current, NPRS_BANDS),
    rule:
      "NPRS score = current pain, whole number 0-10 (ordinal: never averaged with other instruments). " +
      "Least and worst pain in the last 24 h are stored as optional items and do not change the score.",
    answered,
    missing: items.length - answered,
    items,
  };
}
