/**
 * Fixed vocabularies for the exercise library. Ids are stored in the database,
 * so they never change; labels are what the practitioner sees.
 */
export const EXERCISE_CATEGORIES = ["strengthen", "stretch", "functional", "posture", "mobility"] as const;
export type ExerciseCategory = (typeof EXERCISE_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<ExerciseCategory, string> = {
  strengthen: "Strengthen",
  stretch: "Stretch",
  functional: "Functional",
  posture: "Posture and ergonomics",
  mobility: "Mobility",
};

/** What an exercise does for the patterns it lists (clinical-reference.md section 3). */
export const EXERCISE_ROLES = ["stretch-tight", "strengthen-weak", "functional", "posture", "mobility"] as const;
export type ExerciseRole = (typeof EXERCISE_ROLES)[number];

export const MUSCLES = {
  "gluteus-maximus": "Gluteus maximus",
  "gluteus-medius": "Gluteus medius",
  "hip-flexors": "Hip flexors",
  hamstrings: "Hamstrings",
  quadriceps: "Quadriceps",
  abdominals: "Abdominals",
  "transversus-abdominis": "Transversus abdominis",
  obliques: "Obliques",
  "lumbar-extensors": "Lumbar extensors",
  pectorals: "Pectorals",
  "middle-trapezius": "Middle trapezius",
  "lower-trapezius": "Lower trapezius",
  rhomboids: "Rhomboids",
  "serratus-anterior": "Serratus anterior",
  "latissimus-dorsi": "Latissimus dorsi",
  "deep-neck-flexors": "Deep neck flexors",
  "upper-trapezius": "Upper trapezius",
  "thoracic-extensors": "Thoracic extensors",
} as const;
export type MuscleId = keyof typeof MUSCLES;

export const EQUIPMENT = {
  mat: "Exercise mat",
  "resistance-band": "Long resistance band",
  "mini-band": "Loop (mini) band",
  "band-anchor": "Fixed point to anchor a band",
  strap: "Strap or towel",
  chair: "Chair",
  bench: "Bench, firm bed or sofa edge",
  box: "Box or chair to sit back to",
  step: "Step or stair",
  wall: "Wall",
  doorway: "Doorway",
  "foam-roller": "Foam roller",
  dowel: "Dowel or broom handle",
  dumbbell: "Dumbbells",
  kettlebell: "Kettlebell",
  desk: "Desk",
  pillow: "Pillow",
} as const;
export type EquipmentId = keyof typeof EQUIPMENT;

// Resistance-band colours in the usual light-to-heavy order [U: no source in
// clinical-reference.md; brands differ, so the list is a convention, not a force].
export const BAND_COLOURS = ["yellow", "red", "green", "blue", "black", "silver", "gold"] as const;
export type BandColour = (typeof BAND_COLOURS)[number];

export const DOSE_SIDES = ["left", "right", "both", "na"] as const;
export type DoseSide = (typeof DOSE_SIDES)[number];
