import { z } from "zod";
import { refuseInvalidInput } from "./failure";
import type { InstrumentDescriptor, ScoreDirection, ScoreResult } from "./types";

export const PSFS_VERSIONS = ["1", "2.0"] as const;
export type PsfsVersion = (typeof PSFS_VERSIONS)[number];

// Version 1: 0 = unable, 10 = as before injury; PSFS 2.0 reverses the scale (reference §1)
const PSFS_DIRECTION: Record<PsfsVersion, ScoreDirection> = {
  "1": "higher-is-better",
  "2.0": "higher-is-worse",
};

// Up to 3 activities on the original form (Stratford 1995 [V]), 3-5 in common practice: 1-5 accepted (reference §1)
const PSFS_MIN_ACTIVITIES = 1;
const PSFS_MAX_ACTIVITIES = 5;
const ACTIVITY_COUNT_MESSAGE = "PSFS takes 1 to 5 activities";

const psfsActivitySchema = z.object({
  // Stable across visits so the same activity is re-rated at follow-up
  id: z.string().trim().min(1, { error: "Each PSFS activity needs an id" }),
  name: z.string({ error: "Each PSFS activity needs a name" }).trim().min(1, { error: "Each PSFS activity needs a name" }),
  // Null: named but not rated yet (a partial form); the score is the mean of the rated ones
  score: z
    .number({ error: "Each PSFS activity is rated 0 to 10" })
    .int({ error: "Each PSFS activity is rated 0 to 10" })
    .min(0, { error: "Each PSFS activity is rated 0 to 10" })
    .max(10, { error: "Each PSFS activity is rated 0 to 10" })
    .nullable(),
});

export const psfsInputSchema = z.object({
  instrument: z.literal("psfs"),
  version: z.enum(PSFS_VERSIONS, { error: "PSFS version must be 1 or 2.0" }),
  activities: z
    .array(psfsActivitySchema)
    .min(PSFS_MIN_ACTIVITIES, { error: ACTIVITY_COUNT_MESSAGE })
    .max(PSFS_MAX_ACTIVITIES, { error: ACTIVITY_COUNT_MESSAGE })
    .refine((list) => new Set(list.map((a) => a.id)).size === list.length, {
      error: "Each PSFS activity must have its own id",
    }),
});

export type PsfsInput = z.input<typeof psfsInputSchema>;

export const PSFS_DESCRIPTOR: InstrumentDescriptor = {
  id: "psfs",
  label: "Patient-Specific Functional Scale",
  region: "any",
  loinc: null, // No LOINC code found (reference §1)
  unit: "points",
  itemMin: 0,
  itemMax: 10,
  defaultVersion: "1",
  versions: PSFS_VERSIONS.map((id) => ({
    id,
    label: id === "1" ? "PSFS (0 = unable, 10 = as before)" : "PSFS 2.0 (reversed: higher = more difficulty)",
    direction: PSFS_DIRECTION[id],
    scaleMin: 0,
    scaleMax: 10,
    items: [],
  })),
  patientItems: { min: PSFS_MIN_ACTIVITIES, max: PSFS_MAX_ACTIVITIES },
  source: "Abbott 2014 [S]",
};

/**
 * Scores the PSFS as the exact mean of the rated activities (rounded only for
 * display: 2.75 stays 2.75, so a clinic threshold is never crossed by
 * rounding). Named but unrated activities are kept as missing; at least one
 * rating is needed for a score.
 */
export function scorePsfs(input: PsfsInput): ScoreResult {
  const version = typeof input.version === "string" ? input.version : "unknown";
  const parsed = psfsInputSchema.safeParse(input);
  if (!parsed.success) return refuseInvalidInput("psfs", version, parsed.error);
  const { activities } = parsed.data;
  const ratings = activities.flatMap((a) => (a.score === null ? [] : [a.score]));
  if (ratings.length === 0) {
    return { ok: false, instrument: "psfs", version, reason: "PSFS not scored: rate at least one activity (0 to 10)" };
  }
  const direction = PSFS_DIRECTION[parsed.data.version];
  const mean = ratings.reduce((total, score) => total + score, 0) / ratings.length;
  const missing = activities.length - ratings.length;
  return {
    ok: true,
    instrument: "psfs",
    version,
    score: mean,
    scaleMin: 0,
    scaleMax: 10,
    unit: "points",
    direction,
    rule:
      `PSFS ${version} score = exact mean of ${ratings.length} rated activit${ratings.length === 1 ? "y" : "ies"} (0-10), shown to 1 decimal; ` +
      `ratings stored as entered, ${direction === "higher-is-better" ? "higher is better" : "higher is worse (reversed scale)"}; ` +
      `1 to 5 named activities accepted${missing > 0 ? `, ${missing} not rated` : ""} (Stratford 1995 [V]).`,
    answered: ratings.length,
    missing,
    items: activities.map((a) => ({ id: a.id, label: a.name, value: a.score })),
  };
}
