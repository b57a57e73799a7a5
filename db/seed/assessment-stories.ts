import type { PatternId } from "@/lib/clinical/patterns";
import type { PersonaStory } from "./personas";
import type { Rng } from "./random";
import type { SeededPatient } from "./patients";

/**
 * The course of each demo patient's assessments: when they happened and how
 * bad things were. Named personas follow fixed scripts (demos and browser
 * tests point at them); the others follow a seeded trajectory: most improve,
 * some plateau, a few worsen.
 */

export type Trajectory = "improving" | "plateau" | "worsening";

export type VisitPlan = {
  daysAgo: number;
  nprs: number;
  /** ODI percent (lumbar) or NDI raw points (cervical). */
  disability: number;
  rmdq: number;
  /** PSFS ratings, 0 unable .. 10 as before (version 1). */
  psfs: number[];
  /** 1 = findings as bad as at baseline, 0 = normal. */
  findings: number;
};

export type PatientStory = {
  region: "lumbar" | "cervical";
  pattern: PatternId | null;
  trajectory: Trajectory;
  complaint: string;
  activities: string[];
  visits: VisitPlan[];
};

type Script = Omit<PatientStory, "visits"> & {
  days: number[];
  nprs: number[];
  disability: number[];
  rmdq: number[];
  psfs: number[][];
  findings: number[];
};

const SCRIPTS: Record<PersonaStory, Script> = {
  "improving-lower-crossed": {
    region: "lumbar",
    pattern: "hip-flexor-glute",
    trajectory: "improving",
    complaint: "Low back ache after long days at the desk, worse standing up from sitting",
    activities: ["Sitting through a work meeting", "Lifting my toddler", "Running 5 km"],
    days: [168, 140, 112, 84, 49, 14],
    nprs: [7, 6, 5, 4, 3, 2],
    disability: [44, 38, 30, 24, 18, 14],
    rmdq: [14, 12, 10, 8, 6, 4],
    psfs: [[3, 4, 2], [4, 5, 3], [5, 6, 4], [6, 7, 5], [7, 8, 6], [8, 9, 7]],
    findings: [1, 0.85, 0.65, 0.45, 0.25, 0],
  },
  "not-improving": {
    region: "lumbar",
    pattern: "core-extensor",
    trajectory: "plateau",
    complaint: "Constant low back pain for two years, stiff in the mornings",
    activities: ["Walking the dog for 30 minutes", "Gardening", "Driving to work"],
    // First assessment 120 days ago (the dashboard's "not improving" case needs at least 10 weeks)
    days: [120, 96, 68, 40, 12],
    nprs: [6, 6, 5, 6, 6],
    disability: [38, 36, 38, 36, 34],
    rmdq: [12, 12, 11, 12, 11],
    psfs: [[4, 3, 5], [4, 3, 5], [5, 3, 5], [4, 4, 5], [4, 3, 5]],
    findings: [1, 1, 0.95, 1, 0.95],
  },
  worsening: {
    region: "lumbar",
    pattern: "hamstring-quadriceps",
    trajectory: "worsening",
    complaint: "Back and posterior thigh pain, worse bending forward",
    activities: ["Bending to load the dishwasher", "Climbing stairs", "Playing golf"],
    days: [104, 72, 40, 9],
    nprs: [4, 5, 6, 7],
    disability: [24, 30, 36, 42],
    rmdq: [7, 9, 11, 13],
    psfs: [[6, 6, 5], [5, 5, 4], [4, 4, 3], [3, 3, 2]],
    findings: [0.8, 0.9, 1, 1],
  },
  pregnancy: {
    region: "lumbar",
    pattern: "hip-flexor-glute",
    trajectory: "improving",
    complaint: "Low back and pelvic girdle ache in the second trimester",
    activities: ["Walking to the station", "Sleeping through the night", "Standing to cook"],
    days: [63, 35, 10],
    nprs: [5, 4, 3],
    disability: [30, 26, 22],
    rmdq: [9, 8, 6],
    psfs: [[5, 4, 5], [6, 5, 6], [7, 5, 6]],
    findings: [1, 0.8, 0.6],
  },
  "fusion-override": {
    region: "lumbar",
    pattern: "core-extensor",
    trajectory: "improving",
    complaint: "Low back pain above an L4-S1 fusion, worse after lifting",
    activities: ["Lifting shopping bags", "Getting in and out of the car", "Playing with grandchildren"],
    days: [110, 80, 45, 16],
    nprs: [6, 5, 4, 4],
    disability: [40, 34, 30, 28],
    rmdq: [13, 11, 9, 8],
    psfs: [[3, 4, 4], [4, 5, 5], [5, 6, 6], [6, 6, 6]],
    findings: [1, 0.8, 0.6, 0.5],
  },
  osteoporosis: {
    region: "lumbar",
    pattern: "core-extensor",
    trajectory: "improving",
    complaint: "Mid and low back ache when standing for long",
    activities: ["Standing at the sink", "Walking to the shops", "Carrying laundry"],
    days: [90, 55, 20],
    nprs: [5, 4, 3],
    disability: [32, 28, 24],
    rmdq: [10, 9, 7],
    psfs: [[4, 5, 4], [5, 6, 5], [6, 6, 6]],
    findings: [1, 0.8, 0.6],
  },
  "red-flag": {
    region: "lumbar",
    pattern: null,
    trajectory: "worsening",
    complaint: "Low back pain radiating into both legs",
    activities: ["Sitting at work", "Walking to the car", "Sleeping"],
    days: [60, 30, 5],
    nprs: [5, 6, 8],
    disability: [34, 40, 52],
    rmdq: [11, 13, 17],
    psfs: [[5, 5, 4], [4, 4, 3], [2, 3, 2]],
    findings: [0, 0, 0],
  },
  "upper-crossed-cervical": {
    region: "cervical",
    pattern: "scapular-chest",
    trajectory: "improving",
    complaint: "Neck and upper back pain with headaches after screen work",
    activities: ["Working at the laptop for an hour", "Checking the blind spot when driving", "Swimming front crawl"],
    days: [150, 118, 84, 50, 18],
    nprs: [6, 5, 4, 3, 2],
    disability: [22, 18, 14, 11, 8],
    rmdq: [0, 0, 0, 0, 0],
    psfs: [[4, 5, 3], [5, 6, 4], [6, 7, 5], [7, 8, 6], [8, 8, 7]],
    findings: [1, 0.8, 0.6, 0.35, 0.1],
  },
};

