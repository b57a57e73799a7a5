/**
 * The four muscle-imbalance patterns named in the clinic's primer and in
 * clinical-reference.md section 3. They are tags a practitioner confirms,
 * never diagnoses.
 */
export const PATTERN_IDS = [
  "core-extensor",
  "hip-flexor-glute",
  "scapular-chest",
  "hamstring-quadriceps",
] as const;

export type PatternId = (typeof PATTERN_IDS)[number];

export const PATTERNS: Record<PatternId, { label: string; shortLabel: string; focus: string }> = {
  "core-extensor": {
    label: "Weak core, overactive lumbar extensors",
    shortLabel: "Core / lumbar extensors",
    focus: "Core strengthening, lumbar extensor release",
  },
  "hip-flexor-glute": {
    label: "Tight hip flexors, weak glutes (anterior pelvic tilt, lower crossed)",
    shortLabel: "Hip flexors / glutes",
    focus: "Hip flexor stretching, glute strengthening, squats and lunges",
  },
  "scapular-chest": {
    label: "Weak scapular stabilisers, tight chest (rounded shoulders, upper crossed)",
    shortLabel: "Scapular / chest",
    focus: "Pectoral stretching, scapular retraction strengthening, posture advice",
  },
  "hamstring-quadriceps": {
    label: "Tight hamstrings, weak quadriceps",
    shortLabel: "Hamstrings / quadriceps",
    focus: "Hamstring stretching, quadriceps strengthening",
  },
};
