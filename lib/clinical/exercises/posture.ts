import { getAdviceDose } from "./default-doses";
import type { BuiltInExercise } from "./types";

/** Posture and ergonomic advice: applied through the day, so no sets or reps. */
export const POSTURE_ITEMS: BuiltInExercise[] = [
  {
    slug: "sitting-setup",
    name: "Sitting set-up",
    category: "posture",
    targetMuscles: [],
    patterns: ["scapular-chest", "core-extensor"],
    role: "posture",
    equipment: ["chair", "desk"],
    // [U] house default: check once at the start of each working day.
    defaultDose: getAdviceDose(1, 5),
    instructions: [
      "Sit right back so the chair supports the curve of your lower back, feet flat on the floor.",
      "Set the top of the screen near eye level about an arm's length away, with the keyboard close enough for your elbows to rest by your sides.",
      "Check the set-up at the start of each working day.",
    ],
    commonErrors: ["Perching on the front edge of the seat", "Screen set low so the head drifts forward"],
  },
  {
    slug: "standing-desk-routine",
    name: "Standing desk routine",
    category: "posture",
    targetMuscles: [],
    patterns: ["hip-flexor-glute", "core-extensor"],
    role: "posture",
    equipment: ["desk"],
    // [U] house default: about four changes of position per working day.
    defaultDose: getAdviceDose(4, 5),
    instructions: [
      "Switch between sitting and standing through the working day rather than doing either for hours.",
      "When standing, spread your weight over both feet with the desk at elbow height.",
      "Change position whenever you notice stiffness building.",
    ],
    commonErrors: ["Standing still for hours instead of alternating", "Hanging on one hip"],
  },
  {
    slug: "lifting-technique",
    name: "Lifting technique",
    category: "posture",
    targetMuscles: [],
    patterns: ["core-extensor"],
    role: "posture",
    equipment: [],
    // [U] house default: a daily reminder; the advice applies to every lift.
    defaultDose: getAdviceDose(1, 7),
    instructions: [
      "Stand close to the load with feet apart and one foot slightly ahead.",
      "Bend at the hips and knees, tighten your stomach, and keep the load close to you as you lift.",
      "Turn by moving your feet rather than twisting your back.",
    ],
    commonErrors: ["Reaching out to lift something far from the body", "Twisting while holding the load"],
  },
  {
    slug: "sleeping-position",
    name: "Sleeping position",
    category: "posture",
    targetMuscles: [],
    patterns: ["core-extensor", "scapular-chest"],
    role: "posture",
    equipment: ["pillow"],
    // [U] house default: nightly.
    defaultDose: getAdviceDose(1, 7),
    instructions: [
      "On your back, put a pillow under your knees; on your side, put one between your knees.",
      "Choose a head pillow that keeps your neck in line with the rest of your spine.",
      "If lying on your front brings on back or neck pain, try one of the other positions.",
    ],
    commonErrors: ["Stacking pillows so the neck bends", "Lying twisted with the top knee dropped across"],
  },
  {
    slug: "micro-breaks",
    name: "Micro-breaks from sitting",
    category: "posture",
    targetMuscles: [],
    patterns: ["hip-flexor-glute", "hamstring-quadriceps"],
    role: "posture",
    equipment: [],
    // [U] house default: roughly hourly across an eight-hour working day.
    defaultDose: getAdviceDose(8, 5),
    instructions: [
      "Set a reminder to get up and move for a minute or two at regular intervals, for example every 30 to 60 minutes of sitting.",
      "Walk about, roll your shoulders, or do a few gentle back bends or chin tucks.",
      "Reset your sitting position before you sit back down.",
    ],
    commonErrors: ["Skipping the reminder on busy days", "Spending the break seated at the screen"],
  },
];
