import { MOBILITY_DOSE } from "./default-doses";
import type { BuiltInExercise } from "./types";

/** Gentle range-of-motion work for the lumbar and thoracic spine. */
export const MOBILITY_EXERCISES: BuiltInExercise[] = [
  {
    slug: "cat-camel",
    name: "Cat-camel",
    category: "mobility",
    targetMuscles: ["lumbar-extensors", "thoracic-extensors"],
    patterns: ["core-extensor"],
    role: "mobility",
    equipment: ["mat"],
    defaultDose: MOBILITY_DOSE,
    instructions: [
      "Start on hands and knees.",
      "Slowly round your whole back up toward the ceiling, then let it sink gently into an arch.",
      "Stay within an easy range and do not push into either end.",
    ],
    commonErrors: ["Moving fast or bouncing", "Moving only the neck"],
  },
  {
    slug: "open-book-rotation",
    name: "Open book thoracic rotation",
    category: "mobility",
    targetMuscles: ["thoracic-extensors", "pectorals", "obliques"],
    patterns: ["scapular-chest"],
    role: "mobility",
    equipment: ["mat"],
    defaultDose: { ...MOBILITY_DOSE, reps: 8 },
    instructions: [
      "Lie on your side with knees bent and both arms straight out in front, palms together.",
      "Keep the knees together and sweep the top arm across so your chest turns toward the ceiling.",
      "Follow the hand with your eyes, pause, and come back.",
    ],
    commonErrors: ["Knees sliding apart", "Forcing the arm down to the floor"],
  },
];
