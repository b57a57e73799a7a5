// The PSFS as the forms show it: labels, versions, items. No zod here, so the
// assessment form in the browser can read it; psfs.ts validates and scores.
import type { InstrumentDescriptor, ScoreDirection } from "./types";

export const PSFS_VERSIONS = ["1", "2.0"] as const;

export type PsfsVersion = (typeof PSFS_VERSIONS)[number];

// Version 1: 0 = unable, 10 = as before injury; PSFS 2.0 reverses the scale (reference §1)
export const PSFS_DIRECTION: Record<PsfsVersion, ScoreDirection> = {
  "1": "higher-is-better",
  "2.0": "higher-is-worse",
};

// Up to 3 activities on the original form (Stratford 1995 [V]), 3-5 in common practice: 1-5 accepted (reference §1)
export const PSFS_MIN_ACTIVITIES = 1;
export const PSFS_MAX_ACTIVITIES = 5;

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