function fromScript(s: Script): PatientStory {
  const visits = s.days.map((daysAgo, i) => ({
    daysAgo,
    nprs: s.nprs[i] ?? 0,
    disability: s.disability[i] ?? 0,
    rmdq: s.rmdq[i] ?? 0,
    psfs: s.psfs[i] ?? [],
    findings: s.findings[i] ?? 0,
  }));
  return { region: s.region, pattern: s.pattern, trajectory: s.trajectory, complaint: s.complaint, activities: s.activities, visits };
}

const LUMBAR_COMPLAINTS = [
  "Low back pain after lifting at work",
  "Recurring low back ache, worse sitting",
  "Low back stiffness in the mornings",
  "Low back pain since a fall on ice",
  "Back pain after a long drive",
];
const CERVICAL_COMPLAINTS = ["Neck pain after desk work", "Stiff neck with shoulder tension", "Neck ache and headaches by the evening"];
const LUMBAR_ACTIVITIES = ["Sitting for an hour", "Lifting a box", "Walking 2 km", "Gardening", "Getting dressed", "Running", "Vacuuming"];
const CERVICAL_ACTIVITIES = ["Reading in bed", "Working at a screen", "Reversing the car", "Carrying bags", "Swimming"];

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** How much of the baseline severity is left at time t (0..1 through the course). */
function remaining(trajectory: Trajectory, t: number, gain: number, rng: Rng): number {
  if (trajectory === "improving") return 1 - gain * t ** 0.8 + (t > 0 ? rng.float(-0.04, 0.04, 2) : 0);
  if (trajectory === "plateau") return 1 + (t > 0 ? rng.float(-0.06, 0.06, 2) : 0);
  return 1 + gain * t;
}

function randomStory(rng: Rng): PatientStory {
  const roll = rng.next();
  const trajectory: Trajectory = roll < 0.65 ? "improving" : roll < 0.85 ? "plateau" : "worsening";
  const pattern = rng.pick<PatternId>(["core-extensor", "hip-flexor-glute", "hip-flexor-glute", "scapular-chest", "hamstring-quadriceps", "core-extensor"]);
  const region = pattern === "scapular-chest" ? "cervical" : "lumbar";
  const count = trajectory === "improving" ? rng.int(4, 8) : trajectory === "plateau" ? rng.int(3, 6) : rng.int(3, 5);
  const first = rng.int(75, 180);
  // A few are overdue for reassessment (last seen more than 6 weeks ago)
  const last = rng.chance(0.15) ? rng.int(45, 60) : rng.int(2, 35);
  const gain = trajectory === "improving" ? rng.float(0.5, 0.8, 2) : trajectory === "worsening" ? rng.float(0.35, 0.55, 2) : 0;
  const baseNprs = trajectory === "worsening" ? rng.int(3, 6) : rng.int(5, 8);
  const baseDisability = region === "lumbar" ? rng.int(22, 52) : rng.int(12, 26);
  const baseRmdq = rng.int(7, 16);
  const pool = region === "lumbar" ? LUMBAR_ACTIVITIES : CERVICAL_ACTIVITIES;
  const activities = [...pool].sort(() => rng.next() - 0.5).slice(0, 3);
  const basePsfs = activities.map(() => rng.int(2, 5));
  const visits = Array.from({ length: count }, (_, i) => {
    const t = count === 1 ? 0 : i / (count - 1);
    const left = remaining(trajectory, t, gain, rng);
    const daysAgo = Math.round(first - (first - last) * t) + (i > 0 && i < count - 1 ? rng.int(-3, 3) : 0);
    return {
      daysAgo,
      nprs: clamp(Math.round(baseNprs * left), 0, 10),
      disability: clamp(Math.round(baseDisability * left), 0, region === "lumbar" ? 100 : 50),
      rmdq: clamp(Math.round(baseRmdq * left), 0, 24),
      psfs: basePsfs.map((b) => clamp(Math.round(10 - (10 - b) * left), 0, 10)),
      findings: clamp(trajectory === "worsening" ? 0.8 + 0.2 * t : left, 0, 1),
    };
  });
  return { region, pattern, trajectory, complaint: rng.pick(region === "lumbar" ? LUMBAR_COMPLAINTS : CERVICAL_COMPLAINTS), activities, visits };
}

/** The story of one demo patient: the persona's script, or a seeded random course. */
export function planStory(patient: SeededPatient, rng: Rng): PatientStory {
  return patient.story ? fromScript(SCRIPTS[patient.story]) : randomStory(rng);
}
